package org.disputeledger.sanction.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerCommand;

/** Record that the fine became final. */
public record EnterFineIntoForce(@TargetAggregateIdentifier String fineId, Envelope envelope)
        implements LedgerCommand {

    public EnterFineIntoForce {
        InvalidValueException.requireText(fineId, "fineId");
        InvalidValueException.requireValue(envelope, "envelope");
    }

    @Override
    public String streamId() {
        return fineId;
    }
}
