package org.disputeledger.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.disputeledger.api.support.LedgerHttp;
import org.disputeledger.api.support.TestDatabases;
import org.disputeledger.audit.SigningKeys;
import org.disputeledger.common.Confidence;
import org.disputeledger.common.EffectiveTime;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.Source;
import org.disputeledger.demand.DemandKind;
import org.disputeledger.demand.command.IssueDemand;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Someone with write access to PostgreSQL alters the stored log directly, in many random ways: a byte of a payload
 * or of metadata, a timestamp, a stream or sequence, an event type, a deleted row, two rows swapped, a row inserted
 * into a gap, a sealed leaf hash, a stored subtree hash, a checkpoint's root or signature. Verification must catch every one and name the
 * position; after each alteration is undone it must say OK again. {@code -Dledger.tamper.rounds} and
 * {@code -Dledger.tamper.seed} run more or other rounds.
 */
class AuditTamperPostgresIT extends LedgerHttp {

    private static final int ROUNDS = Integer.getInteger("ledger.tamper.rounds", 65);
    private static final long SEED = Long.getLong("ledger.tamper.seed", 20261121L);

    @Autowired
    private CommandGateway commands;

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private AuditStore store;

    @Autowired
    private SigningKeys.SigningKey key;

    @Autowired
    private ExecutorService auditWorkers;

    @Autowired
    private Clock clock;

