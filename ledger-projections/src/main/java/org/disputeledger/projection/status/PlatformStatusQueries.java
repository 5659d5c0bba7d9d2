package org.disputeledger.projection.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.disputeledger.common.EffectiveTime;
import org.disputeledger.common.EventJson;
import org.disputeledger.common.Source;
import org.disputeledger.projection.status.StatusFact.Kind;
import org.disputeledger.restriction.ObservedState;
import org.disputeledger.restriction.RestrictionKind;
import org.disputeledger.projection.ProjectionRows;
import org.disputeledger.projection.ReadModelTables;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Answers "what was the status of a platform in a jurisdiction at {@code at}, as the ledger knew it at
 * {@code knownAt}" from the read model "platform-status", by the rules of {@link StatusRules}.
 */
public class PlatformStatusQueries {

    /**
     * Every column the rules read; not the sources, which only the facts an answer shows need ({@link #withSources}):
     * a jurisdiction's board folds thousands of facts to show a few dozen.
     */
    private static final String COLUMNS = "SELECT event_id, jurisdiction, service, stream_sequence, kind,"
            + " restriction_kind, restriction_id, effective_start, effective_date, effective_precision, recorded_at,"
            + " authority, legal_basis, mobile_percent, fixed_percent, addresses_blocked, scope_description,"
            + " observed_state, detail FROM status_fact";

    private static final int SOURCES_PER_QUERY = 500;
    private static final ObjectMapper JSON = EventJson.objectMapper();

    private static final String CURATIONS = "SELECT c.event_id, c.target_event_id, c.kind, c.corrected_start,"
            + " c.corrected_date, c.corrected_precision, c.recorded_at FROM status_curation c"
            + " JOIN status_fact f ON f.event_id = c.target_event_id WHERE f.jurisdiction = ? AND c.recorded_at <= ?";

    private final JdbcTemplate jdbc;
    private final ReadModelTables live;

    public PlatformStatusQueries(JdbcTemplate jdbc, ReadModelTables live) {
        this.jdbc = jdbc;
        this.live = live;
    }

    /** The status of one platform; a platform the ledger knows nothing about is NORMAL. */
    public PlatformStatus platform(String jurisdiction, String platform, Instant at, Instant knownAt) {
        ReadModelTables tables = live.pinned();
        List<StatusFact> facts = jdbc.query(tables.sql(COLUMNS + " WHERE jurisdiction = ? AND service = ?"
                + " AND recorded_at <= ? ORDER BY stream_sequence"), PlatformStatusQueries::fact, jurisdiction,
                platform, knownAt.atOffset(ZoneOffset.UTC));
        List<StatusCuration> curations = jdbc.query(tables.sql(CURATIONS + " AND f.service = ?"),
                PlatformStatusQueries::curation,
                jurisdiction, knownAt.atOffset(ZoneOffset.UTC), platform);
        return withSources(tables, List.of(StatusRules.evaluate(jurisdiction, platform,
                StatusCuration.apply(facts, curations, knownAt), at, knownAt))).get(0);
    }

    /** The status of every platform with at least one fact known at {@code knownAt}, by platform name. */
    public List<PlatformStatus> jurisdiction(String jurisdiction, Instant at, Instant knownAt) {
        ReadModelTables tables = live.pinned();
        Map<String, List<StatusFact>> byPlatform = new LinkedHashMap<>();
        jdbc.query(tables.sql(COLUMNS + " WHERE jurisdiction = ? AND recorded_at <= ?"
                        + " ORDER BY service, stream_sequence"),
                PlatformStatusQueries::fact, jurisdiction, knownAt.atOffset(ZoneOffset.UTC))
                .forEach(fact -> byPlatform.computeIfAbsent(fact.service(), service -> new ArrayList<>()).add(fact));
        List<StatusCuration> curations = jdbc.query(tables.sql(CURATIONS), PlatformStatusQueries::curation,
                jurisdiction,
                knownAt.atOffset(ZoneOffset.UTC));
        return withSources(tables, byPlatform.entrySet().stream()
                .map(entry -> StatusRules.evaluate(jurisdiction, entry.getKey(),
                        StatusCuration.apply(entry.getValue(), curations, knownAt), at, knownAt))
                .toList());
    }

    /** The statuses with the sources of the facts they show, read for those facts only. */
    private List<PlatformStatus> withSources(ReadModelTables tables, List<PlatformStatus> statuses) {
        List<String> ids = statuses.stream().flatMap(status -> status.eventIds().stream()).distinct().toList();
        Map<String, List<Source>> sources = new HashMap<>();
        for (int from = 0; from < ids.size(); from += SOURCES_PER_QUERY) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + SOURCES_PER_QUERY));
            jdbc.query(tables.sql("SELECT event_id, sources FROM status_fact WHERE event_id IN ("
                    + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")"), row -> {
                sources.put(row.getString("event_id"), sources(row.getString("sources")));
            }, chunk.toArray());
        }
        return statuses.stream().map(status -> status.withSources(sources)).toList();
    }

    private static List<Source> sources(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<Source>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored sources of a status fact cannot be read", e);
        }
    }

    /** The recorded time of the latest fact in the read model: how far it has got, null when empty. */
    public Instant lastRecordedAt() {
        ReadModelTables tables = live.pinned();
        OffsetDateTime last = jdbc.queryForObject(tables.sql("SELECT MAX(recorded_at) FROM status_fact"),
                OffsetDateTime.class);
        return last == null ? null : last.toInstant();
    }

    private static StatusCuration curation(ResultSet row, int number) throws SQLException {
        EffectiveTime corrected = ProjectionRows.effectiveTime(row, "corrected_");
        return new StatusCuration(row.getString("event_id"), row.getString("target_event_id"),
                StatusCuration.Kind.valueOf(row.getString("kind")), corrected,
                row.getObject("recorded_at", OffsetDateTime.class).toInstant());
    }

    private static StatusFact fact(ResultSet row, int number) throws SQLException {
        EffectiveTime effective = ProjectionRows.effectiveTime(row, "effective_");
        String restrictionKind = row.getString("restriction_kind");
        String observedState = row.getString("observed_state");
        return new StatusFact(row.getString("event_id"), row.getString("jurisdiction"), row.getString("service"),
                row.getLong("stream_sequence"), Kind.valueOf(row.getString("kind")),
                restrictionKind == null ? null : RestrictionKind.valueOf(restrictionKind),
                row.getString("restriction_id"), effective, row.getObject("recorded_at", OffsetDateTime.class)
                .toInstant(), row.getString("authority"), row.getString("legal_basis"),
                row.getObject("mobile_percent", Integer.class), row.getObject("fixed_percent", Integer.class),
                row.getObject("addresses_blocked", Long.class), row.getString("scope_description"),
                observedState == null ? null : ObservedState.valueOf(observedState), row.getString("detail"), null);
    }
}
