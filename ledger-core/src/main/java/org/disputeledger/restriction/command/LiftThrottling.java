package org.disputeledger.restriction.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.common.Slug;
import org.disputeledger.restriction.ServiceAccessStreams;

/** Record that a throttling in force ended. */
public record LiftThrottling(String jurisdiction, String service, String restrictionId, Envelope envelope)
        implements LedgerCommand {

    public LiftThrottling {
        Slug.jurisdiction(jurisdiction, "jurisdiction");
        Slug.require(service, "service");
        InvalidValueException.requireText(restrictionId, "restrictionId");
        InvalidValueException.requireMaxLength(restrictionId, 100, "restrictionId");
        InvalidValueException.requireValue(envelope, "envelope");
    }

    @Override
    @TargetAggregateIdentifier
    public String streamId() {
        return ServiceAccessStreams.id(jurisdiction, service);
    }
}
