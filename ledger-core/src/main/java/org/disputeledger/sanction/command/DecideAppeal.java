package org.disputeledger.sanction.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.common.Money;
import org.disputeledger.sanction.AppealOutcome;

/** Record a court's decision on the fine's pending appeal; a reduction names the new amount (minor units). */
public record DecideAppeal(@TargetAggregateIdentifier String fineId, String court, AppealOutcome outcome,
                           Money newAmount, Envelope envelope) implements LedgerCommand {

    public DecideAppeal {
        InvalidValueException.requireText(fineId, "fineId");
        InvalidValueException.requireMaxLength(court, 300, "court");
        InvalidValueException.requireValue(outcome, "outcome");
        if (outcome == AppealOutcome.REDUCED) {
            InvalidValueException.requireValue(newAmount, "newAmount");
        } else if (newAmount != null) {
            throw new InvalidValueException("newAmount", "only-when-reduced",
                    "newAmount is allowed only with the outcome REDUCED");
        }
        InvalidValueException.requireValue(envelope, "envelope");
    }

    @Override
    public String streamId() {
        return fineId;
    }
}
