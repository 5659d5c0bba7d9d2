package org.disputeledger.proceeding.event;

import org.axonframework.serialization.Revision;
import org.disputeledger.common.Envelope;
import org.disputeledger.proceeding.ChallengeOutcome;

/**
 * A court of a jurisdiction decided a challenge to an order or demand (described in {@code challenged}); appeals
 * against fines are decided on the fine instead.
 */
@Revision("1")
public record ChallengeDecided(String proceedingId, String jurisdiction, String court, ChallengeOutcome outcome,
                               String challenged, Envelope envelope) implements ProceedingEvent {
}
