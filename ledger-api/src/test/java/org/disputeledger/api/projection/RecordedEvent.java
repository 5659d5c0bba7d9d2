package org.disputeledger.api.projection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import tools.jackson.databind.JsonNode;

/**
 * An event as the ledger stored it, read back through the API: its id, stream, place in the stream and in the
 * global log, type, recorded time and payload. The effective time is read from the payload's envelope.
 */
record RecordedEvent(String eventId, String streamId, long sequence, long position, String type,
                     Instant recordedAt, JsonNode payload) {

    JsonNode effective() {
        return payload.get("envelope").get("effective");
    }

    /** A payload field as text, null when absent, null or blank. */
    String text(String field) {
        return text(payload, field);
    }

    Long number(String field) {
        JsonNode value = payload.get(field);
        return value == null || value.isNull() ? null : value.asLong();
    }

    boolean isCuration() {
        return type.equals("EventCorrected") || type.equals("EventRetracted") || type.equals("SourceAttached");
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.asString();
        return text.isBlank() ? null : text;
    }

    /** The instant an effective time is ordered by: its instant, or the start of its (first) UTC day. */
    static Instant start(JsonNode effective) {
        String instant = text(effective, "instant");
        return instant != null ? Instant.parse(instant)
                : LocalDate.parse(text(effective, "date")).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static LocalDate date(JsonNode effective) {
        String date = text(effective, "date");
        return date != null ? LocalDate.parse(date) : start(effective).atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /** An effective time written the same way whichever mapper wrote it: precision, then instant or date. */
    static String describe(JsonNode effective) {
        if (effective == null || effective.isNull()) {
            return "none";
        }
        String precision = text(effective, "precision");
        return precision + ":" + ("INSTANT".equals(precision) ? start(effective).toString() : text(effective, "date"));
    }
}
