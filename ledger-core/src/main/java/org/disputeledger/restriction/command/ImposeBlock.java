package org.disputeledger.restriction.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.common.Slug;
import org.disputeledger.restriction.ServiceAccessStreams;

/** Record that an authority made a service unreachable, by a method if known. */
public record ImposeBlock(String jurisdiction, String service, String restrictionId, String authority,
                          String legalBasis, String method, Envelope envelope) implements LedgerCommand {

    public ImposeBlock {
        Slug.jurisdiction(jurisdiction, "jurisdiction");
        Slug.require(service, "service");
        InvalidValueException.requireText(restrictionId, "restrictionId");
        InvalidValueException.requireMaxLength(restrictionId, 100, "restrictionId");
        InvalidValueException.requireText(authority, "authority");
        InvalidValueException.requireMaxLength(authority, 300, "authority");
        InvalidValueException.requireMaxLength(legalBasis, 300, "legalBasis");
        InvalidValueException.requireMaxLength(method, 300, "method");
        InvalidValueException.requireValue(envelope, "envelope");
    }

    @Override
    @TargetAggregateIdentifier
    public String streamId() {
        return ServiceAccessStreams.id(jurisdiction, service);
    }
}
