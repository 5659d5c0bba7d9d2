package org.disputeledger.restriction.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.common.Slug;
import org.disputeledger.restriction.ObservedState;
import org.disputeledger.restriction.ServiceAccessStreams;

/** Record what an observer measured of a service's reachability, whether or not anything was ordered. */
public record ObserveInterference(String jurisdiction, String service, String observationId, String observer,
                                  ObservedState observedState, String technique, Envelope envelope)
        implements LedgerCommand {

    public ObserveInterference {
        Slug.jurisdiction(jurisdiction, "jurisdiction");
        Slug.require(service, "service");
        InvalidValueException.requireText(observationId, "observationId");
        InvalidValueException.requireMaxLength(observationId, 100, "observationId");
        InvalidValueException.requireText(observer, "observer");
        InvalidValueException.requireMaxLength(observer, 300, "observer");
        InvalidValueException.requireValue(observedState, "observedState");
        InvalidValueException.requireMaxLength(technique, 300, "technique");
        InvalidValueException.requireValue(envelope, "envelope");
    }

    @Override
    @TargetAggregateIdentifier
    public String streamId() {
        return ServiceAccessStreams.id(jurisdiction, service);
    }
}
