package org.disputeledger.api.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.disputeledger.api.support.LedgerHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The timelines read from the demo data set: of a platform, of a legal entity and of an account, in effective
 * order with the precision as given, their causal links, on both axes of time, page by page.
 */
abstract class TimelineContract extends LedgerHttp {

    private static final Duration CATCH_UP = Duration.ofSeconds(30);

    @BeforeEach
    void projectionHasCaughtUp() throws InterruptedException {
        awaitCaughtUp();
    }

    @Test
    void twitterWasThrottledInMarchBeforeTheScopeChangedInMay() {
        List<JsonNode> entries = entries(get("/api/v1/platforms/twitter/timeline?jurisdiction=RU&limit=1000"));

        JsonNode throttling = only(entries, "ThrottlingImposed", "2021-03-10");
        JsonNode scope = only(entries, "ThrottlingScopeChanged", "2021-05-17");
        assertThat(entries.indexOf(throttling)).isLessThan(entries.indexOf(scope));
        assertThat(throttling.get("effective").get("precision").asString()).isEqualTo("DAY");
        assertThat(throttling.get("sources")).isNotEmpty();
        assertThat(throttling.get("confidence").asString()).isNotBlank();
        assertThat(throttling.get("platform").asString()).isEqualTo("twitter");
        assertThat(linksTo(scope)).contains(throttling.get("eventId").asString());
        assertThat(linkedFrom(throttling)).contains(scope.get("eventId").asString());
        List<Instant> starts = entries.stream().map(TimelineContract::start).toList();
        assertThat(starts).isSorted();
    }

    @Test
    void theEntityTimelineHoldsTheEventsOfItsFinesThatNameNoEntity() {
        List<JsonNode> twitter = entries(get("/api/v1/entities/twitter-inc/timeline?limit=1000"));
        List<JsonNode> google = entries(get("/api/v1/entities/google-llc/timeline?limit=1000"));

        assertThat(only(twitter, "AppealDecided", "2020-03-16").get("legalEntity").asString())
                .isEqualTo("twitter-inc");
        List<JsonNode> mayDecisions = twitter.stream().filter(entry -> entry.get("type").asString()
                .equals("AppealDecided") && entry.get("effective").get("date").asString().equals("2021-05-17"))
                .toList();
        assertThat(mayDecisions).hasSize(3).allMatch(entry -> entry.get("legalEntity").asString()
                .equals("twitter-inc"));
        assertThat(only(google, "FinePaid", "2019-09-13").get("legalEntity").asString()).isEqualTo("google-llc");
        assertThat(only(google, "FinePaid", "2018-12-24").get("effective").get("precision").asString())
                .isEqualTo("APPROXIMATE");
    }

    @Test
    void theAccountTimelineHasTheSuspensionAndItsApproximateRestoration() {
        Response response = get("/api/v1/accounts/twitter/@armscontrol_rus");
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        List<JsonNode> entries = entries(response);

        JsonNode suspended = only(entries, "AccountSuspended", "2021-02-12");
        JsonNode restored = only(entries, "AccountRestored", "2021-02-23");
        JsonNode demand = only(entries, "DemandIssued", "2021-02-13");
        assertThat(entries.indexOf(suspended)).isLessThan(entries.indexOf(demand));
        assertThat(entries.indexOf(demand)).isLessThan(entries.indexOf(restored));
        assertThat(restored.get("effective").get("precision").asString()).isEqualTo("APPROXIMATE");
        assertThat(restored.get("accounts").get(0).asString()).isEqualTo("@armscontrol_rus");
        JsonNode reverses = restored.get("links").get(0);
        assertThat(reverses.get("relation").asString()).isEqualTo("REVERSES");
        assertThat(reverses.get("eventId").asString()).isEqualTo(suspended.get("eventId").asString());
        List<String> reversedBy = new ArrayList<>();
        suspended.get("linkedFrom").forEach(link -> {
            if (link.get("relation").asString().equals("REVERSES")) {
                reversedBy.add(link.get("eventId").asString());
            }
        });
        assertThat(reversedBy).containsExactly(restored.get("eventId").asString());
        assertThat(response.body().get("subject").get("account").asString()).isEqualTo("@armscontrol_rus");
    }

