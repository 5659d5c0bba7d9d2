package org.disputeledger.accountaction.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.disputeledger.accountaction.PlatformActionsStream;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.common.Slug;

/** Record that a platform restored an account it had suspended, ending that suspension. */
public record RestoreAccount(String platform, String suspensionId, Envelope envelope) implements LedgerCommand {

    public RestoreAccount {
        Slug.require(platform, "platform");
        CommandValues.requireId(suspensionId, "suspensionId");
        InvalidValueException.requireValue(envelope, "envelope");
    }

    @Override
    @TargetAggregateIdentifier
    public String streamId() {
        return PlatformActionsStream.idOf(platform);
    }
}