    /** The same verification in windows of 7 positions, so every alteration also lands near a window's edge. */
    private AuditVerifier smallWindows() {
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        return new AuditVerifier(jdbc, store, key.publicKey(), auditWorkers, clock, readOnly, 7);
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry);
    }

    private enum Alteration {
        PAYLOAD_BYTE, METADATA_BYTE, TIMESTAMP, STREAM, SEQUENCE, EVENT_TYPE, DELETED_ROW, SWAPPED_ROWS,
        INSERTED_ROW, LEAF_HASH, NODE_HASH, CHECKPOINT_ROOT, CHECKPOINT_SIGNATURE
    }

    @Test
    void verificationCatchesEveryAlterationAndNamesItsPosition() {
        long gap = seedHistoryWithAGap();
        JsonNode sealed = waitUntilSealed();
        assertThat(verify().get("ok").asBoolean()).isTrue();
        List<Long> positions = jdbc.queryForList("SELECT global_index FROM domain_event_entry ORDER BY global_index",
                Long.class);
        Random random = new Random(SEED);
        List<String> caught = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            Alteration alteration = Alteration.values()[round % Alteration.values().length];
            long p = positions.get(random.nextInt(positions.size() - 1));
            String what = alteration + " at " + p + " (round " + round + ", seed " + SEED + ")";
            Map<String, Object> original = jdbc.queryForMap("SELECT * FROM domain_event_entry WHERE global_index = ?",
                    p);
            jdbc.execute("ALTER TABLE domain_event_entry DISABLE TRIGGER USER");
            long expected = p;
            Runnable undo;
            switch (alteration) {
                case PAYLOAD_BYTE, METADATA_BYTE -> {
                    String column = alteration == Alteration.PAYLOAD_BYTE ? "payload" : "meta_data";
                    byte[] bytes = (byte[]) original.get(column);
                    int index = random.nextInt(bytes.length);
                    jdbc.update("UPDATE domain_event_entry SET " + column + " = set_byte(" + column + ", ?, "
                            + "get_byte(" + column + ", ?) # ?) WHERE global_index = ?", index, index,
                            1 << random.nextInt(7), p);
                    undo = () -> jdbc.update("UPDATE domain_event_entry SET " + column + " = ? WHERE global_index = ?",
                            bytes, p);
                }
                case TIMESTAMP -> {
                    String stamp = (String) original.get("time_stamp");
                    String altered = stamp.replace("Z", "").endsWith("1") ? stamp.replaceFirst("1Z$", "2Z")
                            : stamp.replaceFirst(".Z$", "1Z");
                    assertThat(altered).isNotEqualTo(stamp);
                    jdbc.update("UPDATE domain_event_entry SET time_stamp = ? WHERE global_index = ?", altered, p);
                    undo = () -> jdbc.update("UPDATE domain_event_entry SET time_stamp = ? WHERE global_index = ?",
                            stamp, p);
                }
                case STREAM -> {
                    jdbc.update("UPDATE domain_event_entry SET aggregate_identifier = ? WHERE global_index = ?",
                            original.get("aggregate_identifier") + "x", p);
                    undo = () -> jdbc.update("UPDATE domain_event_entry SET aggregate_identifier = ?"
                            + " WHERE global_index = ?", original.get("aggregate_identifier"), p);
                }
                case SEQUENCE -> {
                    jdbc.update("UPDATE domain_event_entry SET sequence_number = sequence_number + 1000"
                            + " WHERE global_index = ?", p);
                    undo = () -> jdbc.update("UPDATE domain_event_entry SET sequence_number = ? WHERE global_index = ?",
                            original.get("sequence_number"), p);
                }
                case EVENT_TYPE -> {
                    jdbc.update("UPDATE domain_event_entry SET payload_type = ? WHERE global_index = ?",
                            "org.disputeledger.demand.event.DemandWithdrawn", p);
                    undo = () -> jdbc.update("UPDATE domain_event_entry SET payload_type = ? WHERE global_index = ?",
                            original.get("payload_type"), p);
                }
                case DELETED_ROW -> {
                    jdbc.update("DELETE FROM domain_event_entry WHERE global_index = ?", p);
                    undo = () -> reinsert(original, p);
                }
                case SWAPPED_ROWS -> {
                    long q = positions.get(positions.indexOf(p) + 1 + random.nextInt(positions.size()
                            - positions.indexOf(p) - 1));
                    jdbc.update("UPDATE domain_event_entry SET global_index = -1 WHERE global_index = ?", p);
                    jdbc.update("UPDATE domain_event_entry SET global_index = ? WHERE global_index = ?", p, q);
                    jdbc.update("UPDATE domain_event_entry SET global_index = ? WHERE global_index = -1", q);
                    undo = () -> {
                        jdbc.update("UPDATE domain_event_entry SET global_index = -1 WHERE global_index = ?", p);
                        jdbc.update("UPDATE domain_event_entry SET global_index = ? WHERE global_index = ?", p, q);
                        jdbc.update("UPDATE domain_event_entry SET global_index = ? WHERE global_index = -1", q);
                    };
                }
                case INSERTED_ROW -> {
                    expected = gap;
                    jdbc.update("INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier,"
                            + " sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)"
                            + " VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?)", gap, UUID.randomUUID().toString(),
                            UUID.randomUUID().toString(), original.get("type"), original.get("time_stamp"),
                            original.get("payload_type"), original.get("payload_revision"), original.get("payload"),
                            original.get("meta_data"));
                    undo = () -> jdbc.update("DELETE FROM domain_event_entry WHERE global_index = ?", gap);
                }
                case LEAF_HASH -> {
                    byte[] hash = jdbc.queryForObject("SELECT leaf_hash FROM audit_leaf WHERE position = ?",
                            byte[].class, p);
                    byte[] altered = hash.clone();
                    altered[random.nextInt(altered.length)] ^= 1;
                    jdbc.update("UPDATE audit_leaf SET leaf_hash = ? WHERE position = ?", altered, p);
                    undo = () -> jdbc.update("UPDATE audit_leaf SET leaf_hash = ? WHERE position = ?", hash, p);
                }
                case NODE_HASH -> {
                    Map<String, Object> node = jdbc.queryForList("SELECT level, node_index, hash FROM audit_node"
                            + " ORDER BY level, node_index").get(random.nextInt(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM audit_node", Integer.class)));
                    int level = (Integer) node.get("level");
                    long index = (Long) node.get("node_index");
                    byte[] hash = (byte[]) node.get("hash");
                    byte[] altered = hash.clone();
                    altered[random.nextInt(altered.length)] ^= 1;
                    jdbc.update("UPDATE audit_node SET hash = ? WHERE level = ? AND node_index = ?", altered, level,
                            index);
                    // found when the last leaf of the subtree is in
                    expected = jdbc.queryForObject("SELECT position FROM audit_leaf WHERE leaf_index = ?", Long.class,
                            ((index + 1) << level) - 1);
                    undo = () -> jdbc.update("UPDATE audit_node SET hash = ? WHERE level = ? AND node_index = ?", hash,
                            level, index);
                }
                case CHECKPOINT_ROOT, CHECKPOINT_SIGNATURE -> {
                    Map<String, Object> checkpoint = jdbc.queryForMap("SELECT tree_size, last_position, root_hash,"
                            + " signature FROM audit_checkpoint WHERE last_position >= ? ORDER BY tree_size LIMIT 1",
                            p);
                    String column = alteration == Alteration.CHECKPOINT_ROOT ? "root_hash" : "signature";
                    byte[] value = (byte[]) checkpoint.get(column);
                    byte[] altered = value.clone();
                    altered[random.nextInt(altered.length)] ^= 1;
                    long size = (Long) checkpoint.get("tree_size");
                    jdbc.update("UPDATE audit_checkpoint SET " + column + " = ? WHERE tree_size = ?", altered, size);
                    expected = (Long) checkpoint.get("last_position");
                    undo = () -> jdbc.update("UPDATE audit_checkpoint SET " + column + " = ? WHERE tree_size = ?",
                            value, size);
                }
                default -> throw new IllegalStateException(what);
            }
            try {
                JsonNode report = verify();
                assertThat(report.get("ok").asBoolean()).as(what).isFalse();
                AuditVerifier.Report windowed = smallWindows().verify();
                assertThat(windowed.ok()).as(what + " in small windows").isFalse();
                assertThat(windowed.firstDiscrepancy().problem()).as(what + " in small windows")
                        .isEqualTo(report.get("firstDiscrepancy").get("problem").asString());
                JsonNode discrepancy = report.get("firstDiscrepancy");
                if (alteration == Alteration.CHECKPOINT_SIGNATURE) {
                    assertThat(discrepancy.get("treeSize").asLong()).as(what).isPositive();
                    assertThat(discrepancy.get("problem").asString()).as(what).contains("not signed");
                } else {
                    assertThat(discrepancy.get("position").asLong()).as(what + ": " + discrepancy).isEqualTo(expected);
                }
                caught.add(alteration.name());
            } finally {
                undo.run();
                jdbc.execute("ALTER TABLE domain_event_entry ENABLE TRIGGER USER");
            }
            if (round % 6 == 5) {
                assertThat(verify().get("ok").asBoolean()).as("after undoing " + what).isTrue();
            }
        }
        assertThat(caught).hasSize(ROUNDS);
        JsonNode after = verify();
        assertThat(after.get("ok").asBoolean()).isTrue();
        AuditVerifier.Report windowed = smallWindows().verify();
        assertThat(windowed.ok()).isTrue();
        assertThat(windowed.eventsChecked()).isEqualTo(after.get("eventsChecked").asLong());
        assertThat(windowed.checkpointsChecked()).isEqualTo(after.get("checkpointsChecked").asLong());
        assertThat(after.get("rootHash").asString()).isEqualTo(sealed.get("rootHash").asString());
    }

    private void reinsert(Map<String, Object> row, long position) {
        jdbc.update("INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier,"
                + " sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", position, row.get("event_identifier"),
                row.get("aggregate_identifier"), row.get("sequence_number"), row.get("type"), row.get("time_stamp"),
                row.get("payload_type"), row.get("payload_revision"), row.get("payload"), row.get("meta_data"));
    }

    private JsonNode verify() {
        Response report = get("/api/v1/audit/verify");
        assertThat(report.status()).as(report.raw()).isEqualTo(200);
        return report.body();
    }

    /** About 40 events through the API, with a rolled-back append among them; returns the position it left empty. */
    private long seedHistoryWithAGap() {
        for (int i = 0; i < 8; i++) {
            String stream = issueDemand(10);
            post("/api/v1/demands/" + stream + "/compliances", compliance(2, "2021-03-11"));
            post("/api/v1/demands/" + stream + "/compliances", compliance(3, "2021-03-12"));
            if (i == 3) {
                try {
                    new TransactionTemplate(transactions)
                            .executeWithoutResult(status -> {
                                commands.sendAndWait(new IssueDemand(UUID.randomUUID().toString(), "RU",
                                        "Roskomnadzor", "twitter", "twitter-inc", DemandKind.REMOVE_CONTENT, null, 1L,
                                        Map.of(), null, Envelope.of(EffectiveTime.day("2021-05-01"),
                                        Source.url("https://example.org/rolled-back"), Confidence.CONFIRMED)));
                                status.setRollbackOnly();
                            });
                } catch (RuntimeException rolledBack) {
                    assertThat(rolledBack).isNotNull();
                }
            }
        }
        List<Long> positions = jdbc.queryForList("SELECT global_index FROM domain_event_entry ORDER BY global_index",
                Long.class);
        for (int i = 1; i < positions.size(); i++) {
            if (positions.get(i) != positions.get(i - 1) + 1) {
                return positions.get(i - 1) + 1;
            }
        }
        throw new AssertionError("the rolled-back append left no gap: " + positions);
    }

    private JsonNode waitUntilSealed() {
        for (int i = 0; i < 600; i++) {
            Response latest = get("/api/v1/audit/checkpoints/latest");
            if (latest.status() == 200 && latest.body().get("lastPosition").asLong() == lastPosition()) {
                return latest.body();
            }
            AuditLogContract.sleep(50);
        }
        throw new AssertionError("the log was not sealed within 30 s");
    }
}
