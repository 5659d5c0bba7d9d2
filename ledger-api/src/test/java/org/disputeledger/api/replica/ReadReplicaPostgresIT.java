package org.disputeledger.api.replica;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Predicate;
import org.disputeledger.api.support.LedgerHttp;
import org.disputeledger.api.support.PrometheusSamples;
import org.disputeledger.api.support.TestDatabases;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.core.Ordered;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.test.context.TestExecutionListeners;
import tools.jackson.databind.JsonNode;

/**
 * Reads from a real streaming replica: the application writes to a primary of its own and reads the read models from
 * a replica made of it with {@code pg_basebackup}. The replica is paused and then stopped, so the tests run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestExecutionListeners(listeners = ReadReplicaPostgresIT.StopDatabasesAfterTheApplication.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class ReadReplicaPostgresIT extends LedgerHttp {

    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final String COMPLIANCE = "/api/v1/platforms/twitter/compliance?jurisdiction=RU";

    private static PostgresReplicaPair databases;

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) {
        if (databases == null) {
            databases = PostgresReplicaPair.start();
        }
        registry.add("spring.datasource.url", databases::primaryUrl);
        registry.add("spring.datasource.username", databases::user);
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> TestDatabases.POOL_SIZE);
        registry.add("ledger.demo-data.load", () -> "never");
        TestDatabases.checkpointKey(registry);
        registry.add("ledger.read-replica.url", databases::replicaUrl);
        registry.add("ledger.read-replica.username", databases::user);
        registry.add("ledger.read-replica.password", () -> "");
        registry.add("ledger.read-replica.max-staleness", () -> "PT1S");
        registry.add("ledger.read-replica.check-interval", () -> "PT0.1S");
        registry.add("ledger.read-replica.pool-size", () -> "2");
    }

    /**
     * Stops the clusters once Spring has closed the application, so it never sees its databases vanish; Spring ends
     * its listeners in reverse order, so the first runs last, also after a failed start.
     */
    static final class StopDatabasesAfterTheApplication implements TestExecutionListener, Ordered {

        @Override
        public void afterTestClass(TestContext testContext) {
            if (databases != null) {
                databases.close();
            }
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    @Test
    @Order(1)
    void aFactRecordedOnThePrimaryIsAnsweredFromTheReplicaWithTheReplicasOwnFreshness() throws Exception {
        issueDemand(7);

        JsonNode answer = await(COMPLIANCE, body -> source(body).equals("replica")
                && body.at("/compliance/totals/demands").asLong() == 1);
        assertThat(answer.at("/compliance/totals/itemsDemanded").asLong()).isEqualTo(7);
        JsonNode projection = answer.get("projection");
        assertThat(projection.at("/source/lagSeconds").asDouble()).isBetween(0.0, 1.0);
        assertThat(projection.get("position").asLong()).isEqualTo(replicaPosition("demand-compliance"));
        assertThat(projection.get("head").asLong()).isEqualTo(lastPosition());

        JsonNode health = get("/actuator/health").body();
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/readReplica/status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/readReplica/details/reads").asString()).isEqualTo("replica");
    }

    @Test
    @Order(2)
    void aReplicaFurtherBehindThanTheBoundLeavesTheAnswersToThePrimary() throws Exception {
        double before = fallbacks("stale");
        onReplica("SELECT pg_wal_replay_pause()");
        try {
            issueDemand(5);

            JsonNode answer = await(COMPLIANCE, body -> source(body).equals("primary")
                    && body.at("/compliance/totals/demands").asLong() == 2);
            assertThat(answer.at("/compliance/totals/itemsDemanded").asLong()).isEqualTo(12);
            assertThat(fallbacks("stale")).isGreaterThan(before);
            JsonNode health = get("/actuator/health").body();
            assertThat(health.get("status").asString()).isEqualTo("UP");
            assertThat(health.at("/components/readReplica/status").asString()).isEqualTo("UNKNOWN");
            assertThat(health.at("/components/readReplica/details/reason").asString()).isEqualTo("stale");
        } finally {
            onReplica("SELECT pg_wal_replay_resume()");
        }

        JsonNode caughtUp = await(COMPLIANCE, body -> source(body).equals("replica")
                && body.at("/compliance/totals/demands").asLong() == 2);
        assertThat(caughtUp.at("/compliance/totals/itemsDemanded").asLong()).isEqualTo(12);
    }

    @Test
    @Order(3)
    void aStoppedReplicaLeavesTheAnswersToThePrimary() throws Exception {
        await(COMPLIANCE, body -> source(body).equals("replica"));
        double before = fallbacks("unreachable") + fallbacks("query-failed");
        databases.stopReplica();
        issueDemand(3);

        JsonNode answer = await(COMPLIANCE, body -> source(body).equals("primary")
                && body.at("/compliance/totals/demands").asLong() == 3);
        assertThat(answer.at("/compliance/totals/itemsDemanded").asLong()).isEqualTo(15);
        assertThat(fallbacks("unreachable") + fallbacks("query-failed")).isGreaterThan(before);
        JsonNode health = get("/actuator/health").body();
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/readReplica/status").asString()).isEqualTo("UNKNOWN");
    }

    private static String source(JsonNode body) {
        return body.at("/projection/source/database").asString();
    }

    /** Bounded polling: the read models and the replica follow the log asynchronously. */
    private JsonNode await(String path, Predicate<JsonNode> done) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (true) {
            Response response = get(path);
            assertThat(response.status()).isEqualTo(200);
            if (done.test(response.body())) {
                return response.body();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no such answer in " + LIMIT + ": " + response.raw());
            }
            Thread.sleep(50);
        }
    }

    private double fallbacks(String reason) {
        return PrometheusSamples.value(get("/actuator/prometheus").raw(), "ledger_read_replica_fallbacks_total",
                "reason=\"" + reason + "\"");
    }

    /** The lowest position of the processor's segments as the replica has their tokens. */
    private long replicaPosition(String processor) throws SQLException {
        try (Connection connection = DriverManager.getConnection(databases.replicaUrl(), databases.user(), "");
             Statement statement = connection.createStatement()) {
            var rows = statement.executeQuery("SELECT convert_from(token, 'UTF8') FROM token_entry"
                    + " WHERE processor_name = '" + processor + "'");
            long lowest = Long.MAX_VALUE;
            while (rows.next()) {
                String token = rows.getString(1);
                lowest = Math.min(lowest, token == null ? 0 : JSON.readTree(token).get("index").asLong());
            }
            return lowest;
        }
    }

    private static void onReplica(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(databases.replicaUrl(), databases.user(), "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
