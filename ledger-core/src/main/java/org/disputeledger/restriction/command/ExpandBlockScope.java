package org.disputeledger.restriction.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.common.Slug;
import org.disputeledger.restriction.ServiceAccessStreams;

/** Record that a block in force was widened, to a number of network addresses in all and/or as described. */
public record ExpandBlockScope(String jurisdiction, String service, String restrictionId, Long addressesBlocked,
                               String description, Envelope envelope) implements LedgerCommand {

    public ExpandBlockScope {
        Slug.jurisdiction(jurisdiction, "jurisdiction");
        Slug.require(service, "service");
        InvalidValueException.requireText(restrictionId, "restrictionId");
        InvalidValueException.requireMaxLength(restrictionId, 100, "restrictionId");
        if (addressesBlocked != null && addressesBlocked < 0) {
            throw new InvalidValueException("addressesBlocked", "non-negative",
                    "addressesBlocked must not be negative");
        }
        if (description != null && description.isBlank()) {
            description = null;
        }
        InvalidValueException.requireMaxLength(description, 2000, "description");
        if (addressesBlocked == null && description == null) {
            throw new InvalidValueException("addressesBlocked", "scope-stated",
                    "an expansion must state addressesBlocked or a description");
        }
        InvalidValueException.requireValue(envelope, "envelope");
    }

    @Override
    @TargetAggregateIdentifier
    public String streamId() {
        return ServiceAccessStreams.id(jurisdiction, service);
    }
}
