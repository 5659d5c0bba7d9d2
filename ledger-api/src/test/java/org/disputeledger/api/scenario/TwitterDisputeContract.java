package org.disputeledger.api.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.disputeledger.api.support.LedgerHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The 2021 dispute between Roskomnadzor and Twitter recorded through the API, family by family: what the ledger
 * accepts, and each rule of DOMAIN.md refusing what cannot be true while writing nothing.
 */
abstract class TwitterDisputeContract extends LedgerHttp {

    private static final String P2 = "KoAP 13.41 p.2";

    @Test
    void rule1AReversalNeedsAnActiveAntecedentAndCannotPrecedeIt() {
        String throttle = """
                {"authority":"Roskomnadzor","scope":{"mobilePercent":100,"fixedPercent":50,
                 "description":"SNI throttling"},"envelope":%s}""".formatted(envelope("2021-03-10"));
        assertThat(post("/api/v1/access/RU/twitter/throttlings", throttle).status()).isEqualTo(201);
        String restrictionId = lastPayload("access-ru-twitter").get("restrictionId").asString();

        assertRefused(post("/api/v1/access/RU/twitter/throttlings/" + restrictionId + "/lifting",
                lifting("2021-03-01")), 409, "effective-before-antecedent");
        assertRefused(post("/api/v1/access/RU/twitter/throttlings/no-such-restriction/lifting",
                lifting("2021-06-01")), 409, "reversal-without-active-antecedent");
        assertRefused(post("/api/v1/access/RU/twitter/blocks/" + restrictionId + "/lifting", lifting("2021-06-01")),
                409, "reversal-without-active-antecedent");

        assertThat(post("/api/v1/access/RU/twitter/throttlings/" + restrictionId + "/lifting", lifting("2022-03-04"))
                .status()).isEqualTo(201);
        assertRefused(post("/api/v1/access/RU/twitter/throttlings/" + restrictionId + "/lifting",
                lifting("2022-03-05")), 409, "reversal-without-active-antecedent");
    }

    @Test
    void rule1AnAccountIsRestoredOnceAndOnlyAfterItsSuspension() {
        String suspension = """
                {"account":"@armscontrol_rus","action":"SUSPENDED","envelope":%s}""".formatted(envelope("2021-02-12"));
        assertThat(post("/api/v1/platforms/twitter/actions/account-suspensions", suspension).status()).isEqualTo(201);
        String suspensionId = lastPayload("actions-twitter").get("suspensionId").asString();
        String restoration = "{\"envelope\":" + envelope("2021-02-23") + "}";

        assertRefused(post("/api/v1/platforms/twitter/actions/account-suspensions/" + suspensionId + "/restoration",
                "{\"envelope\":" + envelope("2021-02-01") + "}"), 409, "effective-before-antecedent");
        assertThat(post("/api/v1/platforms/twitter/actions/account-suspensions/" + suspensionId + "/restoration",
                restoration).status()).isEqualTo(201);
        assertRefused(post("/api/v1/platforms/twitter/actions/account-suspensions/" + suspensionId + "/restoration",
                restoration), 409, "reversal-without-active-antecedent");
    }

    @Test
    void rules2And3AFineLiesInItsRangeAndPaymentsNeverExceedWhatIsDue() {
        enactPart2();
        assertRefused(post("/api/v1/fines", fine(410_000_000L, "RUB")), 409, "fine-outside-provision-range");
        assertRefused(post("/api/v1/fines", fine(320_000_000L, "RUB").replace("2021-04-02", "2020-12-01")), 409,
                "no-provision-version-in-force");
        Response imposed = post("/api/v1/fines", fine(320_000_000L, "RUB"));
        assertThat(imposed.status()).isEqualTo(201);
        String fineId = imposed.body().get("streamId").asString();
        assertThat(lastPayload(fineId).get("provisionCheck").asString()).isEqualTo("CHECKED");

        assertRefused(post("/api/v1/fines/" + fineId + "/appeal-decisions", decision("2021-05-17")), 409,
                "reversal-without-active-antecedent");
        assertThat(post("/api/v1/fines/" + fineId + "/appeals", "{\"envelope\":" + envelope("2021-04-20") + "}")
                .status()).isEqualTo(201);
        assertThat(post("/api/v1/fines/" + fineId + "/appeal-decisions", decision("2021-05-17")).status())
                .isEqualTo(201);
        assertRefused(post("/api/v1/fines/" + fineId + "/payments", payment(300_000_001L)), 409,
                "payment-exceeds-amount-due");
        assertThat(post("/api/v1/fines/" + fineId + "/payments", payment(200_000_000L)).status()).isEqualTo(201);
        assertThat(post("/api/v1/fines/" + fineId + "/payments", payment(100_000_000L)).status()).isEqualTo(201);
        assertRefused(post("/api/v1/fines/" + fineId + "/payments", payment(1L)), 409, "payment-exceeds-amount-due");
    }

