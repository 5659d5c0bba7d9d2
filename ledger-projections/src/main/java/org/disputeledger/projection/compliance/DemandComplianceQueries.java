package org.disputeledger.projection.compliance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.disputeledger.claim.Fraction;
import org.disputeledger.claim.Qualifier;
import org.disputeledger.common.EffectiveTime;
import org.disputeledger.common.EventJson;
import org.disputeledger.common.Money;
import org.disputeledger.demand.ComplianceScope;
import org.disputeledger.demand.DemandKind;
import org.disputeledger.projection.compliance.DemandFact.Kind;
import org.disputeledger.projection.ProjectionRows;
import org.disputeledger.projection.ReadModelTables;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Answers "which demands were made of a platform in a jurisdiction and period, and how far did it comply, at
 * {@code at}, as the ledger knew it at {@code knownAt}; and what was claimed about it" from the read model
 * "demand-compliance", by the rules of {@link ComplianceRules}, after the curations known at {@code knownAt} of
 * the platform's facts are applied ({@link ComplianceCuration}).
 */
public class DemandComplianceQueries {

    private static final String DEMAND_COLUMNS = "SELECT event_id, demand_id, platform, jurisdiction,"
            + " stream_sequence, kind, demand_kind, authority, items, items_by_category, scope, deadline,"
            + " effective_start, effective_date, effective_precision, recorded_at FROM demand_fact";

    private static final String CLAIM_COLUMNS = "SELECT event_id, claim_id, platform, jurisdiction, kind, claimant,"
            + " metric, item_count, amount_minor, currency, qualifier, period, as_of, items_flagged, items_removed,"
            + " items_remaining, share_numerator, share_denominator, assessment, demand_id, effective_start,"
            + " effective_date, effective_precision, recorded_at FROM compliance_claim_fact";

    private static final String CURATION_COLUMNS = "SELECT c.event_id, c.target_event_id, c.kind,"
            + " c.corrected_start, c.corrected_date, c.corrected_precision, c.corrected_fields, c.recorded_at"
            + " FROM compliance_curation c";

    private static final ObjectMapper JSON = EventJson.objectMapper();
    private static final TypeReference<Map<String, Long>> CATEGORIES = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ReadModelTables live;

    public DemandComplianceQueries(JdbcTemplate jdbc, ReadModelTables live) {
        this.jdbc = jdbc;
        this.live = live;
    }

    /** The demands and claims of one platform in one jurisdiction issued or stated in [from, to] (null: open). */
    public DemandCompliance platform(String platform, String jurisdiction, LocalDate from, LocalDate to,
                                     Instant at, Instant knownAt) {
        ReadModelTables tables = live.pinned();
        List<DemandFact> demands = jdbc.query(tables.sql(DEMAND_COLUMNS + " WHERE platform = ? AND jurisdiction = ?"
                + " AND recorded_at <= ? ORDER BY demand_id, stream_sequence"), DemandComplianceQueries::demand,
                platform, jurisdiction, knownAt.atOffset(ZoneOffset.UTC));
        List<ClaimFact> claims = jdbc.query(tables.sql(CLAIM_COLUMNS + " WHERE platform = ? AND jurisdiction = ?"
                + " AND recorded_at <= ? ORDER BY effective_start, recorded_at, event_id"),
                DemandComplianceQueries::claim, platform, jurisdiction, knownAt.atOffset(ZoneOffset.UTC));
        List<ComplianceCuration> demandCurations = jdbc.query(tables.sql(CURATION_COLUMNS
                + " JOIN demand_fact f ON f.event_id = c.target_event_id WHERE f.platform = ? AND f.jurisdiction = ?"
                + " AND c.recorded_at <= ?"), DemandComplianceQueries::curation, platform, jurisdiction,
                knownAt.atOffset(ZoneOffset.UTC));
        List<ComplianceCuration> claimCurations = jdbc.query(tables.sql(CURATION_COLUMNS
                + " JOIN compliance_claim_fact f ON f.event_id = c.target_event_id WHERE f.platform = ?"
                + " AND f.jurisdiction = ? AND c.recorded_at <= ?"), DemandComplianceQueries::curation, platform,
                jurisdiction, knownAt.atOffset(ZoneOffset.UTC));
        return ComplianceRules.evaluate(platform, jurisdiction,
                ComplianceCuration.applyToDemands(demands, demandCurations, knownAt),
                ComplianceCuration.applyToClaims(claims, claimCurations, knownAt), from, to, at, knownAt);
    }

    /** A platform in a jurisdiction with demands or claims, and the first and last dates they took effect. */
    public record Subject(String platform, String jurisdiction, LocalDate first, LocalDate last) {
    }

