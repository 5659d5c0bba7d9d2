package org.disputeledger.projection.timeline;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.SourceId;
import org.disputeledger.projection.ProjectionJson;
import org.disputeledger.accountaction.event.AccountRestored;
import org.disputeledger.accountaction.event.AccountSuspended;
import org.disputeledger.common.EffectiveTime;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.LedgerEvent;
import org.disputeledger.common.Link;
import org.disputeledger.curation.event.CurationEvent;
import org.disputeledger.curation.event.EventCorrected;
import org.disputeledger.curation.event.EventRetracted;
import org.disputeledger.projection.timeline.Timeline.CurationKind;
import org.disputeledger.projection.ReadModel;
import org.disputeledger.projection.ReadModelTables;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Feeds the read model "timeline": table {@code timeline_entry} holds one append-only row per event of the ledger,
 * keyed by the event's id, with its stream, sequence and global position, its type, both time axes, confidence,
 * summary, sources and links. Its subjects are the event's own {@code platform} (or {@code service}),
 * {@code legalEntityId} and {@code jurisdiction} fields; an event that names neither a platform nor a legal entity
 * takes those of the first event of its stream (table {@code timeline_stream}). The accounts it concerns (table
 * {@code timeline_account}) are the {@code account} or {@code accounts} it names, the account of the suspension a
 * restoration reverses (table {@code timeline_suspension}), or an {@code account} named in its details (a demand
 * about an account). A curation is no entry of its own: it is a row of {@code timeline_curation} on its target.
 * A replayed event finds its row and adds nothing.
 */
@ProcessingGroup(TimelineProjection.PROCESSING_GROUP)
public class TimelineProjection {

    /** The stable name of the processing group and of its tokens. */
    public static final String PROCESSING_GROUP = "timeline";

    /** The read model: its name and its tables. */
    public static final ReadModel READ_MODEL = new ReadModel(PROCESSING_GROUP, List.of("timeline_entry", "timeline_account", "timeline_link", "timeline_stream",
            "timeline_suspension", "timeline_curation"));

    private static final String INSERT = "INSERT INTO timeline_entry (event_id, stream_id, stream_sequence,"
            + " global_position, event_type, platform, legal_entity, jurisdiction, effective_start, effective_date,"
            + " effective_precision, recorded_at, confidence, summary, sources, links)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String DETAIL_ACCOUNT = "account";

    private final JdbcTemplate jdbc;
    private final ReadModelTables tables;

    /** Writes into the table set {@code tables} chooses: the live one, or the one a rebuild fills. */
    public TimelineProjection(JdbcTemplate jdbc, ReadModelTables tables) {
        this.jdbc = jdbc;
        this.tables = tables;
    }

    @EventHandler
    void on(LedgerEvent event, @MessageIdentifier String eventId, @SourceId String streamId,
            @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (event instanceof CurationEvent curation) {
            curate(curation, eventId, recordedAt);
            return;
        }
        if (count("SELECT COUNT(*) FROM timeline_entry WHERE event_id = ?", eventId) > 0) {
            return;
        }
        String platform = text(event, "platform");
        if (platform == null) {
            platform = text(event, "service");
        }
        String legalEntity = text(event, "legalEntityId");
        String jurisdiction = text(event, "jurisdiction");
        List<Map<String, Object>> stream = jdbc.queryForList(tables.sql("SELECT platform, legal_entity, jurisdiction"
                + " FROM timeline_stream WHERE stream_id = ?"), streamId);
        if (stream.isEmpty()) {
            jdbc.update(tables.sql("INSERT INTO timeline_stream (stream_id, platform, legal_entity, jurisdiction)"
                    + " VALUES (?, ?, ?, ?)"), streamId, platform, legalEntity, jurisdiction);
        } else {
            if (platform == null && legalEntity == null) {
                platform = (String) stream.get(0).get("platform");
                legalEntity = (String) stream.get(0).get("legal_entity");
            }
            if (jurisdiction == null) {
                jurisdiction = (String) stream.get(0).get("jurisdiction");
            }
        }
        Envelope envelope = event.envelope();
        EffectiveTime effective = envelope.effective();
        long position = position(eventId);
        jdbc.update(tables.sql(INSERT), eventId, streamId, sequence, position, event.getClass().getSimpleName(), platform,
                legalEntity, jurisdiction, effective.start().atOffset(ZoneOffset.UTC), effective.date(),
                effective.precision().name(), recordedAt.atOffset(ZoneOffset.UTC), envelope.confidence().name(),
                envelope.summary(), ProjectionJson.write(envelope.sources()), ProjectionJson.write(envelope.links()));
        for (Link link : new LinkedHashSet<>(envelope.links())) {
            jdbc.update(tables.sql("INSERT INTO timeline_link (event_id, target_event_id, relation) VALUES (?, ?, ?)"), eventId,
                    link.eventId(), link.relation().name());
        }
        if (platform != null) {
            for (String account : accounts(event, platform)) {
                jdbc.update(tables.sql("INSERT INTO timeline_account (event_id, platform, account) VALUES (?, ?, ?)"), eventId,
                        platform, account);
            }
        }
    }

