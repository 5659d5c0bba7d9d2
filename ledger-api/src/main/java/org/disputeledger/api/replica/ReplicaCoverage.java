package org.disputeledger.api.replica;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Up to which moment of the primary's history a replica is known to be complete. Each check samples the primary's
 * WAL position (after taking the time, so every commit before that time lies at or below it) and then the position
 * the replica has replayed: once the replica has replayed past a sample, it holds every transaction the primary had
 * committed at the sample's time. WAL positions rather than replay timestamps, because the latter stand still while
 * the primary is idle and would make a complete replica look stale.
 */
final class ReplicaCoverage {

    /** Samples not yet covered are kept for a bounded time: dropping the oldest only makes the coverage older. */
    static final int MAX_PENDING = 1_000;

    private record Sample(Instant at, long primaryPosition) {
    }

    private final Deque<Sample> pending = new ArrayDeque<>();
    private Instant coveredAt;

    /** One check: the primary's WAL position at {@code sampledAt}, then the position the replica has replayed. */
    synchronized void observe(Instant sampledAt, long primaryPosition, long replayedPosition) {
        pending.addLast(new Sample(sampledAt, primaryPosition));
        if (pending.size() > MAX_PENDING) {
            pending.removeFirst();
        }
        while (!pending.isEmpty() && pending.peekFirst().primaryPosition() <= replayedPosition) {
            Instant at = pending.removeFirst().at();
            if (coveredAt == null || at.isAfter(coveredAt)) {
                coveredAt = at;
            }
        }
    }

    /** The latest time at which the replica is known to hold everything the primary had committed; null: unknown. */
    synchronized Instant coveredAt() {
        return coveredAt;
    }
}
