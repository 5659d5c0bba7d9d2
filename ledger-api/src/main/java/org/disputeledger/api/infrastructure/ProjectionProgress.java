package org.disputeledger.api.infrastructure;

import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** How far a streaming processor of this node has got in the event store, against the head of the store. */
@Component
public class ProjectionProgress {

    /**
     * The lowest global position the processor's segments on this node have handled (null when none is claimed
     * here yet), the head of the store (null when it is empty), and whether every segment has reached the head.
     */
    public record Progress(String processor, Long position, Long head, boolean caughtUp) {
    }

    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final EventStore eventStore;

    ProjectionProgress(ObjectProvider<EventProcessingConfiguration> processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    public Progress of(String processorName) {
        TrackingToken headToken = eventStore.createHeadToken();
        OptionalLong headPosition = headToken == null ? OptionalLong.empty() : headToken.position();
        Long head = headPosition.isPresent() ? headPosition.getAsLong() : null;
        Map<Integer, EventTrackerStatus> segments = processing.getObject()
                .eventProcessor(processorName, PooledStreamingEventProcessor.class)
                .map(PooledStreamingEventProcessor::processingStatus).orElse(Map.of());
        Long position = null;
        boolean caughtUp = !segments.isEmpty() || head == null;
        for (EventTrackerStatus status : segments.values()) {
            OptionalLong current = status.getCurrentPosition();
            long at = current.isPresent() ? current.getAsLong() : -1;
            position = position == null ? at : Math.min(position, at);
            caughtUp &= !status.isErrorState() && (head == null || at >= head);
        }
        return new Progress(processorName, position != null && position < 0 ? null : position, head, caughtUp);
    }
}
