package org.disputeledger.api.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.disputeledger.api.support.LedgerHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The platform status read from the demo data set, on each axis of time: what was in force on a date, and what
 * the ledger knew at a moment of recording.
 */
abstract class PlatformStatusContract extends LedgerHttp {

    private static final Duration CATCH_UP = Duration.ofSeconds(30);

    @BeforeEach
    void projectionHasCaughtUp() throws InterruptedException {
        awaitCaughtUp();
    }

    @Test
    void twitterWasThrottledFromMarch2021WithTheScopeOfItsLatestChange() {
        JsonNode march = status("twitter", "2021-03-15");
        assertThat(march.get("state").asString()).isEqualTo("THROTTLED");
        assertThat(march.get("since").get("date").asString()).isEqualTo("2021-03-10");
        assertThat(march.get("since").get("precision").asString()).isEqualTo("DAY");
        assertThat(march.get("restrictions")).hasSize(1);
        JsonNode throttling = march.get("restrictions").get(0);
        assertThat(throttling.get("kind").asString()).isEqualTo("THROTTLING");
        assertThat(throttling.get("authority").asString()).isEqualTo("Roskomnadzor");
        assertThat(throttling.get("scope").get("mobilePercent").asInt()).isEqualTo(100);
        assertThat(throttling.get("scope").get("fixedPercent").asInt()).isEqualTo(50);
        assertSourcesAsRecorded(throttling);

        JsonNode june = status("twitter", "2021-06-01");
        assertThat(june.get("state").asString()).isEqualTo("THROTTLED");
        assertThat(june.get("since").get("date").asString()).isEqualTo("2021-03-10");
        JsonNode scope = june.get("restrictions").get(0).get("scope");
        assertThat(scope.get("mobilePercent").asInt()).isEqualTo(100);
        assertThat(scope.get("fixedPercent").asInt()).isZero();
        assertThat(scope.get("since").get("date").asString()).isEqualTo("2021-05-17");
    }

    @Test
    void twitterWasBlockedFromTheFourthOfMarch2022() {
        JsonNode status = status("twitter", "2022-03-05");

        assertThat(status.get("state").asString()).isEqualTo("BLOCKED");
        assertThat(status.get("since").get("date").asString()).isEqualTo("2022-03-04");
        assertThat(status.get("restrictions")).anySatisfy(r -> assertThat(r.get("kind").asString())
                .isEqualTo("BLOCK"));
        assertThat(status("twitter", "2022-03-03").get("state").asString()).isEqualTo("THROTTLED");
    }

    @Test
    void telegramWasBlockedInLawButLargelyReachableUntilTheLiftOfJune2020() {
        JsonNode blocked = status("telegram", "2019-06-01");
        assertThat(blocked.get("state").asString()).isEqualTo("BLOCKED");
        assertThat(blocked.get("since").get("date").asString()).isEqualTo("2018-04-16");
        assertThat(blocked.get("deFacto").get("observedState").asString()).isEqualTo("PARTIALLY_ACCESSIBLE");
        assertThat(blocked.get("deFacto").get("since").get("precision").asString()).isEqualTo("APPROXIMATE");
        assertSourcesAsRecorded(blocked.get("deFacto"));
        assertSourcesAsRecorded(blocked.get("restrictions").get(0));

        JsonNode lifted = status("telegram", "2020-07-01");
        assertThat(lifted.get("state").asString()).isEqualTo("NORMAL");
        assertThat(lifted.get("since").get("date").asString()).isEqualTo("2020-06-18");
        assertThat(lifted.get("restrictions")).isEmpty();
    }

    @Test
    void linkedInWasBlockedIn2017AndAnUnknownPlatformIsNormal() {
        assertThat(status("linkedin", "2017-06-30").get("state").asString()).isEqualTo("BLOCKED");
        JsonNode unknown = status("no-such-platform", "2021-03-15");
        assertThat(unknown.get("state").asString()).isEqualTo("NORMAL");
        assertThat(unknown.get("restrictions")).isEmpty();
    }

