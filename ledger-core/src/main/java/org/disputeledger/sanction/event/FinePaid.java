package org.disputeledger.sanction.event;

import org.axonframework.serialization.Revision;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.Money;

/** A payment of an amount (minor units, possibly part of what is due) was made on the fine, by a payer if stated. */
@Revision("1")
public record FinePaid(String fineId, String paymentId, Money amount, String payer, Envelope envelope)
        implements FineEvent {
}
