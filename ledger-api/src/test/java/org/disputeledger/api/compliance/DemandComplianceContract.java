package org.disputeledger.api.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
import org.disputeledger.projection.compliance.DemandComplianceProjection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Demand compliance read from the demo data set, on each axis of time: the demands made of a platform, how far it
 * complied, and beside them the claims about its compliance, and what the ledger knew at a moment of recording.
 */
abstract class DemandComplianceContract extends LedgerHttp {

    private static final Duration CATCH_UP = Duration.ofSeconds(30);

    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private TokenStore tokens;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private TransactionManager transactions;
    @Autowired
    private Clock clock;

    @BeforeEach
    void projectionHasCaughtUp() throws InterruptedException {
        awaitCaughtUp();
    }

    @Test
    void googleCompliedFullyWithTheSmartVotingDemandOnTheSeventeenthOfSeptember2021() {
        JsonNode before = compliance("google", "at=2021-09-16");
        assertThat(before.get("demands")).hasSize(1);
        JsonNode g8a = before.get("demands").get(0);
        assertThat(g8a.get("demandId").asString()).isEqualTo(id("G8a", "demand"));
        assertThat(g8a.get("kind").asString()).isEqualTo("REMOVE_APP");
        assertThat(g8a.get("authority").asString()).isEqualTo("Roskomnadzor");
        assertThat(g8a.get("status").asString()).isEqualTo("OPEN");
        assertThat(g8a.get("items").isNull()).isTrue();
        assertThat(g8a.get("effective").get("date").asString()).isEqualTo("2021-09-02");
        assertThat(g8a.get("effective").get("precision").asString()).isEqualTo("DAY");
        assertThat(before.get("totals").get("demands").asLong()).isEqualTo(1);
        assertThat(before.get("totals").get("demandsWithoutItemCount").asLong()).isEqualTo(1);

        JsonNode after = compliance("google", "at=2021-09-17").get("demands").get(0);
        assertThat(after.get("status").asString()).isEqualTo("COMPLIED");
        assertThat(after.get("eventIds")).hasSize(2);
        assertThat(after.get("eventId").asString()).isEqualTo(g8a.get("eventId").asString());

        assertThat(compliance("google", "at=2021-09-01").get("demands")).isEmpty();
    }

    @Test
    void twitterIn2021HadThreeDemandsWithTwoItemsOutstanding() {
        JsonNode year = compliance("twitter", "from=2021-01-01&to=2021-12-31&at=2021-12-31");

        // W8b restore_content (1 item), S4 provide_information (no count), W16 delete_account (1 item)
        assertThat(ids(year.get("demands"), "demandId")).containsExactlyInAnyOrder(id("W8b", "demand"),
                id("S4", "demand"), id("W16", "demand"));
        JsonNode totals = year.get("totals");
        assertThat(totals.get("demands").asLong()).isEqualTo(3);
        assertThat(totals.get("itemsDemanded").asLong()).isEqualTo(2);
        assertThat(totals.get("itemsComplied").asLong()).isZero();
        assertThat(totals.get("itemsRefused").asLong()).isZero();
        assertThat(totals.get("itemsOutstanding").asLong()).isEqualTo(2);
        assertThat(totals.get("demandsWithoutItemCount").asLong()).isEqualTo(1);
        assertThat(year.get("withdrawn").asLong()).isZero();
        assertThat(ids(year.get("byKind"), "kind")).containsExactly("DELETE_ACCOUNT", "RESTORE_CONTENT",
                "PROVIDE_INFORMATION");

        JsonNode w16 = node(year.get("demands"), "demandId", id("W16", "demand"));
        assertThat(w16.get("kind").asString()).isEqualTo("DELETE_ACCOUNT");
        assertThat(w16.get("items").asLong()).isEqualTo(1);
        assertThat(w16.get("outstanding").asLong()).isEqualTo(1);
        assertThat(w16.get("status").asString()).isEqualTo("OPEN");
        JsonNode s4 = node(year.get("demands"), "demandId", id("S4", "demand"));
        assertThat(s4.get("effective").get("precision").asString()).isEqualTo("APPROXIMATE");

        JsonNode march = compliance("twitter", "from=2021-03-01&to=2021-03-31&at=2021-12-31");
        assertThat(ids(march.get("demands"), "demandId")).containsExactly(id("W16", "demand"));
    }