    @Test
    void anEventRecordedAfterKnownAtIsNotInTheTimeline() {
        String path = "/api/v1/platforms/twitter/timeline?jurisdiction=RU&limit=1000";
        JsonNode scope = only(entries(get(path)), "ThrottlingScopeChanged", "2021-05-17");
        Instant recorded = Instant.parse(scope.get("recordedAt").asString());

        List<JsonNode> before = entries(get(path + "&knownAt=" + recorded.minusMillis(1)));
        List<JsonNode> after = entries(get(path + "&knownAt=" + recorded));

        assertThat(before).noneMatch(entry -> entry.get("eventId").equals(scope.get("eventId")));
        assertThat(before).allMatch(entry -> !Instant.parse(entry.get("recordedAt").asString()).isAfter(
                recorded.minusMillis(1)));
        assertThat(after).anyMatch(entry -> entry.get("eventId").equals(scope.get("eventId")));
        List<JsonNode> march = entries(get(path + "&at=2021-03-31"));
        assertThat(march).noneMatch(entry -> entry.get("eventId").equals(scope.get("eventId")));
        assertThat(march).anyMatch(entry -> entry.get("type").asString().equals("ThrottlingImposed"));
    }

    @Test
    void aRetractedEventStaysFlaggedWithItsCurationOnlyForKnowledgeAfterTheRetraction()
            throws InterruptedException {
        String fine = """
                {"jurisdiction":"RU","authority":"Roskomnadzor","legalEntityId":"retracted-fine-inc",
                 "amount":{"minor":100000,"currency":"RUB"},"envelope":%s}""".formatted(envelope("2021-01-01"));
        Response imposed = post("/api/v1/fines", fine);
        assertThat(imposed.status()).as(imposed.raw()).isEqualTo(201);
        String imposition = imposed.body().get("events").get(0).get("eventId").asString();
        Response retracted = post("/api/v1/events/" + imposition + "/retraction",
                """
                {"reason":"recorded twice","envelope":%s}""".formatted(envelope("2021-02-01")));
        assertThat(retracted.status()).as(retracted.raw()).isEqualTo(201);
        String retraction = retracted.body().get("events").get(0).get("eventId").asString();
        Instant recorded = Instant.parse(jdbc.queryForObject("SELECT time_stamp FROM domain_event_entry WHERE "
                + "event_identifier = ?", String.class, retraction));
        awaitCaughtUp();

        String path = "/api/v1/entities/retracted-fine-inc/timeline?knownAt=";
        List<JsonNode> before = entries(get(path + recorded.minusMillis(1)));
        List<JsonNode> after = entries(get(path + recorded));

        assertThat(before).hasSize(1);
        assertThat(before.get(0).get("retracted").asBoolean()).isFalse();
        assertThat(before.get(0).get("curations")).isEmpty();
        assertThat(after).hasSize(1);
        JsonNode entry = after.get(0);
        assertThat(entry.get("eventId").asString()).isEqualTo(imposition);
        assertThat(entry.get("retracted").asBoolean()).isTrue();
        JsonNode curation = entry.get("curations").get(0);
        assertThat(curation.get("kind").asString()).isEqualTo("RETRACTION");
        assertThat(curation.get("eventId").asString()).isEqualTo(retraction);
        assertThat(curation.get("reason").asString()).isEqualTo("recorded twice");
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeats() {
        String path = "/api/v1/platforms/twitter/timeline?jurisdiction=RU";
        List<String> all = ids(entries(get(path + "&limit=1000")));
        List<String> paged = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            Response page = get(path + "&limit=7" + (next == null ? "" : "&after=" + next));
            assertThat(page.status()).as(page.raw()).isEqualTo(200);
            List<JsonNode> entries = entries(page);
            assertThat(entries.size()).isLessThanOrEqualTo(7);
            paged.addAll(ids(entries));
            JsonNode cursor = page.body().get("timeline").get("next");
            next = cursor == null || cursor.isNull() ? null : cursor.asString();
            pages++;
        } while (next != null && pages < 100);

        assertThat(all.size()).isGreaterThan(7);
        assertThat(paged).isEqualTo(all);
        assertThat(pages).isGreaterThan(1);
    }

