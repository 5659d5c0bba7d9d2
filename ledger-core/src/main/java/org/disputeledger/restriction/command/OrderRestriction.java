package org.disputeledger.restriction.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.common.Slug;
import org.disputeledger.restriction.ServiceAccessStreams;

/** Record that a court or prosecutor ordered a measure, such as a block, against a service. */
public record OrderRestriction(String jurisdiction, String service, String orderId, String authority, String measure,
                               String legalBasis, Envelope envelope) implements LedgerCommand {

    public OrderRestriction {
        Slug.jurisdiction(jurisdiction, "jurisdiction");
        Slug.require(service, "service");
        InvalidValueException.requireText(orderId, "orderId");
        InvalidValueException.requireMaxLength(orderId, 100, "orderId");
        InvalidValueException.requireText(authority, "authority");
        InvalidValueException.requireMaxLength(authority, 300, "authority");
        InvalidValueException.requireText(measure, "measure");
        InvalidValueException.requireMaxLength(measure, 300, "measure");
        InvalidValueException.requireMaxLength(legalBasis, 300, "legalBasis");
        InvalidValueException.requireValue(envelope, "envelope");
    }

    @Override
    @TargetAggregateIdentifier
    public String streamId() {
        return ServiceAccessStreams.id(jurisdiction, service);
    }
}
