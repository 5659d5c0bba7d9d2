package org.disputeledger.api.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.disputeledger.api.operations.ProcessorStates.State;
import org.junit.jupiter.api.Test;

class ProcessorStatesTest {

    @Test
    void aFailedBatchOfAHeldSegmentIsAnError() {
        assertThat(ProcessorStates.state(true, false, 2, true)).isEqualTo(State.ERROR);
    }

    @Test
    void aCoordinatorInErrorIsAnErrorWhileItHoldsSegments() {
        assertThat(ProcessorStates.state(true, true, 1, false)).isEqualTo(State.ERROR);
    }

    @Test
    void aCoordinatorErrorOfANodeHoldingNoSegmentIsNotAnError() {
        assertThat(ProcessorStates.state(true, true, 0, false))
                .as("the other nodes took every segment while the database was down").isEqualTo(State.RUNNING);
    }

    @Test
    void aProcessorNotRunningWithoutErrorIsNotStarted() {
        assertThat(ProcessorStates.state(false, false, 0, false)).isEqualTo(State.NOT_STARTED);
        assertThat(ProcessorStates.state(true, false, 0, false)).isEqualTo(State.RUNNING);
    }
}
