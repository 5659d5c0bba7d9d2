package org.disputeledger.api.timeline;

import java.time.Clock;
import java.time.Instant;
import org.disputeledger.api.operations.ProcessorStates;
import org.disputeledger.api.replica.ReadModelReads;
import org.disputeledger.api.replica.ReadSource;
import org.disputeledger.api.web.PointInTime;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.Slug;
import org.disputeledger.projection.timeline.Timeline;
import org.disputeledger.projection.timeline.TimelineQueries;
import org.disputeledger.projection.timeline.TimelineRules.Cursor;
import org.disputeledger.projection.timeline.TimelineRules.Window;
import org.disputeledger.projection.timeline.TimelineRules;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The timeline of a platform, a legal entity or an account: the events that concern it, effective at or before
 * {@code at} and recorded at or before {@code knownAt} (each an ISO date, the end of that UTC day, or an ISO
 * instant; now by default), optionally within {@code from} and {@code to} (an ISO date is the start of that UTC day
 * for {@code from}, its end for {@code to}) and in one jurisdiction, in effective order then log order, a page of
 * at most {@code limit} entries after the cursor {@code after}. Every answer says how fresh the read model behind
 * it is; an unknown subject gets 200 with no entries.
 */
@RestController
class TimelineController {

    /**
     * How far the read model has got where the answer was read: the processor's position there against the head of
     * the store, and which database answered (a replica's lag is bounded by {@code ledger.read-replica.max-staleness}).
     */
    record Freshness(String processor, Long position, Long head, boolean caughtUp, Instant lastEntryRecordedAt,
                     ReadSource source) {
    }

    /** The subject of a timeline: a platform, a legal entity, or an account (platform and handle). */
    record Subject(String platform, String legalEntity, String account) {
    }

    record TimelineResponse(Subject subject, Instant at, Instant knownAt, Instant from, Instant to,
                            String jurisdiction, int limit, Timeline timeline, Freshness projection) {
    }

    private static final int MAX_HANDLE = 500;

    private final ReadModelReads<TimelineQueries> reads;
    private final Clock clock;

    TimelineController(ReadModelReads<TimelineQueries> reads, Clock clock) {
        this.reads = reads;
        this.clock = clock;
    }

    @GetMapping("/api/v1/platforms/{platform}/timeline")
    TimelineResponse platform(@PathVariable String platform, @RequestParam(required = false) String jurisdiction,
                              @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                              @RequestParam(required = false) String at,
                              @RequestParam(required = false) String knownAt,
                              @RequestParam(required = false) Integer limit,
                              @RequestParam(required = false) String after) {
        Slug.require(platform, "platform");
        Request request = request(jurisdiction, from, to, at, knownAt, limit, after);
        return reads.read((queries, served) -> {
            Freshness freshness = freshness(queries, served);
            return request.response(new Subject(platform, null, null),
                    queries.platform(platform, request.window(), request.after(), request.limit()), freshness);
        });
    }

    @GetMapping("/api/v1/entities/{legalEntity}/timeline")
    TimelineResponse legalEntity(@PathVariable String legalEntity,
                                 @RequestParam(required = false) String jurisdiction,
                                 @RequestParam(required = false) String from,
                                 @RequestParam(required = false) String to, @RequestParam(required = false) String at,
                                 @RequestParam(required = false) String knownAt,
                                 @RequestParam(required = false) Integer limit,
                                 @RequestParam(required = false) String after) {
        Slug.require(legalEntity, "legalEntity");
        Request request = request(jurisdiction, from, to, at, knownAt, limit, after);
        return reads.read((queries, served) -> {
            Freshness freshness = freshness(queries, served);
            return request.response(new Subject(null, legalEntity, null),
                    queries.legalEntity(legalEntity, request.window(), request.after(), request.limit()), freshness);
        });
    }

    @GetMapping("/api/v1/accounts/{platform}/{handle}")
    TimelineResponse account(@PathVariable String platform, @PathVariable String handle,
                             @RequestParam(required = false) String jurisdiction,
                             @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                             @RequestParam(required = false) String at, @RequestParam(required = false) String knownAt,
                             @RequestParam(required = false) Integer limit,
                             @RequestParam(required = false) String after) {
        Slug.require(platform, "platform");
        InvalidValueException.requireText(handle, "handle");
        InvalidValueException.requireMaxLength(handle, MAX_HANDLE, "handle");
        Request request = request(jurisdiction, from, to, at, knownAt, limit, after);
        return reads.read((queries, served) -> {
            Freshness freshness = freshness(queries, served);
            return request.response(new Subject(platform, null, handle),
                    queries.account(platform, handle, request.window(), request.after(), request.limit()), freshness);
        });
    }

    /** The parameters of a timeline, checked. */
    private record Request(Window window, Cursor after, int limit) {

        TimelineResponse response(Subject subject, Timeline timeline, Freshness freshness) {
            return new TimelineResponse(subject, window.at(), window.knownAt(), window.from(), window.to(),
                    window.jurisdiction(), limit, timeline, freshness);
        }
    }

    private Request request(String jurisdiction, String from, String to, String at, String knownAt, Integer limit,
                            String after) {
        if (jurisdiction != null) {
            Slug.jurisdiction(jurisdiction, "jurisdiction");
        }
        Instant now = clock.instant();
        Instant start = from == null || from.isBlank() ? null : PointInTime.startOf(from, "from");
        Instant end = to == null || to.isBlank() ? null : PointInTime.parse(to, "to", now);
        if (start != null && end != null && start.isAfter(end)) {
            throw new InvalidValueException("from", "from-after-to", "from must not be after to");
        }
        Window window = new Window(PointInTime.parse(at, "at", now), PointInTime.parse(knownAt, "knownAt", now),
                start, end, jurisdiction);
        Cursor cursor = after == null || after.isBlank() ? null : Cursor.read(after, "after");
        return new Request(window, cursor, TimelineRules.limit(limit, "limit"));
    }

    /** Read before the answer, from the same database, so the answer is at least as fresh as it says. */
    private static Freshness freshness(TimelineQueries queries, ReadModelReads.Served served) {
        ProcessorStates.ProcessorState current = served.progress();
        return new Freshness(current.processor(), current.position(), current.head(), current.caughtUp(),
                queries.lastRecordedAt(), served.source());
    }
}
