package org.disputeledger.api.audit;

import java.time.Instant;
import java.util.Base64;
import org.disputeledger.audit.Checkpoint;
import org.disputeledger.audit.MerkleHash;

/**
 * A signed checkpoint as the API shows it: hashes in hex, the signature in base64, and the exact text it signs,
 * so a client can check the signature with any Ed25519 library.
 */
record CheckpointView(long treeSize, long lastPosition, String rootHash, Instant sealedAt, String keyId,
                      String signature, String signedText) {

    static CheckpointView of(Checkpoint checkpoint) {
        return new CheckpointView(checkpoint.treeSize(), checkpoint.lastPosition(),
                MerkleHash.hex(checkpoint.rootHash()), checkpoint.sealedAt(), checkpoint.keyId(),
                Base64.getEncoder().encodeToString(checkpoint.signature()),
                new String(checkpoint.signedBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }
}
