package org.disputeledger.api.support;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Hands the whole log to a read model again without resetting it, as a retried batch would: each of its handlers
 * sees events it has handled before, and must add nothing for them.
 */
public final class ReadModelReplay {

    private ReadModelReplay() {
    }

    /**
     * Stops the read model's processor, moves every one of its segments back to the start of the log, does what is
     * asked while it is stopped, and restarts it.
     */
    public static void fromTheStartWithoutReset(EventProcessingConfiguration processing, TokenStore tokens,
                                                EventStore eventStore, TransactionManager transactions,
                                                String processingGroup, Runnable whileStopped) {
        PooledStreamingEventProcessor processor = processing
                .eventProcessor(processingGroup, PooledStreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        transactions.executeInTransaction(() -> {
            for (int segment : tokens.fetchSegments(processingGroup)) {
                tokens.storeToken(eventStore.createTailToken(), processingGroup, segment);
            }
            whileStopped.run();
        });
        processor.start();
    }
}