    @Test
    void anUnknownSubjectHasAnEmptyTimeline() {
        Response platform = get("/api/v1/platforms/no-such-platform/timeline");
        Response account = get("/api/v1/accounts/twitter/@nobody_here");

        assertThat(platform.status()).isEqualTo(200);
        assertThat(platform.body().get("timeline").get("entries")).isEmpty();
        assertThat(platform.body().get("projection").get("processor").asString()).isEqualTo("timeline");
        assertThat(platform.body().get("projection").get("caughtUp").asBoolean()).isTrue();
        assertThat(account.status()).isEqualTo(200);
        assertThat(account.body().get("timeline").get("entries")).isEmpty();
    }

    @Test
    void refusesMalformedParametersNamingTheField() {
        assertField(get("/api/v1/platforms/twitter/timeline?at=2021-13-45"), "at");
        assertField(get("/api/v1/platforms/twitter/timeline?knownAt=yesterday"), "knownAt");
        assertField(get("/api/v1/platforms/twitter/timeline?from=soon"), "from");
        assertField(get("/api/v1/entities/twitter-inc/timeline?to=2021-02-30"), "to");
        assertField(get("/api/v1/platforms/twitter/timeline?limit=0"), "limit");
        assertField(get("/api/v1/platforms/twitter/timeline?limit=1001"), "limit");
        assertField(get("/api/v1/platforms/twitter/timeline?limit=many"), "limit");
        assertField(get("/api/v1/platforms/twitter/timeline?after=page-two"), "after");
        assertField(get("/api/v1/platforms/twitter/timeline?jurisdiction=Russia"), "jurisdiction");
        assertField(get("/api/v1/platforms/Twitter_X/timeline"), "platform");
        assertField(get("/api/v1/entities/Twitter_Inc/timeline"), "legalEntity");
    }

    private static void assertField(Response response, String field) {
        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.body().get("field").asString()).isEqualTo(field);
    }

    private static List<JsonNode> entries(Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        response.body().get("timeline").get("entries").forEach(entries::add);
        return entries;
    }

    private static JsonNode only(List<JsonNode> entries, String type, String isoDate) {
        List<JsonNode> found = entries.stream().filter(entry -> entry.get("type").asString().equals(type)
                && entry.get("effective").get("date").asString().equals(isoDate)).toList();
        assertThat(found).as(type + " on " + isoDate).hasSize(1);
        return found.get(0);
    }

    private static List<String> ids(List<JsonNode> entries) {
        return entries.stream().map(entry -> entry.get("eventId").asString()).toList();
    }

    private static List<String> linksTo(JsonNode entry) {
        List<String> ids = new ArrayList<>();
        entry.get("links").forEach(link -> ids.add(link.get("eventId").asString()));
        return ids;
    }

    private static List<String> linkedFrom(JsonNode entry) {
        List<String> ids = new ArrayList<>();
        entry.get("linkedFrom").forEach(link -> ids.add(link.get("eventId").asString()));
        return ids;
    }

    private static Instant start(JsonNode entry) {
        JsonNode effective = entry.get("effective");
        JsonNode instant = effective.get("instant");
        return instant == null || instant.isNull() ? Instant.parse(effective.get("date").asString() + "T00:00:00Z")
                : Instant.parse(instant.asString());
    }

    /** Bounded polling: the read model follows the log asynchronously. */
    private void awaitCaughtUp() throws InterruptedException {
        awaitCaughtUp("/api/v1/platforms/twitter/timeline?limit=1", CATCH_UP);
    }
}
