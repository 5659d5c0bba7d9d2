package org.disputeledger.api.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.disputeledger.api.web.PointInTime;
import org.disputeledger.audit.Checkpoint;
import org.disputeledger.audit.ExportFormat;
import org.disputeledger.audit.MerkleProofs;
import org.disputeledger.audit.SealedEvent;
import org.disputeledger.audit.SigningKeys;
import org.disputeledger.projection.compliance.DemandCompliance;
import org.disputeledger.projection.compliance.DemandComplianceQueries;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@Tag(name = "Exports", description = "The whole sealed history for offline verification, and transparency-report"
        + " totals")
@RestController
@RequestMapping("/api/v1/exports")
class ExportController {

    private static final int CHUNK = 1000;

    private final AuditStore store;
    private final SigningKeys.SigningKey key;
    private final DemandComplianceQueries compliance;
    private final Clock clock;

    ExportController(AuditStore store, SigningKeys.SigningKey key, DemandComplianceQueries compliance, Clock clock) {
        this.store = store;
        this.key = key;
        this.compliance = compliance;
        this.clock = clock;
    }

    @Operation(summary = "The whole sealed history as NDJSON: a header with the public key, every event with all its"
            + " stored fields, each signed checkpoint with its consistency proof, and an end line. Verify it offline"
            + " with: java -jar ledger-api.jar verify-export <file> <public key> (docs/auditing.md)")
    @GetMapping(value = "/history", produces = HistoryController.NDJSON)
    ResponseEntity<StreamingResponseBody> history() {
        Checkpoint latest = store.latestCheckpoint().orElseThrow(NothingSealedException::new);
        Instant exportedAt = clock.instant();
        StreamingResponseBody body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            writeHistory(writer, latest, exportedAt);
            writer.flush();
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(HistoryController.NDJSON))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ledger-history-" + latest.treeSize()
                        + ".ndjson\"").body(body);
    }

    private void writeHistory(Writer writer, Checkpoint latest, Instant exportedAt) throws IOException {
        writer.write(ExportFormat.header(key.publicKey(), exportedAt));
        writer.write('\n');
        List<Checkpoint> checkpoints = new ArrayList<>();
        store.eachCheckpoint(checkpoint -> {
            if (checkpoint.treeSize() <= latest.treeSize()) {
                checkpoints.add(checkpoint);
            }
        });
        int next = 0;
        long leafIndex = 0;
        long previousSize = 0;
        long position = 0;
        while (position < latest.lastPosition()) {
            List<SealedEvent> events = store.eventsBetween(position, latest.lastPosition(), CHUNK);
            if (events.isEmpty()) {
                break;
            }
            for (SealedEvent event : events) {
                writer.write(ExportFormat.event(leafIndex, event));
                writer.write('\n');
                leafIndex++;
                while (next < checkpoints.size() && checkpoints.get(next).treeSize() == leafIndex) {
                    Checkpoint checkpoint = checkpoints.get(next);
                    writer.write(ExportFormat.checkpoint(checkpoint, previousSize, store.rangeHashes(
                            MerkleProofs.consistency(previousSize, checkpoint.treeSize()))));
                    writer.write('\n');
                    previousSize = checkpoint.treeSize();
                    next++;
                }
                position = event.position();
            }
        }
        writer.write(ExportFormat.end(leafIndex, next));
        writer.write('\n');
    }

    @Operation(summary = "Demand and compliance totals per platform, jurisdiction and half-year, as CSV in the shape"
            + " transparency reports use: demands issued in the half-year, items requested, complied with, refused"
            + " and outstanding as known at 'knownAt' (default: now), and the claims stated in it")
    @GetMapping(value = "/transparency.csv", produces = "text/csv")
    ResponseEntity<String> transparency(@RequestParam(required = false) String knownAt,
                                        @RequestParam(required = false) String jurisdiction,
                                        @RequestParam(required = false) String platform) {
        Instant now = clock.instant();
        Instant known = knownAt == null ? now : PointInTime.parse(knownAt, "knownAt", now);
        StringBuilder csv = new StringBuilder("period,period_start,period_end,jurisdiction,platform,demands,"
                + "items_requested,items_complied,items_refused,items_outstanding,demands_without_item_count,"
                + "demands_withdrawn,items_complied_percent,claims,claims_disagreeing\n");
        for (DemandComplianceQueries.Subject subject : compliance.subjects(known)) {
            if ((jurisdiction != null && !jurisdiction.equals(subject.jurisdiction()))
                    || (platform != null && !platform.equals(subject.platform()))) {
                continue;
            }
            LocalDate start = halfYearStart(subject.first());
            while (!start.isAfter(subject.last())) {
                LocalDate end = start.plusMonths(6).minusDays(1);
                DemandCompliance period = compliance.platform(subject.platform(), subject.jurisdiction(), start, end,
                        known, known);
                DemandCompliance.Figures totals = period.totals();
                if (totals.demands() > 0 || !period.claims().isEmpty()) {
                    csv.append(start.getYear()).append(start.getMonthValue() == 1 ? "-H1" : "-H2").append(',')
                            .append(start).append(',').append(end).append(',').append(cell(subject.jurisdiction()))
                            .append(',').append(cell(subject.platform())).append(',').append(totals.demands())
                            .append(',').append(totals.itemsDemanded()).append(',').append(totals.itemsComplied())
                            .append(',').append(totals.itemsRefused()).append(',').append(totals.itemsOutstanding())
                            .append(',').append(totals.demandsWithoutItemCount()).append(',')
                            .append(period.withdrawn()).append(',').append(percent(totals)).append(',')
                            .append(period.claims().size()).append(',')
                            .append(period.claims().stream().filter(DemandCompliance.Claim::disagrees).count())
                            .append('\n');
                }
                start = start.plusMonths(6);
            }
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"transparency.csv\"")
                .body(csv.toString());
    }

    private static LocalDate halfYearStart(LocalDate date) {
        return LocalDate.of(date.getYear(), date.getMonthValue() <= 6 ? 1 : 7, 1);
    }

    /** Complied items as a share of the items requested, one decimal; empty when no count was requested. */
    private static String percent(DemandCompliance.Figures totals) {
        if (totals.itemsDemanded() == 0) {
            return "";
        }
        long tenths = (totals.itemsComplied() * 1000 + totals.itemsDemanded() / 2) / totals.itemsDemanded();
        return tenths / 10 + "." + tenths % 10;
    }

    /** A CSV cell: quoted when it holds a comma, quote or line break; a leading formula character is escaped. */
    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
