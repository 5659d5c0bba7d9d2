package org.disputeledger.accountaction.event;

import java.util.List;
import java.util.Map;
import org.axonframework.serialization.Revision;
import org.disputeledger.accountaction.AccountAction;
import org.disputeledger.common.Envelope;

/**
 * The platform acted on a batch of accounts at once: a number of accounts (null when the platform's own number was
 * not stated), the names it gave (possibly none), the number per network it attributed them to, under a policy
 * (null when not stated).
 */
@Revision("1")
public record AccountsSuspended(String platform, String batchId, Long count, List<String> accounts,
                                Map<String, Long> breakdown, AccountAction action, String policy, Envelope envelope)
        implements PlatformActionEvent {
}
