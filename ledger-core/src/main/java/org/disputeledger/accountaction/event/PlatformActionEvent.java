package org.disputeledger.accountaction.event;

import org.disputeledger.common.LedgerEvent;

/** The facts of one platform's actions stream: what it did to state-linked accounts, content and labels. */
public sealed interface PlatformActionEvent extends LedgerEvent
        permits AccountSuspended, AccountRestored, AccountsSuspended, LabelApplied, LabelRemoved, ContentWithheld {

    String platform();
}
