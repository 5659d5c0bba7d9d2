package org.disputeledger.accountaction.event;

import org.axonframework.serialization.Revision;
import org.disputeledger.accountaction.AccountAction;
import org.disputeledger.common.Envelope;

/**
 * The platform suspended, terminated or restricted one account (a handle or a name), held by a holder (null when
 * not stated), under a policy (null when not stated).
 */
@Revision("1")
public record AccountSuspended(String platform, String suspensionId, String account, String holder,
                               AccountAction action, String policy, Envelope envelope)
        implements PlatformActionEvent {
}