    /** Every platform and jurisdiction with demands or claims known at {@code knownAt}, in name order. */
    public List<Subject> subjects(Instant knownAt) {
        ReadModelTables tables = live.pinned();
        return jdbc.query(tables.sql("SELECT platform, jurisdiction, MIN(first_date), MAX(last_date) FROM ("
                + "SELECT platform, jurisdiction, MIN(effective_date) AS first_date, MAX(effective_date) AS last_date"
                + " FROM demand_fact WHERE recorded_at <= ? GROUP BY platform, jurisdiction UNION ALL"
                + " SELECT platform, jurisdiction, MIN(effective_date), MAX(effective_date) FROM compliance_claim_fact"
                + " WHERE recorded_at <= ? GROUP BY platform, jurisdiction) f"
                + " GROUP BY platform, jurisdiction ORDER BY jurisdiction, platform"),
                (row, number) -> new Subject(row.getString(1), row.getString(2), row.getObject(3, LocalDate.class),
                        row.getObject(4, LocalDate.class)), knownAt.atOffset(ZoneOffset.UTC),
                knownAt.atOffset(ZoneOffset.UTC));
    }

    /** The recorded time of the latest fact in the read model: how far it has got, null when empty. */
    public Instant lastRecordedAt() {
        ReadModelTables tables = live.pinned();
        OffsetDateTime demand = jdbc.queryForObject(tables.sql("SELECT MAX(recorded_at) FROM demand_fact"),
                OffsetDateTime.class);
        OffsetDateTime claim = jdbc.queryForObject(tables.sql("SELECT MAX(recorded_at) FROM compliance_claim_fact"),
                OffsetDateTime.class);
        if (demand == null || claim == null) {
            return demand == null ? (claim == null ? null : claim.toInstant()) : demand.toInstant();
        }
        return demand.isAfter(claim) ? demand.toInstant() : claim.toInstant();
    }

    private static DemandFact demand(ResultSet row, int number) throws SQLException {
        String scope = row.getString("scope");
        return new DemandFact(row.getString("event_id"), row.getString("demand_id"), row.getString("platform"),
                row.getString("jurisdiction"), row.getLong("stream_sequence"), Kind.valueOf(row.getString("kind")),
                DemandKind.valueOf(row.getString("demand_kind")), row.getString("authority"),
                row.getObject("items", Long.class), categories(row.getString("items_by_category")),
                scope == null ? null : ComplianceScope.valueOf(scope), row.getObject("deadline", LocalDate.class),
                effective(row), row.getObject("recorded_at", OffsetDateTime.class).toInstant(), null);
    }

    private static ClaimFact claim(ResultSet row, int number) throws SQLException {
        Long amount = row.getObject("amount_minor", Long.class);
        String qualifier = row.getString("qualifier");
        Long numerator = row.getObject("share_numerator", Long.class);
        Long denominator = row.getObject("share_denominator", Long.class);
        return new ClaimFact(row.getString("event_id"), row.getString("claim_id"), row.getString("platform"),
                row.getString("jurisdiction"), ClaimFact.Kind.valueOf(row.getString("kind")),
                row.getString("claimant"), row.getString("metric"), row.getObject("item_count", Long.class),
                amount == null ? null : Money.of(amount, row.getString("currency")),
                qualifier == null ? null : Qualifier.valueOf(qualifier), row.getString("period"),
                row.getObject("as_of", LocalDate.class), row.getObject("items_flagged", Long.class),
                row.getObject("items_removed", Long.class), row.getObject("items_remaining", Long.class),
                numerator == null || denominator == null ? null : Fraction.of(numerator, denominator),
                row.getString("assessment"), row.getString("demand_id"), effective(row),
                row.getObject("recorded_at", OffsetDateTime.class).toInstant(), null);
    }

    private static ComplianceCuration curation(ResultSet row, int number) throws SQLException {
        EffectiveTime corrected = ProjectionRows.effectiveTime(row, "corrected_");
        return new ComplianceCuration(row.getString("event_id"), row.getString("target_event_id"),
                ComplianceCuration.Kind.valueOf(row.getString("kind")), corrected,
                fields(row.getString("corrected_fields")), row.getObject("recorded_at", OffsetDateTime.class)
                .toInstant());
    }

    private static Map<String, String> fields(String json) {
        try {
            return JSON.readValue(json, FIELDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrected_fields is not a JSON object of texts", e);
        }
    }

    private static EffectiveTime effective(ResultSet row) throws SQLException {
        return ProjectionRows.effectiveTime(row, "effective_");
    }

    private static Map<String, Long> categories(String json) {
        try {
            return json == null ? Map.of() : JSON.readValue(json, CATEGORIES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("items_by_category is not a JSON object of counts", e);
        }
    }
}
