package org.disputeledger.api.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.disputeledger.audit.Checkpoint;
import org.disputeledger.audit.MerkleHash;
import org.disputeledger.audit.MerkleProofs;
import org.disputeledger.audit.SigningKeys;
import org.disputeledger.common.InvalidValueException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Audit", description = "Signed checkpoints of the Merkle tree over the global order, proofs, and a full"
        + " re-check of everything stored")
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    private final AuditStore store;
    private final SigningKeys.SigningKey key;
    private final AuditVerifier verifier;
    private final Semaphore verifying = new Semaphore(1);

    AuditController(AuditStore store, SigningKeys.SigningKey key, AuditVerifier verifier) {
        this.store = store;
        this.key = key;
        this.verifier = verifier;
    }

    record PublicKeyView(String algorithm, String keyId, String publicKey, String pem) {
    }

    record InclusionProof(long position, long leafIndex, String leafHash, long treeSize, String rootHash,
                          List<String> proof, CheckpointView checkpoint) {
    }

    record ConsistencyProof(long fromTreeSize, long toTreeSize, String fromRootHash, String toRootHash,
                            List<String> proof, CheckpointView from, CheckpointView to) {
    }

    record Checkpoints(List<CheckpointView> checkpoints, Long nextAfter) {
    }

    @Operation(summary = "The Ed25519 public key that signs the checkpoints (X.509 SubjectPublicKeyInfo, base64 and"
            + " PEM)")
    @GetMapping("/public-key")
    PublicKeyView publicKey() {
        return new PublicKeyView("Ed25519", key.publicKey().keyId(), key.publicKey().base64(), key.publicKey().pem());
    }

    @Operation(summary = "The latest signed checkpoint: tree size, root hash, last global position, time, signature")
    @GetMapping("/checkpoints/latest")
    CheckpointView latest() {
        return store.latestCheckpoint().map(CheckpointView::of).orElseThrow(NothingSealedException::new);
    }

    @Operation(summary = "Signed checkpoints of tree size above 'after', smallest first (at most 'limit', up to"
            + " 1000)")
    @GetMapping("/checkpoints")
    Checkpoints checkpoints(@RequestParam(defaultValue = "0") long after,
                            @RequestParam(defaultValue = "100") int limit) {
        requireRange("after", after, 0, Long.MAX_VALUE);
        requireRange("limit", limit, 1, 1000);
        List<CheckpointView> page = store.checkpoints(after, limit).stream().map(CheckpointView::of).toList();
        return new Checkpoints(page, page.size() < limit ? null : page.get(page.size() - 1).treeSize());
    }

    @Operation(summary = "Proof that the event at a global position is in the tree of a signed checkpoint (the"
            + " latest unless treeSize names another); RFC 9162 inclusion proof, deepest sibling first")
    @GetMapping("/proofs/inclusion")
    InclusionProof inclusion(@RequestParam long position, @RequestParam(required = false) Long treeSize) {
        requireRange("position", position, 1, Long.MAX_VALUE);
        Checkpoint checkpoint = checkpoint(treeSize, "treeSize");
        AuditStore.Leaf leaf = store.leafAt(position).orElseThrow(() -> new InvalidValueException("position",
                "sealed-event", "no sealed event is at position " + position));
        if (leaf.leafIndex() >= checkpoint.treeSize()) {
            throw new InvalidValueException("treeSize", "covers-position", "the checkpoint of tree size "
                    + checkpoint.treeSize() + " does not cover position " + position);
        }
        List<String> proof = store.rangeHashes(MerkleProofs.inclusion(leaf.leafIndex(), checkpoint.treeSize()))
                .stream().map(MerkleHash::hex).toList();
        return new InclusionProof(position, leaf.leafIndex(), MerkleHash.hex(leaf.hash()), checkpoint.treeSize(),
                MerkleHash.hex(checkpoint.rootHash()), proof, CheckpointView.of(checkpoint));
    }

    @Operation(summary = "Proof that the tree of one signed checkpoint is a prefix of the tree of a later one"
            + " (the latest unless 'to' names another); RFC 9162 consistency proof")
    @GetMapping("/proofs/consistency")
    ConsistencyProof consistency(@RequestParam long from, @RequestParam(required = false) Long to) {
        Checkpoint first = checkpoint(from, "from");
        Checkpoint second = checkpoint(to, "to");
        if (second.treeSize() < first.treeSize()) {
            throw new InvalidValueException("to", "not-before-from", "'to' must be a tree size at least 'from'");
        }
        List<String> proof = store.rangeHashes(MerkleProofs.consistency(first.treeSize(), second.treeSize()))
                .stream().map(MerkleHash::hex).toList();
        return new ConsistencyProof(first.treeSize(), second.treeSize(), MerkleHash.hex(first.rootHash()),
                MerkleHash.hex(second.rootHash()), proof, CheckpointView.of(first), CheckpointView.of(second));
    }

    @Operation(summary = "Re-check everything stored: every event's leaf hash from its stored bytes, the tree's"
            + " root at every checkpoint and every signature; reports the first discrepancy (one run at a time)")
    @GetMapping("/verify")
    AuditVerifier.Report verify() {
        if (!verifying.tryAcquire()) {
            throw new VerificationRunningException();
        }
        try {
            return verifier.verify();
        } finally {
            verifying.release();
        }
    }

    private Checkpoint checkpoint(Long treeSize, String field) {
        if (treeSize == null) {
            return store.latestCheckpoint().orElseThrow(NothingSealedException::new);
        }
        requireRange(field, treeSize, 1, Long.MAX_VALUE);
        return store.checkpoint(treeSize).orElseThrow(() -> new InvalidValueException(field, "checkpoint",
                field + " must be the tree size of a signed checkpoint; no checkpoint has tree size " + treeSize));
    }

    static void requireRange(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new InvalidValueException(field, "range", field + " must be between " + min + " and " + max);
        }
    }
}
