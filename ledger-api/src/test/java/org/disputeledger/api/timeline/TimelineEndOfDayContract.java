package org.disputeledger.api.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.disputeledger.api.support.LedgerHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A date-only {@code at} is the last nanosecond of that UTC day. The events linking to an entry count by the same
 * bound as the entries: a compliance effective the next day does not answer the demand yet, even where the database
 * keeps only microseconds.
 */
abstract class TimelineEndOfDayContract extends LedgerHttp {

    private static final Duration CATCH_UP = Duration.ofSeconds(30);

    @Test
    void anEventOfTheNextDayDoesNotLinkToAnEntryAtTheEndOfTheDayBefore() throws InterruptedException {
        Response demand = post("/api/v1/demands", """
                {"jurisdiction":"RU","authority":"Roskomnadzor","platform":"end-of-day","kind":"REMOVE_CONTENT",
                 "itemCount":10,"envelope":%s}""".formatted(envelope("2021-03-10")));
        assertThat(demand.status()).as(demand.raw()).isEqualTo(201);
        String issued = demand.body().get("events").get(0).get("eventId").asString();
        Response compliance = post("/api/v1/demands/" + demand.body().get("streamId").asString() + "/compliances", """
                {"scope":"PARTIAL","itemsActioned":4,"envelope":{"effective":{"date":"2021-03-11","precision":"DAY"},
                 "sources":[{"publisher":"TASS"}],"confidence":"CONFIRMED",
                 "links":[{"relation":"ANSWERS","eventId":"%s"}]}}""".formatted(issued));
        assertThat(compliance.status()).as(compliance.raw()).isEqualTo(201);
        String answer = compliance.body().get("events").get(0).get("eventId").asString();
        awaitCaughtUp();

        JsonNode dayBefore = entries("2021-03-10");
        JsonNode nextDay = entries("2021-03-11");

        assertThat(dayBefore).hasSize(1);
        assertThat(dayBefore.get(0).get("linkedFrom")).isEmpty();
        assertThat(nextDay).hasSize(2);
        assertThat(nextDay.get(0).get("linkedFrom").get(0).get("eventId").asString()).isEqualTo(answer);
    }

    private JsonNode entries(String at) {
        Response response = get("/api/v1/platforms/end-of-day/timeline?at=" + at);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body().get("timeline").get("entries");
    }

    private void awaitCaughtUp() throws InterruptedException {
        awaitCaughtUp("/api/v1/platforms/end-of-day/timeline", CATCH_UP);
    }
}
