package org.disputeledger.sanction.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerCommand;

/** Record that a bailiff service opened enforcement proceedings on the fine, a number of them when stated. */
public record OpenEnforcementProceeding(@TargetAggregateIdentifier String fineId, String bailiffService,
                                        Integer proceedings, Envelope envelope) implements LedgerCommand {

    public OpenEnforcementProceeding {
        InvalidValueException.requireText(fineId, "fineId");
        InvalidValueException.requireText(bailiffService, "bailiffService");
        InvalidValueException.requireMaxLength(bailiffService, 300, "bailiffService");
        if (proceedings != null && proceedings < 1) {
            throw new InvalidValueException("proceedings", "positive", "proceedings must be at least 1 when stated");
        }
        InvalidValueException.requireValue(envelope, "envelope");
    }

    @Override
    public String streamId() {
        return fineId;
    }
}
