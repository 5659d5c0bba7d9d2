package org.disputeledger.api.audit;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.disputeledger.audit.Checkpoint;
import org.disputeledger.audit.CompactRange;
import org.disputeledger.audit.MerkleHash;
import org.disputeledger.audit.SigningKeys;
import org.disputeledger.audit.TreeNode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-checks everything stored against the signed checkpoints: reads every event up to the latest checkpoint from
 * the event store, recomputes its leaf hash from its stored bytes, compares it with the sealed leaf at the same
 * index and position, rebuilds the tree and compares its root with every checkpoint, and checks each checkpoint's
 * signature. It names the first discrepancy: an altered event (any byte, its timestamp, its position), a sealed
 * event missing from the store, an event in the sealed range that was never sealed, or a checkpoint that does not
 * match, or a stored subtree hash (what proofs are made of) that is not the hash of its leaves. Events are read
 * and hashed in windows, the slices of a window side by side.
 */
public final class AuditVerifier {

    /** How many positions a window covers: bounds the memory a verification holds, whatever the log's length. */
    public static final int WINDOW = 200_000;

    /** The first discrepancy found: where, and what. */
    public record Discrepancy(Long position, Long leafIndex, Long treeSize, String problem) {
    }

    /** The outcome: what was checked, and the first discrepancy if any. */
    public record Report(boolean ok, long eventsChecked, long checkpointsChecked, long treeSize, long sealedUpTo,
                         String rootHash, String keyId, long unsealedEvents, Instant checkedAt, long durationMillis,
                         Discrepancy firstDiscrepancy) {
    }

    private final JdbcTemplate jdbc;
    private final AuditStore store;
    private final SigningKeys.PublicKeyInfo key;
    private final ExecutorService workers;
    private final Clock clock;
    private final TransactionTemplate readOnly;
    private final int window;

    /** A verifier that reads {@code window} positions at a time ({@link #WINDOW} in the application). */
    public AuditVerifier(JdbcTemplate jdbc, AuditStore store, SigningKeys.PublicKeyInfo key, ExecutorService workers,
                         Clock clock, TransactionTemplate readOnly, int window) {
        this.jdbc = jdbc;
        this.readOnly = readOnly;
        this.window = window;
        this.store = store;
        this.key = key;
        this.workers = workers;
        this.clock = clock;
    }

    /**
     * The events of a window in position order: each one's recomputed leaf hash, the index of the sealed leaf at its
     * position (-1: none) and whether that leaf's hash is the recomputed one; how many sealed leaves the window
     * holds, and the first of them whose event is not in the store.
     */
    private record Hashed(long[] positions, byte[][] hashes, long[] leafIndexes, boolean[] matches, int count,
                          long leaves, Long firstMissing) {
    }

    private static Discrepancy missing(long position, long leafIndex) {
        return new Discrepancy(position, leafIndex, null, "the sealed event at position " + position + " (leaf "
                + leafIndex + ") is missing from the event store: deleted or moved");
    }

