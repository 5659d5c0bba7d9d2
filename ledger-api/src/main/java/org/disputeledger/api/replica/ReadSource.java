package org.disputeledger.api.replica;

import java.time.Duration;

/**
 * Which database an answer was read from: {@code primary}, or {@code replica} with {@code lagSeconds}, the bound on
 * how far behind the primary it was: the replica held every transaction the primary had committed that many seconds
 * before the answer was read (never more than the configured {@code max-staleness}). 0 on the primary.
 */
public record ReadSource(String database, double lagSeconds) {

    public static final ReadSource PRIMARY = new ReadSource("primary", 0);

    static ReadSource replica(Duration lag) {
        return new ReadSource("replica", lag.toMillis() / 1000.0);
    }
}
