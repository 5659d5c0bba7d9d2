package org.disputeledger.claim.event;

import org.axonframework.serialization.Revision;
import org.disputeledger.claim.Fraction;
import org.disputeledger.common.Envelope;

/**
 * An authority claimed how far a platform complied (with a demand, when named): the items it flagged, the items
 * removed and still up, and the share complied with, each null when not stated, with its assessment in words; a
 * claim to be set beside the platform's figures, never a count to merge.
 */
@Revision("1")
public record ComplianceAssessed(String claimId, String authority, String jurisdiction, String platform,
                                 String demandId, Long itemsFlagged, Long itemsRemoved, Long itemsRemaining,
                                 Fraction shareComplied, String assessment, Envelope envelope) implements ClaimEvent {
}
