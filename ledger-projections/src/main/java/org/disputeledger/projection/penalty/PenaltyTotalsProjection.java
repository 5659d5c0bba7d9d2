package org.disputeledger.projection.penalty;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.disputeledger.projection.ProjectionJson;
import org.disputeledger.claim.event.StatisticReported;
import org.disputeledger.common.EffectiveTime;
import org.disputeledger.common.Money;
import org.disputeledger.curation.event.EventCorrected;
import org.disputeledger.curation.event.EventRetracted;
import org.disputeledger.projection.penalty.PenaltyFact.Kind;
import org.disputeledger.sanction.AppealOutcome;
import org.disputeledger.sanction.event.AppealDecided;
import org.disputeledger.sanction.event.EnforcementProceedingOpened;
import org.disputeledger.sanction.event.EnforcementReferred;
import org.disputeledger.sanction.event.FineAppealed;
import org.disputeledger.sanction.event.FineEnteredIntoForce;
import org.disputeledger.sanction.event.FineEvent;
import org.disputeledger.sanction.event.FineImposed;
import org.disputeledger.sanction.event.FinePaid;
import org.disputeledger.projection.ProjectionWriter;
import org.disputeledger.projection.ReadModel;
import org.disputeledger.projection.ReadModelTables;
import org.disputeledger.projection.Remembered;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Feeds the read model "penalty-totals": table {@code penalty_fact} holds one append-only row per imposition,
 * appeal, appeal decision, entry into force, payment, enforcement referral and enforcement proceeding of a fine,
 * and per total of fines imposed on a legal entity that someone reported (a {@link StatisticReported} with metric
 * {@value #REPORTED_METRIC}, an amount and a legal entity), keyed by the event's id. Each row keeps both time axes:
 * the effective time of the fact and the recorded time (the event message's timestamp). The events after an
 * imposition name only the fine, so their row takes the legal entity from the imposition's row. Facts are never
 * updated, so neither is a row: a replayed event finds its row and adds nothing, and the answer for any
 * (at, knownAt) is computed from the rows by {@link PenaltyRules}. Other statistics are not kept.
 *
 * <p>Table {@code penalty_curation} keeps, with its recorded time, every {@link EventRetracted} and every
 * {@link EventCorrected} that corrects an effective time or a field that can change a figure of the totals (see
 * {@link PenaltyCuration}: the amount and currency of an imposition, the amount of a payment, the outcome and new
 * amount of an appeal decision, the amount, currency and qualifier of a reported total), keyed by the curation's
 * event id. The handlers read nothing: whether a curation's target is a penalty fact is settled by the queries,
 * which join curations to their facts. Corrections of the confidence do not change a figure and are not kept, nor
 * are corrected fields that name what a fact is about (the fine, legal entity, metric) or only describe it (court,
 * provision, payer): a fact about another fine or entity is a retraction and a new fact.
 */
@ProcessingGroup(PenaltyTotalsProjection.PROCESSING_GROUP)
public class PenaltyTotalsProjection {

    /** The stable name of the processing group and of its tokens. */
    public static final String PROCESSING_GROUP = "penalty-totals";

    /** The metric of a reported total of fines imposed. */
    public static final String REPORTED_METRIC = "fines_total_imposed";

    /** The read model: its name and its tables. */
    public static final ReadModel READ_MODEL = new ReadModel(PROCESSING_GROUP,
            List.of("penalty_fact", "penalty_curation"));

    private static final List<String> FACT_COLUMNS = List.of("event_id", "legal_entity", "item_id",
            "stream_sequence", "kind", "amount_minor", "currency", "outcome", "provision", "party", "qualifier",
            "effective_start", "effective_date", "effective_precision", "recorded_at", "sources");

    private static final List<String> CURATION_COLUMNS = List.of("event_id", "target_event_id", "kind",
            "corrected_start", "corrected_date", "corrected_precision", "corrected_fields", "recorded_at");


    private final JdbcTemplate jdbc;
    private final ProjectionWriter writer;
    private final ReadModelTables tables;
    private final String insertFact;
    private final String insertCuration;
    private final Remembered<String> fineEntities = new Remembered<>();

    /** Writes into the table set {@code tables} chooses: the live one, or the one a rebuild fills. */
    public PenaltyTotalsProjection(ProjectionWriter writer, ReadModelTables tables) {
        this.jdbc = writer.jdbc();
        this.writer = writer;
        this.tables = tables;
        this.insertFact = writer.insertIfAbsent("penalty_fact", List.of("event_id"), FACT_COLUMNS);
        this.insertCuration = writer.insertIfAbsent("penalty_curation", List.of("event_id"), CURATION_COLUMNS);
    }

    @EventHandler
    void on(FineImposed event, @MessageIdentifier String eventId, @Timestamp Instant recordedAt,
            @SequenceNumber long sequence) {
        fineEntities.put(event.fineId(), event.legalEntityId());
        insert(new PenaltyFact(eventId, event.legalEntityId(), event.fineId(), sequence, Kind.IMPOSED,
                event.amount().minor(), event.amount().currency(), null, event.provisionCode(), event.authority(),
                null, event.envelope().effective(), recordedAt, ProjectionJson.write(event.envelope().sources())));
    }

    @EventHandler
    void on(FineAppealed event, @MessageIdentifier String eventId, @Timestamp Instant recordedAt,
            @SequenceNumber long sequence) {
        followUp(event, eventId, recordedAt, sequence, Kind.APPEALED, null, null, event.appellant());
    }

    @EventHandler
    void on(AppealDecided event, @MessageIdentifier String eventId, @Timestamp Instant recordedAt,
            @SequenceNumber long sequence) {
        followUp(event, eventId, recordedAt, sequence, Kind.APPEAL_DECIDED, event.outcome(),
                event.outcome() == AppealOutcome.REDUCED ? event.newAmount() : null, event.court());
    }

    @EventHandler
    void on(FineEnteredIntoForce event, @MessageIdentifier String eventId, @Timestamp Instant recordedAt,
            @SequenceNumber long sequence) {
        followUp(event, eventId, recordedAt, sequence, Kind.IN_FORCE, null, null, null);
    }

    @EventHandler
    void on(FinePaid event, @MessageIdentifier String eventId, @Timestamp Instant recordedAt,
            @SequenceNumber long sequence) {
        followUp(event, eventId, recordedAt, sequence, Kind.PAID, null, event.amount(), event.payer());
    }

    @EventHandler
    void on(EnforcementReferred event, @MessageIdentifier String eventId, @Timestamp Instant recordedAt,
            @SequenceNumber long sequence) {
        followUp(event, eventId, recordedAt, sequence, Kind.REFERRED, null, null, event.to());
    }

    @EventHandler
    void on(EnforcementProceedingOpened event, @MessageIdentifier String eventId, @Timestamp Instant recordedAt,
            @SequenceNumber long sequence) {
        followUp(event, eventId, recordedAt, sequence, Kind.PROCEEDING_OPENED, null, null, event.bailiffService());
    }

    @EventHandler
    void on(StatisticReported event, @MessageIdentifier String eventId, @Timestamp Instant recordedAt,
            @SequenceNumber long sequence) {
        if (!REPORTED_METRIC.equals(event.metric()) || event.amount() == null || event.legalEntityId() == null) {
            return;
        }
        insert(new PenaltyFact(eventId, event.legalEntityId(), event.claimId(), sequence, Kind.REPORTED_TOTAL,
                event.amount().minor(), event.amount().currency(), null, null, event.claimant(), event.qualifier(),
                event.envelope().effective(), recordedAt, ProjectionJson.write(event.envelope().sources())));
    }

    /** A replay starts from an empty read model. */
    @ResetHandler
    void reset() {
        jdbc.update(tables.sql("DELETE FROM penalty_curation"));
        jdbc.update(tables.sql("DELETE FROM penalty_fact"));
    }

    /** A correction of an effective time or of a figure; a correction of anything else changes no total. */
    @EventHandler
    void on(EventCorrected event, @MessageIdentifier String eventId, @Timestamp Instant recordedAt) {
        Map<String, String> fields = PenaltyCuration.applicable(event.correctedFields());
        if (event.correctedEffective() != null || !fields.isEmpty()) {
            curate(eventId, event.targetEventId(), PenaltyCuration.Kind.CORRECTION, event.correctedEffective(),
                    fields, recordedAt);
        }
    }

    @EventHandler
    void on(EventRetracted event, @MessageIdentifier String eventId, @Timestamp Instant recordedAt) {
        curate(eventId, event.targetEventId(), PenaltyCuration.Kind.RETRACTION, null, Map.of(), recordedAt);
    }

    /** Keeps the curation once, in one statement: a replayed event finds its row and adds nothing. */
    private void curate(String eventId, String target, PenaltyCuration.Kind kind, EffectiveTime corrected,
                        Map<String, String> fields, Instant recordedAt) {
        writer.queue(tables.sql(insertCuration), eventId, target, kind.name(),
                corrected == null ? null : corrected.start().atOffset(ZoneOffset.UTC),
                corrected == null ? null : corrected.date(), corrected == null ? null : corrected.precision().name(),
                ProjectionJson.write(new TreeMap<>(fields)), recordedAt.atOffset(ZoneOffset.UTC));
    }

    private void followUp(FineEvent event, String eventId, Instant recordedAt, long sequence, Kind kind,
                          AppealOutcome outcome, Money amount, String party) {
        insert(new PenaltyFact(eventId, legalEntity(event.fineId()), event.fineId(), sequence, kind,
                amount == null ? null : amount.minor(), amount == null ? null : amount.currency(), outcome, null,
                party, null, event.envelope().effective(), recordedAt,
                        ProjectionJson.write(event.envelope().sources())));
    }

    /** The legal entity of a fine, as its imposition names it: remembered, or read back after the queued writes. */
    private String legalEntity(String fineId) {
        String known = fineEntities.get(fineId);
        if (known != null) {
            return known;
        }
        writer.flush();
        List<String> entity = jdbc.queryForList(tables.sql("SELECT legal_entity FROM penalty_fact WHERE item_id = ?"
                + " AND kind = ?"), String.class, fineId, Kind.IMPOSED.name());
        if (entity.isEmpty()) {
            throw new IllegalStateException("fine " + fineId + " has no imposition in penalty_fact");
        }
        fineEntities.put(fineId, entity.get(0));
        return entity.get(0);
    }

    /** Inserts the row unless the event was handled before (a replayed batch). */
    private void insert(PenaltyFact fact) {
        writer.queue(tables.sql(insertFact), fact.eventId(), fact.legalEntity(), fact.itemId(), fact.sequence(),
                fact.kind().name(), fact.amountMinor(), fact.currency(),
                fact.outcome() == null ? null : fact.outcome().name(), fact.provision(), fact.party(),
                fact.qualifier() == null ? null : fact.qualifier().name(),
                fact.effective().start().atOffset(ZoneOffset.UTC), fact.effective().date(),
                fact.effective().precision().name(), fact.recordedAt().atOffset(ZoneOffset.UTC), fact.sources());
    }
}
