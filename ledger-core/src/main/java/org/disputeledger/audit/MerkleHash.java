package org.disputeledger.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 hashing of leaves and interior nodes with the domain separation of RFC 6962 section 2.1. */
public final class MerkleHash {

    /** The length of every hash, in bytes. */
    public static final int LENGTH = 32;

    private static final HexFormat HEX = HexFormat.of();
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    });

    private MerkleHash() {
    }

    /** The root of the empty tree: the hash of nothing. */
    public static byte[] empty() {
        return digest().digest();
    }

    /** A leaf's hash: SHA-256 of 0x00 followed by the leaf's data. */
    public static byte[] leaf(byte[] data) {
        MessageDigest digest = digest();
        digest.update((byte) 0);
        return digest.digest(data);
    }

    /** An interior node's hash: SHA-256 of 0x01, the left child's hash and the right child's. */
    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest digest = digest();
        digest.update((byte) 1);
        digest.update(left);
        return digest.digest(right);
    }

    public static String hex(byte[] hash) {
        return HEX.formatHex(hash);
    }

    public static byte[] fromHex(String hex) {
        return HEX.parseHex(hex);
    }

    private static MessageDigest digest() {
        MessageDigest digest = SHA256.get();
        digest.reset();
        return digest;
    }
}
