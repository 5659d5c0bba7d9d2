package org.disputeledger.api.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.disputeledger.api.support.LedgerHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo data set, loaded through the ledger's own commands, on whichever database the ledger runs. */
abstract class DemoDataContract extends LedgerHttp {

    /**
     * The rows of seed-timeline.csv the ledger does not record, with the code of the reason: each is a decision
     * written down in docs/seed-data.md.
     */
    static final Map<String, String> EXPECTED_REFUSALS = Map.of(
            "F8", "row-not-expressible",
            "F11", "repeat-fine-without-prior-fine");

    @Autowired
    DemoDataImporter importer;

    /** Makes sure the data set is in this database, by whichever path the concrete test exercises. */
    abstract void load();

    @Test
    void recordsEveryRowOrReportsWhyNot() {
        load();
        Map<String, Object> run = jdbc.queryForMap("SELECT rows_accepted, rows_refused, finished_at FROM "
                + "data_set_import WHERE data_set = ?", DemoDataImporter.DATA_SET);
        assertThat(run.get("finished_at")).isNotNull();
        assertThat(((Number) run.get("rows_accepted")).intValue() + ((Number) run.get("rows_refused")).intValue())
                .isEqualTo(147);
        assertThat(((Number) run.get("rows_refused")).intValue()).isEqualTo(EXPECTED_REFUSALS.size());
        Response report = get("/api/v1/data-sets/" + DemoDataImporter.DATA_SET);
        assertThat(report.status()).isEqualTo(200);
        Map<String, String> refused = new java.util.HashMap<>();
        report.body().get("refused").forEach(r -> refused.put(r.get("rowId").asString(), r.get("code").asString()));
        assertThat(refused).isEqualTo(EXPECTED_REFUSALS);
        List<String> rows = jdbc.queryForList("SELECT meta_data FROM domain_event_entry", byte[].class).stream()
                .map(String::new).filter(m -> m.contains("demo-data-import")).toList();
        assertThat(rows.size()).isGreaterThanOrEqualTo(147 - EXPECTED_REFUSALS.size());
    }

    @Test
    void importsAtMostOnce() {
        load();
        long events = eventCount();
        ImportReport again = importer.importDemoData();
        assertThat(again.alreadyImported()).isTrue();
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void keepsConflictingClaimsSideBySide() {
        load();
        List<String> payloads = jdbc.queryForList("SELECT payload FROM domain_event_entry WHERE payload_type LIKE "
                + "'%StatisticReported'", byte[].class).stream().map(String::new).toList();
        assertThat(payloads).anySatisfy(p -> assertThat(p).contains("\"seedRow\":\"W11b\"").contains("2862"));
        assertThat(payloads).anySatisfy(p -> assertThat(p).contains("\"seedRow\":\"W13\"").contains("3168"));
    }

    @Test
    void carriesEachRowsSourcesPrecisionAndConfidence() {
        load();
        String w9 = payloadOf("W9");
        assertThat(w9).contains("\"precision\":\"APPROXIMATE\"").contains("\"confidence\":\"REPORTED\"")
                .contains("themoscowtimes.com");
        String g1 = payloadOf("G1");
        assertThat(g1).contains("\"publisher\":\"The Moscow Times\"").contains("\"publishedOn\":\"2017-07-22\"");
    }

    private String payloadOf(String seedRow) {
        return jdbc.queryForList("SELECT payload FROM domain_event_entry", byte[].class).stream().map(String::new)
                .filter(p -> p.contains("\"seedRow\":\"" + seedRow + "\"")).findFirst()
                .orElseThrow(() -> new AssertionError("no event of seed row " + seedRow + "; refused: "
                        + refusedRows()));
    }

    private String refusedRows() {
        return importer.lastReport(DemoDataImporter.DATA_SET).orElseThrow().refused().stream()
                .map(r -> r.rowId() + " " + r.code()).collect(Collectors.joining(", "));
    }
}