    @Test
    void roskomnadzorsTwoCountsOfUndeletedItemsAreBothListedAndFlagged() {
        JsonNode claims = compliance("twitter", "from=2021-01-01&to=2021-12-31&at=2021-12-31").get("claims");

        JsonNode w11b = node(claims, "claimId", id("W11b", "claim"));
        JsonNode w13 = node(claims, "claimId", id("W13", "claim"));
        assertThat(w11b.get("claimant").asString()).isEqualTo("Roskomnadzor");
        assertThat(w11b.get("metric").asString()).isEqualTo("undeleted_items");
        assertThat(w11b.get("count").asLong()).isEqualTo(2862);
        assertThat(w11b.get("asOf").asString()).isEqualTo("2021-03-01");
        assertThat(w11b.get("disagrees").asBoolean()).isTrue();
        assertThat(ids(w11b.get("disagreesWith"), null)).containsExactly(id("W13", "claim"));
        assertThat(w13.get("count").asLong()).isEqualTo(3168);
        assertThat(w13.get("asOf").asString()).isEqualTo("2021-03-10");
        assertThat(ids(w13.get("disagreesWith"), null)).containsExactly(id("W11b", "claim"));
        assertThat(node(claims, "claimId", id("W11a", "claim")).get("disagrees").asBoolean()).isFalse();

        List<String> order = ids(claims, "claimId");
        assertThat(order.indexOf(id("W11b", "claim"))).isLessThan(order.indexOf(id("W13", "claim")));
        assertThat(order.indexOf(id("W13", "claim"))).isLessThan(order.indexOf(id("W17", "claim")));

        JsonNode before = compliance("twitter", "from=2021-01-01&at=2021-03-05").get("claims");
        assertThat(node(before, "claimId", id("W11b", "claim")).get("disagrees").asBoolean()).isFalse();
        assertThat(ids(before, "claimId")).doesNotContain(id("W13", "claim"));
    }

    @Test
    void roskomnadzorsAssessmentsStandBesideTheDemandsNeverMergedIntoThem() {
        JsonNode year = compliance("twitter", "from=2021-01-01&to=2021-12-31&at=2021-12-31");
        JsonNode claims = year.get("claims");

        JsonNode w17 = node(claims, "claimId", id("W17", "claim"));
        assertThat(w17.get("type").asString()).isEqualTo("COMPLIANCE_ASSESSED");
        assertThat(w17.get("claimant").asString()).isEqualTo("Roskomnadzor");
        assertThat(w17.get("shareComplied").get("numerator").asLong()).isEqualTo(1);
        assertThat(w17.get("shareComplied").get("denominator").asLong()).isEqualTo(3);
        assertThat(w17.get("effective").get("date").asString()).isEqualTo("2021-03-23");
        JsonNode w20b = node(claims, "claimId", id("W20b", "claim"));
        assertThat(w20b.get("itemsRemoved").asLong()).isEqualTo(1900);
        assertThat(w20b.get("itemsFlagged").asLong()).isEqualTo(3100);
        JsonNode w21 = node(claims, "claimId", id("W21", "claim"));
        assertThat(w21.get("itemsRemaining").asLong()).isEqualTo(563);
        assertThat(w21.get("effective").get("date").asString()).isEqualTo("2021-05-17");

        assertThat(year.get("totals").get("itemsOutstanding").asLong()).isEqualTo(2);
    }

    @Test
    void telegramsDeadlineIncludesTheExtension() {
        JsonNode before = compliance("telegram", "at=2018-03-19");
        JsonNode t2 = node(before.get("demands"), "demandId", id("T2", "demand"));
        assertThat(t2.get("authority").asString()).isEqualTo("FSB");
        assertThat(t2.get("items").asLong()).isEqualTo(6);
        assertThat(t2.get("deadline").asString()).isEqualTo("2017-07-16");

        JsonNode after = compliance("telegram", "at=2018-03-20");
        assertThat(node(after.get("demands"), "demandId", id("T2", "demand")).get("deadline").asString())
                .isEqualTo("2018-04-04");
    }

