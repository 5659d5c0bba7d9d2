package org.disputeledger.accountaction.command;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.disputeledger.accountaction.PlatformActionsStream;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.common.Slug;

/** Record that a platform labelled accounts or outlets, and whether it also stopped amplifying them. */
public record ApplyLabel(String platform, String labelId, String label, List<String> subjects, boolean deamplified,
                         Envelope envelope) implements LedgerCommand {

    public ApplyLabel {
        Slug.require(platform, "platform");
        CommandValues.requireId(labelId, "labelId");
        InvalidValueException.requireText(label, "label");
        InvalidValueException.requireMaxLength(label, CommandValues.MAX_NAME, "label");
        subjects = CommandValues.names(subjects, "subjects");
        InvalidValueException.requireValue(envelope, "envelope");
    }

    @Override
    @TargetAggregateIdentifier
    public String streamId() {
        return PlatformActionsStream.idOf(platform);
    }
}
