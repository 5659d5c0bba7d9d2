package org.disputeledger.api.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.disputeledger.api.infrastructure.AxonInfrastructureConfig;
import org.disputeledger.audit.SealedEvent;
import org.disputeledger.common.InvalidValueException;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The global history as auditors read it: sealed events only, in global order from a position on, optionally
 * filtered by stream, platform, legal entity, event type and recorded-time range. Serving only sealed events is
 * what makes the position a safe cursor: nothing can later appear below a position already read.
 */
public final class History {

    /** The filters of a read; null means no filter. */
    public record Filter(String stream, String platform, String legalEntity, String type, Instant recordedFrom,
                         Instant recordedTo) {

        public Filter {
            check("stream", stream, 255);
            check("platform", platform, 200);
            check("entity", legalEntity, 200);
            if (type != null && !type.matches("[A-Z][A-Za-z]{0,99}")) {
                throw new InvalidValueException("type", "event-type", "type must be an event name such as"
                        + " FineImposed");
            }
            if (recordedFrom != null && recordedTo != null && !recordedFrom.isBefore(recordedTo)) {
                throw new InvalidValueException("recordedTo", "range", "recordedTo must be after recordedFrom");
            }
        }

        private static void check(String field, String value, int length) {
            if (value != null && (value.isBlank() || value.length() > length)) {
                throw new InvalidValueException(field, "length", field + " must be 1 to " + length + " characters");
            }
        }

        static Instant instant(String value, String field) {
            if (value == null) {
                return null;
            }
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new InvalidValueException(field, "instant", field + " must be an ISO-8601 instant such as"
                        + " 2026-01-01T00:00:00Z");
            }
        }

        boolean recordedWithin(String recordedAt) {
            if (recordedFrom == null && recordedTo == null) {
                return true;
            }
            Instant at = Instant.parse(recordedAt);
            return (recordedFrom == null || !at.isBefore(recordedFrom)) && (recordedTo == null || at.isBefore(recordedTo));
        }
    }

    /** A page: the events, the position to continue after, and how far the log is sealed. */
    public record Page(List<JsonNode> events, long lastScanned, long sealedUpTo) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final AuditStore store;

    public History(JdbcTemplate jdbc, AuditStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    /**
     * Gives the sealed events after {@code after} that pass the filter, at most {@code limit} scanned rows, one by
     * one; returns the last position scanned (the cursor to continue after), or {@code after} if none.
     */
    public long read(long after, int limit, Filter filter, long sealedUpTo, Consumer<JsonNode> consumer) {
        StringBuilder sql = new StringBuilder("SELECT ");
        List<Object> arguments = new ArrayList<>();
        boolean bySubject = filter.platform() != null || filter.legalEntity() != null;
        sql.append(bySubject ? "e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number,"
                + " e.type, e.time_stamp, e.payload_type, e.payload_revision, e.payload, e.meta_data"
                + " FROM audit_leaf l JOIN domain_event_entry e ON e.global_index = l.position"
                : AuditStore.EVENT_COLUMNS + " FROM domain_event_entry e");
        String position = bySubject ? "l.position" : "e.global_index";
        sql.append(" WHERE ").append(position).append(" > ? AND ").append(position).append(" <= ?");
        arguments.add(after);
        arguments.add(sealedUpTo);
        if (filter.platform() != null) {
            sql.append(" AND l.platform = ?");
            arguments.add(filter.platform());
        }
        if (filter.legalEntity() != null) {
            sql.append(" AND l.legal_entity = ?");
            arguments.add(filter.legalEntity());
        }
        if (filter.stream() != null) {
            sql.append(" AND e.aggregate_identifier = ?");
            arguments.add(filter.stream());
        }
        if (filter.type() != null) {
            sql.append(" AND e.payload_type LIKE ?");
            arguments.add("%." + filter.type());
        }
        // Axon writes the recorded time as ISO-8601 text with 3 to 9 fraction digits, so text order is exact to the
        // millisecond: the database narrows by a millisecond-wide margin and each row is then checked exactly.
        if (filter.recordedFrom() != null) {
            sql.append(" AND e.time_stamp >= ?");
            arguments.add(filter.recordedFrom().minusMillis(1).toString().substring(0, 19));
        }
        if (filter.recordedTo() != null) {
            sql.append(" AND e.time_stamp < ?");
            arguments.add(filter.recordedTo().plusSeconds(1).toString().substring(0, 19));
        }
        sql.append(" ORDER BY ").append(position).append(" LIMIT ?");
        arguments.add(limit);
        long[] last = {after};
        jdbc.query(connection -> {
            var statement = connection.prepareStatement(sql.toString());
            statement.setFetchSize(Math.min(limit, 1000));
            for (int i = 0; i < arguments.size(); i++) {
                statement.setObject(i + 1, arguments.get(i));
            }
            return statement;
        }, row -> {
            SealedEvent event = AuditStore.event(row);
            last[0] = event.position();
            if (filter.recordedWithin(event.recordedAt())) {
                consumer.accept(json(event));
            }
        });
        return last[0];
    }

    public Page page(long after, int limit, Filter filter) {
        long sealedUpTo = store.state().lastPosition();
        List<JsonNode> events = new ArrayList<>();
        long last = read(after, limit, filter, sealedUpTo, events::add);
        return new Page(events, last, sealedUpTo);
    }

    public long sealedUpTo() {
        return store.state().lastPosition();
    }

    /** An event as the history shows it: position, stream, type, both times, recorder, sources and payload. */
    static ObjectNode json(SealedEvent event) {
        ObjectNode node = JSON.createObjectNode();
        node.put("position", event.position());
        node.put("eventId", event.eventId());
        node.put("streamId", event.streamId());
        node.put("sequence", event.sequence());
        String payloadType = event.payloadType();
        node.put("type", payloadType.substring(payloadType.lastIndexOf('.') + 1));
        node.put("payloadType", payloadType);
        node.put("revision", event.payloadRevision());
        node.put("recordedAt", event.recordedAt());
        JsonNode payload = parse(event.payload());
        JsonNode metadata = event.metadata() == null ? null : parse(event.metadata());
        JsonNode recorder = metadata == null ? null : metadata.get(AxonInfrastructureConfig.RECORDED_BY);
        node.put("recordedBy", recorder == null || recorder.isNull() ? null : recorder.asString());
        JsonNode envelope = payload == null ? null : payload.get("envelope");
        node.set("effective", envelope == null ? null : envelope.get("effective"));
        node.set("confidence", envelope == null ? null : envelope.get("confidence"));
        node.set("sources", envelope == null ? null : envelope.get("sources"));
        node.set("links", envelope == null ? null : envelope.get("links"));
        node.set("payload", payload);
        return node;
    }

    private static JsonNode parse(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (RuntimeException notJson) {
            return JSON.getNodeFactory().stringNode(new String(bytes, StandardCharsets.UTF_8));
        }
    }
}
