package org.disputeledger.audit;

/**
 * A perfect subtree of the log: the {@code 2^level} leaves from {@code index * 2^level} on. Level 0 is a leaf.
 * Only these nodes are ever stored: they never change once their last leaf is in.
 */
public record TreeNode(int level, long index) {

    public TreeNode {
        if (level < 0 || level > 62 || index < 0) {
            throw new IllegalArgumentException("no such node: level " + level + ", index " + index);
        }
    }

    public long firstLeaf() {
        return index << level;
    }

    public long size() {
        return 1L << level;
    }
}
