package org.disputeledger.api.audit;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.StampedLock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The fence on the embedded database, which only this process writes: a read stamp per appending transaction,
 * given back when the transaction completes (committed or not); the sealer takes the write lock for an instant.
 */
final class InProcessSealFence implements SealFence {

    private final StampedLock lock = new StampedLock();
    private final JdbcTemplate jdbc;
    private final long timeoutMillis;

    InProcessSealFence(JdbcTemplate jdbc, Duration timeout) {
        this.jdbc = jdbc;
        this.timeoutMillis = timeout.toMillis();
    }

    @Override
    public void appending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("events are appended only inside a transaction");
        }
        long stamp = lock.readLock();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                lock.unlockRead(stamp);
            }
        });
    }

    @Override
    public OptionalLong horizon() {
        long stamp;
        try {
            stamp = lock.tryWriteLock(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
        if (stamp == 0) {
            return OptionalLong.empty();
        }
        try {
            Long horizon = jdbc.queryForObject("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry",
                    Long.class);
            return OptionalLong.of(horizon == null ? 0 : horizon);
        } finally {
            lock.unlockWrite(stamp);
        }
    }
}