    @Test
    void aComplianceRecordedLateChangesTheAnswerOnlyForKnowledgeAfterItsRecording() throws InterruptedException {
        String demand = """
                {"jurisdiction":"RU","authority":"Roskomnadzor","platform":"late-platform",
                 "kind":"REMOVE_CONTENT","itemCount":10,"envelope":%s}""".formatted(envelope("2021-01-01"));
        Response issued = post("/api/v1/demands", demand);
        assertThat(issued.status()).as(issued.raw()).isEqualTo(201);
        String demandId = issued.body().get("streamId").asString();
        String compliance = """
                {"scope":"PARTIAL","itemsActioned":4,"envelope":%s}""".formatted(envelope("2021-02-01"));
        Response complied = post("/api/v1/demands/" + demandId + "/compliances", compliance);
        assertThat(complied.status()).as(complied.raw()).isEqualTo(201);
        String complianceEvent = complied.body().get("events").get(0).get("eventId").asString();
        Instant recorded = Instant.parse(jdbc.queryForObject("SELECT time_stamp FROM domain_event_entry WHERE "
                + "event_identifier = ?", String.class, complianceEvent));
        awaitCaughtUp();

        String path = "/api/v1/platforms/late-platform/compliance?jurisdiction=RU&at=2021-03-01&knownAt=";
        JsonNode before = get(path + recorded.minusMillis(1)).body().get("compliance");
        JsonNode after = get(path + recorded).body().get("compliance");

        assertThat(before.get("demands").get(0).get("status").asString()).isEqualTo("OPEN");
        assertThat(before.get("totals").get("itemsOutstanding").asLong()).isEqualTo(10);
        assertThat(after.get("demands").get(0).get("status").asString()).isEqualTo("PARTIALLY_COMPLIED");
        assertThat(after.get("totals").get("itemsComplied").asLong()).isEqualTo(4);
        assertThat(after.get("totals").get("itemsOutstanding").asLong()).isEqualTo(6);
    }

    @Test
    void aRetractionOrACorrectionChangesTheAnswerOnlyForKnowledgeAfterItsRecording() throws InterruptedException {
        String retractedIssue = issue("curated-platform", 5);
        String correctedIssue = issue("curated-platform", 10);
        String demandId = streamOf(correctedIssue);
        Response complied = post("/api/v1/demands/" + demandId + "/compliances", compliance(4, "2021-03-05"));
        assertThat(complied.status()).as(complied.raw()).isEqualTo(201);
        String compliance = complied.body().get("events").get(0).get("eventId").asString();
        Response retraction = post("/api/v1/events/" + retractedIssue + "/retraction",
                "{\"reason\":\"the demand was addressed to another platform\",\"envelope\":"
                        + envelope("2021-06-01") + "}");
        Response correction = post("/api/v1/events/" + correctedIssue + "/corrections", """
                {"correctedEffective":{"date":"2021-03-01","precision":"DAY"},"correctedFields":{"itemCount":"12"},
                 "reason":"the demand of 1 March named 12 items","envelope":%s}""".formatted(envelope("2021-06-01")));
        Response recount = post("/api/v1/events/" + compliance + "/corrections", """
                {"correctedFields":{"itemsActioned":"6"},"reason":"the platform's letter counted 6 items",
                 "envelope":%s}""".formatted(envelope("2021-06-01")));
        assertThat(retraction.status()).as(retraction.raw()).isEqualTo(201);
        assertThat(correction.status()).as(correction.raw()).isEqualTo(201);
        assertThat(recount.status()).as(recount.raw()).isEqualTo(201);
        Instant curated = curatedAt(retractedIssue, correctedIssue, compliance);
        awaitCaughtUp();

        String path = "/api/v1/platforms/curated-platform/compliance?jurisdiction=RU&at=";
        String before = "&knownAt=" + curated.minusMillis(1);
        JsonNode february = get(path + "2021-02-01").body().get("compliance");
        JsonNode march = get(path + "2021-03-31").body().get("compliance");
        JsonNode februaryBefore = get(path + "2021-02-01" + before).body().get("compliance");
        JsonNode marchBefore = get(path + "2021-03-31" + before).body().get("compliance");

        assertThat(february.get("demands")).isEmpty();
        assertThat(ids(march.get("demands"), "demandId")).containsExactly(demandId);
        assertThat(march.get("demands").get(0).get("effective").get("date").asString()).isEqualTo("2021-03-01");
        assertThat(march.get("totals").get("itemsDemanded").asLong()).isEqualTo(12);
        assertThat(march.get("totals").get("itemsComplied").asLong()).isEqualTo(6);
        assertThat(march.get("totals").get("itemsOutstanding").asLong()).isEqualTo(6);
        assertThat(ids(februaryBefore.get("demands"), "demandId")).containsExactlyInAnyOrder(demandId,
                streamOf(retractedIssue));
        assertThat(februaryBefore.get("totals").get("itemsDemanded").asLong()).isEqualTo(15);
        assertThat(marchBefore.get("totals").get("itemsComplied").asLong()).isEqualTo(4);
        assertThat(marchBefore.get("totals").get("itemsOutstanding").asLong()).isEqualTo(11);
    }

