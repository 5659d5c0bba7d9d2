package org.disputeledger.restriction.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.common.Slug;
import org.disputeledger.restriction.ServiceAccessStreams;
import org.disputeledger.restriction.ThrottlingScope;

/** Record that a throttling in force now covers a different scope of connections. */
public record ChangeThrottlingScope(String jurisdiction, String service, String restrictionId, ThrottlingScope scope,
                                    Envelope envelope) implements LedgerCommand {

    public ChangeThrottlingScope {
        Slug.jurisdiction(jurisdiction, "jurisdiction");
        Slug.require(service, "service");
        InvalidValueException.requireText(restrictionId, "restrictionId");
        InvalidValueException.requireMaxLength(restrictionId, 100, "restrictionId");
        InvalidValueException.requireValue(scope, "scope");
        if (!scope.isStated()) {
            throw new InvalidValueException("scope", "scope-stated",
                    "a changed scope must state a percentage or a description");
        }
        InvalidValueException.requireValue(envelope, "envelope");
    }

    @Override
    @TargetAggregateIdentifier
    public String streamId() {
        return ServiceAccessStreams.id(jurisdiction, service);
    }
}
