package org.disputeledger.api.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disputeledger.api.support.PrometheusSamples.find;
import static org.disputeledger.api.support.PrometheusSamples.value;

import java.time.Duration;
import java.util.List;
import org.disputeledger.api.infrastructure.ProcessingProperties;
import org.disputeledger.api.support.LedgerHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Operations on either database: {@code /actuator/health} shows the database and every read model's processor with
 * its position and lag; {@code /actuator/prometheus} counts commands and events, shows the processors' lag and the
 * read endpoints' latency, and times rebuilds.
 */
abstract class OperationsContract extends LedgerHttp {

    @Autowired
    private ProcessingProperties processing;

    private static final List<String> PROCESSORS = List.of("demand-compliance", "penalty-totals", "platform-status",
            "timeline");
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final String READ = "/api/v1/platforms/{platform}/status";

    @Test
    void healthShowsTheDatabaseAndEveryProcessorWithItsPositionAndLag() throws InterruptedException {
        issueDemand(3);
        long head = lastPosition();

        JsonNode health = awaitHealthCaughtUp(head);

        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/db/status").asString()).isEqualTo("UP");
        JsonNode readModels = health.at("/components/readModels");
        assertThat(readModels.get("status").asString()).isEqualTo("UP");
        assertThat(readModels.at("/details/head").asLong()).isEqualTo(head);
        for (String processor : PROCESSORS) {
            JsonNode detail = readModels.at("/details/processors/" + processor);
            assertThat(detail.get("state").asString()).as(processor).isEqualTo("running");
            assertThat(detail.get("segments").asInt()).as(processor).isEqualTo(processing.segments());
            assertThat(detail.get("position").asLong()).as(processor).isEqualTo(head);
            assertThat(detail.get("head").asLong()).as(processor).isEqualTo(head);
            assertThat(detail.get("lag").asLong()).as(processor).isZero();
        }
        assertThat(readModels.at("/details/processors").size()).isEqualTo(PROCESSORS.size());
    }

    @Test
    void prometheusCountsCommandsAndEventsAndShowsLagAndReadLatency() throws InterruptedException {
        String before = prometheus();
        double accepted = value(before, "ledger_commands_total", "command=\"IssueDemand\"", "outcome=\"accepted\"");
        double replayed = value(before, "ledger_commands_total", "command=\"IssueDemand\"", "outcome=\"replayed\"");
        double refused = value(before, "ledger_commands_total", "command=\"ComplyWithDemand\"",
                "outcome=\"refused\"");
        double issued = value(before, "ledger_events_appended_total", "event=\"DemandIssued\"");
        double complied = value(before, "ledger_events_appended_total", "event=\"DemandComplied\"");

        String demand = issueDemand(5);
        issueDemand(2);
        assertThat(post("/api/v1/demands", demand(1, "2021-03-12"), "Idempotency-Key", "ops-1").status())
                .isEqualTo(201);
        assertThat(post("/api/v1/demands", demand(1, "2021-03-12"), "Idempotency-Key", "ops-1").status())
                .isEqualTo(201);
        assertThat(post("/api/v1/demands/" + demand + "/compliances", compliance(2, "2021-03-11")).status())
                .isEqualTo(201);
        assertThat(post("/api/v1/demands/" + demand + "/compliances", compliance(9, "2021-03-11")).status())
                .isEqualTo(409);
        for (int i = 0; i < 3; i++) {
            assertThat(get("/api/v1/platforms/twitter/status?jurisdiction=RU").status()).isEqualTo(200);
        }
        awaitHealthCaughtUp(lastPosition());

        String after = prometheus();
        assertThat(value(after, "ledger_commands_total", "command=\"IssueDemand\"", "outcome=\"accepted\""))
                .isEqualTo(accepted + 3);
        assertThat(value(after, "ledger_commands_total", "command=\"IssueDemand\"", "outcome=\"replayed\""))
                .isEqualTo(replayed + 1);
        assertThat(value(after, "ledger_commands_total", "command=\"ComplyWithDemand\"", "outcome=\"accepted\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(after, "ledger_commands_total", "command=\"ComplyWithDemand\"", "outcome=\"refused\""))
                .isEqualTo(refused + 1);
        assertThat(value(after, "ledger_events_appended_total", "event=\"DemandIssued\"")).isEqualTo(issued + 3);
        assertThat(value(after, "ledger_events_appended_total", "event=\"DemandComplied\""))
                .isEqualTo(complied + 1);
        assertThat(find(after, "ledger_commands_lost_races_total")).isPresent();

        assertThat(value(after, "ledger_events_head")).isEqualTo(lastPosition());
        for (String processor : PROCESSORS) {
            assertThat(find(after, "ledger_processor_lag", "processor=\"" + processor + "\"")).as(processor)
                    .isPresent();
            assertThat(value(after, "ledger_processor_position", "processor=\"" + processor + "\"")).as(processor)
                    .isEqualTo(lastPosition());
        }

        assertThat(value(after, "http_server_requests_seconds_count", "method=\"GET\"", "uri=\"" + READ + "\"",
                "status=\"200\"")).isGreaterThanOrEqualTo(3);
        assertThat(find(after, "http_server_requests_seconds_bucket", "uri=\"" + READ + "\"", "le=\"0.1\""))
                .isPresent();
        assertThat(after).doesNotContain("uri=\"/api/v1/platforms/twitter/status\"");
        assertThat(after).doesNotContain(demand);
        assertThat(after).as("Spring Security's per-filter observations are off: they cost a sixth of a write")
                .doesNotContain("spring_security_");
    }

    @Test
    void prometheusTimesRebuilds() throws InterruptedException {
        issueDemand(1);
        Response started = post("/api/v1/admin/read-models/rebuild", "");
        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!"SWITCHED".equals(get("/api/v1/admin/read-models/rebuild").body().get("state").asString())) {
            assertThat(System.nanoTime()).as("rebuild finished").isLessThan(deadline);
            Thread.sleep(50);
        }

        String text = prometheus();
        assertThat(value(text, "ledger_read_models_rebuild_seconds_count", "outcome=\"switched\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(find(text, "ledger_read_models_rebuild_seconds_sum", "outcome=\"switched\"")).isPresent();
    }

    private String prometheus() {
        Response response = get("/actuator/prometheus");
        assertThat(response.status()).isEqualTo(200);
        return response.raw();
    }

    private JsonNode awaitHealthCaughtUp(long head) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (true) {
            Response health = get("/actuator/health");
            JsonNode processors = health.body() == null ? null : health.body().at("/components/readModels/details"
                    + "/processors");
            boolean caughtUp = processors != null && processors.size() == PROCESSORS.size();
            if (caughtUp) {
                for (JsonNode processor : processors) {
                    caughtUp &= processor.get("position").asLong() >= head && processor.get("lag").asLong() == 0;
                }
            }
            if (caughtUp) {
                return health.body();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the processors did not catch up in " + LIMIT + ": " + health.raw());
            }
            Thread.sleep(50);
        }
    }
}
