package org.disputeledger.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A signed statement of the log's state: the first {@code treeSize} events in global order, the last of them at
 * {@code lastPosition}, have the Merkle root {@code rootHash}; sealed at {@code sealedAt} with the key
 * {@code keyId}. Any later checkpoint must be consistent with it.
 */
public record Checkpoint(long treeSize, long lastPosition, byte[] rootHash, Instant sealedAt, String keyId,
                         byte[] signature) {

    /** The exact bytes the signature covers: a fixed label and each field on a line of its own. */
    public static byte[] signedBytes(long treeSize, long lastPosition, byte[] rootHash, Instant sealedAt,
                                     String keyId) {
        return ("dispute-ledger checkpoint v1\n" + treeSize + "\n" + lastPosition + "\n" + MerkleHash.hex(rootHash)
                + "\n" + sealedAt + "\n" + keyId + "\n").getBytes(StandardCharsets.UTF_8);
    }

    public byte[] signedBytes() {
        return signedBytes(treeSize, lastPosition, rootHash, sealedAt, keyId);
    }

    /** Whether the signature is this checkpoint's, made with the private half of {@code key}. */
    public boolean signedBy(SigningKeys.PublicKeyInfo key) {
        return key.keyId().equals(keyId) && key.verifies(signedBytes(), signature);
    }
}
