package org.disputeledger.demand.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.demand.ComplianceScope;

/** Record that the platform complied with a demand, fully or partly, actioning a number of items. */
public record ComplyWithDemand(@TargetAggregateIdentifier String demandId, ComplianceScope scope,
                               Long itemsActioned, Envelope envelope) implements LedgerCommand {

    public ComplyWithDemand {
        InvalidValueException.requireText(demandId, "demandId");
        InvalidValueException.requireValue(scope, "scope");
        if (itemsActioned != null && itemsActioned < 0) {
            throw new InvalidValueException("itemsActioned", "non-negative", "itemsActioned must not be negative");
        }
        InvalidValueException.requireValue(envelope, "envelope");
    }

    @Override
    public String streamId() {
        return demandId;
    }
}
