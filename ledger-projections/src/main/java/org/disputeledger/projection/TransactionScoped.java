package org.disputeledger.projection;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A value that lives as long as the current Spring transaction: made on first use, handed to {@code beforeCommit}
 * just before the transaction commits, and dropped when it ends, however it ends.
 */
public final class TransactionScoped {

    private TransactionScoped() {
    }

    /** The value bound to the current transaction under {@code key}; null when no transaction is active. */
    public static <T> T get(Object key, Supplier<T> create) {
        return get(key, create, value -> {
        });
    }

    /** The same, handing the value to {@code beforeCommit} just before the transaction commits. */
    public static <T> T get(Object key, Supplier<T> create, Consumer<T> beforeCommit) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        @SuppressWarnings("unchecked")
        T bound = (T) TransactionSynchronizationManager.getResource(key);
        if (bound != null) {
            return bound;
        }
        T fresh = create.get();
        TransactionSynchronizationManager.bindResource(key, fresh);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                beforeCommit.accept(fresh);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }
        });
        return fresh;
    }
}
