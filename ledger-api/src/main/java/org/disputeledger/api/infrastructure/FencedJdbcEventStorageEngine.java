package org.disputeledger.api.infrastructure;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.disputeledger.api.audit.SealFence;

/** Axon's JDBC storage engine, passing the seal fence in the transaction of every append. */
final class FencedJdbcEventStorageEngine extends JdbcEventStorageEngine {

    private final SealFence fence;

    FencedJdbcEventStorageEngine(Builder builder, SealFence fence) {
        super(builder);
        this.fence = fence;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (!events.isEmpty()) {
            fence.appending();
        }
        super.appendEvents(events, serializer);
    }
}
