package org.disputeledger.api.audit;

import java.time.Duration;
import java.util.OptionalLong;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The fence on PostgreSQL is an advisory lock: migration V11 makes every insert into the event store take it
 * shared for its transaction, on every node and for any client, and the sealer takes it exclusively with a short
 * lock timeout. Holding it, no append is in flight, so the maximum global position then committed is a horizon.
 */
final class PostgresSealFence implements SealFence {

    /** The key of migration V11: 'LEDG' in the high half, 1 in the low. */
    static final long KEY = (0x4C454447L << 32) | 1;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final long timeoutMillis;

    PostgresSealFence(JdbcTemplate jdbc, TransactionTemplate transactions, Duration timeout) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.timeoutMillis = timeout.toMillis();
    }

    @Override
    public void appending() {
        // the trigger of migration V11 takes the lock in the database itself
    }

    @Override
    public OptionalLong horizon() {
        try {
            Long horizon = transactions.execute(status -> {
                jdbc.execute("SET LOCAL lock_timeout = " + timeoutMillis);
                jdbc.queryForObject("SELECT pg_advisory_xact_lock(" + KEY + ")::text", String.class);
                return jdbc.queryForObject("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry",
                        Long.class);
            });
            return horizon == null ? OptionalLong.empty() : OptionalLong.of(horizon);
        } catch (DataAccessException lockNotAvailable) {
            return OptionalLong.empty();
        }
    }
}