    /**
     * The event's own global position, read from the event store: a tracking token's position is the highest
     * position seen, which for an event whose transaction committed after a later one's (a filled gap) is not its
     * own, and two entries would then share a position.
     */
    private long position(String eventId) {
        Long position = jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE event_identifier = ?",
                Long.class, eventId);
        return position == null ? 0 : position;
    }

    /** A replay starts from an empty read model. */
    @ResetHandler
    void reset() {
        jdbc.update(tables.sql("DELETE FROM timeline_curation"));
        jdbc.update(tables.sql("DELETE FROM timeline_suspension"));
        jdbc.update(tables.sql("DELETE FROM timeline_stream"));
        jdbc.update(tables.sql("DELETE FROM timeline_link"));
        jdbc.update(tables.sql("DELETE FROM timeline_account"));
        jdbc.update(tables.sql("DELETE FROM timeline_entry"));
    }

    private Set<String> accounts(LedgerEvent event, String platform) {
        Set<String> accounts = new LinkedHashSet<>();
        if (event instanceof AccountSuspended suspended) {
            accounts.add(suspended.account());
            if (count("SELECT COUNT(*) FROM timeline_suspension WHERE platform = ? AND suspension_id = ?", platform,
                    suspended.suspensionId()) == 0) {
                jdbc.update(tables.sql("INSERT INTO timeline_suspension (platform, suspension_id, account) VALUES (?, ?, ?)"),
                        platform, suspended.suspensionId(), suspended.account());
            }
        } else if (event instanceof AccountRestored restored) {
            accounts.addAll(jdbc.queryForList(tables.sql("SELECT account FROM timeline_suspension WHERE platform = ?"
                    + " AND suspension_id = ?"), String.class, platform, restored.suspensionId()));
        }
        Object many = component(event, "accounts");
        if (many instanceof List<?> names) {
            names.stream().filter(String.class::isInstance).map(String.class::cast).forEach(accounts::add);
        }
        String named = event.envelope().details().get(DETAIL_ACCOUNT);
        if (named != null && !named.isBlank()) {
            accounts.add(named.strip());
        }
        return accounts;
    }

    /** Keeps a curation of an entry (the target precedes it in the log); a curation of a curation is not kept. */
    private void curate(CurationEvent event, String eventId, Instant recordedAt) {
        if (count("SELECT COUNT(*) FROM timeline_entry WHERE event_id = ?", event.targetEventId()) == 0
                || count("SELECT COUNT(*) FROM timeline_curation WHERE event_id = ?", eventId) > 0) {
            return;
        }
        CurationKind kind = CurationKind.SOURCES_ATTACHED;
        String reason = null;
        EffectiveTime corrected = null;
        String correctedConfidence = null;
        if (event instanceof EventCorrected correction) {
            kind = CurationKind.CORRECTION;
            reason = correction.reason();
            corrected = correction.correctedEffective();
            correctedConfidence = correction.correctedConfidence() == null ? null
                    : correction.correctedConfidence().name();
        } else if (event instanceof EventRetracted retraction) {
            kind = CurationKind.RETRACTION;
            reason = retraction.reason();
        }
        Envelope envelope = event.envelope();
        jdbc.update(tables.sql("INSERT INTO timeline_curation (event_id, target_event_id, kind, reason, corrected_start,"
                        + " corrected_date, corrected_precision, corrected_confidence, confidence, summary, sources,"
                        + " recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"), eventId,
                event.targetEventId(), kind.name(), reason,
                corrected == null ? null : corrected.start().atOffset(ZoneOffset.UTC),
                corrected == null ? null : corrected.date(), corrected == null ? null : corrected.precision().name(),
                correctedConfidence, envelope.confidence().name(), envelope.summary(), ProjectionJson.write(envelope.sources()),
                recordedAt.atOffset(ZoneOffset.UTC));
    }

    private int count(String sql, Object... arguments) {
        Integer count = jdbc.queryForObject(tables.sql(sql), Integer.class, arguments);
        return count == null ? 0 : count;
    }

    /** The text of the event's record component of that name, null when it has none or it is blank. */
    private static String text(LedgerEvent event, String name) {
        Object value = component(event, name);
        return value instanceof String text && !text.isBlank() ? text : null;
    }

    private static Object component(LedgerEvent event, String name) {
        RecordComponent[] components = event.getClass().getRecordComponents();
        if (components == null) {
            return null;
        }
        for (RecordComponent component : components) {
            if (component.getName().equals(name)) {
                try {
                    return component.getAccessor().invoke(event);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot read " + name + " of " + event.getClass(), e);
                }
            }
        }
        return null;
    }
}
