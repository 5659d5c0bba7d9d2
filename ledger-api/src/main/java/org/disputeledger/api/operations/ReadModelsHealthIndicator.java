package org.disputeledger.api.operations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.disputeledger.api.operations.ProcessorStates.ProcessorState;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health of the read side ({@code readModels} in {@code /actuator/health}): per processor its state, position, the
 * head of the store and the lag in events. A processor in error is DOWN: it retries its failing batch with back-off
 * and will not move past it until the cause is fixed, so its read model stays behind the log for good; that is a
 * failure of this node, not a deliberate withdrawal (which is what OUT_OF_SERVICE means). A processor that is merely
 * behind (catching up after a start or a burst of writes) is UP, its lag in the details; answers carry their own
 * freshness. A processor not started yet (the application is still starting) is UNKNOWN. {@code segments} is how many
 * of the processor's segments this node holds; the position and lag cover all of them, wherever they are held.
 */
@Component("readModels")
public class ReadModelsHealthIndicator implements HealthIndicator {

    private final ProcessorStates states;

    ReadModelsHealthIndicator(ProcessorStates states) {
        this.states = states;
    }

    @Override
    public Health health() {
        return healthOf(states.all());
    }

    static Health healthOf(List<ProcessorState> processors) {
        boolean error = processors.stream().anyMatch(p -> p.state() == ProcessorStates.State.ERROR);
        boolean notStarted = processors.stream().anyMatch(p -> p.state() == ProcessorStates.State.NOT_STARTED);
        Health.Builder health = error ? Health.down() : notStarted ? Health.unknown() : Health.up();
        Long head = processors.isEmpty() ? null : processors.get(0).head();
        health.withDetail("head", head == null ? 0 : head);
        Map<String, Object> details = new LinkedHashMap<>();
        for (ProcessorState processor : processors) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("state", processor.state().label());
            detail.put("segments", processor.segments());
            detail.put("position", processor.position() == null ? 0 : processor.position());
            detail.put("head", processor.head() == null ? 0 : processor.head());
            detail.put("lag", processor.lag());
            details.put(processor.processor(), detail);
        }
        return health.withDetail("processors", details).build();
    }
}
