package org.disputeledger.claim.event;

import org.disputeledger.common.LedgerEvent;

/** The one fact of a claim's stream: who said what. A different figure is another claim, never a change. */
public sealed interface ClaimEvent extends LedgerEvent
        permits StatisticReported, ComplianceAssessed, PlatformResponded {

    String claimId();
}
