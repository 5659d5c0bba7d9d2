package org.disputeledger.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * Ranges of leaves as the perfect subtrees they are made of. Every range a proof of RFC 6962 needs starts on a
 * boundary of the largest power of two below its size, so it splits, left to right, into perfect subtrees of
 * decreasing size, and its hash is their right fold: MTH(D[a:b]) = H(p1, H(p2, ... pk)).
 */
public final class Subtrees {

    private Subtrees() {
    }

    /** The perfect subtrees that make the leaves {@code [start, end)}, largest first. */
    public static List<TreeNode> decompose(long start, long end) {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("no such range: [" + start + ", " + end + ")");
        }
        List<TreeNode> nodes = new ArrayList<>();
        long at = start;
        while (at < end) {
            int level = 63 - Long.numberOfLeadingZeros(end - at);
            while (level > 0 && (at & ((1L << level) - 1)) != 0) {
                level--;
            }
            nodes.add(new TreeNode(level, at >> level));
            at += 1L << level;
        }
        return nodes;
    }

    /** The hash of a range from the hashes of its perfect subtrees, largest first; the empty range hashes nothing. */
    public static byte[] fold(List<byte[]> hashes) {
        if (hashes.isEmpty()) {
            return MerkleHash.empty();
        }
        byte[] hash = hashes.get(hashes.size() - 1);
        for (int i = hashes.size() - 2; i >= 0; i--) {
            hash = MerkleHash.node(hashes.get(i), hash);
        }
        return hash;
    }

    /** The largest power of two strictly below {@code n}, for {@code n > 1}: where RFC 6962 splits a tree. */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }
}
