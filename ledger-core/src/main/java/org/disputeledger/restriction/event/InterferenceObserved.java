package org.disputeledger.restriction.event;

import org.axonframework.serialization.Revision;
import org.disputeledger.common.Envelope;
import org.disputeledger.restriction.ObservedState;

/**
 * An observer measured how reachable the service really was, by a technique of interference (null when none
 * or not stated): the de facto state, whatever was ordered.
 */
@Revision("1")
public record InterferenceObserved(String jurisdiction, String service, String observationId, String observer,
                                   ObservedState observedState, String technique, Envelope envelope)
        implements ServiceAccessEvent {
}
