package org.disputeledger.projection.timeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.disputeledger.common.Confidence;
import org.disputeledger.common.EffectiveTime;
import org.disputeledger.common.EventJson;
import org.disputeledger.common.Link;
import org.disputeledger.common.LinkRelation;
import org.disputeledger.common.Precision;
import org.disputeledger.common.Source;
import org.disputeledger.projection.timeline.Timeline.Curation;
import org.disputeledger.projection.timeline.Timeline.CurationKind;
import org.disputeledger.projection.timeline.Timeline.Entry;
import org.disputeledger.projection.timeline.TimelineRules.Cursor;
import org.disputeledger.projection.timeline.TimelineRules.Page;
import org.disputeledger.projection.timeline.TimelineRules.Window;
import org.disputeledger.projection.ReadModelTables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Answers "what happened to a platform, a legal entity or an account, up to {@code at}, as the ledger knew it at
 * {@code knownAt}" from the read model "timeline", by the rules of {@link TimelineRules}. Each entry of a page
 * carries its accounts, the links to it from events that count, and the curations of it known at knownAt.
 */
public class TimelineQueries {

    private static final String COLUMNS = "SELECT event_id, stream_id, stream_sequence, global_position,"
            + " event_type, platform, legal_entity, jurisdiction, effective_start, effective_date,"
            + " effective_precision, recorded_at, confidence, summary, sources, links FROM timeline_entry";

    private static final String BOUNDS = " AND recorded_at <= ? AND effective_start <= ?";

    private static final ObjectMapper JSON = EventJson.objectMapper();

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final ReadModelTables live;

