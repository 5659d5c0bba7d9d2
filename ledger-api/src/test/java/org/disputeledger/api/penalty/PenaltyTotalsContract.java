package org.disputeledger.api.penalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.disputeledger.api.support.LedgerHttp;
import org.disputeledger.api.support.ReadModelReplay;
import org.disputeledger.projection.penalty.PenaltyTotalsProjection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The penalty totals read from the demo data set, on each axis of time: what was imposed, due, in force, paid and
 * outstanding on a date, beside what was reported, and what the ledger knew at a moment of recording.
 */
abstract class PenaltyTotalsContract extends LedgerHttp {

    private static final Duration CATCH_UP = Duration.ofSeconds(30);

    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private TokenStore tokens;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private TransactionManager transactions;

    @BeforeEach
    void projectionHasCaughtUp() throws InterruptedException {
        awaitCaughtUp();
    }

    @Test
    void twitterOnTheFirstOfJune2021HadTheLocalisationFinesAndTheContentFinesOfSpring() {
        JsonNode rub = rub("twitter-inc", "2021-06-01");

        // W1 3,000 + W3 4m + W19a-W19c 8.9m + W24 19m, in kopecks
        assertThat(rub.get("imposed").get("minor").asLong()).isEqualTo(3_190_300_000L);
        assertThat(ids(rub.get("imposed"))).hasSize(6).contains(fine("W3"), fine("W19a"), fine("W19b"),
                fine("W19c"), fine("W24"), fine("W1"));
        assertThat(rub.get("underAppeal").get("minor").asLong()).isZero();
        assertThat(rub.get("inForce").get("minor").asLong()).isEqualTo(1_290_000_000L);
        assertThat(ids(rub.get("inForce"))).containsExactlyInAnyOrder(fine("W3"), fine("W19a"), fine("W19b"),
                fine("W19c"));
        assertThat(rub.get("paid").get("minor").asLong()).isZero();
        assertThat(rub.get("outstanding").get("minor").asLong()).isEqualTo(3_190_300_000L);
        assertThat(rub.get("referredToEnforcement").get("minor").asLong()).isZero();
        assertThat(rub.get("reported").isNull()).isTrue();

        JsonNode w19a = fineNode(rub, fine("W19a"));
        assertThat(w19a.get("provision").asString()).isEqualTo("KoAP 13.41 p.2");
        assertThat(w19a.get("dueMinor").asLong()).isEqualTo(320_000_000L);
        assertThat(w19a.get("effective").get("date").asString()).isEqualTo("2021-04-02");
        assertThat(w19a.get("effective").get("precision").asString()).isEqualTo("DAY");
        assertThat(w19a.get("status").asString()).isEqualTo("IN_FORCE");
        assertThat(w19a.get("eventIds")).hasSize(4);
        JsonNode w3 = fineNode(rub, fine("W3"));
        assertThat(w3.get("status").asString()).isEqualTo("IN_FORCE");
        assertThat(w3.get("outstandingMinor").asLong()).isEqualTo(400_000_000L);
        assertThat(fineNode(rub, fine("W24")).get("status").asString()).isEqualTo("IMPOSED");
    }

    @Test
    void theContentFinesOfAprilWereUnderAppealUntilMayAndReferredToTheBailiffsInSeptember() {
        JsonNode may = rub("twitter-inc", "2021-05-01");
        assertThat(may.get("underAppeal").get("minor").asLong()).isEqualTo(890_000_000L);
        assertThat(ids(may.get("underAppeal"))).containsExactlyInAnyOrder(fine("W19a"), fine("W19b"),
                fine("W19c"));
        assertThat(may.get("inForce").get("minor").asLong()).isEqualTo(400_000_000L);

        JsonNode october = rub("twitter-inc", "2021-10-08");
        assertThat(october.get("referredToEnforcement").get("minor").asLong()).isEqualTo(890_000_000L);
        assertThat(fineNode(october, fine("W19b")).get("status").asString()).isEqualTo("REFERRED_TO_ENFORCEMENT");
    }

