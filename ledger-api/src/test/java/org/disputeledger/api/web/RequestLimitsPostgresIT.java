package org.disputeledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.disputeledger.api.support.LedgerHttp;
import org.disputeledger.api.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What one request may make the ledger read is bounded: the body's size (413, whether its length is declared or
 * it arrives chunked), JSON nesting and number length (400), and every refusal, including those Spring MVC
 * decides itself, is a problem naming the field and the rule. Nothing is recorded by any of them.
 */
class RequestLimitsPostgresIT extends LedgerHttp {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry);
    }

    private static void assertProblem(Response response, int status, String field, String rule) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body().get("field").asString()).isEqualTo(field);
        assertThat(response.body().get("rule").asString()).isEqualTo(rule);
        assertThat(response.raw()).doesNotContain("Exception").doesNotContain("at org.");
    }

    private String oversized() {
        String summary = "x".repeat(300 * 1024);
        return demand(5, "2021-03-10").replace("\"confidence\":\"CONFIRMED\"",
                "\"confidence\":\"CONFIRMED\",\"summary\":\"" + summary + "\"");
    }

    @Test
    void aBodyOverTheLimitIs413() {
        long before = eventCount();

        assertProblem(post("/api/v1/demands", oversized()), 413, "body", "max-body-size");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aChunkedBodyOverTheLimitIs413WhileItIsRead() throws Exception {
        long before = eventCount();
        byte[] body = oversized().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/demands"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + ADMIN_KEY)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).get("rule").asString()).isEqualTo("max-body-size");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void jsonNestedTooDeeplyOrWithAnEndlessNumberIs400() {
        String deep = "{\"details\":" + "[".repeat(200) + "]".repeat(200) + "}";
        String longNumber = demand(5, "2021-03-10").replace("\"itemCount\":5", "\"itemCount\":" + "9".repeat(500));

        assertProblem(post("/api/v1/demands", deep), 400, "body", "json-limits");
        assertProblem(post("/api/v1/demands", longNumber), 400, "body", "json-limits");
    }

    @Test
    void refusalsSpringDecidesNameTheFieldAndTheRule() {
        assertProblem(get("/api/v1/no-such-thing"), 404, "path", "no-such-endpoint");
        assertProblem(as(ADMIN_KEY).send("DELETE", "/api/v1/demands", null), 405, "method", "method-not-allowed");
        assertProblem(post("/api/v1/demands", "<demand/>", "Content-Type", "application/xml"), 415,
                "Content-Type", "application-json");
    }
}
