package org.disputeledger.sanction.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerCommand;

/** Record that the fine was appealed, by an appellant when stated. */
public record AppealFine(@TargetAggregateIdentifier String fineId, String appellant, Envelope envelope)
        implements LedgerCommand {

    public AppealFine {
        InvalidValueException.requireText(fineId, "fineId");
        InvalidValueException.requireMaxLength(appellant, 300, "appellant");
        InvalidValueException.requireValue(envelope, "envelope");
    }

    @Override
    public String streamId() {
        return fineId;
    }
}
