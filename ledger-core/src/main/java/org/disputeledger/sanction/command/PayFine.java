package org.disputeledger.sanction.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.common.Money;

/** Record a payment of an amount (minor units, possibly part of what is due) on the fine, by a payer if stated. */
public record PayFine(@TargetAggregateIdentifier String fineId, String paymentId, Money amount, String payer,
                      Envelope envelope) implements LedgerCommand {

    public PayFine {
        InvalidValueException.requireText(fineId, "fineId");
        InvalidValueException.requireText(paymentId, "paymentId");
        InvalidValueException.requireMaxLength(paymentId, 200, "paymentId");
        InvalidValueException.requireValue(amount, "amount");
        if (amount.minor() == 0) {
            throw new InvalidValueException("amount.minor", "positive", "a payment's amount must be positive");
        }
        InvalidValueException.requireMaxLength(payer, 300, "payer");
        InvalidValueException.requireValue(envelope, "envelope");
    }

    @Override
    public String streamId() {
        return fineId;
    }
}
