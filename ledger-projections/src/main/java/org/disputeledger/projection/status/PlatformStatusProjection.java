package org.disputeledger.projection.status;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.disputeledger.projection.ProjectionJson;
import org.disputeledger.common.EffectiveTime;
import org.disputeledger.curation.event.EventCorrected;
import org.disputeledger.curation.event.EventRetracted;
import org.disputeledger.projection.status.StatusFact.Kind;
import org.disputeledger.restriction.RestrictionKind;
import org.disputeledger.restriction.ThrottlingScope;
import org.disputeledger.restriction.event.BlockImposed;
import org.disputeledger.restriction.event.BlockLifted;
import org.disputeledger.restriction.event.BlockScopeExpanded;
import org.disputeledger.restriction.event.InterferenceObserved;
import org.disputeledger.restriction.event.RestrictionOrdered;
import org.disputeledger.restriction.event.RestrictionThreatened;
import org.disputeledger.restriction.event.ServiceAccessEvent;
import org.disputeledger.restriction.event.ThrottlingImposed;
import org.disputeledger.restriction.event.ThrottlingLifted;
import org.disputeledger.restriction.event.ThrottlingScopeChanged;
import org.disputeledger.projection.ReadModel;
import org.disputeledger.projection.ReadModelTables;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Feeds the read model "platform-status": table {@code status_fact} holds one append-only row per threat, order,
 * throttling, block, scope change, lift and observation of a service in a jurisdiction, keyed by the event's id.
 * Each row keeps both time axes: the effective time of the fact (its start as a timestamp, and the date and
 * precision as given) and the recorded time (the event message's timestamp); a lift is a row of its own, so it
 * carries its own effective and recorded time. Facts are never updated, so neither is a row: a replayed event
 * finds its row and adds nothing, and the answer for any (at, knownAt) is computed from the rows by
 * {@link StatusRules}. Deadline extensions and app-store removals do not change the status and are not kept.
 */
@ProcessingGroup(PlatformStatusProjection.PROCESSING_GROUP)
public class PlatformStatusProjection {

    /** The stable name of the processing group and of its tokens. */
    public static final String PROCESSING_GROUP = "platform-status";

    /** The read model: its name and its tables. */
    public static final ReadModel READ_MODEL = new ReadModel(PROCESSING_GROUP,
            List.of("status_fact", "status_curation"));

    private static final String INSERT = "INSERT INTO status_fact (event_id, jurisdiction, service, stream_sequence,"
            + " kind, restriction_kind, restriction_id, effective_start, effective_date, effective_precision,"
            + " recorded_at, authority, legal_basis, mobile_percent, fixed_percent, addresses_blocked,"
            + " scope_description, observed_state, detail, sources)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final ReadModelTables tables;

    /** Writes into the table set {@code tables} chooses: the live one, or the one a rebuild fills. */
    public PlatformStatusProjection(JdbcTemplate jdbc, ReadModelTables tables) {
        this.jdbc = jdbc;
        this.tables = tables;
    }

    @EventHandler
    void on(RestrictionThreatened event, @MessageIdentifier String eventId, @Timestamp Instant recordedAt,
            @SequenceNumber long sequence) {
        insert(event, eventId, recordedAt, sequence, Kind.THREAT, event.kind(), event.threatId(), event.authority(),
                null, null, event.condition(), null);
    }

    @EventHandler
    void on(RestrictionOrdered event, @MessageIdentifier String eventId, @Timestamp Instant recordedAt,
            @SequenceNumber long sequence) {
        insert(event, eventId, recordedAt, sequence, Kind.ORDER, null, event.orderId(), event.authority(),
                event.legalBasis(), null, event.measure(), null);
    }

    @EventHandler
    void on(ThrottlingImposed event, @MessageIdentifier String eventId, @Timestamp Instant recordedAt,
            @SequenceNumber long sequence) {
        insert(event, eventId, recordedAt, sequence, Kind.THROTTLING, RestrictionKind.THROTTLING,
                event.restrictionId(), event.authority(), event.legalBasis(), event.scope(), null, null);
    }

    @EventHandler
    void on(ThrottlingScopeChanged event, @MessageIdentifier String eventId, @Timestamp Instant recordedAt,
            @SequenceNumber long sequence) {
        insert(event, eventId, recordedAt, sequence, Kind.SCOPE_CHANGE, RestrictionKind.THROTTLING,
                event.restrictionId(), null, null, event.scope(), null, null);
    }

    @EventHandler
    void on(ThrottlingLifted event, @MessageIdentifier String eventId, @Timestamp Instant recordedAt,
            @SequenceNumber long sequence) {
        insert(event, eventId, recordedAt, sequence, Kind.LIFT, RestrictionKind.THROTTLING, event.restrictionId(),
                null, null, null, null, null);
    }

    @EventHandler
    void on(BlockImposed event, @MessageIdentifier String eventId, @Timestamp Instant recordedAt,
            @SequenceNumber long sequence) {
        insert(event, eventId, recordedAt, sequence, Kind.BLOCK, RestrictionKind.BLOCK, event.restrictionId(),
                event.authority(), event.legalBasis(), null, event.method(), null);
    }

    @EventHandler
    void on(BlockScopeExpanded event, @MessageIdentifier String eventId, @Timestamp Instant recordedAt,
            @SequenceNumber long sequence) {
        insert(event, eventId, recordedAt, sequence, Kind.SCOPE_CHANGE, RestrictionKind.BLOCK, event.restrictionId(),
                null, null, new ThrottlingScope(null, null, event.description()), null, event.addressesBlocked());
    }

    @EventHandler
    void on(BlockLifted event, @MessageIdentifier String eventId, @Timestamp Instant recordedAt,
            @SequenceNumber long sequence) {
        insert(event, eventId, recordedAt, sequence, Kind.LIFT, RestrictionKind.BLOCK, event.restrictionId(), null,
                null, null, null, null);
    }

    @EventHandler
    void on(InterferenceObserved event, @MessageIdentifier String eventId, @Timestamp Instant recordedAt,
            @SequenceNumber long sequence) {
        jdbcInsert(new StatusFact(eventId, event.jurisdiction(), event.service(), sequence, Kind.OBSERVATION, null,
                event.observationId(), event.envelope().effective(), recordedAt, event.observer(), null, null, null,
                null, null, event.observedState(), event.technique(), ProjectionJson.write(event.envelope().sources())));
    }

    /** A replay starts from an empty read model. */
    @ResetHandler
    void reset() {
        jdbc.update(tables.sql("DELETE FROM status_curation"));
        jdbc.update(tables.sql("DELETE FROM status_fact"));
    }

    /** A correction of a status fact's effective time; other corrections do not change a status. */
    @EventHandler
    void on(EventCorrected event, @MessageIdentifier String eventId, @Timestamp Instant recordedAt) {
        if (event.correctedEffective() != null) {
            curate(eventId, event.targetEventId(), StatusCuration.Kind.CORRECTION, event.correctedEffective(),
                    recordedAt);
        }
    }

    @EventHandler
    void on(EventRetracted event, @MessageIdentifier String eventId, @Timestamp Instant recordedAt) {
        curate(eventId, event.targetEventId(), StatusCuration.Kind.RETRACTION, null, recordedAt);
    }

    /** Keeps a curation of a fact of this read model (the target precedes it in the log); others are not ours. */
    private void curate(String eventId, String target, StatusCuration.Kind kind, EffectiveTime corrected,
                        Instant recordedAt) {
        Integer ours = jdbc.queryForObject(tables.sql("SELECT COUNT(*) FROM status_fact WHERE event_id = ?"), Integer.class,
                target);
        Integer seen = jdbc.queryForObject(tables.sql("SELECT COUNT(*) FROM status_curation WHERE event_id = ?"), Integer.class,
                eventId);
        if (ours == null || ours == 0 || (seen != null && seen > 0)) {
            return;
        }
        jdbc.update(tables.sql("INSERT INTO status_curation (event_id, target_event_id, kind, corrected_start, corrected_date,"
                        + " corrected_precision, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)"), eventId, target,
                kind.name(),
                corrected == null ? null : corrected.start().atOffset(ZoneOffset.UTC),
                corrected == null ? null : corrected.date(), corrected == null ? null : corrected.precision().name(),
                recordedAt.atOffset(ZoneOffset.UTC));
    }

    private void insert(ServiceAccessEvent event, String eventId, Instant recordedAt, long sequence, Kind kind,
                        RestrictionKind restrictionKind, String restrictionId, String authority, String legalBasis,
                        ThrottlingScope scope, String detail, Long addressesBlocked) {
        ThrottlingScope stated = scope == null ? ThrottlingScope.unknown() : scope;
        jdbcInsert(new StatusFact(eventId, event.jurisdiction(), event.service(), sequence, kind, restrictionKind,
                restrictionId, event.envelope().effective(), recordedAt, authority, legalBasis,
                stated.mobilePercent(), stated.fixedPercent(), addressesBlocked, stated.description(), null, detail,
                ProjectionJson.write(event.envelope().sources())));
    }

    /** Inserts the row unless the event was handled before (a replayed batch). */
    private void jdbcInsert(StatusFact fact) {
        Integer existing = jdbc.queryForObject(tables.sql("SELECT COUNT(*) FROM status_fact WHERE event_id = ?"), Integer.class,
                fact.eventId());
        if (existing != null && existing > 0) {
            return;
        }
        jdbc.update(tables.sql(INSERT), fact.eventId(), fact.jurisdiction(), fact.service(), fact.sequence(), fact.kind().name(),
                fact.restrictionKind() == null ? null : fact.restrictionKind().name(), fact.restrictionId(),
                fact.effective().start().atOffset(ZoneOffset.UTC), fact.effective().date(),
                fact.effective().precision().name(), fact.recordedAt().atOffset(ZoneOffset.UTC), fact.authority(),
                fact.legalBasis(), fact.mobilePercent(), fact.fixedPercent(), fact.addressesBlocked(),
                fact.scopeDescription(), fact.observedState() == null ? null : fact.observedState().name(),
                fact.detail(), fact.sources());
    }
}
