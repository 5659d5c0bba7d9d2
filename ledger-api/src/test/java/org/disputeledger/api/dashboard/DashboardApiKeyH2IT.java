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
import org.springframework.core.Ordered;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The dashboard on a ledger whose reads need a key (anonymous reads closed on the embedded database). The ledger's
 * own security answers 401 without a key and takes the reader's real key; a stand-in filter in front of it answers
 * 403 for one key, as the ledger would for a key without the right to read. What is checked is the page: it sends
 * the key it was given, and says why it shows nothing when the ledger refuses.
 */
class DashboardApiKeyH2IT extends DashboardBrowser {

    static final String OTHER_KEY = "key-without-the-reader-role";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
        registry.add("ledger.security.anonymous-reads", () -> "never");
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
                            if (("Bearer " + OTHER_KEY).equals(request.getHeader("Authorization"))) {
                                response.sendError(403);
                            } else {
                                chain.doFilter(request, response);
                            }
                        }
                    });
            registration.addUrlPatterns("/api/*");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }

    @Test
    void asksForAKeyThenSendsTheOneEnteredAndSaysWhenItMayNotRead() {
        Response created = post("/api/v1/admin/keys", "{\"name\":\"dashboard\",\"role\":\"viewer\"}");
        assertThat(created.status()).isEqualTo(201);
        String readerKey = created.body().get("key").asString();
        expectRefusedReads(401, 403);
        open("/");
        assertThat(errorOf("board")).contains("401").contains("needs an API key");

        enterKey(OTHER_KEY);
        assertThat(errorOf("board")).contains("403").contains("may not read");

        enterKey(readerKey);
        assertThat(errorOf("board")).isNull();
        assertThat(text("#board .content")).contains("knew of no platform");
        assertThat(text("#key-state")).contains("A key is in use");
        assertThat(browser.executeScript("return sessionStorage.getItem('ledger.apiKey')")).isEqualTo(readerKey);
        assertThat(browser.executeScript("return localStorage.length")).isEqualTo(0L);
        assertThat(browser.getCurrentUrl()).doesNotContain(readerKey);

        act(() -> browser.findElement(By.id("forget-key")).click());
        assertThat(errorOf("board")).contains("401");
    }

    private void enterKey(String key) {
        act(() -> browser.findElement(By.id("api-key")).sendKeys(key, Keys.ENTER));
    }
}
