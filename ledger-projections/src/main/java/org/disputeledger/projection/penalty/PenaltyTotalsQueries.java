package org.disputeledger.projection.penalty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.disputeledger.claim.Qualifier;
import org.disputeledger.common.EffectiveTime;
import org.disputeledger.common.EventJson;
import org.disputeledger.projection.penalty.PenaltyFact.Kind;
import org.disputeledger.sanction.AppealOutcome;
import org.disputeledger.projection.ProjectionRows;
import org.disputeledger.projection.ReadModelTables;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Answers "what were the fines of a legal entity at {@code at}, as the ledger knew them at {@code knownAt}" from
 * the read model "penalty-totals", by the rules of {@link PenaltyRules}, after the curations known at
 * {@code knownAt} of the entity's facts are applied ({@link PenaltyCuration}).
 */
public class PenaltyTotalsQueries {

    private static final String COLUMNS = "SELECT event_id, legal_entity, item_id, stream_sequence, kind,"
            + " amount_minor, currency, outcome, provision, party, qualifier, effective_start, effective_date,"
            + " effective_precision, recorded_at FROM penalty_fact";

    private static final String CURATIONS = "SELECT c.event_id, c.target_event_id, c.kind, c.corrected_start,"
            + " c.corrected_date, c.corrected_precision, c.corrected_fields, c.recorded_at FROM penalty_curation c"
            + " JOIN penalty_fact f ON f.event_id = c.target_event_id WHERE f.legal_entity = ? AND c.recorded_at <= ?";

    private static final ObjectMapper JSON = EventJson.objectMapper();
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ReadModelTables live;

    public PenaltyTotalsQueries(JdbcTemplate jdbc, ReadModelTables live) {
        this.jdbc = jdbc;
        this.live = live;
    }

    /** The totals of one legal entity; an entity the ledger knows no fine of has no currencies. */
    public PenaltyTotals legalEntity(String legalEntity, Instant at, Instant knownAt) {
        ReadModelTables tables = live.pinned();
        List<PenaltyFact> facts = jdbc.query(tables.sql(COLUMNS + " WHERE legal_entity = ? AND recorded_at <= ?"
                + " ORDER BY item_id, stream_sequence"), PenaltyTotalsQueries::fact, legalEntity,
                knownAt.atOffset(ZoneOffset.UTC));
        List<PenaltyCuration> curations = jdbc.query(tables.sql(CURATIONS), PenaltyTotalsQueries::curation, legalEntity,
                knownAt.atOffset(ZoneOffset.UTC));
        return PenaltyRules.evaluate(legalEntity, PenaltyCuration.apply(facts, curations, knownAt), at, knownAt);
    }

    /** The recorded time of the latest fact in the read model: how far it has got, null when empty. */
    public Instant lastRecordedAt() {
        ReadModelTables tables = live.pinned();
        OffsetDateTime last = jdbc.queryForObject(tables.sql("SELECT MAX(recorded_at) FROM penalty_fact"),
                OffsetDateTime.class);
        return last == null ? null : last.toInstant();
    }

    private static PenaltyCuration curation(ResultSet row, int number) throws SQLException {
        EffectiveTime corrected = ProjectionRows.effectiveTime(row, "corrected_");
        return new PenaltyCuration(row.getString("event_id"), row.getString("target_event_id"),
                PenaltyCuration.Kind.valueOf(row.getString("kind")), corrected,
                fields(row.getString("corrected_fields")),
                row.getObject("recorded_at", OffsetDateTime.class).toInstant());
    }

    private static Map<String, String> fields(String json) {
        try {
            return JSON.readValue(json, FIELDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrected_fields is not a JSON object of texts", e);
        }
    }

    private static PenaltyFact fact(ResultSet row, int number) throws SQLException {
        EffectiveTime effective = ProjectionRows.effectiveTime(row, "effective_");
        String outcome = row.getString("outcome");
        String qualifier = row.getString("qualifier");
        return new PenaltyFact(row.getString("event_id"), row.getString("legal_entity"), row.getString("item_id"),
                row.getLong("stream_sequence"), Kind.valueOf(row.getString("kind")),
                row.getObject("amount_minor", Long.class), row.getString("currency"),
                outcome == null ? null : AppealOutcome.valueOf(outcome), row.getString("provision"),
                row.getString("party"), qualifier == null ? null : Qualifier.valueOf(qualifier), effective,
                row.getObject("recorded_at", OffsetDateTime.class).toInstant(), null);
    }
}
