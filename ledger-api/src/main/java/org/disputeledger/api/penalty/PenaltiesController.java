package org.disputeledger.api.penalty;

import java.time.Clock;
import java.time.Instant;
import org.disputeledger.api.operations.ProcessorStates;
import org.disputeledger.api.replica.ReadModelReads;
import org.disputeledger.api.replica.ReadSource;
import org.disputeledger.api.web.PointInTime;
import org.disputeledger.common.Slug;
import org.disputeledger.projection.penalty.PenaltyTotals;
import org.disputeledger.projection.penalty.PenaltyTotalsQueries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The fines of a legal entity per currency at a point of effective time ({@code at}), as the ledger knew them at a
 * point of recorded time ({@code knownAt}), beside the latest total someone reported. Each accepts an ISO date (the
 * end of that UTC day) or an ISO instant, and defaults to now. Every answer says how fresh the read model behind it
 * is; an entity the ledger knows no fine of gets 200 with no currencies.
 */
@RestController
class PenaltiesController {

    /**
     * How far the read model has got where the answer was read: the processor's position there against the head of
     * the store, and which database answered (a replica's lag is bounded by {@code ledger.read-replica.max-staleness}).
     */
    record Freshness(String processor, Long position, Long head, boolean caughtUp, Instant lastFactRecordedAt,
                     ReadSource source) {
    }

    record PenaltiesResponse(Instant at, Instant knownAt, PenaltyTotals penalties, Freshness projection) {
    }

    private final ReadModelReads<PenaltyTotalsQueries> reads;
    private final Clock clock;

    PenaltiesController(ReadModelReads<PenaltyTotalsQueries> reads, Clock clock) {
        this.reads = reads;
        this.clock = clock;
    }

    @GetMapping("/api/v1/entities/{legalEntity}/penalties")
    PenaltiesResponse penalties(@PathVariable String legalEntity, @RequestParam(required = false) String at,
                                @RequestParam(required = false) String knownAt) {
        Slug.require(legalEntity, "legalEntity");
        Instant now = clock.instant();
        Instant effective = PointInTime.parse(at, "at", now);
        Instant known = PointInTime.parse(knownAt, "knownAt", now);
        return reads.read((queries, served) -> {
            Freshness freshness = freshness(queries, served);
            return new PenaltiesResponse(effective, known, queries.legalEntity(legalEntity, effective, known),
                    freshness);
        });
    }

    /** Read before the answer, from the same database, so the answer is at least as fresh as it says. */
    private static Freshness freshness(PenaltyTotalsQueries queries, ReadModelReads.Served served) {
        ProcessorStates.ProcessorState current = served.progress();
        return new Freshness(current.processor(), current.position(), current.head(), current.caughtUp(),
                queries.lastRecordedAt(), served.source());
    }
}