    @Test
    void everyPlatformOfAJurisdictionAtOnce() {
        Response response = get("/api/v1/status?jurisdiction=RU&at=2021-03-15");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("projection").get("caughtUp").asBoolean()).isTrue();
        java.util.Map<String, String> states = new java.util.HashMap<>();
        response.body().get("platforms").forEach(p -> states.put(p.get("platform").asString(),
                p.get("state").asString()));
        assertThat(states).containsEntry("twitter", "THROTTLED").containsEntry("linkedin", "BLOCKED")
                .containsEntry("telegram", "NORMAL");
    }

    @Test
    void aBlockRecordedLateChangesTheAnswerOnlyForKnowledgeAfterItsRecording() throws InterruptedException {
        String block = """
                {"authority":"Roskomnadzor","legalBasis":"149-FZ art. 15.3","envelope":%s}"""
                .formatted(envelope("2021-01-01"));
        assertThat(post("/api/v1/access/RU/late-messenger/blocks", block).status()).isEqualTo(201);
        Instant recorded = Instant.parse(jdbc.queryForObject("SELECT time_stamp FROM domain_event_entry WHERE "
                + "aggregate_identifier = 'access-ru-late-messenger'", String.class));
        awaitCaughtUp();

        String path = "/api/v1/platforms/late-messenger/status?jurisdiction=RU&at=2021-02-01&knownAt=";
        Response before = get(path + recorded.minusMillis(1));
        Response after = get(path + recorded);

        assertThat(before.body().get("status").get("state").asString()).isEqualTo("NORMAL");
        assertThat(after.body().get("status").get("state").asString()).isEqualTo("BLOCKED");
        assertThat(after.body().get("status").get("since").get("date").asString()).isEqualTo("2021-01-01");
        assertThat(Instant.parse(after.body().get("knownAt").asString())).isEqualTo(recorded);
    }

    @Test
    void aRetractionOrACorrectionChangesTheAnswerOnlyForKnowledgeAfterItsRecording() throws InterruptedException {
        String block = """
                {"authority":"Roskomnadzor","envelope":%s}""".formatted(envelope("2021-01-01"));
        Response retracted = post("/api/v1/access/RU/retracted-messenger/blocks", block);
        Response corrected = post("/api/v1/access/RU/corrected-messenger/blocks", block);
        String retractedBlock = retracted.body().get("events").get(0).get("eventId").asString();
        String correctedBlock = corrected.body().get("events").get(0).get("eventId").asString();
        Response retraction = post("/api/v1/events/" + retractedBlock + "/retraction",
                "{\"reason\":\"the order was never executed\",\"envelope\":" + envelope("2021-06-01") + "}");
        Response correction = post("/api/v1/events/" + correctedBlock + "/corrections", """
                {"correctedEffective":{"date":"2021-03-01","precision":"DAY"},"reason":"executed in March",
                 "envelope":%s}""".formatted(envelope("2021-06-01")));
        assertThat(retraction.status()).as(retraction.raw()).isEqualTo(201);
        assertThat(correction.status()).as(correction.raw()).isEqualTo(201);
        Instant curated = Instant.parse(jdbc.queryForObject("SELECT MIN(time_stamp) FROM domain_event_entry WHERE "
                + "aggregate_identifier LIKE 'curation-%'", String.class));
        awaitCaughtUp();

        assertThat(state("retracted-messenger", "2021-02-01", null)).isEqualTo("NORMAL");
        assertThat(state("retracted-messenger", "2021-02-01", curated.minusMillis(1))).isEqualTo("BLOCKED");
        assertThat(state("corrected-messenger", "2021-02-01", null)).isEqualTo("NORMAL");
        assertThat(state("corrected-messenger", "2021-03-02", null)).isEqualTo("BLOCKED");
        assertThat(state("corrected-messenger", "2021-02-01", curated.minusMillis(1))).isEqualTo("BLOCKED");
    }

    private String state(String platform, String isoDate, Instant knownAt) {
        String path = "/api/v1/platforms/" + platform + "/status?jurisdiction=RU&at=" + isoDate
                + (knownAt == null ? "" : "&knownAt=" + knownAt);
        return get(path).body().get("status").get("state").asString();
    }

    @Test
    void refusesMalformedPointsInTime() {
        Response badDate = get("/api/v1/platforms/twitter/status?jurisdiction=RU&at=2021-13-45");
        Response badInstant = get("/api/v1/status?jurisdiction=RU&knownAt=yesterday");
        Response badJurisdiction = get("/api/v1/status?jurisdiction=Russia");

        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body().get("field").asString()).isEqualTo("at");
        assertThat(badDate.body().get("rule").asString()).isEqualTo("iso-date-or-instant");
        assertThat(badInstant.status()).isEqualTo(400);
        assertThat(badInstant.body().get("field").asString()).isEqualTo("knownAt");
        assertThat(badJurisdiction.status()).isEqualTo(400);
        assertThat(badJurisdiction.body().get("field").asString()).isEqualTo("jurisdiction");
    }

    private JsonNode status(String platform, String isoDate) {
        Response response = get("/api/v1/platforms/" + platform + "/status?jurisdiction=RU&at=" + isoDate);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body().get("status");
    }

    /** Bounded polling: the read model follows the log asynchronously. */
    private void awaitCaughtUp() throws InterruptedException {
        awaitCaughtUp("/api/v1/status?jurisdiction=RU", CATCH_UP);
    }

    /** A fact an answer shows names its event, and carries the sources that event was recorded with. */
    private void assertSourcesAsRecorded(JsonNode shown) {
        byte[] payload = jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE event_identifier = ?",
                byte[].class, shown.get("eventId").asString());
        JsonNode recorded = JSON.readTree(payload).at("/envelope/sources");
        assertThat(shown.get("sources")).as(shown.toString()).hasSize(recorded.size()).isNotEmpty();
        for (int i = 0; i < recorded.size(); i++) {
            for (String field : List.of("url", "publisher", "publishedOn")) {
                assertThat(shown.get("sources").get(i).path(field).asString(""))
                        .as(field).isEqualTo(recorded.get(i).path(field).asString(""));
            }
        }
    }
}
