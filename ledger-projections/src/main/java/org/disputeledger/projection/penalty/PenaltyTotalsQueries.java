package org.disputeledger.projection.penalty;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.disputeledger.claim.Qualifier;
import org.disputeledger.common.EffectiveTime;
import org.disputeledger.common.Precision;
import org.disputeledger.projection.penalty.PenaltyFact.Kind;
import org.disputeledger.sanction.AppealOutcome;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Answers "what were the fines of a legal entity at {@code at}, as the ledger knew them at {@code knownAt}" from
 * the read model "penalty-totals", by the rules of {@link PenaltyRules}.
 */
public class PenaltyTotalsQueries {

    private static final String COLUMNS = "SELECT event_id, legal_entity, item_id, stream_sequence, kind,"
            + " amount_minor, currency, outcome, provision, party, qualifier, effective_start, effective_date,"
            + " effective_precision, recorded_at, sources FROM penalty_fact";

    private final JdbcTemplate jdbc;

    public PenaltyTotalsQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The totals of one legal entity; an entity the ledger knows no fine of has no currencies. */
    public PenaltyTotals legalEntity(String legalEntity, Instant at, Instant knownAt) {
        List<PenaltyFact> facts = jdbc.query(COLUMNS + " WHERE legal_entity = ? AND recorded_at <= ?"
                + " ORDER BY item_id, stream_sequence", PenaltyTotalsQueries::fact, legalEntity,
                knownAt.atOffset(ZoneOffset.UTC));
        return PenaltyRules.evaluate(legalEntity, facts, at, knownAt);
    }

    /** The recorded time of the latest fact in the read model: how far it has got, null when empty. */
    public Instant lastRecordedAt() {
        OffsetDateTime last = jdbc.queryForObject("SELECT MAX(recorded_at) FROM penalty_fact", OffsetDateTime.class);
        return last == null ? null : last.toInstant();
    }

    private static PenaltyFact fact(ResultSet row, int number) throws SQLException {
        Precision precision = Precision.valueOf(row.getString("effective_precision"));
        Instant start = row.getObject("effective_start", OffsetDateTime.class).toInstant();
        EffectiveTime effective = precision == Precision.INSTANT ? EffectiveTime.at(start)
                : new EffectiveTime(row.getObject("effective_date", LocalDate.class), null, precision);
        String outcome = row.getString("outcome");
        String qualifier = row.getString("qualifier");
        return new PenaltyFact(row.getString("event_id"), row.getString("legal_entity"), row.getString("item_id"),
                row.getLong("stream_sequence"), Kind.valueOf(row.getString("kind")),
                row.getObject("amount_minor", Long.class), row.getString("currency"),
                outcome == null ? null : AppealOutcome.valueOf(outcome), row.getString("provision"),
                row.getString("party"), qualifier == null ? null : Qualifier.valueOf(qualifier), effective,
                row.getObject("recorded_at", OffsetDateTime.class).toInstant(), row.getString("sources"));
    }
}
