package org.disputeledger.api.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.disputeledger.api.support.LedgerHttp;
import org.disputeledger.api.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A handler that fails stops the platform-status processor at the failing event, which is handled once the cause
 * is gone: it is never logged and skipped, so the read model cannot silently lose a fact. On H2, because there a
 * failed statement leaves the transaction usable, so only the error handler stands between the failure and a
 * skipped event (on PostgreSQL the failed statement also dooms the batch's transaction).
 */
class PlatformStatusHandlerFailureH2IT extends LedgerHttp {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    @Test
    void aFailingEventStopsTheProcessorUntilItCanBeHandled() throws InterruptedException {
        jdbc.execute("ALTER TABLE status_fact ADD CONSTRAINT refuse_failing_messenger"
                + " CHECK (service <> 'failing-messenger')");
        String block = """
                {"authority":"Roskomnadzor","envelope":%s}""".formatted(envelope("2021-01-01"));
        assertThat(post("/api/v1/access/RU/failing-messenger/blocks", block).status()).isEqualTo(201);

        long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() < until) {
            JsonNode projection = projection();
            assertThat(projection.get("caughtUp").asBoolean()).as(projection.toString()).isFalse();
            Thread.sleep(200);
        }

        jdbc.execute("ALTER TABLE status_fact DROP CONSTRAINT refuse_failing_messenger");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!projection().get("caughtUp").asBoolean()) {
            assertThat(System.nanoTime()).as("caught up within 30 s").isLessThan(deadline);
            Thread.sleep(200);
        }
        Response status = get("/api/v1/platforms/failing-messenger/status?jurisdiction=RU&at=2021-02-01");
        assertThat(status.body().get("status").get("state").asString()).isEqualTo("BLOCKED");
    }

    private JsonNode projection() {
        return get("/api/v1/status?jurisdiction=RU").body().get("projection");
    }
}
