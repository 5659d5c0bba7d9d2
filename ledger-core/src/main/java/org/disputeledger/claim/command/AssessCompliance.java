package org.disputeledger.claim.command;

import org.disputeledger.claim.Fraction;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.common.Slug;

/**
 * Record an authority's claim about how far a platform complied: item figures, a share and an assessment in
 * words, at least one of them; opens the claim's stream.
 */
public record AssessCompliance(String claimId, String authority, String jurisdiction, String platform,
                               String demandId, Long itemsFlagged, Long itemsRemoved, Long itemsRemaining,
                               Fraction shareComplied, String assessment, Envelope envelope) implements LedgerCommand {

    public AssessCompliance {
        CommandValues.requireId(claimId, "claimId");
        CommandValues.requireName(authority, "authority");
        Slug.jurisdiction(jurisdiction, "jurisdiction");
        Slug.require(platform, "platform");
        CommandValues.optionalText(demandId, CommandValues.MAX_ID, "demandId");
        CommandValues.nonNegative(itemsFlagged, "itemsFlagged");
        CommandValues.nonNegative(itemsRemoved, "itemsRemoved");
        CommandValues.nonNegative(itemsRemaining, "itemsRemaining");
        if (itemsFlagged != null && itemsRemoved != null && itemsRemoved > itemsFlagged) {
            throw new InvalidValueException("itemsRemoved", "within-items-flagged",
                    "itemsRemoved must not exceed itemsFlagged");
        }
        if (itemsFlagged != null && itemsRemaining != null && itemsRemaining > itemsFlagged) {
            throw new InvalidValueException("itemsRemaining", "within-items-flagged",
                    "itemsRemaining must not exceed itemsFlagged");
        }
        if (shareComplied != null && shareComplied.exceedsOne()) {
            throw new InvalidValueException("shareComplied", "at-most-whole",
                    "shareComplied must not be more than the whole");
        }
        CommandValues.optionalText(assessment, 2000, "assessment");
        if (itemsFlagged == null && itemsRemoved == null && itemsRemaining == null && shareComplied == null
                && assessment == null) {
            throw new InvalidValueException("assessment", "something-assessed",
                    "an assessment needs item figures, a share complied or an assessment in words");
        }
        InvalidValueException.requireValue(envelope, "envelope");
    }

    @Override
    public String streamId() {
        return claimId;
    }
}
