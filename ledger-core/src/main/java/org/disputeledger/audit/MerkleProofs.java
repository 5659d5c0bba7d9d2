package org.disputeledger.audit;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Inclusion and consistency proofs of RFC 6962 section 2.1 (RFC 9162 section 2.1.3 and 2.1.4): which ranges of
 * leaves a proof is made of, deepest first, and the verification algorithms an auditor runs on them.
 */
public final class MerkleProofs {

    private MerkleProofs() {
    }

    /** The ranges whose hashes prove leaf {@code index} is in the tree of {@code size} leaves. */
    public static List<LeafRange> inclusion(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of size " + size);
        }
        List<LeafRange> path = new ArrayList<>();
        path(index, 0, size, path);
        return path;
    }

    private static void path(long index, long base, long size, List<LeafRange> path) {
        if (size == 1) {
            return;
        }
        long k = Subtrees.split(size);
        if (index < k) {
            path(index, base, k, path);
            path.add(new LeafRange(base + k, base + size));
        } else {
            path(index - k, base + k, size - k, path);
            path.add(new LeafRange(base, base + k));
        }
    }

    /** The ranges whose hashes prove the tree of {@code from} leaves is a prefix of the tree of {@code to}. */
    public static List<LeafRange> consistency(long from, long to) {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("no consistency from size " + from + " to size " + to);
        }
        List<LeafRange> proof = new ArrayList<>();
        if (from > 0 && from < to) {
            subproof(from, 0, to, true, proof);
        }
        return proof;
    }

    private static void subproof(long m, long base, long n, boolean whole, List<LeafRange> proof) {
        if (m == n) {
            if (!whole) {
                proof.add(new LeafRange(base, base + n));
            }
            return;
        }
        long k = Subtrees.split(n);
        if (m <= k) {
            subproof(m, base, k, whole, proof);
            proof.add(new LeafRange(base + k, base + n));
        } else {
            subproof(m - k, base + k, n - k, false, proof);
            proof.add(new LeafRange(base, base + k));
        }
    }

    /** RFC 9162 section 2.1.3.2: whether {@code proof} shows the leaf is in the tree with that root. */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHash.node(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = MerkleHash.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /** RFC 9162 section 2.1.4.2: whether {@code proof} shows the first tree is a prefix of the second. */
    public static boolean verifyConsistency(long from, long to, byte[] fromRoot, byte[] toRoot, List<byte[]> proof) {
        if (from < 0 || to < from) {
            return false;
        }
        if (from == to) {
            return proof.isEmpty() && MessageDigest.isEqual(fromRoot, toRoot);
        }
        if (from == 0) {
            return proof.isEmpty();
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(from) == 1) {
            path.add(0, fromRoot);
        }
        long fn = from - 1;
        long sn = to - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHash.node(c, fr);
                sr = MerkleHash.node(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = MerkleHash.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, fromRoot) && MessageDigest.isEqual(sr, toRoot);
    }
}
