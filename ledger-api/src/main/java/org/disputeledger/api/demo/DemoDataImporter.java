package org.disputeledger.api.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.disputeledger.api.web.CommandExecutor;
import org.disputeledger.common.Confidence;
import org.disputeledger.common.EffectiveTime;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.EventJson;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.common.LedgerRuleViolation;
import org.disputeledger.common.Link;
import org.disputeledger.common.LinkRelation;
import org.disputeledger.common.Precision;
import org.disputeledger.common.Recorded;
import org.disputeledger.common.Slug;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads the demo data set through the same commands and the same executor as the API, at most once per database.
 * Every row becomes its commands, each with an idempotency key derived from the row, so an interrupted import
 * resumes without duplicates. Rows the rules refuse are reported, never silently dropped.
 */
@Component
public class DemoDataImporter {

    public static final String DATA_SET = "seed-timeline-v1";
    public static final String RECORDER = "demo-data-import";
    static final String RESOURCE = "/demo/seed-timeline.csv";

    private static final Logger log = LoggerFactory.getLogger(DemoDataImporter.class);

    private final Map<String, SeedTranslator> translators = new HashMap<>();
    private final CommandExecutor executor;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public DemoDataImporter(List<SeedTranslator> translators, CommandExecutor executor, JdbcTemplate jdbc,
                            Clock clock) {
        for (SeedTranslator translator : translators) {
            for (String type : translator.eventTypes()) {
                SeedTranslator previous = this.translators.put(type, translator);
                if (previous != null) {
                    throw new IllegalStateException("two translators for seed event type " + type);
                }
            }
        }
        this.executor = executor;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Imports the shipped demo data set unless this database already has it. */
    public ImportReport importDemoData() {
        List<SeedRow> rows;
        try (InputStream in = DemoDataImporter.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the demo data set " + RESOURCE + " is missing from the application");
            }
            rows = SeedCsv.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return importRows(DATA_SET, rows);
    }

    ImportReport importRows(String dataSet, List<SeedRow> rows) {
        if (!claim(dataSet)) {
            log.info("data set {} was imported into this database before; nothing to do", dataSet);
            return ImportReport.skipped(dataSet);
        }
        Run run = new Run(dataSet, rows);
        rows.forEach(row -> run.record(row, new HashSet<>()));
        ImportReport report = new ImportReport(dataSet, false, rows.size(), run.recorded.size(), run.refused);
        jdbc.update("UPDATE data_set_import SET finished_at = ?, rows_accepted = ?, rows_refused = ?, report = ? "
                        + "WHERE data_set = ?", Timestamp.from(clock.instant()), report.recorded(),
                report.refused().size(), json(report), dataSet);
        log.info("data set {}: {} rows, {} recorded, {} refused", dataSet, report.rows(), report.recorded(),
                report.refused().size());
        report.refused().forEach(r -> log.info("refused row {} ({}): {} - {}", r.rowId(), r.eventType(), r.code(),
                r.reason()));
        return report;
    }

    /** True when this import may run: the data set was never finished here, and no other import holds it. */
    private boolean claim(String dataSet) {
        List<Map<String, Object>> existing = jdbc.queryForList(
                "SELECT finished_at FROM data_set_import WHERE data_set = ?", dataSet);
        if (!existing.isEmpty()) {
            return existing.get(0).get("finished_at") == null;
        }
        try {
            jdbc.update("INSERT INTO data_set_import (data_set, started_at) VALUES (?, ?)", dataSet,
                    Timestamp.from(clock.instant()));
            return true;
        } catch (DuplicateKeyException anotherNodeClaimedIt) {
            return false;
        }
    }

    /** One pass over a data set: rows are recorded after the rows they reference, otherwise in file order. */
    private final class Run implements SeedContext {

        private final String dataSet;
        private final Map<String, SeedRow> rowsById = new LinkedHashMap<>();
        private final Map<String, List<Recorded>> recorded = new LinkedHashMap<>();
        private final List<SeedRow> recordedRows = new ArrayList<>();
        private final Map<String, ImportReport.RefusedRow> refusedById = new LinkedHashMap<>();
        private final List<ImportReport.RefusedRow> refused = new ArrayList<>();
        private final Map<String, String> renamedEntities = new HashMap<>();

        Run(String dataSet, List<SeedRow> rows) {
            this.dataSet = dataSet;
            rows.forEach(row -> rowsById.put(row.id(), row));
            for (SeedRow row : rows) {
                String oldName = row.attributes().get("old_name");
                String newName = row.attributes().get("new_name");
                if ("EntityRenamed".equals(row.eventType()) && oldName != null && newName != null) {
                    renamedEntities.put(newName, Slug.of(oldName));
                }
            }
        }

        void record(SeedRow row, Set<String> path) {
            if (recorded.containsKey(row.id()) || refusedById.containsKey(row.id())) {
                return;
            }
            if (!path.add(row.id())) {
                refuse(row, "reference-cycle", "the row's references lead back to itself: " + path);
                return;
            }
            for (String reference : row.references()) {
                SeedRow referenced = rowsById.get(reference);
                if (referenced != null) {
                    record(referenced, path);
                }
            }
            path.remove(row.id());
            SeedTranslator translator = translators.get(row.eventType());
            if (translator == null) {
                refuse(row, "unsupported-event-type", "no translator for event type " + row.eventType());
                return;
            }
            List<Recorded> results = new ArrayList<>();
            try {
                List<LedgerCommand> commands = translator.translate(row, this);
                send(row, commands, results);
                recorded.put(row.id(), results);
                recordedRows.add(row);
            } catch (SeedRowRefused e) {
                refuse(row, results, "row-not-expressible", e.getMessage());
            } catch (LedgerRuleViolation e) {
                refuse(row, results, e.code().name().toLowerCase(Locale.ROOT).replace('_', '-'), e.getMessage());
            } catch (InvalidValueException e) {
                refuse(row, results, "invalid-value", e.field() + ": " + e.getMessage());
            } catch (AggregateNotFoundException e) {
                refuse(row, results, "stream-not-found", "the ledger holds no stream " + e.getAggregateIdentifier());
            }
        }

        /**
         * Sends the row's commands in order, each in its own transaction (so each stream's lock is held until its
         * events are committed), collecting what each appended.
         */
        private void send(SeedRow row, List<LedgerCommand> commands, List<Recorded> results) {
            for (int i = 0; i < commands.size(); i++) {
                LedgerCommand command = commands.get(i);
                String key = dataSet + ":" + row.id() + ":" + i;
                var write = new CommandExecutor.Write(RECORDER, key,
                        CommandExecutor.Write.fingerprintOf(key, command.getClass().getName(), json(command)));
                results.add(executor.execute(command, write).recorded());
            }
        }

        private void refuse(SeedRow row, String code, String reason) {
            refuse(row, List.of(), code, reason);
        }

        /** A row refused after some of its commands were recorded says so: those facts stay in the ledger. */
        private void refuse(SeedRow row, List<Recorded> partly, String code, String reason) {
            String said = partly.isEmpty() ? reason
                    : "after " + partly.size() + " of its commands were recorded: " + reason;
            var refusal = new ImportReport.RefusedRow(row.id(), row.eventType(), code, said);
            refusedById.put(row.id(), refusal);
            refused.add(refusal);
        }

        @Override
        public Envelope envelope(SeedRow row, LinkRelation relationToReferences) {
            List<Link> links = new ArrayList<>();
            List<String> unlinked = new ArrayList<>();
            for (String reference : row.references()) {
                List<Recorded> results = recorded.get(reference);
                if (results == null) {
                    unlinked.add(reference);
                    continue;
                }
                results.stream().flatMap(r -> r.events().stream()).findFirst()
                        .ifPresent(event -> links.add(new Link(relationToReferences, event.eventId())));
            }
            Map<String, String> details = new LinkedHashMap<>(row.attributes());
            details.put("seedRow", row.id());
            if (!unlinked.isEmpty()) {
                details.put("unrecordedReferences", String.join(";", unlinked));
            }
            return new Envelope(effective(row), SeedSources.of(row), confidence(row), links, row.summary(), details);
        }

        private EffectiveTime effective(SeedRow row) {
            Precision precision = switch (row.precision()) {
                case "day" -> Precision.DAY;
                case "month" -> Precision.MONTH;
                case "year" -> Precision.YEAR;
                case "approx" -> Precision.APPROXIMATE;
                default -> throw new SeedRowRefused(row.id() + " has an unknown precision " + row.precision());
            };
            return new EffectiveTime(row.effectiveDate(), null, precision);
        }

        private Confidence confidence(SeedRow row) {
            try {
                return Confidence.valueOf(row.confidence().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new SeedRowRefused(row.id() + " has an unknown confidence " + row.confidence());
            }
        }

        @Override
        public String idFor(String rowId, String purpose) {
            return UUID.nameUUIDFromBytes((dataSet + ":" + rowId + ":" + purpose)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        }

        @Override
        public List<Recorded> recorded(String rowId) {
            List<Recorded> results = recorded.get(rowId);
            if (results == null) {
                ImportReport.RefusedRow refusal = refusedById.get(rowId);
                throw new SeedRowRefused("it references row " + rowId + ", which was not recorded"
                        + (refusal == null ? " (no such row)" : " (" + refusal.code() + ")"));
            }
            return results;
        }

        @Override
        public String legalEntityId(String name) {
            InvalidValueException.requireText(name, "legal_entity");
            return renamedEntities.getOrDefault(name, Slug.of(name));
        }

        @Override
        public SeedRow row(String rowId) {
            SeedRow row = rowsById.get(rowId);
            if (row == null) {
                throw new SeedRowRefused("the data set has no row " + rowId);
            }
            return row;
        }

        @Override
        public List<SeedRow> recordedRows() {
            return List.copyOf(recordedRows);
        }
    }

    /** The report of the last finished import of a data set into this database, if there was one. */
    public java.util.Optional<ImportReport> lastReport(String dataSet) {
        return jdbc.queryForList("SELECT report FROM data_set_import WHERE data_set = ? AND finished_at IS NOT NULL",
                String.class, dataSet).stream().findFirst().map(text -> {
                    try {
                        return EventJson.objectMapper().readValue(text, ImportReport.class);
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("unreadable import report of " + dataSet, e);
                    }
                });
    }

    private static String json(Object command) {
        try {
            return EventJson.objectMapper().writeValueAsString(command);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
