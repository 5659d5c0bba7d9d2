package org.disputeledger.demand.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerCommand;

/** Record that the authority withdrew a demand. */
public record WithdrawDemand(@TargetAggregateIdentifier String demandId, Envelope envelope) implements LedgerCommand {

    public WithdrawDemand {
        InvalidValueException.requireText(demandId, "demandId");
        InvalidValueException.requireValue(envelope, "envelope");
    }

    @Override
    public String streamId() {
        return demandId;
    }
}
