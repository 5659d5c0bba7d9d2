package org.disputeledger.api.compliance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.disputeledger.api.operations.ProcessorStates;
import org.disputeledger.api.replica.ReadModelReads;
import org.disputeledger.api.replica.ReadSource;
import org.disputeledger.api.web.PointInTime;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.Slug;
import org.disputeledger.projection.compliance.DemandCompliance;
import org.disputeledger.projection.compliance.DemandComplianceQueries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demands made of a platform in a jurisdiction and issued in a period ({@code from}, {@code to}: ISO dates,
 * inclusive, each optional), and how far it complied, at a point of effective time ({@code at}), as the ledger
 * knew them at a point of recorded time ({@code knownAt}); beside them, the claims about its compliance stated in
 * the period. {@code at} and {@code knownAt} each accept an ISO date (the end of that UTC day) or an ISO instant,
 * and default to now. Every answer says how fresh the read model behind it is; a platform the ledger knows no
 * demand or claim of gets 200 with none.
 */
@RestController
class ComplianceController {

    /**
     * How far the read model has got where the answer was read: the processor's position there against the head of
     * the store, and which database answered (a replica's lag is bounded by {@code ledger.read-replica.max-staleness}).
     */
    record Freshness(String processor, Long position, Long head, boolean caughtUp, Instant lastFactRecordedAt,
                     ReadSource source) {
    }

    record ComplianceResponse(Instant at, Instant knownAt, DemandCompliance compliance, Freshness projection) {
    }

    private final ReadModelReads<DemandComplianceQueries> reads;
    private final Clock clock;

    ComplianceController(ReadModelReads<DemandComplianceQueries> reads, Clock clock) {
        this.reads = reads;
        this.clock = clock;
    }

    @GetMapping("/api/v1/platforms/{platform}/compliance")
    ComplianceResponse compliance(@PathVariable String platform, @RequestParam String jurisdiction,
                                  @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to,
                                  @RequestParam(required = false) String at,
                                  @RequestParam(required = false) String knownAt) {
        Slug.require(platform, "platform");
        Slug.jurisdiction(jurisdiction, "jurisdiction");
        LocalDate first = date(from, "from");
        LocalDate last = date(to, "to");
        if (first != null && last != null && last.isBefore(first)) {
            throw new InvalidValueException("to", "not-before-from", "to must not be before from");
        }
        Instant now = clock.instant();
        Instant effective = PointInTime.parse(at, "at", now);
        Instant known = PointInTime.parse(knownAt, "knownAt", now);
        return reads.read((queries, served) -> {
            Freshness freshness = freshness(queries, served);
            return new ComplianceResponse(effective, known,
                    queries.platform(platform, jurisdiction, first, last, effective, known), freshness);
        });
    }

    /** A bound of the period: an ISO date, or none. */
    private static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw invalidDate(field);
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw invalidDate(field);
        }
    }

    private static InvalidValueException invalidDate(String field) {
        return new InvalidValueException(field, "iso-date", field + " must be an ISO date such as 2021-03-15");
    }

    /** Read before the answer, from the same database, so the answer is at least as fresh as it says. */
    private static Freshness freshness(DemandComplianceQueries queries, ReadModelReads.Served served) {
        ProcessorStates.ProcessorState current = served.progress();
        return new Freshness(current.processor(), current.position(), current.head(), current.caughtUp(),
                queries.lastRecordedAt(), served.source());
    }
}