    @Test
    void rule5AmountsAreIntegerMinorUnitsOfAnIso4217Currency() {
        enactPart2();
        long before = eventCount();
        Response fractional = post("/api/v1/fines", fine(320_000_000L, "RUB").replace("320000000", "3200000.50"));
        Response unknownCurrency = post("/api/v1/fines", fine(320_000_000L, "XYZ"));

        assertThat(fractional.status()).isEqualTo(400);
        assertThat(fractional.body().get("field").asString()).isEqualTo("amount.minor");
        assertThat(fractional.body().get("rule").asString()).isEqualTo("integer");
        assertThat(unknownCurrency.status()).isEqualTo(400);
        assertThat(unknownCurrency.body().get("field").asString()).isEqualTo("amount.currency");
        assertThat(unknownCurrency.body().get("rule").asString()).isEqualTo("iso-4217");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void rule6ConflictingClaimsAreBothKept() {
        String claim = """
                {"claimant":"Roskomnadzor","jurisdiction":"RU","platform":"twitter","metric":"undeleted_items",
                 "count":%d,"qualifier":"EXACT","asOf":"%s","envelope":%s}""";
        Response first = post("/api/v1/claims/statistics", claim.formatted(2862, "2021-03-01", envelope("2021-03-01")));
        Response second = post("/api/v1/claims/statistics", claim.formatted(3168, "2021-03-10",
                envelope("2021-03-10")));

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(lastPayload(first.body().get("streamId").asString()).get("count").asLong()).isEqualTo(2862);
        assertThat(lastPayload(second.body().get("streamId").asString()).get("count").asLong()).isEqualTo(3168);
    }

    @Test
    void correctionsAreNewEventsAndARetractionHappensOnce() {
        String streamId = issueDemand(5);
        String eventId = get("/api/v1/streams/" + streamId).body().get("events").get(0).get("eventId").asString();
        String correction = """
                {"correctedEffective":{"date":"2021-03-11","precision":"DAY"},"reason":"the order is dated 11 March",
                 "envelope":%s}""".formatted(envelope("2021-03-12"));
        String retraction = "{\"reason\":\"never sent\",\"envelope\":" + envelope("2021-04-01") + "}";

        assertThat(post("/api/v1/events/" + eventId + "/corrections", correction).status()).isEqualTo(201);
        assertThat(post("/api/v1/events/" + eventId + "/retraction", retraction).status()).isEqualTo(201);
        assertRefused(post("/api/v1/events/" + eventId + "/retraction", retraction), 409, "event-already-retracted");
        assertRefused(post("/api/v1/events/unknown-event/corrections", correction), 409, "unknown-event");
        assertThat(get("/api/v1/streams/" + streamId).body().get("events")).hasSize(1);
    }

    private void enactPart2() {
        String version = """
                {"code":"%s","subject":"legal_entity","effectiveFrom":"2021-01-10","enactingAct":"511-FZ",
                 "penalty":{"kind":"FIXED_RANGE","min":{"minor":80000000,"currency":"RUB"},
                 "max":{"minor":400000000,"currency":"RUB"}},"envelope":%s}""".formatted(P2, envelope("2021-01-10"));
        Response enacted = post("/api/v1/provisions/RU/versions", version);
        assertThat(enacted.status()).as(enacted.raw()).isIn(201, 409);
    }

    private static String fine(long minor, String currency) {
        return """
                {"jurisdiction":"RU","authority":"Magistrate court No. 422 Tagansky district","legalEntityId":"twitter-inc",
                 "platform":"twitter","provisionCode":"%s","amount":{"minor":%d,"currency":"%s"},"rulingCount":1,
                 "envelope":%s}""".formatted(P2, minor, currency, envelope("2021-04-02"));
    }

    private static String decision(String date) {
        return """
                {"court":"Tagansky District Court","outcome":"REDUCED","newAmount":{"minor":300000000,"currency":"RUB"},
                 "envelope":%s}""".formatted(envelope(date));
    }

    private static String payment(long minor) {
        return """
                {"amount":{"minor":%d,"currency":"RUB"},"payer":"Twitter Inc.","envelope":%s}"""
                .formatted(minor, envelope("2021-06-01"));
    }

    private static String lifting(String date) {
        return "{\"envelope\":" + envelope(date) + "}";
    }

    private JsonNode lastPayload(String streamId) {
        JsonNode events = get("/api/v1/streams/" + streamId).body().get("events");
        return events.get(events.size() - 1).get("payload");
    }

    private void assertRefused(Response response, int status, String code) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.body().get("code").asString()).isEqualTo(code);
        assertThat(response.body().get("rule").asString()).isNotBlank();
        assertThat(response.body().get("field").asString()).isNotBlank();
    }
}
