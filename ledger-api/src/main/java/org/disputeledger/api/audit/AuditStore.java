package org.disputeledger.api.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.disputeledger.audit.Checkpoint;
import org.disputeledger.audit.LeafRange;
import org.disputeledger.audit.SealedEvent;
import org.disputeledger.audit.Subtrees;
import org.disputeledger.audit.TreeNode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** Reads the event store as the log seals it, and reads and writes what sealing computes (migration V10). */
public final class AuditStore {

    static final String EVENT_COLUMNS = "global_index, event_identifier, aggregate_identifier, sequence_number,"
            + " type, time_stamp, payload_type, payload_revision, payload, meta_data";

    static final RowMapper<SealedEvent> EVENT = (row, number) -> new SealedEvent(row.getLong(1), row.getString(2),
            row.getString(3), row.getLong(4), row.getString(5), row.getString(6), row.getString(7), row.getString(8),
            row.getBytes(9), row.getBytes(10));

    private static final RowMapper<Checkpoint> CHECKPOINT = (row, number) -> new Checkpoint(row.getLong(1),
            row.getLong(2), row.getBytes(3), row.getObject(4, OffsetDateTime.class).toInstant(), row.getString(5),
            row.getBytes(6));

    private static final String CHECKPOINT_COLUMNS = "tree_size, last_position, root_hash, sealed_at, key_id,"
            + " signature";

    /** The sealer's progress. */
    public record State(long treeSize, long lastPosition) {
    }

    /** A sealed leaf: its index, the event's global position and the leaf hash. */
    public record Leaf(long leafIndex, long position, byte[] hash) {
    }

    /**
     * The lowest level of subtree {@code audit_node} holds: a subtree of 16 leaves. The 7 of every 8 subtrees below
     * it are recomputed from leaves when a proof needs them.
     */
    public static final int LOWEST_STORED_LEVEL = 4;

    private final JdbcTemplate jdbc;

    public AuditStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    State lockState() {
        return jdbc.queryForObject("SELECT tree_size, last_position FROM audit_state WHERE id = 1 FOR UPDATE",
                (row, number) -> new State(row.getLong(1), row.getLong(2)));
    }

    public State state() {
        return jdbc.queryForObject("SELECT tree_size, last_position FROM audit_state WHERE id = 1",
                (row, number) -> new State(row.getLong(1), row.getLong(2)));
    }

    List<SealedEvent> eventsBetween(long afterPosition, long upToPosition, int limit) {
        return jdbc.query("SELECT " + EVENT_COLUMNS + " FROM domain_event_entry WHERE global_index > ?"
                + " AND global_index <= ? ORDER BY global_index LIMIT ?", EVENT, afterPosition, upToPosition, limit);
    }

    void insertLeaves(List<Object[]> rows) {
        jdbc.batchUpdate("INSERT INTO audit_leaf (leaf_index, position, leaf_hash, platform, legal_entity)"
                + " VALUES (?, ?, ?, ?, ?)", rows);
    }

    void insertNodes(List<Object[]> rows) {
        jdbc.batchUpdate("INSERT INTO audit_node (level, node_index, hash) VALUES (?, ?, ?)", rows);
    }

    void insertStreams(List<Object[]> rows) {
        jdbc.batchUpdate("INSERT INTO audit_stream (stream_id, platform, legal_entity) VALUES (?, ?, ?)", rows);
    }

    Optional<String[]> streamSubject(String streamId) {
        List<String[]> found = jdbc.query("SELECT platform, legal_entity FROM audit_stream WHERE stream_id = ?",
                (row, number) -> new String[] {row.getString(1), row.getString(2)}, streamId);
        return found.stream().findFirst();
    }