    public Report verify() {
        Instant started = clock.instant();
        List<Checkpoint> checkpoints = new ArrayList<>();
        store.eachCheckpoint(checkpoints::add);
        Checkpoint latest = checkpoints.isEmpty() ? null : checkpoints.get(checkpoints.size() - 1);
        long treeSize = latest == null ? 0 : latest.treeSize();
        long sealedUpTo = latest == null ? 0 : latest.lastPosition();
        Long unsealed = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE global_index > ?",
                Long.class, sealedUpTo);
        CompactRange tree = new CompactRange();
        int nextCheckpoint = 0;
        long leafIndex = 0;
        Discrepancy found = null;
        long windowStart = 0;
        List<Future<Hashed>> reading = windowStart < sealedUpTo
                ? readWindow(windowStart, Math.min(sealedUpTo, windowStart + window)) : List.of();
        window:
        while (found == null && windowStart < sealedUpTo) {
            long windowEnd = Math.min(sealedUpTo, windowStart + window);
            Hashed events = join(reading);
            // the next window is read and hashed while this one is walked
            reading = windowEnd < sealedUpTo ? readWindow(windowEnd, Math.min(sealedUpTo, windowEnd + window))
                    : List.of();
            Map<TreeNode, byte[]> storedNodes = storedNodes(leafIndex, leafIndex + events.leaves());
            for (int e = 0; e < events.count(); e++) {
                long position = events.positions()[e];
                if (events.firstMissing() != null && events.firstMissing() < position) {
                    found = missing(events.firstMissing(), leafIndex);
                    break window;
                }
                if (events.leafIndexes()[e] < 0) {
                    found = new Discrepancy(position, null, null, "the event at position " + position
                            + " is in the sealed range but not in the sealed log: inserted after sealing");
                    break window;
                }
                if (events.leafIndexes()[e] != leafIndex) {
                    found = new Discrepancy(position, leafIndex, null, "leaf " + leafIndex + " was due at position "
                            + position + ", the sealed log has leaf " + events.leafIndexes()[e]
                            + ": the sealed leaves were altered");
                    break window;
                }
                byte[] hash = events.hashes()[e];
                if (!events.matches()[e]) {
                    found = new Discrepancy(position, leafIndex, null, "the event at position " + position
                            + " (leaf " + leafIndex + ") does not match its sealed leaf hash: a stored byte, its"
                            + " timestamp or its position was altered");
                    break window;
                }
                TreeNode[] badNode = {null};
                tree.append(hash, (node, computed) -> {
                    if (node.level() >= AuditStore.LOWEST_STORED_LEVEL && badNode[0] == null
                            && !MessageDigest.isEqual(computed, storedNodes.get(node))) {
                        badNode[0] = node;
                    }
                });
                if (badNode[0] != null) {
                    found = new Discrepancy(position, leafIndex, null, "the stored hash of subtree level "
                            + badNode[0].level() + " index " + badNode[0].index() + " (leaves " + badNode[0].firstLeaf()
                            + " to " + leafIndex + ") is not the hash of its leaves: the stored subtrees, which proofs"
                            + " are made of, were altered");
                    break window;
                }
                leafIndex++;
                while (nextCheckpoint < checkpoints.size() && checkpoints.get(nextCheckpoint).treeSize()
                        == tree.size()) {
                    Checkpoint checkpoint = checkpoints.get(nextCheckpoint);
                    found = check(checkpoint, tree, position);
                    if (found != null) {
                        break window;
                    }
                    nextCheckpoint++;
                }
            }
            if (events.firstMissing() != null) {
                found = missing(events.firstMissing(), leafIndex);
                break;
            }
            windowStart = windowEnd;
        }
        reading.forEach(part -> part.cancel(true));
        if (found == null && nextCheckpoint < checkpoints.size()) {
            Checkpoint missing = checkpoints.get(nextCheckpoint);
            found = new Discrepancy(null, tree.size(), missing.treeSize(), "checkpoint of tree size "
                    + missing.treeSize() + " covers more events than the store holds up to position "
                    + missing.lastPosition());
        }
        long duration = Duration.between(started, clock.instant()).toMillis();
        return new Report(found == null, leafIndex, nextCheckpoint, treeSize, sealedUpTo,
                latest == null ? MerkleHash.hex(MerkleHash.empty()) : MerkleHash.hex(latest.rootHash()),
                key.keyId(), unsealed == null ? 0 : unsealed, started, duration, found);
    }

    /** The stored hashes of the subtrees that the leaves {@code [first, end)} complete, by level. */
    private Map<TreeNode, byte[]> storedNodes(long first, long end) {
        Map<TreeNode, byte[]> nodes = new HashMap<>();
        for (int level = AuditStore.LOWEST_STORED_LEVEL; level < 63 && (end >> level) > 0; level++) {
            int at = level;
            jdbc.query("SELECT node_index, hash FROM audit_node WHERE level = ? AND node_index >= ? AND node_index < ?",
                    (ResultSet row) -> {
                        nodes.put(new TreeNode(at, row.getLong(1)), row.getBytes(2));
                    }, level, first >> level, (end >> level) + 1);
        }
        return nodes;
    }

    private Discrepancy check(Checkpoint checkpoint, CompactRange tree, long position) {
        if (checkpoint.lastPosition() != position) {
            return new Discrepancy(position, tree.size() - 1, checkpoint.treeSize(), "checkpoint of tree size "
                    + checkpoint.treeSize() + " ends at position " + checkpoint.lastPosition() + ", the store at "
                    + position);
        }
        if (!MessageDigest.isEqual(tree.root(), checkpoint.rootHash())) {
            return new Discrepancy(position, tree.size() - 1, checkpoint.treeSize(), "the events up to position "
                    + position + " hash to root " + MerkleHash.hex(tree.root()) + ", checkpoint of tree size "
                    + checkpoint.treeSize() + " signed " + MerkleHash.hex(checkpoint.rootHash()));
        }
        if (!checkpoint.signedBy(key)) {
            return new Discrepancy(null, null, checkpoint.treeSize(), "checkpoint of tree size "
                    + checkpoint.treeSize() + " is not signed by key " + key.keyId());
        }
        return null;
    }

    /** Starts reading and hashing the events of positions (start, end], in slices side by side. */
    private List<Future<Hashed>> readWindow(long start, long end) {
        int slices = 2;
        long step = Math.max(1, (end - start + slices - 1) / slices);
        List<Future<Hashed>> parts = new ArrayList<>();
        for (long from = start; from < end; from += step) {
            long sliceStart = from;
            long sliceEnd = Math.min(end, from + step);
            parts.add(workers.submit(() -> hashSlice(sliceStart, sliceEnd)));
        }
        return parts;
    }

    /** The events of a window in position order, once its slices are read. */
    private static Hashed join(List<Future<Hashed>> parts) {
        List<Hashed> hashed = new ArrayList<>();
        int total = 0;
        for (Future<Hashed> part : parts) {
            try {
                Hashed slice = part.get();
                hashed.add(slice);
                total += slice.count();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("verification interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("reading the event store failed", e.getCause());
            }
        }
        long[] positions = new long[total];
        byte[][] hashes = new byte[total][];
        long[] leafIndexes = new long[total];
        boolean[] matches = new boolean[total];
        long leaves = 0;
        Long firstMissing = null;
        int at = 0;
        for (Hashed slice : hashed) {
            System.arraycopy(slice.positions(), 0, positions, at, slice.count());
            System.arraycopy(slice.hashes(), 0, hashes, at, slice.count());
            System.arraycopy(slice.leafIndexes(), 0, leafIndexes, at, slice.count());
            System.arraycopy(slice.matches(), 0, matches, at, slice.count());
            at += slice.count();
            leaves += slice.leaves();
            if (firstMissing == null) {
                firstMissing = slice.firstMissing();
            }
        }
        return new Hashed(positions, hashes, leafIndexes, matches, total, leaves, firstMissing);
    }

    /**
     * Reads the events of positions (start, end] with the sealed leaf at each position, recomputes every leaf hash
     * and compares it; counts the window's sealed leaves and finds the first whose event is gone.
     */
    private Hashed hashSlice(long start, long end) {
        int capacity = (int) Math.min(end - start, window);
        long[] positions = new long[capacity];
        byte[][] hashes = new byte[capacity][];
        long[] leafIndexes = new long[capacity];
        boolean[] matches = new boolean[capacity];
        int[] count = {0};
        // inside a transaction, so PostgreSQL streams the rows with the fetch size instead of loading them at once
        readOnly.executeWithoutResult(status -> jdbc.query(connection -> {
            var statement = connection.prepareStatement("SELECT " + AuditStore.EVENT_COLUMNS + ", l.leaf_index,"
                    + " l.leaf_hash FROM domain_event_entry e LEFT JOIN audit_leaf l ON l.position = e.global_index"
                    + " WHERE e.global_index > ? AND e.global_index <= ? ORDER BY e.global_index");
            statement.setFetchSize(2_000);
            statement.setLong(1, start);
            statement.setLong(2, end);
            return statement;
        }, row -> {
            var event = AuditStore.event(row);
            int at = count[0]++;
            positions[at] = event.position();
            hashes[at] = event.leafHash();
            long leafIndex = row.getLong(11);
            leafIndexes[at] = row.wasNull() ? -1 : leafIndex;
            matches[at] = MessageDigest.isEqual(hashes[at], row.getBytes(12));
        }));
        Long leaves = jdbc.queryForObject("SELECT COUNT(*) FROM audit_leaf WHERE position > ? AND position <= ?",
                Long.class, start, end);
        long found = leafIndexes.length == 0 ? 0 : java.util.Arrays.stream(leafIndexes, 0, count[0])
                .filter(index -> index >= 0).count();
        Long firstMissing = null;
        if (leaves != null && leaves > found) {
            firstMissing = jdbc.queryForObject("SELECT MIN(l.position) FROM audit_leaf l WHERE l.position > ?"
                    + " AND l.position <= ? AND NOT EXISTS (SELECT 1 FROM domain_event_entry e"
                    + " WHERE e.global_index = l.position)", Long.class, start, end);
        }
        return new Hashed(positions, hashes, leafIndexes, matches, count[0], leaves == null ? 0 : leaves,
                firstMissing);
    }
}
