package org.disputeledger.claim.event;

import org.axonframework.serialization.Revision;
import org.disputeledger.common.Envelope;

/** A platform made a statement to an authority of a jurisdiction, through a channel (such as a letter) if known. */
@Revision("1")
public record PlatformResponded(String claimId, String platform, String jurisdiction, String addressee,
                                String channel, String statement, Envelope envelope) implements ClaimEvent {
}
