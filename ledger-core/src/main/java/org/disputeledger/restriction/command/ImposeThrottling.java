package org.disputeledger.restriction.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.common.Slug;
import org.disputeledger.restriction.ServiceAccessStreams;
import org.disputeledger.restriction.ThrottlingScope;

/** Record that an authority began slowing a service down over a scope of mobile and fixed-line connections. */
public record ImposeThrottling(String jurisdiction, String service, String restrictionId, String authority,
                               String legalBasis, ThrottlingScope scope, Envelope envelope) implements LedgerCommand {

    public ImposeThrottling {
        Slug.jurisdiction(jurisdiction, "jurisdiction");
        Slug.require(service, "service");
        InvalidValueException.requireText(restrictionId, "restrictionId");
        InvalidValueException.requireMaxLength(restrictionId, 100, "restrictionId");
        InvalidValueException.requireText(authority, "authority");
        InvalidValueException.requireMaxLength(authority, 300, "authority");
        InvalidValueException.requireMaxLength(legalBasis, 300, "legalBasis");
        InvalidValueException.requireValue(scope, "scope");
        InvalidValueException.requireValue(envelope, "envelope");
    }

    @Override
    @TargetAggregateIdentifier
    public String streamId() {
        return ServiceAccessStreams.id(jurisdiction, service);
    }
}
