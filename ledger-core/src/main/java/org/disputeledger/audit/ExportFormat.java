package org.disputeledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The lines of an audit export (NDJSON, one JSON object per line): a header with the public key, every sealed
 * event in global order with all its stored fields, each checkpoint right after the event that completes it with
 * the consistency proof from the checkpoint before, and an end line with the counts, so a cut-off file is told
 * from a whole one. Payload and metadata are their stored bytes as text (base64 in {@code payloadBase64} or
 * {@code metadataBase64} if the stored bytes are not UTF-8), so the verifier can rebuild each leaf byte for byte.
 */
public final class ExportFormat {

    public static final String FORMAT = "dispute-ledger-export";
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExportFormat() {
    }

    public static String header(SigningKeys.PublicKeyInfo key, Instant exportedAt) {
        ObjectNode line = JSON.createObjectNode();
        line.put("type", "header").put("format", FORMAT).put("version", VERSION).put("keyId", key.keyId())
                .put("publicKey", key.base64()).put("exportedAt", exportedAt.toString());
        return line.toString();
    }

    public static String event(long leafIndex, SealedEvent event) {
        ObjectNode line = JSON.createObjectNode();
        line.put("type", "event").put("leafIndex", leafIndex).put("position", event.position())
                .put("eventId", event.eventId()).put("streamId", event.streamId()).put("sequence", event.sequence())
                .put("streamType", event.streamType()).put("recordedAt", event.recordedAt())
                .put("payloadType", event.payloadType()).put("payloadRevision", event.payloadRevision());
        bytes(line, "payload", event.payload());
        bytes(line, "metadata", event.metadata());
        line.put("leafHash", MerkleHash.hex(event.leafHash()));
        return line.toString();
    }

    public static String checkpoint(Checkpoint checkpoint, long previousTreeSize, List<byte[]> consistency) {
        ObjectNode line = JSON.createObjectNode();
        line.put("type", "checkpoint").put("treeSize", checkpoint.treeSize())
                .put("lastPosition", checkpoint.lastPosition()).put("rootHash", MerkleHash.hex(checkpoint.rootHash()))
                .put("sealedAt", checkpoint.sealedAt().toString()).put("keyId", checkpoint.keyId())
                .put("signature", Base64.getEncoder().encodeToString(checkpoint.signature()));
        ObjectNode proof = line.putObject("consistency");
        proof.put("fromTreeSize", previousTreeSize);
        ArrayNode hashes = proof.putArray("proof");
        consistency.forEach(hash -> hashes.add(MerkleHash.hex(hash)));
        return line.toString();
    }

    public static String end(long events, long checkpoints) {
        return JSON.createObjectNode().put("type", "end").put("events", events).put("checkpoints", checkpoints)
                .toString();
    }

    static JsonNode parse(String line) throws com.fasterxml.jackson.core.JsonProcessingException {
        return JSON.readTree(line);
    }

    static SealedEvent sealedEvent(JsonNode line) {
        return new SealedEvent(line.required("position").asLong(), text(line, "eventId"), text(line, "streamId"),
                line.required("sequence").asLong(), text(line, "streamType"), text(line, "recordedAt"),
                text(line, "payloadType"), text(line, "payloadRevision"), bytes(line, "payload"),
                bytes(line, "metadata"));
    }

    static Checkpoint checkpoint(JsonNode line) {
        return new Checkpoint(line.required("treeSize").asLong(), line.required("lastPosition").asLong(),
                MerkleHash.fromHex(line.required("rootHash").asText()), Instant.parse(line.required("sealedAt")
                .asText()), line.required("keyId").asText(), Base64.getDecoder().decode(line.required("signature")
                .asText()));
    }

    static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(hash -> hashes.add(MerkleHash.fromHex(hash.asText())));
        return hashes;
    }

    private static String text(JsonNode line, String field) {
        JsonNode value = line.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static void bytes(ObjectNode line, String field, byte[] bytes) {
        if (bytes == null) {
            line.putNull(field);
            return;
        }
        try {
            line.put(field, StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            line.put(field + "Base64", Base64.getEncoder().encodeToString(bytes));
        }
    }

    private static byte[] bytes(JsonNode line, String field) {
        JsonNode base64 = line.get(field + "Base64");
        if (base64 != null && !base64.isNull()) {
            return Base64.getDecoder().decode(base64.asText());
        }
        String text = text(line, field);
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
