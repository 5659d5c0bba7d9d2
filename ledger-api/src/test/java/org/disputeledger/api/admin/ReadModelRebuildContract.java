package org.disputeledger.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.disputeledger.api.infrastructure.ReadModelDefinition;
import org.disputeledger.api.support.LedgerHttp;
import org.disputeledger.projection.ReadModel;
import org.disputeledger.projection.TableSet;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A rebuild of the read models from the event store, over the demo data set: it fills the other table set while the
 * live one serves, switches, and then every row of every rebuilt table equals the row the live processors wrote;
 * commands accepted during a rebuild are neither lost nor counted twice, and queries answer the same throughout.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ReadModelRebuildContract extends LedgerHttp {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final String REBUILD = "/api/v1/admin/read-models/rebuild";

    @Autowired
    private List<ReadModelDefinition> readModels;

    @Test
    @Order(1)
    void noRebuildIsReportedBeforeTheFirstIsAskedFor() {
        Response none = get(REBUILD);

        assertThat(none.status()).isEqualTo(404);
        assertThat(none.header("Content-Type")).startsWith("application/problem+json");
        assertThat(none.body().get("code").asString()).isEqualTo("no-rebuild");
    }

    @Test
    @Order(2)
    void bothTableSetsOfEveryReadModelHaveTheSameColumnsAndIndexes() throws Exception {
        for (ReadModelDefinition definition : readModels) {
            for (String table : definition.readModel().tables()) {
                assertThat(columns(TableSet.B.table(table))).as(table).isEqualTo(columns(table)).isNotEmpty();
                assertThat(indexedColumns(TableSet.B.table(table))).as(table).isEqualTo(indexedColumns(table));
            }
        }
    }

    @Test
    @Order(3)
    void aRebuildFillsTheOtherTableSetWithTheRowsTheLiveProcessorsWroteAndSwitchesToIt() throws Exception {
        awaitCaughtUp();
        String before = answers();
        Map<String, String> live = liveSets();
        assertThat(live.values()).containsOnly("A");

        Response started = post(REBUILD, "");
        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        assertThat(started.header("Location")).endsWith(REBUILD);
        assertThat(started.body().get("state").asString()).isIn("RUNNING", "SWITCHED");
        JsonNode done = awaitRebuild(started.body().get("id").asString());

        assertThat(done.get("eventsReplayed").asLong()).isEqualTo(eventCount());
        assertThat(done.get("lastPosition").asLong()).isEqualTo(lastPosition());
        assertThat(liveSets().values()).containsOnly("B");
        for (ReadModelDefinition definition : readModels) {
            for (String table : definition.readModel().tables()) {
                List<String> rebuilt = rows(TableSet.B.table(table));
                assertThat(rebuilt).as(table).isEqualTo(rows(table));
            }
        }
        assertThat(rows("timeline_entry_b")).isNotEmpty();
        assertThat(rows("status_fact_b")).isNotEmpty();
        awaitCaughtUp();
        assertThat(answers()).isEqualTo(before);
    }

    @Test
    @Order(4)
    void commandsAcceptedDuringARebuildAreNeitherLostNorCountedTwiceAndQueriesKeepAnswering() throws Exception {
        awaitCaughtUp();
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger answered = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(2);
        List<Future<?>> running = new ArrayList<>();
        for (int writer = 0; writer < 2; writer++) {
            int number = writer;
            running.add(writers.submit(() -> {
                for (int i = 0; writing.get() || i < 20; i++) {
                    String platform = "rebuild-" + number + "-" + i;
                    Response block = post("/api/v1/access/RU/" + platform + "/blocks",
                            "{\"authority\":\"Roskomnadzor\",\"envelope\":" + envelope("2021-01-01") + "}");
                    assertThat(block.status()).as(block.raw()).isEqualTo(201);
                    accepted.incrementAndGet();
                    Response twitter = get("/api/v1/platforms/twitter/status?jurisdiction=RU&at=2021-03-15");
                    assertThat(twitter.status()).as(twitter.raw()).isEqualTo(200);
                    assertThat(twitter.body().get("status").get("state").asString()).isEqualTo("THROTTLED");
                    answered.incrementAndGet();
                }
                return null;
            }));
        }
        while (accepted.get() < 10) {
            Thread.sleep(10);
        }
        Response started = post(REBUILD, "");
        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        awaitRebuild(started.body().get("id").asString());
        writing.set(false);
        for (Future<?> writer : running) {
            writer.get();
        }
        writers.shutdown();
        awaitCaughtUp();

        String live = liveSets().get("timeline");
        TableSet liveSet = TableSet.valueOf(live);
        long entries = jdbc.queryForObject("SELECT COUNT(*) FROM " + liveSet.table("timeline_entry")
                + " WHERE platform LIKE 'rebuild-%'", Long.class);
        long facts = jdbc.queryForObject("SELECT COUNT(*) FROM " + liveSet.table("status_fact")
                + " WHERE service LIKE 'rebuild-%'", Long.class);
        assertThat(answered.get()).isEqualTo(accepted.get());
        assertThat(entries).isEqualTo(accepted.get());
        assertThat(facts).isEqualTo(accepted.get());

        Response again = post(REBUILD, "");
        assertThat(again.status()).as(again.raw()).isEqualTo(202);
        awaitRebuild(again.body().get("id").asString());
        for (ReadModelDefinition definition : readModels) {
            for (String table : definition.readModel().tables()) {
                assertThat(rows(TableSet.B.table(table))).as(table).isEqualTo(rows(table));
            }
        }
    }

    private JsonNode awaitRebuild(String id) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (true) {
            Response latest = get(REBUILD);
            assertThat(latest.status()).as(latest.raw()).isEqualTo(200);
            assertThat(latest.body().get("id").asString()).isEqualTo(id);
            String state = latest.body().get("state").asString();
            assertThat(state).as(latest.raw()).isNotEqualTo("FAILED");
            if (state.equals("SWITCHED")) {
                assertThat(latest.body().get("durationMillis").asLong()).isNotNegative();
                return latest.body();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the rebuild did not finish in " + LIMIT + ": " + latest.raw());
            }
            Thread.sleep(50);
        }
    }

    private void awaitCaughtUp() throws InterruptedException {
        awaitReadModelsCaughtUp(LIMIT);
    }

    private Map<String, String> liveSets() {
        Map<String, String> sets = new TreeMap<>();
        for (JsonNode readModel : get("/api/v1/admin/read-models").body().get("readModels")) {
            sets.put(readModel.get("name").asString(), readModel.get("tableSet").asString());
        }
        assertThat(sets.keySet()).containsAll(readModels.stream().map(ReadModelDefinition::name).toList());
        return sets;
    }

    /** What the queries answer over the demo data, without the parts that say how fresh they are. */
    private String answers() {
        StringBuilder answers = new StringBuilder();
        for (String path : List.of("/api/v1/status?jurisdiction=RU&at=2021-03-15",
                "/api/v1/platforms/telegram/status?jurisdiction=RU&at=2019-06-01&knownAt=2100-01-01",
                "/api/v1/platforms/twitter/timeline?limit=500", "/api/v1/entities/twitter-inc/timeline?limit=500",
                "/api/v1/entities/twitter-inc/penalties?at=2022-01-01",
                "/api/v1/platforms/twitter/compliance?jurisdiction=RU")) {
            Response response = get(path);
            assertThat(response.status()).as(path + " " + response.raw()).isEqualTo(200);
            JsonNode body = response.body();
            if (body.isObject()) {
                ((tools.jackson.databind.node.ObjectNode) body).remove(List.of("projection", "knownAt", "at"));
            }
            answers.append(path).append(" -> ").append(body).append('\n');
        }
        return answers.toString();
    }

    /** Every row of the table, each as its columns in name order, sorted. */
    private List<String> rows(String table) {
        List<String> rows = new ArrayList<>(jdbc.queryForList("SELECT * FROM " + table).stream()
                .map(row -> {
                    Map<String, Object> sorted = new TreeMap<>();
                    row.forEach((column, value) -> sorted.put(column.toLowerCase(Locale.ROOT), value));
                    return sorted.toString();
                }).toList());
        rows.sort(null);
        return rows;
    }

    private List<String> columns(String table) throws Exception {
        return metadata(table, (meta, name) -> meta.getColumns(null, null, name, null), row ->
                row.getString("COLUMN_NAME").toLowerCase(Locale.ROOT) + " " + row.getString("TYPE_NAME") + " "
                        + row.getInt("COLUMN_SIZE") + " " + row.getString("IS_NULLABLE"));
    }

    private List<String> indexedColumns(String table) throws Exception {
        return metadata(table, (meta, name) -> meta.getIndexInfo(null, null, name, false, false), row ->
                row.getBoolean("NON_UNIQUE") + " " + row.getShort("ORDINAL_POSITION") + " "
                        + String.valueOf(row.getString("COLUMN_NAME")).toLowerCase(Locale.ROOT));
    }

    private interface Lookup {
        ResultSet find(DatabaseMetaData meta, String table) throws java.sql.SQLException;
    }

    private interface Describe {
        String row(ResultSet row) throws java.sql.SQLException;
    }

    private List<String> metadata(String table, Lookup lookup, Describe describe) throws Exception {
        try (var connection = jdbc.getDataSource().getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String name = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
            List<String> described = new ArrayList<>();
            try (ResultSet rows = lookup.find(meta, name)) {
                while (rows.next()) {
                    described.add(describe.row(rows));
                }
            }
            described.sort(null);
            return described;
        }
    }
}