    void insertCheckpoint(Checkpoint checkpoint) {
        jdbc.update("INSERT INTO audit_checkpoint (" + CHECKPOINT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)",
                checkpoint.treeSize(), checkpoint.lastPosition(), checkpoint.rootHash(),
                checkpoint.sealedAt().atOffset(ZoneOffset.UTC), checkpoint.keyId(), checkpoint.signature());
    }

    void updateState(State state) {
        jdbc.update("UPDATE audit_state SET tree_size = ?, last_position = ? WHERE id = 1", state.treeSize(),
                state.lastPosition());
    }

    public Optional<Checkpoint> latestCheckpoint() {
        return jdbc.query("SELECT " + CHECKPOINT_COLUMNS + " FROM audit_checkpoint ORDER BY tree_size DESC LIMIT 1",
                CHECKPOINT).stream().findFirst();
    }

    public Optional<Checkpoint> checkpoint(long treeSize) {
        return jdbc.query("SELECT " + CHECKPOINT_COLUMNS + " FROM audit_checkpoint WHERE tree_size = ?", CHECKPOINT,
                treeSize).stream().findFirst();
    }

    /** Checkpoints of tree size above {@code after}, smallest first. */
    public List<Checkpoint> checkpoints(long after, int limit) {
        return jdbc.query("SELECT " + CHECKPOINT_COLUMNS + " FROM audit_checkpoint WHERE tree_size > ?"
                + " ORDER BY tree_size LIMIT ?", CHECKPOINT, after, limit);
    }

    /** Every checkpoint, smallest first, given one by one. */
    public void eachCheckpoint(Consumer<Checkpoint> consumer) {
        jdbc.query("SELECT " + CHECKPOINT_COLUMNS + " FROM audit_checkpoint ORDER BY tree_size",
                (ResultSet row) -> {
                    consumer.accept(CHECKPOINT.mapRow(row, 0));
                });
    }

    public Optional<Leaf> leafAt(long position) {
        return jdbc.query("SELECT leaf_index, position, leaf_hash FROM audit_leaf WHERE position = ?",
                (row, number) -> new Leaf(row.getLong(1), row.getLong(2), row.getBytes(3)), position).stream()
                .findFirst();
    }

    /**
     * The hashes of perfect subtrees, in the order asked; a node not stored is a null. Subtrees below
     * {@link #LOWEST_STORED_LEVEL} are not stored (they would double the rows sealing writes) but computed from their
     * at most 8 leaves. One query, so a proof costs one round trip however deep the tree: leaves come from
     * {@code audit_leaf}, the rest from {@code audit_node}, each by its primary key.
     */
    public List<byte[]> nodes(List<TreeNode> nodes) {
        if (nodes.isEmpty()) {
            return List.of();
        }
        java.util.Set<Long> leaves = new java.util.LinkedHashSet<>();
        java.util.Set<TreeNode> stored = new java.util.LinkedHashSet<>();
        for (TreeNode node : nodes) {
            if (node.level() == 0 || node.level() >= LOWEST_STORED_LEVEL) {
                if (node.level() == 0) {
                    leaves.add(node.index());
                } else {
                    stored.add(node);
                }
            } else {
                for (long leaf = node.firstLeaf(); leaf < node.firstLeaf() + node.size(); leaf++) {
                    leaves.add(leaf);
                }
            }
        }
        List<Object> arguments = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        if (!leaves.isEmpty()) {
            parts.add("SELECT 0 AS level, leaf_index AS node_index, leaf_hash AS hash FROM audit_leaf"
                    + " WHERE leaf_index IN (" + marks(leaves) + ")");
            arguments.addAll(leaves);
        }
        if (!stored.isEmpty()) {
            parts.add("SELECT level, node_index, hash FROM audit_node WHERE "
                    + String.join(" OR ", java.util.Collections.nCopies(stored.size(),
                    "(level = ? AND node_index = ?)")));
            stored.forEach(node -> {
                arguments.add(node.level());
                arguments.add(node.index());
            });
        }
        Map<TreeNode, byte[]> found = new HashMap<>();
        jdbc.query(String.join(" UNION ALL ", parts), (ResultSet row) -> {
            found.put(new TreeNode(row.getInt(1), row.getLong(2)), row.getBytes(3));
        }, arguments.toArray());
        return nodes.stream().map(node -> hash(node, found)).toList();
    }

    /** A subtree's hash: found, or computed from its two halves when it is below the stored levels. */
    private static byte[] hash(TreeNode node, Map<TreeNode, byte[]> found) {
        if (node.level() == 0 || node.level() >= LOWEST_STORED_LEVEL) {
            return found.get(node);
        }
        byte[] left = hash(new TreeNode(node.level() - 1, node.index() * 2), found);
        byte[] right = hash(new TreeNode(node.level() - 1, node.index() * 2 + 1), found);
        return left == null || right == null ? null : org.disputeledger.audit.MerkleHash.node(left, right);
    }

    /** The hashes of leaf ranges, each folded from the perfect subtrees it is made of, read in one go. */
    public List<byte[]> rangeHashes(List<LeafRange> ranges) {
        List<List<TreeNode>> pieces = ranges.stream().map(range -> Subtrees.decompose(range.start(), range.end()))
                .toList();
        List<TreeNode> all = pieces.stream().flatMap(Collection::stream).distinct().toList();
        List<byte[]> hashes = nodes(all);
        Map<TreeNode, byte[]> byNode = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            if (hashes.get(i) == null) {
                throw new IllegalStateException("the log holds no hash of " + all.get(i));
            }
            byNode.put(all.get(i), hashes.get(i));
        }
        return pieces.stream().map(nodes -> Subtrees.fold(nodes.stream().map(byNode::get).toList())).toList();
    }

    private static String marks(Collection<?> values) {
        return String.join(", ", java.util.Collections.nCopies(values.size(), "?"));
    }

    static SealedEvent event(ResultSet row) throws SQLException {
        return EVENT.mapRow(row, 0);
    }
}