    @Test
    void googlesSevenHundredThousandRoubleFineWasOutstandingUntilItsPayment() {
        JsonNode before = rub("google-llc", "2019-09-12");
        assertThat(before.get("imposed").get("minor").asLong()).isEqualTo(120_000_000L);
        assertThat(before.get("paid").get("minor").asLong()).isEqualTo(50_000_000L);
        assertThat(before.get("outstanding").get("minor").asLong()).isEqualTo(70_000_000L);
        assertThat(ids(before.get("outstanding"))).containsExactly(fine("G4"));
        assertThat(fineNode(before, fine("G2")).get("status").asString()).isEqualTo("PAID");

        JsonNode after = rub("google-llc", "2019-09-13");
        assertThat(after.get("paid").get("minor").asLong()).isEqualTo(120_000_000L);
        assertThat(after.get("outstanding").get("minor").asLong()).isZero();
        JsonNode g4 = fineNode(after, fine("G4"));
        assertThat(g4.get("paidMinor").asLong()).isEqualTo(70_000_000L);
        assertThat(g4.get("outstandingMinor").asLong()).isZero();
        assertThat(g4.get("status").asString()).isEqualTo("PAID");
    }

    @Test
    void theReportedTotalStandsBesideTheItemisedFines() {
        JsonNode reported = rub("twitter-inc", "2021-12-16").get("reported");
        assertThat(reported.get("claimant").asString()).isEqualTo("TASS");
        assertThat(reported.get("reportedMinor").asLong()).isEqualTo(5_500_000_000L);
        assertThat(reported.get("qualifier").asString()).isEqualTo("EXACT");
        assertThat(reported.get("lowerBound").asBoolean()).isFalse();
        assertThat(reported.get("effective").get("date").asString()).isEqualTo("2021-12-16");
        // W1, W3, W19a-c, W24, W25a-b, W26a, W30a-b
        assertThat(reported.get("itemisedMinor").asLong()).isEqualTo(5_240_300_000L);
        assertThat(reported.get("disagrees").asBoolean()).isTrue();
        assertThat(reported.get("comparison").asString())
                .isEqualTo("reported 5500000000 RUB, itemised 5240300000 RUB");

        JsonNode october = rub("twitter-inc", "2021-10-01").get("reported");
        assertThat(october.get("claimant").asString()).isEqualTo("Magistrate court No. 422 Tagansky district");
        assertThat(october.get("reportedMinor").asLong()).isEqualTo(4_500_000_000L);
        assertThat(october.get("lowerBound").asBoolean()).isTrue();
        assertThat(october.get("itemisedMinor").asLong()).isEqualTo(4_240_300_000L);
        assertThat(october.get("comparison").asString()).endsWith("(the report is a lower bound)");
    }

