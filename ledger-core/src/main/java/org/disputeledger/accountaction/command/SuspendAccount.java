package org.disputeledger.accountaction.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.disputeledger.accountaction.AccountAction;
import org.disputeledger.accountaction.PlatformActionsStream;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.common.Slug;

/** Record that a platform suspended, terminated or restricted one account of a state-linked actor. */
public record SuspendAccount(String platform, String suspensionId, String account, String holder,
                             AccountAction action, String policy, Envelope envelope) implements LedgerCommand {

    public SuspendAccount {
        Slug.require(platform, "platform");
        CommandValues.requireId(suspensionId, "suspensionId");
        InvalidValueException.requireText(account, "account");
        InvalidValueException.requireMaxLength(account, CommandValues.MAX_NAME, "account");
        CommandValues.optionalText(holder, CommandValues.MAX_NAME, "holder");
        InvalidValueException.requireValue(action, "action");
        CommandValues.optionalText(policy, CommandValues.MAX_ID, "policy");
        InvalidValueException.requireValue(envelope, "envelope");
    }

    @Override
    @TargetAggregateIdentifier
    public String streamId() {
        return PlatformActionsStream.idOf(platform);
    }
}
