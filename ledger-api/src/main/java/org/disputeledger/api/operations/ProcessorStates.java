package org.disputeledger.api.operations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.disputeledger.api.infrastructure.CommittedTokens;
import org.disputeledger.api.infrastructure.ReadModelDefinition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What every read model's processor on this node is doing, read from memory (the processors' segment statuses) and
 * one query for the head of the store ({@code MAX(global_index)}), so health checks and scrapes stay cheap.
 */
@Component
public class ProcessorStates {

    /** How a processor is doing. */
    public enum State {
        RUNNING("running"), ERROR("error"), NOT_STARTED("not started");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One processor: its state, how many of its segments this node holds, the lowest global position any of its
     * segments has handled (those this node holds as they are in memory, the others as another node last committed
     * them; null before the first event), the head of the store (null when empty), and the lag: head minus position,
     * in events (global positions; a gap left by a rolled-back append counts as one).
     */
    public record ProcessorState(String processor, State state, int segments, Long position, Long head, long lag) {

        /** Whether this node's segments have handled everything up to the head (an empty store counts as caught up). */
        public boolean caughtUp() {
            return state != State.ERROR && (head == null || (position != null && position >= head));
        }

        /**
         * The same processor as far as another copy of its read model has got (a replica, whose committed token may
         * be behind this node's processor): that position against the same head.
         */
        public ProcessorState at(Long positionElsewhere) {
            return of(processor, state, segments, positionElsewhere, head);
        }

        static ProcessorState of(String processor, State state, int segments, Long position, Long head) {
            long lag = head == null ? 0 : Math.max(0, head - (position == null ? 0 : position));
            return new ProcessorState(processor, state, segments, position, head, lag);
        }
    }

    private final List<String> processors;
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final Serializer tokenSerializer;
    private final Map<String, Integer> segmentCounts = new ConcurrentHashMap<>();

    ProcessorStates(List<ReadModelDefinition> readModels, ObjectProvider<EventProcessingConfiguration> processing,
                    EventStore eventStore, JdbcTemplate jdbc, Serializer tokenSerializer) {
        this.processors = readModels.stream().map(ReadModelDefinition::name).sorted().toList();
        this.processing = processing;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.tokenSerializer = tokenSerializer;
    }

    public List<String> processors() {
        return processors;
    }

    /** The head of the store: its highest global position, or null when it holds no event. */
    public Long head() {
        TrackingToken token = eventStore.createHeadToken();
        OptionalLong position = token == null ? OptionalLong.empty() : token.position();
        return position.isPresent() ? position.getAsLong() : null;
    }

    /** Every processor, against one reading of the head. */
    public List<ProcessorState> all() {
        Long head = head();
        List<ProcessorState> states = new ArrayList<>();
        for (String processor : processors) {
            states.add(of(processor, head));
        }
        return states;
    }

    /** One processor against the head as it is now. */
    public ProcessorState of(String processor) {
        return of(processor, head());
    }

    /** One processor against the given head. */
    public ProcessorState of(String processor, Long head) {
        Optional<PooledStreamingEventProcessor> found = processing.getObject()
                .eventProcessor(processor, PooledStreamingEventProcessor.class);
        if (found.isEmpty()) {
            return ProcessorState.of(processor, State.NOT_STARTED, 0, null, head);
        }
        PooledStreamingEventProcessor eventProcessor = found.get();
        Map<Integer, EventTrackerStatus> segments = eventProcessor.processingStatus();
        boolean segmentError = false;
        Long position = null;
        for (EventTrackerStatus status : segments.values()) {
            segmentError |= status.isErrorState();
            OptionalLong current = status.getCurrentPosition();
            long at = current.isPresent() ? current.getAsLong() : 0;
            position = position == null ? at : Math.min(position, at);
        }
        if (segments.size() < segmentCounts.getOrDefault(processor, Integer.MAX_VALUE)) {
            Map<Integer, TrackingToken> all = CommittedTokens.of(jdbc, tokenSerializer, processor);
            if (!all.isEmpty()) {
                segmentCounts.put(processor, all.size());
            }
            for (Map.Entry<Integer, TrackingToken> committed : all.entrySet()) {
                if (!segments.containsKey(committed.getKey())) {
                    long at = CommittedTokens.position(committed.getValue());
                    position = position == null ? at : Math.min(position, at);
                }
            }
        }
        State state = state(eventProcessor.isRunning(), eventProcessor.isError(), segments.size(), segmentError);
        return ProcessorState.of(processor, state, segments.size(), position == null || position == 0 ? null : position,
                head);
    }

    /**
     * The state of a processor on this node. Axon flags a processor in error from a failure of its coordinator (a lost
     * database connection, say) until it has handled a batch again, which a node holding none of the processor's
     * segments never does: after a restart of the database the other nodes may have claimed every segment, and the
     * flag would stay up for good. So a coordinator's error counts only while this node holds a segment; a segment
     * whose batch failed always counts.
     */
    static State state(boolean running, boolean coordinatorError, int segmentsHeld, boolean segmentError) {
        if (segmentError || (coordinatorError && segmentsHeld > 0)) {
            return State.ERROR;
        }
        return running ? State.RUNNING : State.NOT_STARTED;
    }
}
