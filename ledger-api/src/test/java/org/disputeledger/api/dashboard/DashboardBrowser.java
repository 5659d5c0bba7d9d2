package org.disputeledger.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import org.disputeledger.api.support.LedgerHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * Drives the dashboard in a real headless Chromium against the application under test. After each test it saves a
 * screenshot under target/dashboard-screenshots for review, and fails if the page wrote an error to the console.
 */
abstract class DashboardBrowser extends LedgerHttp {

    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");

    static ChromeDriver browser;
    private static Path profile;

    @BeforeAll
    static void openBrowser() {
        profile = Chromium.newProfile();
        browser = Chromium.start(profile);
    }

    @AfterAll
    static void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
        FileSystemUtils.deleteRecursively(profile);
    }

    @BeforeEach
    void forgetEarlierConsoleLines() {
        browser.manage().logs().get(LogType.BROWSER);
    }

    @AfterEach
    void screenshotAndConsole(TestInfo test) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path shot = SCREENSHOTS.resolve(getClass().getSimpleName() + "-" + test.getTestMethod().orElseThrow()
                .getName() + ".png");
        Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).filter(message -> !expectedInConsole(message)).toList();
        assertThat(errors).as("errors in the browser console").isEmpty();
    }

    private final Set<Integer> refusalsExpected = new HashSet<>();

    /**
     * Chromium writes every refused request to the console as an error; a test that provokes refusals on purpose
     * names their statuses, and only those lines are let through.
     */
    void expectRefusedReads(int... statuses) {
        for (int status : statuses) {
            refusalsExpected.add(status);
        }
    }

    private boolean expectedInConsole(String message) {
        return refusalsExpected.stream().anyMatch(status -> message.contains(
                "Failed to load resource: the server responded with a status of " + status + " "));
    }

    /** The API key the page holds before it opens, as a reader would have entered it; none: read anonymously. */
    String readerKey() {
        return null;
    }

    /** Opens the dashboard (a path with an optional query) and waits until every panel has answered once. */
    void open(String pathAndQuery) {
        String key = readerKey();
        if (key != null) {
            // the key lives in the tab's sessionStorage for the page's origin: set it there before the page loads
            browser.get("http://localhost:" + port + "/css/dashboard.css");
            browser.executeScript("sessionStorage.setItem('ledger.apiKey', arguments[0])", key);
        }
        browser.get("http://localhost:" + port + pathAndQuery);
        awaitLoads(0);
    }

    /** Does what the reader does, then waits until the panels have answered again. */
    void act(Runnable reader) {
        int before = loads();
        reader.run();
        awaitLoads(before);
    }

    /** Replaces the text of a field and presses Enter in it, as a keyboard user submits the form. */
    void enter(String fieldId, String text) {
        act(() -> {
            WebElement field = browser.findElement(By.id(fieldId));
            field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            field.sendKeys(text, Keys.ENTER);
        });
    }

    /** The state the board shows for a platform, or null when it lists none. */
    String stateOnBoard(String platform) {
        List<WebElement> rows = browser.findElements(By.cssSelector("#board tr[data-platform='" + platform + "']"));
        return rows.isEmpty() ? null : rows.get(0).getDomAttribute("data-state");
    }

    /** Waits until an element shows the text: for what changes one panel only. */
    void awaitText(String cssSelector, String text) {
        new WebDriverWait(browser, PATIENCE).withMessage(cssSelector + " never showed " + text)
                .ignoring(StaleElementReferenceException.class)
                .until(driver -> driver.findElements(By.cssSelector(cssSelector)).stream()
                        .anyMatch(element -> element.getText().contains(text)));
    }

    /** Scrolls an element into view, so the screenshot taken after the test shows what the test looked at. */
    void scrollTo(String cssSelector) {
        browser.executeScript("arguments[0].scrollIntoView()", browser.findElement(By.cssSelector(cssSelector)));
    }

    String text(String cssSelector) {
        return browser.findElement(By.cssSelector(cssSelector)).getText();
    }

    /** The message a panel shows in place of an answer, or null when it shows none. */
    String errorOf(String panelId) {
        WebElement error = browser.findElement(By.cssSelector("#" + panelId + " .error"));
        return error.isDisplayed() ? error.getText() : null;
    }

    /** Waits until the API says every read model has handled the whole log (the demo data loads on start-up). */
    void awaitReadModelsCaughtUp() {
        awaitReadModelsCaughtUp(PATIENCE);
    }

    private int loads() {
        String loaded = browser.findElement(By.tagName("body")).getDomAttribute("data-loaded");
        return loaded == null ? 0 : Integer.parseInt(loaded);
    }

    private void awaitLoads(int before) {
        new WebDriverWait(browser, PATIENCE).withMessage("the dashboard did not finish loading")
                .until(driver -> loads() > before);
    }
}
