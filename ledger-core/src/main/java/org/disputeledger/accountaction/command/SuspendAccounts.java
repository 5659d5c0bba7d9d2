package org.disputeledger.accountaction.command;

import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.disputeledger.accountaction.AccountAction;
import org.disputeledger.accountaction.PlatformActionsStream;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.common.Slug;

/**
 * Record that a platform acted on a batch of accounts at once (a number, possibly not stated; the names given; the
 * number per network they were attributed to).
 */
public record SuspendAccounts(String platform, String batchId, Long count, List<String> accounts,
                              Map<String, Long> breakdown, AccountAction action, String policy, Envelope envelope)
        implements LedgerCommand {

    public SuspendAccounts {
        Slug.require(platform, "platform");
        CommandValues.requireId(batchId, "batchId");
        if (count != null && count < 0) {
            throw new InvalidValueException("count", "non-negative", "count must not be negative");
        }
        accounts = CommandValues.names(accounts, "accounts");
        if (count != null && accounts.size() > count) {
            throw new InvalidValueException("accounts", "accounts-within-count",
                    "more accounts are named than the count of " + count);
        }
        breakdown = CommandValues.counts(breakdown, "breakdown");
        long attributed = 0;
        for (long part : breakdown.values()) {
            attributed = Math.addExact(attributed, part);
        }
        if (count != null && attributed > count) {
            throw new InvalidValueException("breakdown", "breakdown-within-count",
                    "the breakdown adds up to " + attributed + ", more than the count of " + count);
        }
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