    @Test
    void anUnknownEntityHasNoCurrencies() {
        Response response = get("/api/v1/entities/no-such-entity/penalties?at=2021-06-01");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("penalties").get("currencies")).isEmpty();
        assertThat(response.body().get("projection").get("processor").asString()).isEqualTo("penalty-totals");
    }

    @Test
    void aPaymentRecordedLateChangesTheAnswerOnlyForKnowledgeAfterItsRecording() throws InterruptedException {
        String fine = """
                {"jurisdiction":"RU","authority":"Roskomnadzor","legalEntityId":"late-payer-inc",
                 "amount":{"minor":100000,"currency":"RUB"},"envelope":%s}""".formatted(envelope("2021-01-01"));
        Response imposed = post("/api/v1/fines", fine);
        assertThat(imposed.status()).as(imposed.raw()).isEqualTo(201);
        String fineId = imposed.body().get("streamId").asString();
        String payment = """
                {"amount":{"minor":100000,"currency":"RUB"},"payer":"Late Payer","envelope":%s}"""
                .formatted(envelope("2021-02-01"));
        Response paid = post("/api/v1/fines/" + fineId + "/payments", payment);
        assertThat(paid.status()).as(paid.raw()).isEqualTo(201);
        String paymentEvent = paid.body().get("events").get(0).get("eventId").asString();
        Instant recorded = Instant.parse(jdbc.queryForObject("SELECT time_stamp FROM domain_event_entry WHERE "
                + "event_identifier = ?", String.class, paymentEvent));
        awaitCaughtUp();

        String path = "/api/v1/entities/late-payer-inc/penalties?at=2021-03-01&knownAt=";
        JsonNode before = get(path + recorded.minusMillis(1)).body();
        JsonNode after = get(path + recorded).body();

        JsonNode rubBefore = before.get("penalties").get("currencies").get(0);
        assertThat(rubBefore.get("outstanding").get("minor").asLong()).isEqualTo(100_000L);
        assertThat(rubBefore.get("paid").get("minor").asLong()).isZero();
        JsonNode rubAfter = after.get("penalties").get("currencies").get(0);
        assertThat(rubAfter.get("outstanding").get("minor").asLong()).isZero();
        assertThat(rubAfter.get("paid").get("minor").asLong()).isEqualTo(100_000L);
        assertThat(Instant.parse(after.get("knownAt").asString())).isEqualTo(recorded);
    }

    @Test
    void aRetractionOrACorrectionChangesTheAnswerOnlyForKnowledgeAfterItsRecording() throws InterruptedException {
        String retractedFine = imposeFine("curated-inc", 100_000L);
        String correctedFine = imposeFine("curated-inc", 300_000L);
        Response retraction = post("/api/v1/events/" + retractedFine + "/retraction",
                "{\"reason\":\"the ruling was about another company\",\"envelope\":" + envelope("2021-06-01") + "}");
        Response correction = post("/api/v1/events/" + correctedFine + "/corrections", """
                {"correctedEffective":{"date":"2021-03-01","precision":"DAY"},
                 "correctedFields":{"amount.minor":"250000"},"reason":"the ruling of 1 March set 2,500 roubles",
                 "envelope":%s}""".formatted(envelope("2021-06-01")));
        assertThat(retraction.status()).as(retraction.raw()).isEqualTo(201);
        assertThat(correction.status()).as(correction.raw()).isEqualTo(201);
        Instant curated = curatedAt(retractedFine, correctedFine);
        awaitCaughtUp();

        String path = "/api/v1/entities/curated-inc/penalties?at=";
        JsonNode february = get(path + "2021-02-01").body().get("penalties");
        JsonNode march = get(path + "2021-03-01").body().get("penalties").get("currencies").get(0);
        JsonNode februaryBefore = get(path + "2021-02-01&knownAt=" + curated.minusMillis(1)).body()
                .get("penalties").get("currencies").get(0);

        assertThat(february.get("currencies")).isEmpty();
        assertThat(march.get("imposed").get("minor").asLong()).isEqualTo(250_000L);
        assertThat(ids(march.get("imposed"))).containsExactly(fineOf(correctedFine));
        assertThat(march.get("fines").get(0).get("effective").get("date").asString()).isEqualTo("2021-03-01");
        assertThat(februaryBefore.get("imposed").get("minor").asLong()).isEqualTo(400_000L);
        assertThat(ids(februaryBefore.get("imposed"))).containsExactlyInAnyOrder(fineOf(retractedFine),
                fineOf(correctedFine));
    }

    @Test
    void aCurationHandedToTheReadModelAgainAddsNothing() throws InterruptedException {
        String kept = imposeFine("replayed-inc", 100_000L);
        String lost = imposeFine("replayed-inc", 300_000L);
        for (String fine : List.of(kept, lost)) {
            Response retraction = post("/api/v1/events/" + fine + "/retraction",
                    "{\"reason\":\"recorded twice\",\"envelope\":" + envelope("2021-06-01") + "}");
            assertThat(retraction.status()).as(retraction.raw()).isEqualTo(201);
        }
        awaitCaughtUp();
        long curations = jdbc.queryForObject("SELECT COUNT(*) FROM penalty_curation", Long.class);

        // the row of one retraction is lost while the read model is stopped: the replay brings it back, and proves
        // it happened, while every other curation is handled a second time and must add nothing
        ReadModelReplay.fromTheStartWithoutReset(processing, tokens, eventStore, transactions,
                PenaltyTotalsProjection.PROCESSING_GROUP,
                () -> jdbc.update("DELETE FROM penalty_curation WHERE target_event_id = ?", lost));
        awaitCaughtUp();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM penalty_curation", Long.class)).isEqualTo(curations);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM penalty_curation WHERE target_event_id = ?", Long.class,
                lost)).isEqualTo(1);
        assertThat(get("/api/v1/entities/replayed-inc/penalties?at=2021-02-01").body().get("penalties")
                .get("currencies")).isEmpty();
    }

    @Test
    void refusesMalformedPointsInTimeAndEntities() {
        Response badDate = get("/api/v1/entities/twitter-inc/penalties?at=2021-13-45");
        Response badInstant = get("/api/v1/entities/twitter-inc/penalties?knownAt=yesterday");
        Response badEntity = get("/api/v1/entities/Twitter_Inc/penalties");

        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body().get("field").asString()).isEqualTo("at");
        assertThat(badDate.body().get("rule").asString()).isEqualTo("iso-date-or-instant");
        assertThat(badInstant.status()).isEqualTo(400);
        assertThat(badInstant.body().get("field").asString()).isEqualTo("knownAt");
        assertThat(badEntity.status()).isEqualTo(400);
        assertThat(badEntity.body().get("field").asString()).isEqualTo("legalEntity");
    }

    /** Records a fine on 1 January 2021 and returns the id of its FineImposed event. */
    private String imposeFine(String legalEntity, long minor) {
        String fine = """
                {"jurisdiction":"RU","authority":"Roskomnadzor","legalEntityId":"%s",
                 "amount":{"minor":%d,"currency":"RUB"},"envelope":%s}""".formatted(legalEntity, minor,
                envelope("2021-01-01"));
        Response imposed = post("/api/v1/fines", fine);
        assertThat(imposed.status()).as(imposed.raw()).isEqualTo(201);
        return imposed.body().get("events").get(0).get("eventId").asString();
    }

    /** The fine an event belongs to: the stream it was recorded in. */
    private String fineOf(String eventId) {
        return jdbc.queryForObject("SELECT aggregate_identifier FROM domain_event_entry WHERE event_identifier = ?",
                String.class, eventId);
    }

    /** When the ledger recorded the earliest curation of these events. */
    private Instant curatedAt(String... eventIds) {
        return Arrays.stream(eventIds)
                .map(eventId -> Instant.parse(jdbc.queryForObject("SELECT MIN(time_stamp) FROM domain_event_entry"
                        + " WHERE aggregate_identifier = ?", String.class, "curation-" + eventId)))
                .min(Instant::compareTo).orElseThrow();
    }

    /** The fine a demo row recorded: the name-based id the importer derives from the row. */
    private static String fine(String row) {
        return UUID.nameUUIDFromBytes(("seed-timeline-v1:" + row + ":fine").getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private JsonNode rub(String legalEntity, String isoDate) {
        Response response = get("/api/v1/entities/" + legalEntity + "/penalties?at=" + isoDate);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        JsonNode currencies = response.body().get("penalties").get("currencies");
        assertThat(currencies).hasSize(1);
        assertThat(currencies.get(0).get("currency").asString()).isEqualTo("RUB");
        return currencies.get(0);
    }

    private static List<String> ids(JsonNode figure) {
        List<String> ids = new ArrayList<>();
        figure.get("fineIds").forEach(id -> ids.add(id.asString()));
        return ids;
    }

    private static JsonNode fineNode(JsonNode currency, String fineId) {
        for (JsonNode fine : currency.get("fines")) {
            if (fine.get("fineId").asString().equals(fineId)) {
                return fine;
            }
        }
        throw new AssertionError("no fine " + fineId + " in " + currency.get("fines"));
    }

    /** Bounded polling: the read model follows the log asynchronously. */
    private void awaitCaughtUp() throws InterruptedException {
        awaitCaughtUp("/api/v1/entities/twitter-inc/penalties", CATCH_UP);
    }
}
