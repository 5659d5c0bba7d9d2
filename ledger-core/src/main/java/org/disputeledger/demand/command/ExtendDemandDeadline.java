package org.disputeledger.demand.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerCommand;

/** Record that the authority moved a demand's deadline to a later date. */
public record ExtendDemandDeadline(@TargetAggregateIdentifier String demandId, LocalDate newDeadline,
                                   Envelope envelope) implements LedgerCommand {

    public ExtendDemandDeadline {
        InvalidValueException.requireText(demandId, "demandId");
        InvalidValueException.requireValue(newDeadline, "newDeadline");
        InvalidValueException.requireValue(envelope, "envelope");
    }

    @Override
    public String streamId() {
        return demandId;
    }
}
