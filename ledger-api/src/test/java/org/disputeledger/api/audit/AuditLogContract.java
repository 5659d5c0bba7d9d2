package org.disputeledger.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.disputeledger.api.support.LedgerHttp;
import org.disputeledger.common.Confidence;
import org.disputeledger.common.EffectiveTime;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.Source;
import org.disputeledger.demand.DemandKind;
import org.disputeledger.demand.command.IssueDemand;
import org.disputeledger.audit.ExportVerifier;
import org.disputeledger.audit.MerkleHash;
import org.disputeledger.audit.MerkleProofs;
import org.disputeledger.audit.SealedEvent;
import org.disputeledger.audit.SigningKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The tamper-evident log through the API: every accepted event is sealed in global order, checkpoints are signed
 * with the served key, proofs verify with RFC 9162's algorithms, the history pages and streams in global order
 * with its filters, the export verifies offline, and an append whose transaction commits late is sealed in its
 * place, never passed over.
 */
abstract class AuditLogContract extends LedgerHttp {

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private CommandGateway commands;

    /** Waits until the latest checkpoint covers every event in the store. */
    protected JsonNode sealedCheckpoint() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Response latest = get("/api/v1/audit/checkpoints/latest");
            if (latest.status() == 200 && latest.body().get("lastPosition").asLong() == lastPosition()
                    && latest.body().get("treeSize").asLong() == eventCount()) {
                return latest.body();
            }
            sleep(50);
        }
        throw new AssertionError("the log was not sealed within 30 s");
    }

    private SigningKeys.PublicKeyInfo publicKey() {
        Response key = get("/api/v1/audit/public-key");
        assertThat(key.status()).isEqualTo(200);
        assertThat(key.body().get("algorithm").asString()).isEqualTo("Ed25519");
        return SigningKeys.publicKey(key.body().get("publicKey").asString());
    }

    private List<SealedEvent> storedEvents() {
        return jdbc.query("SELECT " + AuditStore.EVENT_COLUMNS + " FROM domain_event_entry ORDER BY global_index",
                AuditStore.EVENT);
    }

    private static byte[] hex(JsonNode node) {
        return MerkleHash.fromHex(node.asString());
    }

    private void writeSome(int demands) {
        for (int i = 0; i < demands; i++) {
            String stream = issueDemand(10);
            assertThat(post("/api/v1/demands/" + stream + "/compliances", compliance(2, "2021-03-11")).status())
                    .isEqualTo(201);
        }
        assertThat(post("/api/v1/demands", demand(5, "2021-04-01").replace("\"twitter\"", "\"telegram\"")
                .replace("twitter-inc", "telegram-fz")).status()).isEqualTo(201);
    }

    @Test
    void sealsEveryEventAndSignsCheckpointsWithTheServedKey() {
        writeSome(3);
        JsonNode latest = sealedCheckpoint();
        SigningKeys.PublicKeyInfo key = publicKey();
        assertThat(latest.get("keyId").asString()).isEqualTo(key.keyId());
        assertThat(key.verifies(latest.get("signedText").asString().getBytes(StandardCharsets.UTF_8),
                Base64.getDecoder().decode(latest.get("signature").asString()))).isTrue();
        assertThat(key.verifies("something else".getBytes(StandardCharsets.UTF_8),
                Base64.getDecoder().decode(latest.get("signature").asString()))).isFalse();

        List<SealedEvent> events = storedEvents();
        org.disputeledger.audit.CompactRange tree = new org.disputeledger.audit.CompactRange();
        events.forEach(event -> tree.append(event.leafHash()));
        assertThat(latest.get("rootHash").asString()).isEqualTo(MerkleHash.hex(tree.root()));

        Response checkpoints = get("/api/v1/audit/checkpoints?after=0&limit=1000");
        List<Long> sizes = new ArrayList<>();
        checkpoints.body().get("checkpoints").forEach(c -> sizes.add(c.get("treeSize").asLong()));
        assertThat(sizes).isSorted().contains(latest.get("treeSize").asLong());
    }

    @Test
    void everyEventHasAnInclusionProofAndEveryCheckpointAConsistencyProof() {
        writeSome(2);
        JsonNode latest = sealedCheckpoint();
        long size = latest.get("treeSize").asLong();
        byte[] root = hex(latest.get("rootHash"));
        List<SealedEvent> events = storedEvents();
        for (int i = 0; i < events.size(); i++) {
            SealedEvent event = events.get(i);
            Response proof = get("/api/v1/audit/proofs/inclusion?position=" + event.position());
            assertThat(proof.status()).isEqualTo(200);
            assertThat(proof.body().get("leafIndex").asLong()).isEqualTo(i);
            List<byte[]> path = new ArrayList<>();
            proof.body().get("proof").forEach(hash -> path.add(hex(hash)));
            assertThat(MerkleProofs.verifyInclusion(i, size, event.leafHash(), path, root)).as("event %d", i)
                    .isTrue();
            assertThat(proof.body().get("leafHash").asString()).isEqualTo(MerkleHash.hex(event.leafHash()));
        }
        writeSome(1);
        JsonNode later = sealedCheckpoint();
        Response consistency = get("/api/v1/audit/proofs/consistency?from=" + size);
        assertThat(consistency.status()).isEqualTo(200);
        List<byte[]> proof = new ArrayList<>();
        consistency.body().get("proof").forEach(hash -> proof.add(hex(hash)));
        assertThat(MerkleProofs.verifyConsistency(size, later.get("treeSize").asLong(), root,
                hex(later.get("rootHash")), proof)).isTrue();
    }

    @Test
    void theHistoryPagesAndStreamsInGlobalOrderWithItsFilters() {
        writeSome(3);
        sealedCheckpoint();
        List<SealedEvent> events = storedEvents();
        List<Long> paged = new ArrayList<>();
        long after = 0;
        boolean more = true;
        while (more) {
            Response page = get("/api/v1/events?after=" + after + "&limit=2");
            assertThat(page.status()).isEqualTo(200);
            page.body().get("events").forEach(event -> paged.add(event.get("position").asLong()));
            after = page.body().get("nextAfter").asLong();
            more = page.body().get("more").asBoolean();
        }
        assertThat(paged).containsExactlyElementsOf(events.stream().map(SealedEvent::position).toList());

        JsonNode first = get("/api/v1/events?limit=1").body().get("events").get(0);
        assertThat(first.get("type").asString()).isEqualTo("DemandIssued");
        assertThat(first.get("revision").asString()).isNotBlank();
        assertThat(first.get("recordedBy").asString()).isNotBlank();
        assertThat(first.get("effective").get("date").asString()).isEqualTo("2021-03-10");
        assertThat(first.get("sources").isArray()).isTrue();
        assertThat(first.get("payload").get("platform").asString()).isEqualTo("twitter");

        Response stream = get("/api/v1/events/stream?after=0");
        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.header("Content-Type")).startsWith("application/x-ndjson");
        List<Long> streamed = stream.raw().lines().map(line -> JSON.readTree(line).get("position").asLong())
                .toList();
        assertThat(streamed).isEqualTo(paged);

        List<String> telegram = new ArrayList<>();
        get("/api/v1/events?platform=telegram&limit=1000").body().get("events")
                .forEach(event -> telegram.add(event.get("payload").get("platform").asString()));
        assertThat(telegram).isNotEmpty().containsOnly("telegram");
        List<String> compliances = new ArrayList<>();
        get("/api/v1/events?type=DemandComplied&limit=1000").body().get("events")
                .forEach(event -> compliances.add(event.get("type").asString()));
        long complied = events.stream().filter(event -> event.payloadType().endsWith(".DemandComplied")).count();
        assertThat(complied).isGreaterThanOrEqualTo(3);
        assertThat(compliances).hasSize((int) complied).containsOnly("DemandComplied");
        String streamId = events.get(0).streamId();
        get("/api/v1/events?stream=" + streamId + "&limit=1000").body().get("events")
                .forEach(event -> assertThat(event.get("streamId").asString()).isEqualTo(streamId));
        // a compliance names no platform: it is found under its demand's platform
        assertThat(get("/api/v1/events?platform=twitter&type=DemandComplied&limit=1000").body().get("events")
                .size()).isEqualTo((int) complied);
        Instant future = Instant.parse(events.get(events.size() - 1).recordedAt()).plusSeconds(3600);
        assertThat(get("/api/v1/events?recordedFrom=" + future).body().get("events").size()).isZero();
        Instant lastRecorded = Instant.parse(events.get(events.size() - 1).recordedAt());
        assertThat(get("/api/v1/events?limit=1000&recordedFrom=" + lastRecorded).body().get("events").size())
                .isGreaterThanOrEqualTo(1);
        assertThat(get("/api/v1/events?limit=1000&recordedTo=" + lastRecorded).body().get("events").size())
                .isLessThan(events.size());
    }

    @Test
    void refusesBadAuditQueriesNamingTheField() {
        writeSome(1);
        sealedCheckpoint();
        assertProblem(get("/api/v1/events?limit=0"), 400, "limit");
        assertProblem(get("/api/v1/events?limit=1001"), 400, "limit");
        assertProblem(get("/api/v1/events?after=-1"), 400, "after");
        assertProblem(get("/api/v1/events?after=x"), 400, "after");
        assertProblem(get("/api/v1/events?type=drop%20table"), 400, "type");
        assertProblem(get("/api/v1/events?recordedFrom=yesterday"), 400, "recordedFrom");
        assertProblem(get("/api/v1/events?recordedFrom=2026-01-02T00:00:00Z&recordedTo=2026-01-01T00:00:00Z"), 400,
                "recordedTo");
        assertProblem(get("/api/v1/audit/proofs/inclusion?position=999999"), 400, "position");
        assertProblem(get("/api/v1/audit/proofs/inclusion"), 400, "position");
        assertProblem(get("/api/v1/audit/proofs/inclusion?position=1&treeSize=999999"), 400, "treeSize");
        assertProblem(get("/api/v1/audit/proofs/consistency?from=999999"), 400, "from");
        assertProblem(get("/api/v1/audit/checkpoints?limit=5000"), 400, "limit");
    }

    private static void assertProblem(Response response, int status, String field) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body().get("field").asString()).isEqualTo(field);
    }

    @Test
    void verificationOfAnIntactLogSaysOkAndTheExportVerifiesOffline() throws Exception {
        writeSome(3);
        JsonNode latest = sealedCheckpoint();
        Response report = get("/api/v1/audit/verify");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body().get("ok").asBoolean()).as(report.raw()).isTrue();
        assertThat(report.body().get("eventsChecked").asLong()).isEqualTo(eventCount());
        assertThat(report.body().get("checkpointsChecked").asLong()).isGreaterThanOrEqualTo(1);

        Response export = get("/api/v1/exports/history");
        assertThat(export.status()).isEqualTo(200);
        ExportVerifier.Result result = ExportVerifier.verify(new BufferedReader(new StringReader(export.raw())),
                publicKey());
        assertThat(result.ok()).as(result.summary()).isTrue();
        assertThat(result.events()).isEqualTo(latest.get("treeSize").asLong());
        assertThat(result.rootHash()).isEqualTo(latest.get("rootHash").asString());

        String altered = export.raw().replaceFirst("\"itemCount\\\\\":10", "\"itemCount\\\\\":11");
        assertThat(altered).isNotEqualTo(export.raw());
        ExportVerifier.Result tampered = ExportVerifier.verify(new BufferedReader(new StringReader(altered)),
                publicKey());
        assertThat(tampered.ok()).isFalse();
        assertThat(tampered.position()).isNotNull();
    }

    @Test
    void anAppendThatCommitsLateIsSealedInItsPlaceNotPassedOver() throws Exception {
        writeSome(1);
        sealedCheckpoint();
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Long> heldPosition = new AtomicReference<>();
        Thread holder = new Thread(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            commands.sendAndWait(issueDemandCommand());
            heldPosition.set(jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class));
            appended.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        holder.start();
        assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();
        // appends after the held one take later positions and commit first
        writeSome(1);
        sleep(800);
        long sealedWhileHeld = get("/api/v1/audit/checkpoints/latest").body().get("lastPosition").asLong();
        assertThat(sealedWhileHeld).as("sealed past a position whose transaction is still open")
                .isLessThan(heldPosition.get());
        release.countDown();
        holder.join(30_000);
        sealedCheckpoint();
        Response proof = get("/api/v1/audit/proofs/inclusion?position=" + heldPosition.get());
        assertThat(proof.status()).isEqualTo(200);
        assertThat(get("/api/v1/audit/verify").body().get("ok").asBoolean()).isTrue();
    }

    @Test
    void aRolledBackAppendLeavesAGapTheSealerSkips() {
        writeSome(1);
        sealedCheckpoint();
        try {
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                commands.sendAndWait(issueDemandCommand());
                throw new IllegalStateException("rolled back on purpose");
            });
        } catch (IllegalStateException expected) {
            assertThat(expected).hasMessage("rolled back on purpose");
        }
        writeSome(1);
        JsonNode latest = sealedCheckpoint();
        assertThat(latest.get("treeSize").asLong()).isEqualTo(eventCount());
        assertThat(get("/api/v1/audit/verify").body().get("ok").asBoolean()).isTrue();
    }

    /** A demand sent straight to the command bus, so the test owns the transaction it is appended in. */
    private static IssueDemand issueDemandCommand() {
        return new IssueDemand(java.util.UUID.randomUUID().toString(), "RU", "Roskomnadzor", "twitter",
                "twitter-inc", DemandKind.REMOVE_CONTENT, null, 3L, java.util.Map.of(), null,
                Envelope.of(EffectiveTime.day("2021-05-01"), Source.url("https://example.org/held"),
                        Confidence.CONFIRMED));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
