package org.disputeledger.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The right edge of a growing Merkle tree: the roots of the perfect subtrees that the binary decomposition of its
 * size gives, largest first. That is all it takes to append a leaf and to compute the root at the current size, so
 * a sealer or a verifier holds about 30 hashes, however long the log.
 */
public final class CompactRange {

    /** Told of every perfect subtree that appending a leaf completes, the leaf itself included. */
    @FunctionalInterface
    public interface CompletedNodes {
        void completed(TreeNode node, byte[] hash);
    }

    private long size;
    private final List<byte[]> hashes = new ArrayList<>();
    private final List<Integer> levels = new ArrayList<>();

    /** The range of the empty tree. */
    public CompactRange() {
    }

    /** The range of a tree of {@code size} leaves, from the stored hashes of the perfect subtrees that make it. */
    public static CompactRange of(long size, Function<List<TreeNode>, List<byte[]>> stored) {
        CompactRange range = new CompactRange();
        List<TreeNode> nodes = Subtrees.decompose(0, size);
        List<byte[]> found = stored.apply(nodes);
        if (found.size() != nodes.size()) {
            throw new IllegalStateException("the log's stored nodes do not cover a tree of size " + size);
        }
        for (int i = 0; i < nodes.size(); i++) {
            range.hashes.add(found.get(i));
            range.levels.add(nodes.get(i).level());
        }
        range.size = size;
        return range;
    }

    public long size() {
        return size;
    }

    /** Appends a leaf's hash, telling {@code completed} of the leaf and of every subtree it completes. */
    public void append(byte[] leafHash, CompletedNodes completed) {
        long index = size;
        byte[] hash = leafHash;
        int level = 0;
        completed.completed(new TreeNode(0, index), hash);
        while (!levels.isEmpty() && levels.get(levels.size() - 1) == level) {
            byte[] left = hashes.remove(hashes.size() - 1);
            levels.remove(levels.size() - 1);
            hash = MerkleHash.node(left, hash);
            level++;
            index >>= 1;
            completed.completed(new TreeNode(level, index), hash);
        }
        hashes.add(hash);
        levels.add(level);
        size++;
    }

    public void append(byte[] leafHash) {
        append(leafHash, (node, hash) -> { });
    }

    /** The root hash at the current size (RFC 6962's MTH over every leaf appended). */
    public byte[] root() {
        return Subtrees.fold(hashes);
    }

    /** A copy that can grow on its own. */
    public CompactRange copy() {
        CompactRange copy = new CompactRange();
        copy.size = size;
        copy.hashes.addAll(hashes);
        copy.levels.addAll(levels);
        return copy;
    }
}
