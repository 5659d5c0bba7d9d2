package org.disputeledger.accountaction.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.disputeledger.accountaction.PlatformActionsStream;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.common.Slug;

/** Record that a platform took off a label it had applied. */
public record RemoveLabel(String platform, String labelId, Envelope envelope) implements LedgerCommand {

    public RemoveLabel {
        Slug.require(platform, "platform");
        CommandValues.requireId(labelId, "labelId");
        InvalidValueException.requireValue(envelope, "envelope");
    }

    @Override
    @TargetAggregateIdentifier
    public String streamId() {
        return PlatformActionsStream.idOf(platform);
    }
}
