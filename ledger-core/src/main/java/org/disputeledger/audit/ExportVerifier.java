package org.disputeledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;

/**
 * Verifies an audit export with nothing but the file and the ledger's public key: rebuilds every leaf from the
 * exported fields, the Merkle root at every checkpoint, checks each checkpoint's signature and its consistency
 * proof from the one before, and that the file ends where its end line says. It names the first line that fails.
 */
public final class ExportVerifier {

    /** What verification found: OK with the counts and the last root, or the first failure and where it is. */
    public record Result(boolean ok, long events, long checkpoints, long treeSize, String rootHash, long line,
                         Long position, String problem) {

        static Result failed(long line, Long position, String problem, long events, long checkpoints) {
            return new Result(false, events, checkpoints, events, null, line, position, problem);
        }

        /** One line for a person: OK and what was checked, or FAILED and the first bad event or line. */
        public String summary() {
            if (ok) {
                return "OK: " + events + " events, " + checkpoints + " signed checkpoints; root " + rootHash
                        + " at tree size " + treeSize;
            }
            return "FAILED at line " + line + (position == null ? "" : " (event at position " + position + ")")
                    + ": " + problem;
        }
    }

    private ExportVerifier() {
    }

    public static Result verify(Path export, SigningKeys.PublicKeyInfo key) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            return verify(reader, key);
        }
    }

    public static Result verify(BufferedReader reader, SigningKeys.PublicKeyInfo key) throws IOException {
        CompactRange tree = new CompactRange();
        long lineNumber = 0;
        long checkpoints = 0;
        long lastPosition = 0;
        long previousSize = 0;
        byte[] previousRoot = MerkleHash.empty();
        boolean header = false;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode json;
            try {
                json = ExportFormat.parse(line);
            } catch (IOException e) {
                return Result.failed(lineNumber, null, "not a JSON line", tree.size(), checkpoints);
            }
            String type = json.path("type").asText();
            if (!header) {
                if (!type.equals("header") || !ExportFormat.FORMAT.equals(json.path("format").asText())
                        || json.path("version").asInt() != ExportFormat.VERSION) {
                    return Result.failed(lineNumber, null, "the file does not start with a version "
                            + ExportFormat.VERSION + " export header", 0, 0);
                }
                if (!key.keyId().equals(json.path("keyId").asText())) {
                    return Result.failed(lineNumber, null, "the export names key " + json.path("keyId").asText()
                            + ", not the given key " + key.keyId(), 0, 0);
                }
                header = true;
                continue;
            }
            switch (type) {
                case "event" -> {
                    SealedEvent event;
                    try {
                        event = ExportFormat.sealedEvent(json);
                    } catch (RuntimeException e) {
                        return Result.failed(lineNumber, null, "an event line lacks a field: " + e.getMessage(),
                                tree.size(), checkpoints);
                    }
                    if (json.path("leafIndex").asLong(-1) != tree.size()) {
                        return Result.failed(lineNumber, event.position(), "leaf index " + json.path("leafIndex")
                                + " where leaf " + tree.size() + " was due", tree.size(), checkpoints);
                    }
                    if (event.position() <= lastPosition) {
                        return Result.failed(lineNumber, event.position(), "position " + event.position()
                                + " does not follow position " + lastPosition, tree.size(), checkpoints);
                    }
                    byte[] leaf = event.leafHash();
                    JsonNode stated = json.get("leafHash");
                    if (stated != null && !MessageDigest.isEqual(MerkleHash.fromHex(stated.asText()), leaf)) {
                        return Result.failed(lineNumber, event.position(), "the event's fields do not hash to its"
                                + " stated leaf hash", tree.size(), checkpoints);
                    }
                    tree.append(leaf);
                    lastPosition = event.position();
                }
                case "checkpoint" -> {
                    Checkpoint checkpoint;
                    try {
                        checkpoint = ExportFormat.checkpoint(json);
                    } catch (RuntimeException e) {
                        return Result.failed(lineNumber, null, "a checkpoint line lacks a field: " + e.getMessage(),
                                tree.size(), checkpoints);
                    }
                    if (checkpoint.treeSize() != tree.size() || checkpoint.lastPosition() != lastPosition) {
                        return Result.failed(lineNumber, null, "checkpoint of tree size " + checkpoint.treeSize()
                                + " (last position " + checkpoint.lastPosition() + ") after " + tree.size()
                                + " events (last position " + lastPosition + ")", tree.size(), checkpoints);
                    }
                    byte[] root = tree.root();
                    if (!MessageDigest.isEqual(root, checkpoint.rootHash())) {
                        return Result.failed(lineNumber, lastPosition, "the events up to here hash to root "
                                + MerkleHash.hex(root) + ", the checkpoint signed " + MerkleHash.hex(
                                checkpoint.rootHash()), tree.size(), checkpoints);
                    }
                    if (!checkpoint.signedBy(key)) {
                        return Result.failed(lineNumber, null, "the checkpoint of tree size " + checkpoint.treeSize()
                                + " is not signed by key " + key.keyId(), tree.size(), checkpoints);
                    }
                    JsonNode consistency = json.path("consistency");
                    List<byte[]> proof = ExportFormat.hashes(consistency.path("proof"));
                    if (consistency.path("fromTreeSize").asLong(-1) != previousSize || !MerkleProofs
                            .verifyConsistency(previousSize, checkpoint.treeSize(), previousRoot, root, proof)) {
                        return Result.failed(lineNumber, null, "the checkpoint of tree size " + checkpoint.treeSize()
                                + " has no valid consistency proof from tree size " + previousSize, tree.size(),
                                checkpoints);
                    }
                    checkpoints++;
                    previousSize = checkpoint.treeSize();
                    previousRoot = root;
                }
                case "end" -> {
                    if (json.path("events").asLong(-1) != tree.size() || json.path("checkpoints").asLong(-1)
                            != checkpoints) {
                        return Result.failed(lineNumber, null, "the end line counts " + json.path("events")
                                + " events and " + json.path("checkpoints") + " checkpoints, the file holds "
                                + tree.size() + " and " + checkpoints, tree.size(), checkpoints);
                    }
                    if (previousSize != tree.size()) {
                        return Result.failed(lineNumber, null, "events after the last checkpoint",
                                tree.size(), checkpoints);
                    }
                    return new Result(true, tree.size(), checkpoints, tree.size(), MerkleHash.hex(tree.root()),
                            lineNumber, null, null);
                }
                default -> {
                    return Result.failed(lineNumber, null, "unknown line type '" + type + "'", tree.size(),
                            checkpoints);
                }
            }
        }
        return Result.failed(lineNumber, null, header ? "the file ends without its end line: cut off"
                : "the file is empty", tree.size(), checkpoints);
    }

    /**
     * The offline verifier: {@code verify-export <export.ndjson> <public-key>}, the key as a file (PEM or base64)
     * or inline base64. Prints one line and exits 0 when the export is intact, 1 when it is not, 2 on bad usage.
     */
    public static int run(String... args) {
        if (args.length != 2) {
            System.err.println("usage: verify-export <export.ndjson> <public-key file or base64>");
            return 2;
        }
        try {
            Path keyFile = Path.of(args[1]);
            String keyText = Files.isRegularFile(keyFile) ? Files.readString(keyFile) : args[1];
            Result result = verify(Path.of(args[0]), SigningKeys.publicKey(keyText));
            System.out.println(result.summary());
            return result.ok() ? 0 : 1;
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("cannot verify: " + e.getMessage());
            return 2;
        }
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }
}
