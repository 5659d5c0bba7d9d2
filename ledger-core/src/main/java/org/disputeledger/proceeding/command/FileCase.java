package org.disputeledger.proceeding.command;

import org.disputeledger.common.Envelope;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.common.Slug;

/** Record that an authority brought a case against a platform; opens the proceeding's stream. */
public record FileCase(String proceedingId, String jurisdiction, String claimant, String platform,
                       String legalEntityId, String legalBasis, String court, String relief, Envelope envelope)
        implements LedgerCommand {

    public FileCase {
        InvalidValueException.requireText(proceedingId, "proceedingId");
        InvalidValueException.requireMaxLength(proceedingId, 200, "proceedingId");
        Slug.jurisdiction(jurisdiction, "jurisdiction");
        InvalidValueException.requireText(claimant, "claimant");
        InvalidValueException.requireMaxLength(claimant, 300, "claimant");
        Slug.require(platform, "platform");
        if (legalEntityId != null) {
            Slug.require(legalEntityId, "legalEntityId");
        }
        InvalidValueException.requireMaxLength(legalBasis, 300, "legalBasis");
        InvalidValueException.requireMaxLength(court, 300, "court");
        InvalidValueException.requireMaxLength(relief, 300, "relief");
        InvalidValueException.requireValue(envelope, "envelope");
    }

    @Override
    public String streamId() {
        return proceedingId;
    }
}
