package org.disputeledger.api.dashboard;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The distribution's headless Chromium and its driver (Debian's {@code chromium} and {@code chromium-driver}, which
 * .ci/run installs). Both paths are given to Selenium, so it never looks for, or downloads, a browser or a driver.
 */
final class Chromium {

    static final String BROWSER = System.getProperty("ledger.test.chromium", "/usr/bin/chromium");
    static final String DRIVER = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");

    private Chromium() {
    }

    /**
     * Starts a browser with a fresh profile. A missing browser fails the test rather than skipping it: the
     * dashboard is then untested, which must not pass unnoticed.
     */
    static ChromeDriver start(Path profile) {
        requireExecutable(BROWSER, "chromium");
        requireExecutable(DRIVER, "chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        // Without the background-networking switches Chromium keeps calling home, and the closed network here
        // refuses it loudly; as root it needs --no-sandbox.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1600", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    static Path newProfile() {
        try {
            return Files.createTempDirectory("ledger-chromium-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireExecutable(String path, String debianPackage) {
        if (!Files.isExecutable(Path.of(path))) {
            throw new IllegalStateException(path + " is missing: the browser tests need Debian's " + debianPackage
                    + " (apt-get install chromium chromium-driver; .ci/run installs them)");
        }
    }
}