    @Test
    void aCurationHandedToTheReadModelAgainAddsNothing() throws InterruptedException {
        String kept = issue("replayed-platform", 5);
        String lost = issue("replayed-platform", 10);
        for (String issue : List.of(kept, lost)) {
            Response retraction = post("/api/v1/events/" + issue + "/retraction",
                    "{\"reason\":\"recorded twice\",\"envelope\":" + envelope("2021-06-01") + "}");
            assertThat(retraction.status()).as(retraction.raw()).isEqualTo(201);
        }
        awaitCaughtUp();
        long curations = jdbc.queryForObject("SELECT COUNT(*) FROM compliance_curation", Long.class);

        // the row of one retraction is lost while the read model is stopped: the replay brings it back, and proves
        // it happened, while every other curation is handled a second time and must add nothing
        ReadModelReplay.fromTheStartWithoutReset(processing, tokens, eventStore, transactions,
                DemandComplianceProjection.PROCESSING_GROUP,
                () -> jdbc.update("DELETE FROM compliance_curation WHERE target_event_id = ?", lost));
        awaitCaughtUp();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM compliance_curation", Long.class))
                .isEqualTo(curations);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM compliance_curation WHERE target_event_id = ?",
                Long.class, lost)).isEqualTo(1);
        assertThat(get("/api/v1/platforms/replayed-platform/compliance?jurisdiction=RU&at=2021-02-01").body()
                .get("compliance").get("demands")).isEmpty();
    }

    @Test
    void anUnknownPlatformHasNoDemandsAndSaysHowFreshItIs() {
        Response response = get("/api/v1/platforms/no-such-platform/compliance?jurisdiction=RU&at=2021-06-01");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("compliance").get("demands")).isEmpty();
        assertThat(response.body().get("compliance").get("claims")).isEmpty();
        assertThat(response.body().get("projection").get("processor").asString()).isEqualTo("demand-compliance");
        assertThat(response.body().get("projection").get("lastFactRecordedAt").isNull()).isFalse();
    }

    @Test
    void refusesMalformedParameters() {
        String path = "/api/v1/platforms/twitter/compliance?jurisdiction=RU&";
        Response badAt = get(path + "at=2021-13-45");
        Response badKnownAt = get(path + "knownAt=yesterday");
        Response badFrom = get(path + "from=2021-02-30");
        Response badTo = get(path + "to=2021-03-01T00:00:00Z");
        Response reversed = get(path + "from=2021-03-01&to=2021-02-01");
        Response badJurisdiction = get("/api/v1/platforms/twitter/compliance?jurisdiction=Russia");
        Response badPlatform = get("/api/v1/platforms/Twitter_X/compliance?jurisdiction=RU");

        assertThat(badAt.status()).isEqualTo(400);
        assertThat(badAt.body().get("field").asString()).isEqualTo("at");
        assertThat(badAt.body().get("rule").asString()).isEqualTo("iso-date-or-instant");
        assertThat(badKnownAt.status()).isEqualTo(400);
        assertThat(badKnownAt.body().get("field").asString()).isEqualTo("knownAt");
        assertThat(badFrom.status()).isEqualTo(400);
        assertThat(badFrom.body().get("field").asString()).isEqualTo("from");
        assertThat(badFrom.body().get("rule").asString()).isEqualTo("iso-date");
        assertThat(badTo.status()).isEqualTo(400);
        assertThat(badTo.body().get("field").asString()).isEqualTo("to");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.body().get("field").asString()).isEqualTo("to");
        assertThat(badJurisdiction.status()).isEqualTo(400);
        assertThat(badJurisdiction.body().get("field").asString()).isEqualTo("jurisdiction");
        assertThat(badPlatform.status()).isEqualTo(400);
        assertThat(badPlatform.body().get("field").asString()).isEqualTo("platform");
    }

    /** Records a demand of a platform issued on 1 January 2021 and returns the id of its DemandIssued event. */
    private String issue(String platform, long items) {
        String demand = """
                {"jurisdiction":"RU","authority":"Roskomnadzor","platform":"%s",
                 "kind":"REMOVE_CONTENT","itemCount":%d,"envelope":%s}""".formatted(platform, items,
                envelope("2021-01-01"));
        Response issued = post("/api/v1/demands", demand);
        assertThat(issued.status()).as(issued.raw()).isEqualTo(201);
        return issued.body().get("events").get(0).get("eventId").asString();
    }

    /** The demand an event belongs to: the stream it was recorded in. */
    private String streamOf(String eventId) {
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

    /** The stream a demo row recorded: the name-based id the importer derives from the row. */
    private static String id(String row, String kind) {
        return UUID.nameUUIDFromBytes(("seed-timeline-v1:" + row + ":" + kind).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    @Test
    void theTransparencyCsvGivesEachHalfYearTheTotalsTheComplianceAnswerGives() {
        String knownAt = clock.instant().toString();
        Response csv = get("/api/v1/exports/transparency.csv?jurisdiction=RU&knownAt=" + knownAt);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        List<String> lines = csv.raw().lines().toList();
        assertThat(lines.get(0)).isEqualTo("period,period_start,period_end,jurisdiction,platform,demands,"
                + "items_requested,items_complied,items_refused,items_outstanding,demands_without_item_count,"
                + "demands_withdrawn,items_complied_percent,claims,claims_disagreeing");
        assertThat(lines).hasSizeGreaterThan(5);
        List<String> periods = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertThat(cells).hasSize(15);
            assertThat(cells[3]).isEqualTo("RU");
            periods.add(cells[4] + " " + cells[0]);
            JsonNode answer = compliance(cells[4], "from=" + cells[1] + "&to=" + cells[2] + "&at=" + knownAt
                    + "&knownAt=" + knownAt);
            JsonNode totals = answer.get("totals");
            assertThat(cells[5]).as(line).isEqualTo(totals.get("demands").asString());
            assertThat(cells[6]).as(line).isEqualTo(totals.get("itemsDemanded").asString());
            assertThat(cells[7]).as(line).isEqualTo(totals.get("itemsComplied").asString());
            assertThat(cells[8]).as(line).isEqualTo(totals.get("itemsRefused").asString());
            assertThat(cells[13]).as(line).isEqualTo(String.valueOf(answer.get("claims").size()));
            assertThat(Long.parseLong(cells[5]) + answer.get("claims").size()).as(line).isPositive();
        }
        // Twitter's 2021 demands fall in both halves of the year (see the test above)
        assertThat(periods).contains("twitter 2021-H1", "google 2021-H2").doesNotHaveDuplicates();
    }

    private JsonNode compliance(String platform, String query) {
        Response response = get("/api/v1/platforms/" + platform + "/compliance?jurisdiction=RU&" + query);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body().get("compliance");
    }

    private static List<String> ids(JsonNode array, String field) {
        List<String> ids = new ArrayList<>();
        array.forEach(item -> ids.add(field == null ? item.asString() : item.get(field).asString()));
        return ids;
    }

    private static JsonNode node(JsonNode array, String field, String value) {
        for (JsonNode item : array) {
            if (item.get(field).asString().equals(value)) {
                return item;
            }
        }
        throw new AssertionError("no " + field + " " + value + " in " + array);
    }

    /** Bounded polling: the read model follows the log asynchronously. */
    private void awaitCaughtUp() throws InterruptedException {
        awaitCaughtUp("/api/v1/platforms/twitter/compliance?jurisdiction=RU", CATCH_UP);
    }
}
