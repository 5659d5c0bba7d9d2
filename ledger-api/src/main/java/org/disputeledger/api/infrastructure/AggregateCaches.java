package org.disputeledger.api.infrastructure;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.common.caching.Cache;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One aggregate cache per aggregate type, so a hot stream is not replayed on every command. A cached aggregate
 * must never be ahead of the store: when the transaction a command ran in does not commit (whatever rolled it
 * back, before or after Axon's unit of work), the stream is evicted from every cache.
 */
public class AggregateCaches {

    private final Map<Class<?>, Cache> caches = new ConcurrentHashMap<>();
    private final int capacity;

    /** @param capacity how many aggregates of each type stay in memory, the least recently used leaving first */
    public AggregateCaches(int capacity) {
        this.capacity = capacity;
    }

    public Cache forType(Class<?> aggregateType) {
        return caches.computeIfAbsent(aggregateType, type -> new BoundedCache(capacity));
    }

    /** Evicts the streams from every cache unless the current Spring transaction commits. */
    public void evictUnlessCommitted(List<String> streamIds) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    evict(streamIds);
                }
            }
        });
    }

    public void evict(List<String> streamIds) {
        caches.values().forEach(cache -> streamIds.forEach(cache::remove));
    }
}
