package org.disputeledger.demand.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerCommand;

/** Record that the platform refused a demand, or some of its items. */
public record RefuseDemand(@TargetAggregateIdentifier String demandId, Long itemsRefused, String reason,
                           Envelope envelope) implements LedgerCommand {

    public RefuseDemand {
        InvalidValueException.requireText(demandId, "demandId");
        if (itemsRefused != null && itemsRefused < 0) {
            throw new InvalidValueException("itemsRefused", "non-negative", "itemsRefused must not be negative");
        }
        InvalidValueException.requireMaxLength(reason, 2000, "reason");
        InvalidValueException.requireValue(envelope, "envelope");
    }

    @Override
    public String streamId() {
        return demandId;
    }
}
