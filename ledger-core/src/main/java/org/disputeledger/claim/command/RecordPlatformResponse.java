package org.disputeledger.claim.command;

import org.disputeledger.common.Envelope;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.common.Slug;

/** Record a platform's statement to an authority; opens the claim's stream. */
public record RecordPlatformResponse(String claimId, String platform, String jurisdiction, String addressee,
                                     String channel, String statement, Envelope envelope) implements LedgerCommand {

    public RecordPlatformResponse {
        CommandValues.requireId(claimId, "claimId");
        Slug.require(platform, "platform");
        Slug.jurisdiction(jurisdiction, "jurisdiction");
        CommandValues.requireName(addressee, "addressee");
        CommandValues.optionalText(channel, CommandValues.MAX_ID, "channel");
        InvalidValueException.requireText(statement, "statement");
        InvalidValueException.requireMaxLength(statement, 4000, "statement");
        InvalidValueException.requireValue(envelope, "envelope");
    }

    @Override
    public String streamId() {
        return claimId;
    }
}
