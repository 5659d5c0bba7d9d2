package org.disputeledger.projection.compliance;

import java.time.Instant;
import java.time.LocalDate;
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
import org.disputeledger.claim.event.ComplianceAssessed;
import org.disputeledger.claim.event.StatisticReported;
import org.disputeledger.common.EffectiveTime;
import org.disputeledger.curation.event.EventCorrected;
import org.disputeledger.curation.event.EventRetracted;
import org.disputeledger.demand.ComplianceScope;
import org.disputeledger.demand.DemandKind;
import org.disputeledger.demand.event.DemandComplied;
import org.disputeledger.demand.event.DemandDeadlineExtended;
import org.disputeledger.demand.event.DemandEvent;
import org.disputeledger.demand.event.DemandIssued;
import org.disputeledger.demand.event.DemandRefused;
import org.disputeledger.demand.event.DemandWithdrawn;
import org.disputeledger.projection.compliance.DemandFact.Kind;
import org.disputeledger.projection.ProjectionWriter;
import org.disputeledger.projection.ReadModel;
import org.disputeledger.projection.ReadModelTables;
import org.disputeledger.projection.Remembered;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Feeds the read model "demand-compliance": table {@code demand_fact} holds one append-only row per issue,
 * deadline extension, compliance, refusal and withdrawal of a demand, and table {@code compliance_claim_fact} one
 * per statistic and per compliance assessment about a named platform, each keyed by the event's id. Each row keeps
 * both time axes: the effective time of the fact and the recorded time (the event message's timestamp). The events
 * after an issue name only the demand, so their row takes the platform, jurisdiction, authority and kind from the
 * issue's row. Facts are never updated, so neither is a row: a replayed event finds its row and adds nothing, and
 * the answer for any (at, knownAt) is computed from the rows by {@link ComplianceRules}. Claims about no platform
 * (such as a figure about several platforms together) are not kept.
 *
 * <p>Table {@code compliance_curation} keeps, with its recorded time, every {@link EventRetracted} and every
 * {@link EventCorrected} that corrects an effective time or a field that can change a figure (see
 * {@link ComplianceCuration}: the item count, items per category, kind and deadline of an issue, the new deadline
 * of an extension, the items actioned and scope of a compliance, the items refused of a refusal, the count or
 * amount of a statistic, the items and share of an assessment), keyed by the curation's event id. The handlers read
 * nothing: whether a curation's target is a fact of this read model is settled by the queries, which join
 * curations to their facts. Corrections of the confidence do not change a figure and are not kept, nor are
 * corrected fields that name what a fact is about (the demand, platform, jurisdiction, metric, period) or only
 * describe it (authority, legal basis, reason, assessment in words): a fact about another demand or platform is a
 * retraction and a new fact.
 */
@ProcessingGroup(DemandComplianceProjection.PROCESSING_GROUP)
public class DemandComplianceProjection {

    /** The stable name of the processing group and of its tokens. */
    public static final String PROCESSING_GROUP = "demand-compliance";

    /** The read model: its name and its tables. */
    public static final ReadModel READ_MODEL = new ReadModel(PROCESSING_GROUP,
            List.of("demand_fact", "compliance_claim_fact", "compliance_curation"));

    private static final List<String> DEMAND_COLUMNS = List.of("event_id", "demand_id", "platform", "jurisdiction",
            "stream_sequence", "kind", "demand_kind", "authority", "items", "items_by_category", "scope", "deadline",
            "effective_start", "effective_date", "effective_precision", "recorded_at", "sources");

    private static final List<String> CLAIM_COLUMNS = List.of("event_id", "claim_id", "platform", "jurisdiction",
            "kind", "claimant", "metric", "item_count", "amount_minor", "currency", "qualifier", "period", "as_of",
            "items_flagged", "items_removed", "items_remaining", "share_numerator", "share_denominator", "assessment",
            "demand_id", "effective_start", "effective_date", "effective_precision", "recorded_at", "sources");

    private static final List<String> CURATION_COLUMNS = List.of("event_id", "target_event_id", "kind",
            "corrected_start", "corrected_date", "corrected_precision", "corrected_fields", "recorded_at");


    /** What a demand's issue says that every later fact of the demand repeats. */
    private record Issue(String platform, String jurisdiction, DemandKind kind, String authority) {
    }

    private final JdbcTemplate jdbc;
    private final ProjectionWriter writer;
    private final ReadModelTables tables;
    private final String insertDemand;
    private final String insertClaim;
    private final String insertCuration;
    private final Remembered<Issue> issues = new Remembered<>();

    /** Writes into the table set {@code tables} chooses: the live one, or the one a rebuild fills. */
    public DemandComplianceProjection(ProjectionWriter writer, ReadModelTables tables) {
        this.jdbc = writer.jdbc();
        this.writer = writer;
        this.tables = tables;
        this.insertDemand = writer.insertIfAbsent("demand_fact", List.of("event_id"), DEMAND_COLUMNS);
        this.insertClaim = writer.insertIfAbsent("compliance_claim_fact", List.of("event_id"), CLAIM_COLUMNS);
        this.insertCuration = writer.insertIfAbsent("compliance_curation", List.of("event_id"), CURATION_COLUMNS);
    }

    @EventHandler
    void on(DemandIssued event, @MessageIdentifier String eventId, @Timestamp Instant recordedAt,
            @SequenceNumber long sequence) {
        issues.put(event.demandId(), new Issue(event.platform(), event.jurisdiction(), event.kind(),
                event.authority()));
        insert(new DemandFact(eventId, event.demandId(), event.platform(), event.jurisdiction(), sequence,
                Kind.ISSUED, event.kind(), event.authority(), event.itemCount(), event.itemsByCategory(), null,
                event.deadline(), event.envelope().effective(), recordedAt,
                        ProjectionJson.write(event.envelope().sources())));
    }

    @EventHandler
    void on(DemandDeadlineExtended event, @MessageIdentifier String eventId, @Timestamp Instant recordedAt,
            @SequenceNumber long sequence) {
        followUp(event, eventId, recordedAt, sequence, Kind.DEADLINE_EXTENDED, null, null, event.newDeadline());
    }

    @EventHandler
    void on(DemandComplied event, @MessageIdentifier String eventId, @Timestamp Instant recordedAt,
            @SequenceNumber long sequence) {
        followUp(event, eventId, recordedAt, sequence, Kind.COMPLIED, event.itemsActioned(), event.scope(), null);
    }

    @EventHandler
    void on(DemandRefused event, @MessageIdentifier String eventId, @Timestamp Instant recordedAt,
            @SequenceNumber long sequence) {
        followUp(event, eventId, recordedAt, sequence, Kind.REFUSED, event.itemsRefused(), null, null);
    }

    @EventHandler
    void on(DemandWithdrawn event, @MessageIdentifier String eventId, @Timestamp Instant recordedAt,
            @SequenceNumber long sequence) {
        followUp(event, eventId, recordedAt, sequence, Kind.WITHDRAWN, null, null, null);
    }

    @EventHandler
    void on(StatisticReported event, @MessageIdentifier String eventId, @Timestamp Instant recordedAt) {
        if (event.platform() == null) {
            return;
        }
        insert(new ClaimFact(eventId, event.claimId(), event.platform(), event.jurisdiction(),
                ClaimFact.Kind.STATISTIC_REPORTED, event.claimant(), event.metric(), event.count(), event.amount(),
                event.qualifier(), event.period(), event.asOf(), null, null, null, null, null, null,
                event.envelope().effective(), recordedAt, ProjectionJson.write(event.envelope().sources())));
    }

    @EventHandler
    void on(ComplianceAssessed event, @MessageIdentifier String eventId, @Timestamp Instant recordedAt) {
        if (event.platform() == null) {
            return;
        }
        insert(new ClaimFact(eventId, event.claimId(), event.platform(), event.jurisdiction(),
                ClaimFact.Kind.COMPLIANCE_ASSESSED, event.authority(), null, null, null, null, null, null,
                event.itemsFlagged(), event.itemsRemoved(), event.itemsRemaining(), event.shareComplied(),
                event.assessment(), event.demandId(), event.envelope().effective(), recordedAt,
                ProjectionJson.write(event.envelope().sources())));
    }

    /** A replay starts from an empty read model. */
    @ResetHandler
    void reset() {
        jdbc.update(tables.sql("DELETE FROM compliance_curation"));
        jdbc.update(tables.sql("DELETE FROM demand_fact"));
        jdbc.update(tables.sql("DELETE FROM compliance_claim_fact"));
    }

    /** A correction of an effective time or of a figure; a correction of anything else changes no figure. */
    @EventHandler
    void on(EventCorrected event, @MessageIdentifier String eventId, @Timestamp Instant recordedAt) {
        Map<String, String> fields = ComplianceCuration.applicable(event.correctedFields());
        if (event.correctedEffective() != null || !fields.isEmpty()) {
            curate(eventId, event.targetEventId(), ComplianceCuration.Kind.CORRECTION, event.correctedEffective(),
                    fields, recordedAt);
        }
    }

    @EventHandler
    void on(EventRetracted event, @MessageIdentifier String eventId, @Timestamp Instant recordedAt) {
        curate(eventId, event.targetEventId(), ComplianceCuration.Kind.RETRACTION, null, Map.of(), recordedAt);
    }

    /** Keeps the curation once, in one statement: a replayed event finds its row and adds nothing. */
    private void curate(String eventId, String target, ComplianceCuration.Kind kind, EffectiveTime corrected,
                        Map<String, String> fields, Instant recordedAt) {
        writer.queue(tables.sql(insertCuration), eventId, target, kind.name(),
                corrected == null ? null : corrected.start().atOffset(ZoneOffset.UTC),
                corrected == null ? null : corrected.date(), corrected == null ? null : corrected.precision().name(),
                ProjectionJson.write(new TreeMap<>(fields)), recordedAt.atOffset(ZoneOffset.UTC));
    }

    private void followUp(DemandEvent event, String eventId, Instant recordedAt, long sequence, Kind kind,
                          Long items, ComplianceScope scope, LocalDate deadline) {
        Issue issue = issue(event.demandId());
        insert(new DemandFact(eventId, event.demandId(), issue.platform(), issue.jurisdiction(), sequence, kind,
                issue.kind(), issue.authority(), items, Map.of(), scope, deadline, event.envelope().effective(),
                recordedAt, ProjectionJson.write(event.envelope().sources())));
    }

    /** The issue of a demand: remembered, or read back after the queued writes. */
    private Issue issue(String demandId) {
        Issue known = issues.get(demandId);
        if (known != null) {
            return known;
        }
        writer.flush();
        List<Issue> stored = jdbc.query(tables.sql("SELECT platform, jurisdiction, demand_kind, authority"
                        + " FROM demand_fact WHERE demand_id = ? AND kind = ?"), (row, number) -> new Issue(
                row.getString("platform"), row.getString("jurisdiction"),
                DemandKind.valueOf(row.getString("demand_kind")), row.getString("authority")), demandId,
                Kind.ISSUED.name());
        if (stored.isEmpty()) {
            throw new IllegalStateException("demand " + demandId + " has no issue in demand_fact");
        }
        issues.put(demandId, stored.get(0));
        return stored.get(0);
    }

    /** Inserts the row unless the event was handled before (a replayed batch). */
    private void insert(DemandFact fact) {
        writer.queue(tables.sql(insertDemand), fact.eventId(), fact.demandId(), fact.platform(), fact.jurisdiction(),
                fact.sequence(), fact.kind().name(), fact.demandKind().name(), fact.authority(), fact.items(),
                ProjectionJson.write(fact.itemsByCategory()), fact.scope() == null ? null : fact.scope().name(),
                        fact.deadline(),
                fact.effective().start().atOffset(ZoneOffset.UTC), fact.effective().date(),
                fact.effective().precision().name(), fact.recordedAt().atOffset(ZoneOffset.UTC), fact.sources());
    }

    /** Inserts the row unless the event was handled before (a replayed batch). */
    private void insert(ClaimFact fact) {
        writer.queue(tables.sql(insertClaim), fact.eventId(), fact.claimId(), fact.platform(), fact.jurisdiction(),
                fact.kind().name(), fact.claimant(), fact.metric(), fact.count(),
                fact.amount() == null ? null : fact.amount().minor(),
                fact.amount() == null ? null : fact.amount().currency(),
                fact.qualifier() == null ? null : fact.qualifier().name(), fact.period(), fact.asOf(),
                fact.itemsFlagged(), fact.itemsRemoved(), fact.itemsRemaining(),
                fact.shareComplied() == null ? null : fact.shareComplied().numerator(),
                fact.shareComplied() == null ? null : fact.shareComplied().denominator(), fact.assessment(),
                fact.demandId(), fact.effective().start().atOffset(ZoneOffset.UTC), fact.effective().date(),
                fact.effective().precision().name(), fact.recordedAt().atOffset(ZoneOffset.UTC), fact.sources());
    }
}
