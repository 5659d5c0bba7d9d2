package org.disputeledger.sanction.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerCommand;

/** Record that the unpaid fine was passed to an enforcement service (such as FSSP) for collection. */
public record ReferFineForEnforcement(@TargetAggregateIdentifier String fineId, String to, Envelope envelope)
        implements LedgerCommand {

    public ReferFineForEnforcement {
        InvalidValueException.requireText(fineId, "fineId");
        InvalidValueException.requireText(to, "to");
        InvalidValueException.requireMaxLength(to, 300, "to");
        InvalidValueException.requireValue(envelope, "envelope");
    }

    @Override
    public String streamId() {
        return fineId;
    }
}
