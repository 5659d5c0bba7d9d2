package org.disputeledger.api.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.disputeledger.api.operations.ProcessorStates.ProcessorState;
import org.disputeledger.api.operations.ProcessorStates.State;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class ReadModelsHealthIndicatorTest {

    @Test
    void processorsThatAreMerelyBehindAreUpWithTheirLag() {
        Health health = ReadModelsHealthIndicator.healthOf(List.of(
                ProcessorState.of("platform-status", State.RUNNING, 1, 40L, 100L),
                ProcessorState.of("timeline", State.RUNNING, 1, 100L, 100L)));

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("head", 100L);
        assertThat(processor(health, "platform-status")).containsEntry("state", "running")
                .containsEntry("segments", 1)
                .containsEntry("position", 40L).containsEntry("head", 100L).containsEntry("lag", 60L);
        assertThat(processor(health, "timeline")).containsEntry("lag", 0L);
    }

    @Test
    void aProcessorInErrorMakesTheReadSideDown() {
        Health health = ReadModelsHealthIndicator.healthOf(List.of(
                ProcessorState.of("platform-status", State.ERROR, 1, 7L, 9L),
                ProcessorState.of("timeline", State.RUNNING, 1, 9L, 9L)));

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(processor(health, "platform-status")).containsEntry("state", "error").containsEntry("lag", 2L);
    }

    @Test
    void aProcessorNotStartedIsUnknownAndAnEmptyStoreHasNoLag() {
        Health health = ReadModelsHealthIndicator.healthOf(List.of(
                ProcessorState.of("platform-status", State.NOT_STARTED, 0, null, null)));

        assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat(processor(health, "platform-status")).containsEntry("state", "not started")
                .containsEntry("position", 0L).containsEntry("head", 0L).containsEntry("lag", 0L);
    }

    @Test
    void aProcessorThatHandledNothingLagsByTheWholeStore() {
        assertThat(ProcessorState.of("timeline", State.RUNNING, 1, null, 12L).lag()).isEqualTo(12);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> processor(Health health, String name) {
        return ((Map<String, Map<String, Object>>) health.getDetails().get("processors")).get(name);
    }
}
