package org.disputeledger.projection.timeline;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
import org.disputeledger.projection.ProjectionWriter;
import org.disputeledger.projection.ReadModel;
import org.disputeledger.projection.Remembered;
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
    public static final ReadModel READ_MODEL = new ReadModel(PROCESSING_GROUP, List.of("timeline_entry",
            "timeline_account", "timeline_link", "timeline_stream",
            "timeline_suspension", "timeline_curation"));

    private static final List<String> ENTRY_COLUMNS = List.of("event_id", "stream_id", "stream_sequence",
            "global_position", "event_type", "platform", "legal_entity", "jurisdiction", "effective_start",
            "effective_date", "effective_precision", "recorded_at", "confidence", "summary", "sources", "links");

    /**
     * The event's own global position, read from the event store in the insert itself: a tracking token's position
     * is the highest position seen, which for an event whose transaction committed after a later one's (a filled
     * gap) is not its own, and two entries would then share a position.
     */
    private static final String GLOBAL_POSITION = "(SELECT global_index FROM domain_event_entry"
            + " WHERE event_identifier = ?)";

    private static final List<String> CURATION_COLUMNS = List.of("event_id", "target_event_id", "kind", "reason",
            "corrected_start", "corrected_date", "corrected_precision", "corrected_confidence", "confidence",
            "summary", "sources", "recorded_at");


    private static final Map<Class<?>, Map<String, Method>> ACCESSORS = new ConcurrentHashMap<>();

    private static final String DETAIL_ACCOUNT = "account";

    private final JdbcTemplate jdbc;
    private final ProjectionWriter writer;
    private final ReadModelTables tables;
    private final String insertEntry;
    private final String insertStream;
    private final String insertLink;
    private final String insertAccount;
    private final String insertSuspension;
    private final String insertCuration;
    /** Facts that never change once recorded, so a rolled-back batch cannot make them wrong. */
    private final Remembered<Subject> streams = new Remembered<>();
    private final Remembered<String> suspendedAccounts = new Remembered<>();

    /** Writes into the table set {@code tables} chooses: the live one, or the one a rebuild fills. */
    public TimelineProjection(ProjectionWriter writer, ReadModelTables tables) {
        this.jdbc = writer.jdbc();
        this.writer = writer;
        this.tables = tables;
        List<String> values = new ArrayList<>(Collections.nCopies(ENTRY_COLUMNS.size(), "?"));
        values.set(ENTRY_COLUMNS.indexOf("global_position"), GLOBAL_POSITION);
        this.insertEntry = writer.insertIfAbsent("timeline_entry", List.of("event_id"), ENTRY_COLUMNS, values);
        this.insertStream = writer.insertIfAbsent("timeline_stream", List.of("stream_id"),
                List.of("stream_id", "platform", "legal_entity", "jurisdiction"));
        this.insertLink = writer.insertIfAbsent("timeline_link", List.of("event_id", "target_event_id", "relation"),
                List.of("event_id", "target_event_id", "relation"));
        this.insertAccount = writer.insertIfAbsent("timeline_account", List.of("event_id", "platform", "account"),
                List.of("event_id", "platform", "account"));
        this.insertSuspension = writer.insertIfAbsent("timeline_suspension", List.of("platform", "suspension_id"),
                List.of("platform", "suspension_id", "account"));
        this.insertCuration = writer.insertIfAbsent("timeline_curation", List.of("event_id"), CURATION_COLUMNS);
    }

    /** The subjects of a stream, as its first event names them. */
    private record Subject(String platform, String legalEntity, String jurisdiction) {
    }

    @EventHandler
    void on(LedgerEvent event, @MessageIdentifier String eventId, @SourceId String streamId,
            @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (event instanceof CurationEvent curation) {
            curate(curation, eventId, recordedAt);
            return;
        }
        String platform = text(event, "platform");
        if (platform == null) {
            platform = text(event, "service");
        }
        String legalEntity = text(event, "legalEntityId");
        String jurisdiction = text(event, "jurisdiction");
        Subject stream = sequence == 0 ? null : stream(streamId);
        if (stream == null) {
            stream = new Subject(platform, legalEntity, jurisdiction);
            writer.queue(tables.sql(insertStream), streamId, platform, legalEntity, jurisdiction);
            streams.put(streamId, stream);
        } else {
            if (platform == null && legalEntity == null) {
                platform = stream.platform();
                legalEntity = stream.legalEntity();
            }
            if (jurisdiction == null) {
                jurisdiction = stream.jurisdiction();
            }
        }
        Envelope envelope = event.envelope();
        EffectiveTime effective = envelope.effective();
        writer.queue(tables.sql(insertEntry), eventId, streamId, sequence, eventId, event.getClass().getSimpleName(),
                platform, legalEntity, jurisdiction, effective.start().atOffset(ZoneOffset.UTC), effective.date(),
                effective.precision().name(), recordedAt.atOffset(ZoneOffset.UTC), envelope.confidence().name(),
                envelope.summary(), ProjectionJson.write(envelope.sources()), ProjectionJson.write(envelope.links()));
        for (Link link : new LinkedHashSet<>(envelope.links())) {
            writer.queue(tables.sql(insertLink), eventId, link.eventId(), link.relation().name());
        }
        if (platform != null) {
            for (String account : accounts(event, platform)) {
                writer.queue(tables.sql(insertAccount), eventId, platform, account);
            }
        }
    }

    /** The subjects of a stream whose first event came before: remembered, or read back (after the queued writes). */
    private Subject stream(String streamId) {
        Subject known = streams.get(streamId);
        if (known != null) {
            return known;
        }
        writer.flush();
        List<Subject> stored = jdbc.query(tables.sql("SELECT platform, legal_entity, jurisdiction FROM timeline_stream"
                + " WHERE stream_id = ?"), (row, number) -> new Subject(row.getString("platform"),
                row.getString("legal_entity"), row.getString("jurisdiction")), streamId);
        if (stored.isEmpty()) {
            return null;
        }
        streams.put(streamId, stored.get(0));
        return stored.get(0);
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
            writer.queue(tables.sql(insertSuspension), platform, suspended.suspensionId(), suspended.account());
            suspendedAccounts.put(platform + "\n" + suspended.suspensionId(), suspended.account());
        } else if (event instanceof AccountRestored restored) {
            String account = suspendedAccounts.get(platform + "\n" + restored.suspensionId());
            if (account == null) {
                writer.flush();
                account = jdbc.query(tables.sql("SELECT account FROM timeline_suspension WHERE platform = ?"
                                + " AND suspension_id = ?"), (row, number) -> row.getString("account"), platform,
                        restored.suspensionId()).stream().findFirst().orElse(null);
            }
            if (account != null) {
                accounts.add(account);
            }
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

    /**
     * Keeps a curation whatever its target: the queries read curations by the entries they target, so a curation of
     * a curation is never read, and keeping it spares a read of the entries for each curation.
     */
    private void curate(CurationEvent event, String eventId, Instant recordedAt) {
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
        writer.queue(tables.sql(insertCuration), eventId, event.targetEventId(), kind.name(), reason,
                corrected == null ? null : corrected.start().atOffset(ZoneOffset.UTC),
                corrected == null ? null : corrected.date(), corrected == null ? null : corrected.precision().name(),
                correctedConfidence, envelope.confidence().name(), envelope.summary(),
                ProjectionJson.write(envelope.sources()), recordedAt.atOffset(ZoneOffset.UTC));
    }

    /** The text of the event's record component of that name, null when it has none or it is blank. */
    private static String text(LedgerEvent event, String name) {
        Object value = component(event, name);
        return value instanceof String text && !text.isBlank() ? text : null;
    }

    private static Object component(LedgerEvent event, String name) {
        Method accessor = ACCESSORS.computeIfAbsent(event.getClass(), TimelineProjection::accessors).get(name);
        if (accessor == null) {
            return null;
        }
        try {
            return accessor.invoke(event);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + name + " of " + event.getClass(), e);
        }
    }

    /** The accessors of an event type's record components, by name: looked up once per type, not per event. */
    private static Map<String, Method> accessors(Class<?> type) {
        Map<String, Method> accessors = new HashMap<>();
        RecordComponent[] components = type.getRecordComponents();
        if (components != null) {
            for (RecordComponent component : components) {
                accessors.put(component.getName(), component.getAccessor());
            }
        }
        return accessors;
    }
}
