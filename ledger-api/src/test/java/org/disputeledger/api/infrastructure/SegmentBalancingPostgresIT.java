package org.disputeledger.api.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.disputeledger.LedgerApplication;
import org.disputeledger.api.infrastructure.SegmentBalancer.Claim;
import org.disputeledger.api.support.LedgerHttp;
import org.disputeledger.api.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two ledger nodes on one PostgreSQL database: the read models' segments are split between them instead of all going
 * to the first node up, both handle their share (events sent to either node end up in the read models once), and
 * when one node stops, the other takes its segments over.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SegmentBalancingPostgresIT extends LedgerHttp {

    private static final TestDatabases.SharedPostgres DATABASE = TestDatabases.SharedPostgres.create();
    private static final String BALANCE_INTERVAL = "PT0.5S";
    private static final List<String> PROCESSORS = List.of("demand-compliance", "penalty-totals", "platform-status",
            "timeline");
    private static ConfigurableApplicationContext secondNode;
    private static int secondPort;

    @Autowired
    private ProcessingProperties processing;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.register(registry, "never");
        registry.add("ledger.processing.balance-interval", () -> BALANCE_INTERVAL);
    }

    @BeforeAll
    static void startSecondNode() {
        secondNode = new SpringApplicationBuilder(LedgerApplication.class).run(DATABASE.nodeArguments(
                "--server.port=0", "--ledger.demo-data.load=never",
                "--ledger.processing.balance-interval=" + BALANCE_INTERVAL));
        secondPort = Integer.parseInt(secondNode.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stopSecondNode() {
        if (secondNode.isActive()) {
            secondNode.close();
        }
    }

    @Test
    @Order(1)
    void theNodesHoldHalfTheSegmentsEach() {
        String first = processing.nodeId();
        String second = secondNode.getBean(ProcessingProperties.class).nodeId();
        assertThat(first).isNotEqualTo(second);
        int total = PROCESSORS.size() * processing.segments();

        Map<String, Integer> held = awaitClaims(Duration.ofSeconds(60), claims -> claims.size() == total
                && heldBy(claims, first) == total / 2 && heldBy(claims, second) == total / 2);

        assertThat(held).containsEntry(first, total / 2).containsEntry(second, total / 2);
    }

    @Test
    @Order(2)
    void eventsSentToEitherNodeReachTheReadModelsOnce() {
        String platform = "balanced-" + System.nanoTime();
        int firstPort = port;
        int demands = 40;
        for (int i = 0; i < demands; i++) {
            port = i % 2 == 0 ? firstPort : secondPort;
            Response response = post("/api/v1/demands", """
                    {"jurisdiction":"RU","authority":"Roskomnadzor","platform":"%s","legalEntityId":"twitter-inc",
                     "kind":"REMOVE_CONTENT","itemCount":%d,"envelope":%s}""".formatted(platform, i + 1,
                    envelope("2021-03-10")));
            assertThat(response.status()).as(response.raw()).isEqualTo(201);
        }
        port = firstPort;
        String path = "/api/v1/platforms/" + platform + "/compliance?jurisdiction=RU&from=2021-01-01&to=2021-12-31";

        awaitReadModelsCaughtUp(Duration.ofSeconds(60));
        awaitCaughtUp(path, Duration.ofSeconds(60));

        Map<String, Integer> held = owners();
        assertThat(held).as("both nodes still hold segments").hasSize(2);
        var totals = get(path).body().at("/compliance/totals");
        assertThat(totals.get("demands").asLong()).isEqualTo(demands);
        assertThat(totals.get("itemsDemanded").asLong()).isEqualTo((long) demands * (demands + 1) / 2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM timeline_stream WHERE platform = ?", Long.class,
                platform)).as("one timeline stream row per demand, whichever segment handled it").isEqualTo(demands);
    }

    @Test
    @Order(3)
    void whenANodeStopsTheOtherTakesItsSegmentsOver() {
        String first = processing.nodeId();
        int total = PROCESSORS.size() * processing.segments();

        secondNode.close();

        Map<String, Integer> held = awaitClaims(Duration.ofSeconds(30), claims -> heldBy(claims, first) == total);
        assertThat(held).containsOnly(Map.entry(first, total));
        assertThat(jdbc.queryForList("SELECT node_id FROM ledger_node", String.class)).containsExactly(first);
    }

    private Map<String, Integer> awaitClaims(Duration limit, Predicate<List<Claim>> done) {
        awaitUntil(limit, this::claims, done, "the segments were not spread as expected");
        return owners();
    }

    private List<Claim> claims() {
        return jdbc.query("SELECT processor_name, segment, owner FROM token_entry", (row, number) -> new Claim(
                row.getString("processor_name"), row.getInt("segment"), row.getString("owner")))
                .stream().filter(claim -> PROCESSORS.contains(claim.processor())).toList();
    }

    private Map<String, Integer> owners() {
        Map<String, Integer> held = new TreeMap<>();
        claims().stream().filter(claim -> claim.owner() != null).forEach(claim -> held.merge(claim.owner(), 1,
                Integer::sum));
        return held;
    }

    private static int heldBy(List<Claim> claims, String node) {
        return (int) claims.stream().filter(claim -> node.equals(claim.owner())).count();
    }
}