    public TimelineQueries(JdbcTemplate jdbc, ReadModelTables live) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.live = live;
    }

    /** The timeline of a platform (or service); an unknown platform has an empty one. */
    public Timeline platform(String platform, Window window, Cursor after, int limit) {
        ReadModelTables tables = live.pinned();
        return answer(tables, jdbc.query(tables.sql(COLUMNS + " WHERE platform = ?" + BOUNDS), TimelineQueries::row, platform,
                utc(window.knownAt()), utc(window.at())), window, after, limit);
    }

    /** The timeline of a legal entity; an unknown entity has an empty one. */
    public Timeline legalEntity(String legalEntity, Window window, Cursor after, int limit) {
        ReadModelTables tables = live.pinned();
        return answer(tables, jdbc.query(tables.sql(COLUMNS + " WHERE legal_entity = ?" + BOUNDS), TimelineQueries::row, legalEntity,
                utc(window.knownAt()), utc(window.at())), window, after, limit);
    }

    /** The timeline of one account of a platform: its suspensions, restorations and demands about it. */
    public Timeline account(String platform, String account, Window window, Cursor after, int limit) {
        ReadModelTables tables = live.pinned();
        return answer(tables, jdbc.query(tables.sql(COLUMNS + " WHERE event_id IN (SELECT event_id FROM timeline_account"
                        + " WHERE platform = ? AND account = ?)" + BOUNDS), TimelineQueries::row, platform, account,
                utc(window.knownAt()), utc(window.at())), window, after, limit);
    }

    /** The recorded time of the latest entry in the read model: how far it has got, null when empty. */
    public Instant lastRecordedAt() {
        ReadModelTables tables = live.pinned();
        OffsetDateTime last = jdbc.queryForObject(tables.sql("SELECT MAX(recorded_at) FROM timeline_entry"),
                OffsetDateTime.class);
        return last == null ? null : last.toInstant();
    }

    private Timeline answer(ReadModelTables tables, List<TimelineRow> rows, Window window, Cursor after, int limit) {
        Page page = TimelineRules.page(rows, window, after, limit);
        List<String> ids = page.rows().stream().map(TimelineRow::eventId).toList();
        Map<String, List<String>> accounts = new HashMap<>();
        Map<String, List<Link>> linkedFrom = new HashMap<>();
        Map<String, List<Curation>> curations = new HashMap<>();
        if (!ids.isEmpty()) {
            MapSqlParameterSource parameters = new MapSqlParameterSource("ids", ids)
                    .addValue("knownAt", utc(window.knownAt())).addValue("at", utc(window.at()));
            named.query(tables.sql("SELECT event_id, account FROM timeline_account WHERE event_id IN (:ids)"
                    + " ORDER BY account"), parameters, row -> {
                accounts.computeIfAbsent(row.getString("event_id"), id -> new ArrayList<>())
                        .add(row.getString("account"));
            });
            named.query(tables.sql("SELECT l.target_event_id, l.relation, l.event_id FROM timeline_link l JOIN timeline_entry e"
                    + " ON e.event_id = l.event_id WHERE l.target_event_id IN (:ids) AND e.recorded_at <= :knownAt"
                    + " AND e.effective_start <= :at ORDER BY e.effective_start, e.global_position"), parameters,
                    row -> {
                linkedFrom.computeIfAbsent(row.getString("target_event_id"), id -> new ArrayList<>())
                        .add(new Link(LinkRelation.valueOf(row.getString("relation")), row.getString("event_id")));
            });
            named.query(tables.sql("SELECT event_id, target_event_id, kind, reason, corrected_start, corrected_date,"
                    + " corrected_precision, corrected_confidence, confidence, summary, sources, recorded_at"
                    + " FROM timeline_curation WHERE target_event_id IN (:ids) AND recorded_at <= :knownAt"
                    + " ORDER BY recorded_at, event_id"), parameters, row -> {
                curations.computeIfAbsent(row.getString("target_event_id"), id -> new ArrayList<>())
                        .add(curation(row));
            });
        }
        List<Entry> entries = page.rows().stream().map(row -> entry(row,
                accounts.getOrDefault(row.eventId(), List.of()), linkedFrom.getOrDefault(row.eventId(), List.of()),
                curations.getOrDefault(row.eventId(), List.of()))).toList();
        return new Timeline(entries, page.next() == null ? null : page.next().write());
    }

    private static Entry entry(TimelineRow row, List<String> accounts, List<Link> linkedFrom,
                               List<Curation> curations) {
        boolean retracted = curations.stream().anyMatch(curation -> curation.kind() == CurationKind.RETRACTION);
        return new Entry(row.eventId(), row.streamId(), row.sequence(), row.position(), row.type(), row.platform(),
                row.legalEntity(), row.jurisdiction(), accounts, row.effective(), row.recordedAt(),
                row.confidence(), row.summary(), sources(row.sources()), read(row.links(),
                new TypeReference<List<Link>>() {
                }), linkedFrom, curations, retracted);
    }

    private static Curation curation(ResultSet row) throws SQLException {
        String precision = row.getString("corrected_precision");
        EffectiveTime corrected = precision == null ? null : effective(Precision.valueOf(precision),
                row.getObject("corrected_start", OffsetDateTime.class), row.getObject("corrected_date",
                        LocalDate.class));
        String correctedConfidence = row.getString("corrected_confidence");
        return new Curation(row.getString("event_id"), CurationKind.valueOf(row.getString("kind")),
                row.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                Confidence.valueOf(row.getString("confidence")), row.getString("reason"), corrected,
                correctedConfidence == null ? null : Confidence.valueOf(correctedConfidence),
                row.getString("summary"), sources(row.getString("sources")));
    }

    private static TimelineRow row(ResultSet row, int number) throws SQLException {
        EffectiveTime effective = effective(Precision.valueOf(row.getString("effective_precision")),
                row.getObject("effective_start", OffsetDateTime.class), row.getObject("effective_date",
                        LocalDate.class));
        return new TimelineRow(row.getString("event_id"), row.getString("stream_id"),
                row.getLong("stream_sequence"), row.getLong("global_position"), row.getString("event_type"),
                row.getString("platform"), row.getString("legal_entity"), row.getString("jurisdiction"), effective,
                row.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                Confidence.valueOf(row.getString("confidence")), row.getString("summary"), row.getString("sources"),
                row.getString("links"));
    }

    private static EffectiveTime effective(Precision precision, OffsetDateTime start, LocalDate date) {
        return precision == Precision.INSTANT ? EffectiveTime.at(start.toInstant())
                : new EffectiveTime(date, null, precision);
    }

    private static List<Source> sources(String json) {
        return read(json, new TypeReference<List<Source>>() {
        });
    }

    private static <T> List<T> read(String json, TypeReference<List<T>> type) {
        try {
            return Collections.unmodifiableList(JSON.readValue(json, type));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored JSON value cannot be read", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
