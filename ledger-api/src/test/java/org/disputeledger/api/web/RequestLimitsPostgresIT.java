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
 * it arrives chunked), JSON nesting and number length (400), points in time (the years 1 to 9999), and every
 * refusal, including those Spring MVC, the security firewall and Tomcat decide themselves, is a problem naming the
 * field and the rule. Nothing is recorded by any of them. The last tests pin what the bad-input fuzz test found.
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

    @Test
    void aPointInTimeOutsideTheYears1To9999Is400NotAServerError() {
        // found by the fuzz test: a valid Instant past the year 999,999,999 overflowed the database timestamp
        assertProblem(get("/api/v1/status?jurisdiction=RU&knownAt=%2B1000000000-01-01T00:00:00Z"), 400, "knownAt",
                "time-range");
        assertProblem(get("/api/v1/platforms/twitter/timeline?from=-1000000-01-01T00:00:00Z"), 400, "from",
                "time-range");
        assertThat(get("/api/v1/status?jurisdiction=RU&at=9999-12-31").status()).isEqualTo(200);
    }

    @Test
    void aCommandAddressingAStreamOfAnotherKindIs404NotAServerError() {
        // found by the fuzz test: a fine's command sent to a demand's stream failed while loading the stream
        String demand = issueDemand(3);
        long before = eventCount();

        Response response = post("/api/v1/fines/" + demand + "/appeals", """
                {"appellant":"Twitter","envelope":%s}""".formatted(envelope("2021-04-10")));

        assertProblem(response, 404, "id", "The stream must exist");
        assertThat(response.body().get("code").asString()).isEqualTo("stream-not-found");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void urlsTheFirewallOrTomcatRefuseAreProblemsToo() {
        // found by the fuzz test: these were HTML pages or Boot's error JSON, naming no field
        assertProblem(get("/api/v1/streams/..%2F..%2Fetc%2Fpasswd"), 400, "path", "url-characters");
        assertProblem(get("/api/v1/streams/a%5Cb"), 400, "path", "url-characters");
        assertProblem(get("/api/v1/streams/%2500"), 400, "path", "url-characters");
        assertProblem(get("/api/v1/access//twitter"), 400, "path", "url-characters");
        assertProblem(get("/api/v1/streams/%00"), 400, "path", "url-characters");
    }

    @Test
    void everyProblemNamesAFieldAndARule() {
        // found by the fuzz test: these problems named no field
        assertProblem(get("/api/v1/data-sets/seed-timeline-v1"), 404, "dataSet",
                "A data set's report exists once it was imported");
        assertProblem(get("/api/v1/admin/read-models/rebuild"), 404, "rebuild",
                "A rebuild's state exists once one was asked for");
    }

    @Test
    void aNulCharacterInAnyStringIs400NotAServerError() {
        // found by the fuzz test: PostgreSQL refused the NUL while the links were checked
        String body = demand(5, "2021-03-10").replace("\"confidence\":\"CONFIRMED\"",
                "\"confidence\":\"CONFIRMED\",\"links\":[{\"relation\":\"FOLLOWS\",\"eventId\":\"a\\u0000b\"}]");
        long before = eventCount();

        assertProblem(post("/api/v1/demands", body), 400, "envelope.links[0].eventId", "format");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aMissingCountInAMapOrASumPastTheLongRangeIs400NotAServerError() {
        // found by the fuzz test: a null count failed the immutable copy before it was checked
        String nullCount = demand(5, "2021-03-10").replace("\"itemCount\":5",
                "\"itemCount\":5,\"itemsByCategory\":{\"drugs\":null}");
        String overflow = demand(5, "2021-03-10").replace("\"itemCount\":5",
                "\"itemsByCategory\":{\"drugs\":9223372036854775807,\"suicide\":9223372036854775807}");
        String nullField = """
                {"correctedFields":{"amount.minor":null},"reason":"typo","envelope":%s}""".formatted(
                envelope("2021-03-10"));

        assertProblem(post("/api/v1/demands", nullCount), 400, "itemsByCategory.drugs", "non-negative");
        assertProblem(post("/api/v1/demands", overflow), 400, "body", "overflow");
        assertProblem(post("/api/v1/events/" + java.util.UUID.randomUUID() + "/corrections", nullField), 400,
                "correctedFields.amount.minor", "required");
    }
}
