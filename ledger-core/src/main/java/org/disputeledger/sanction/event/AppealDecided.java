package org.disputeledger.sanction.event;

import org.axonframework.serialization.Revision;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.Money;
import org.disputeledger.sanction.AppealOutcome;

/**
 * A court decided the pending appeal against the fine: upheld, reduced to a new amount (minor units; null for the
 * other outcomes) or annulled.
 */
@Revision("1")
public record AppealDecided(String fineId, String court, AppealOutcome outcome, Money newAmount, Envelope envelope)
        implements FineEvent {
}
