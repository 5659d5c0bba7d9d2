package org.disputeledger.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.disputeledger.api.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The dashboard on a ledger whose reads need a key. A stand-in filter answers as an authenticating ledger would:
 * 401 without a key, 403 for a key without the right to read, and passes the reader's key through. What is checked
 * is the page: it sends the key it was given, and says why it shows nothing when the ledger refuses.
 */
class DashboardApiKeyH2IT extends DashboardBrowser {

    static final String READER_KEY = "reader-key-for-the-dashboard";
    static final String OTHER_KEY = "key-without-the-reader-role";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    @TestConfiguration
    static class ReadsNeedAKey {

        @Bean
        FilterRegistrationBean<OncePerRequestFilter> bearerKeys() {
            FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                    new OncePerRequestFilter() {
                        @Override
                        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                                        FilterChain chain) throws ServletException, IOException {
                            String authorization = request.getHeader("Authorization");
                            if (authorization == null) {
                                response.sendError(401);
                            } else if (!authorization.equals("Bearer " + READER_KEY)) {
                                response.sendError(403);
                            } else {
                                chain.doFilter(request, response);
                            }
                        }
                    });
            registration.addUrlPatterns("/api/*");
            return registration;
        }
    }

    @Test
    void asksForAKeyThenSendsTheOneEnteredAndSaysWhenItMayNotRead() {
        expectRefusedReads(401, 403);
        open("/");
        assertThat(errorOf("board")).contains("401").contains("needs an API key");

        enterKey(OTHER_KEY);
        assertThat(errorOf("board")).contains("403").contains("may not read");

        enterKey(READER_KEY);
        assertThat(errorOf("board")).isNull();
        assertThat(text("#board .content")).contains("knew of no platform");
        assertThat(text("#key-state")).contains("A key is in use");
        assertThat(browser.executeScript("return sessionStorage.getItem('ledger.apiKey')")).isEqualTo(READER_KEY);
        assertThat(browser.executeScript("return localStorage.length")).isEqualTo(0L);
        assertThat(browser.getCurrentUrl()).doesNotContain(READER_KEY);

        act(() -> browser.findElement(By.id("forget-key")).click());
        assertThat(errorOf("board")).contains("401");
    }

    private void enterKey(String key) {
        act(() -> browser.findElement(By.id("api-key")).sendKeys(key, Keys.ENTER));
    }
}
