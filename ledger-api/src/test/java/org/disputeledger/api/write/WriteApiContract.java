package org.disputeledger.api.write;

import static org.assertj.core.api.Assertions.assertThat;

import org.disputeledger.api.support.LedgerHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What every write of the API promises, on whichever database the ledger runs. */
abstract class WriteApiContract extends LedgerHttp {

    /** The database this run of the contract must be on: a guard against a test silently using the default. */
    protected abstract String expectedDatabase();

    @Test
    void runsOnTheExpectedDatabase() throws java.sql.SQLException {
        try (var connection = jdbc.getDataSource().getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo(expectedDatabase());
            assertThat(connection.getMetaData().getURL()).doesNotContain("./data/");
        }
    }

    @Test
    void answers201WithTheAppendedEventsAndTheStreamCanBeReadBack() {
        Response created = post("/api/v1/demands", demand(10, "2021-03-10"));

        assertThat(created.status()).isEqualTo(201);
        String stream = created.body().get("streamId").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/streams/" + stream);
        assertThat(created.body().get("events").get(0).get("type").asString()).isEqualTo("DemandIssued");

        Response read = get("/api/v1/streams/" + stream);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"0\"");
        var event = read.body().get("events").get(0);
        assertThat(event.get("eventId").asString())
                .isEqualTo(created.body().get("events").get(0).get("eventId").asString());
        assertThat(event.get("recordedBy").asString()).isEqualTo(ADMIN_RECORDER);
        assertThat(event.get("revision").asString()).isEqualTo("1");
        assertThat(event.get("payload").get("itemCount").asLong()).isEqualTo(10);
        assertThat(event.get("payload").get("envelope").get("effective").get("precision").asString())
                .isEqualTo("DAY");
    }

    @Test
    void linksAFollowUpToTheEventItAnswers() {
        Response created = post("/api/v1/demands", demand(10, "2021-03-10"));
        String stream = created.body().get("streamId").asString();
        String issued = created.body().get("events").get(0).get("eventId").asString();
        String linked = """
                {"scope":"PARTIAL","itemsActioned":3,"envelope":{"effective":{"date":"2021-03-12","precision":"DAY"},
                "sources":[{"publisher":"Roskomnadzor"}],"confidence":"REPORTED",
                "links":[{"relation":"ANSWERS","eventId":"%s"}]}}""".formatted(issued);

        Response answered = post("/api/v1/demands/" + stream + "/compliances", linked);

        assertThat(answered.status()).isEqualTo(201);
        assertThat(get("/api/v1/streams/" + stream).body().get("events").get(1).get("payload").get("envelope")
                .get("links").get(0).get("eventId").asString()).isEqualTo(issued);
    }
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a fractional item count     | "itemCount":10.5                   | itemCount                 | integer
            an item count as text       | "itemCount":"10"                   | itemCount                 | type
            a negative item count       | "itemCount":-1                     | itemCount                 | non-negative
            an unknown kind             | "kind":"BURN_BOOKS"                | kind                      | enum
            an unknown jurisdiction     | "jurisdiction":"XX"                | jurisdiction              | iso-3166
            a platform that is no slug  | "platform":"Twitter Inc."          | platform                  | slug
            a malformed deadline        | "deadline":"2021-02-30"            | deadline                  | format
            an unknown field            | "colour":"red"                     | colour                    | unknown-field
            """)
    void refusesAMalformedDemandNamingTheFieldAndTheRule(String what, String override, String field, String rule) {
        long before = eventCount();
        String body = merge(demand(10, "2021-03-10"), null, override);

        Response refused = post("/api/v1/demands", body);

        assertThat(refused.status()).as(what).isEqualTo(400);
        assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(refused.body().get("field").asString()).as(what).isEqualTo(field);
        assertThat(refused.body().get("rule").asString()).as(what).isEqualTo(rule);
        assertThat(refused.body().get("code").asString()).isEqualTo("invalid-request");
        assertThat(eventCount()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no sources            | "sources":[]                                   | envelope.sources             | source-required
            a source without url or publisher | "sources":[{}]                     | envelope.sources[0]          | source-needs-url-or-publisher
            an ftp source         | "sources":[{"url":"ftp://x.org/a"}]            | envelope.sources[0].url      | http-url
            a month not on day 1  | "effective":{"date":"2021-03-10","precision":"MONTH"} | envelope.effective.date | month-precision-first-day
            an unknown precision  | "effective":{"date":"2021-03-10","precision":"WEEK"} | envelope.effective.precision | enum
            an unknown confidence | "confidence":"SURE"                            | envelope.confidence          | enum
            """)
    void refusesAMalformedEnvelopeNamingTheFieldAndTheRule(String what, String override, String field,
                                                           String rule) {
        long before = eventCount();
        String body = merge(demand(1, "2021-03-10"), "envelope", override);

        Response refused = post("/api/v1/demands", body);

        assertThat(refused.status()).as(what).isEqualTo(400);
        assertThat(refused.body().get("field").asString()).as(what).isEqualTo(field);
        assertThat(refused.body().get("rule").asString()).as(what).isEqualTo(rule);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void refusesABodyThatIsNotJson() {
        long before = eventCount();
        Response refused = post("/api/v1/demands", "{\"jurisdiction\": \"RU\",");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("field").asString()).isEqualTo("body");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void refusesAMissingEnvelope() {
        long before = eventCount();
        Response refused = post("/api/v1/demands", """
                {"jurisdiction":"RU","authority":"Roskomnadzor","platform":"twitter","kind":"REMOVE_CONTENT"}""");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("field").asString()).isEqualTo("envelope");
        assertThat(refused.body().get("rule").asString()).isEqualTo("required");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void refusesWithA409ACommandTheRulesForbidAndWritesNothing() {
        String stream = issueDemand(5);
        long before = eventCount();
        long position = lastPosition();

        Response refused = post("/api/v1/demands/" + stream + "/compliances", compliance(6, "2021-03-11"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("code").asString()).isEqualTo("compliance-exceeds-item-count");
        assertThat(refused.body().get("field").asString()).isEqualTo("itemsActioned");
        assertThat(refused.body().get("rule").asString())
                .isEqualTo("A demand cannot be complied with beyond its item count");
        assertThat(eventCount()).isEqualTo(before);
        assertThat(lastPosition()).isEqualTo(position);
    }

    @Test
    void refusesALinkToAnEventTheLedgerDoesNotHold() {
        long before = eventCount();
        String body = demand(1, "2021-03-10").replace("\"confidence\":\"CONFIRMED\"",
                "\"confidence\":\"CONFIRMED\",\"links\":[{\"relation\":\"FOLLOWS\",\"eventId\":\"nope\"}]");

        Response refused = post("/api/v1/demands", body);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("code").asString()).isEqualTo("unknown-event");
        assertThat(refused.body().get("field").asString()).isEqualTo("envelope.links[0].eventId");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void answers404ForAStreamThatDoesNotExist() {
        long before = eventCount();
        Response refused = post("/api/v1/demands/no-such-demand/compliances", compliance(1, "2021-03-11"));
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.body().get("code").asString()).isEqualTo("stream-not-found");
        assertThat(get("/api/v1/streams/no-such-demand").status()).isEqualTo(404);
        assertThat(eventCount()).isEqualTo(before);
    }
    @Test
    void aRetryWithTheSameKeyReturnsTheFirstAnswerAndAppendsNothing() {
        String body = demand(7, "2021-03-10");
        String key = "retry-" + System.nanoTime();
        Response first = post("/api/v1/demands", body, "Idempotency-Key", key);
        long after = eventCount();
        Response retry = post("/api/v1/demands", body, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.raw()).isEqualTo(first.raw());
        assertThat(eventCount()).isEqualTo(after);
    }

    @Test
    void aKeyReusedForADifferentRequestIsRefused() {
        String key = "reuse-" + System.nanoTime();
        post("/api/v1/demands", demand(7, "2021-03-10"), "Idempotency-Key", key);
        long after = eventCount();

        Response refused = post("/api/v1/demands", demand(8, "2021-03-10"), "Idempotency-Key", key);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().get("code").asString()).isEqualTo("idempotency-key-reused");
        assertThat(eventCount()).isEqualTo(after);
    }

    @Test
    void aRefusedRequestLeavesItsKeyFreeForACorrectedRetry() {
        String key = "fix-" + System.nanoTime();
        String stream = issueDemand(2);
        Response refused = post("/api/v1/demands/" + stream + "/compliances", compliance(3, "2021-03-11"),
                "Idempotency-Key", key);
        Response refusedAgain = post("/api/v1/demands/" + stream + "/compliances", compliance(3, "2021-03-11"),
                "Idempotency-Key", key);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refusedAgain.status()).isEqualTo(409);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_record WHERE idempotency_key = ?",
                Long.class, key)).isZero();
    }

    /** The JSON {@code base} with the fields of {@code override} (a JSON object's members) set in it or in a member. */
    private static String merge(String base, String member, String override) {
        var root = (tools.jackson.databind.node.ObjectNode) JSON.readTree(base);
        var target = member == null ? root : (tools.jackson.databind.node.ObjectNode) root.get(member);
        var fields = (tools.jackson.databind.node.ObjectNode) JSON.readTree("{" + override + "}");
        fields.properties().forEach(entry -> target.set(entry.getKey(), entry.getValue()));
        return JSON.writeValueAsString(root);
    }
}
