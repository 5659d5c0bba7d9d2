package org.disputeledger.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One stored event exactly as the event store holds it: every column, the payload and metadata as their stored
 * bytes. Its leaf data is a length-prefixed encoding of all of them, the global position included, so a changed
 * byte, a changed timestamp or a moved row changes the leaf's hash.
 *
 * @param position        the event's global position (the store's global index)
 * @param eventId         the event's identifier
 * @param streamId        the stream (aggregate) it belongs to
 * @param sequence        its sequence number in that stream
 * @param streamType      the stream's type
 * @param recordedAt      when the ledger recorded it, as stored (ISO-8601 UTC text)
 * @param payloadType     the payload's class name
 * @param payloadRevision the payload's revision, or null
 * @param payload         the payload's stored bytes (UTF-8 JSON)
 * @param metadata        the metadata's stored bytes (UTF-8 JSON), or null
 */
public record SealedEvent(long position, String eventId, String streamId, long sequence, String streamType,
                          String recordedAt, String payloadType, String payloadRevision, byte[] payload,
                          byte[] metadata) {

    /** The first byte of every leaf, so the encoding can change without one leaf reading as another. */
    static final byte ENCODING_VERSION = 1;

    /** The data of this event's leaf. */
    public byte[] leafData() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + payload.length
                + (metadata == null ? 0 : metadata.length));
        out.write(ENCODING_VERSION);
        writeLong(out, position);
        writeText(out, eventId);
        writeText(out, streamId);
        writeLong(out, sequence);
        writeText(out, streamType);
        writeText(out, recordedAt);
        writeText(out, payloadType);
        writeText(out, payloadRevision);
        writeBytes(out, payload);
        writeBytes(out, metadata);
        return out.toByteArray();
    }

    public byte[] leafHash() {
        return MerkleHash.leaf(leafData());
    }

    private static void writeLong(ByteArrayOutputStream out, long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift));
        }
    }

    private static void writeText(ByteArrayOutputStream out, String text) {
        writeBytes(out, text == null ? null : text.getBytes(StandardCharsets.UTF_8));
    }

    /** A length of -1 marks null, so null and empty differ. */
    private static void writeBytes(ByteArrayOutputStream out, byte[] bytes) {
        int length = bytes == null ? -1 : bytes.length;
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write(length >>> shift);
        }
        if (bytes != null) {
            out.write(bytes, 0, bytes.length);
        }
    }
}
