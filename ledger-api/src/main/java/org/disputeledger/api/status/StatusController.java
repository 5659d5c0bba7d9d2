package org.disputeledger.api.status;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.disputeledger.api.operations.ProcessorStates;
import org.disputeledger.api.replica.ReadModelReads;
import org.disputeledger.api.replica.ReadSource;
import org.disputeledger.api.web.PointInTime;
import org.disputeledger.common.Slug;
import org.disputeledger.projection.status.PlatformStatus;
import org.disputeledger.projection.status.PlatformStatusQueries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The status of platforms in a jurisdiction at a point of effective time ({@code at}), as the ledger knew it at a
 * point of recorded time ({@code knownAt}). Each accepts an ISO date (the end of that UTC day) or an ISO instant,
 * and defaults to now. Every answer says how fresh the read model behind it is.
 */
@RestController
class StatusController {

    /**
     * How far the read model has got where the answer was read: the processor's position there against the head of
     * the store, and which database answered (a replica's lag is bounded by {@code ledger.read-replica.max-staleness}).
     */
    record Freshness(String processor, Long position, Long head, boolean caughtUp, Instant lastFactRecordedAt,
                     ReadSource source) {
    }

    record PlatformStatusResponse(Instant at, Instant knownAt, PlatformStatus status, Freshness projection) {
    }

    record JurisdictionStatusResponse(String jurisdiction, Instant at, Instant knownAt,
                                      List<PlatformStatus> platforms, Freshness projection) {
    }

    private final ReadModelReads<PlatformStatusQueries> reads;
    private final Clock clock;

    StatusController(ReadModelReads<PlatformStatusQueries> reads, Clock clock) {
        this.reads = reads;
        this.clock = clock;
    }

    @GetMapping("/api/v1/platforms/{platform}/status")
    PlatformStatusResponse platform(@PathVariable String platform, @RequestParam String jurisdiction,
                                    @RequestParam(required = false) String at,
                                    @RequestParam(required = false) String knownAt) {
        Slug.require(platform, "platform");
        Slug.jurisdiction(jurisdiction, "jurisdiction");
        Instant now = clock.instant();
        Instant effective = PointInTime.parse(at, "at", now);
        Instant known = PointInTime.parse(knownAt, "knownAt", now);
        return reads.read((queries, served) -> {
            Freshness freshness = freshness(queries, served);
            return new PlatformStatusResponse(effective, known,
                    queries.platform(jurisdiction, platform, effective, known), freshness);
        });
    }

    @GetMapping("/api/v1/status")
    JurisdictionStatusResponse jurisdiction(@RequestParam String jurisdiction,
                                            @RequestParam(required = false) String at,
                                            @RequestParam(required = false) String knownAt) {
        Slug.jurisdiction(jurisdiction, "jurisdiction");
        Instant now = clock.instant();
        Instant effective = PointInTime.parse(at, "at", now);
        Instant known = PointInTime.parse(knownAt, "knownAt", now);
        return reads.read((queries, served) -> {
            Freshness freshness = freshness(queries, served);
            return new JurisdictionStatusResponse(jurisdiction, effective, known,
                    queries.jurisdiction(jurisdiction, effective, known), freshness);
        });
    }

    /** Read before the answer, from the same database, so the answer is at least as fresh as it says. */
    private static Freshness freshness(PlatformStatusQueries queries, ReadModelReads.Served served) {
        ProcessorStates.ProcessorState current = served.progress();
        return new Freshness(current.processor(), current.position(), current.head(), current.caughtUp(),
                queries.lastRecordedAt(), served.source());
    }
}
