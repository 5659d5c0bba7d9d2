package org.disputeledger.restriction.event;

import org.disputeledger.common.LedgerEvent;

/** The facts of one service's access in one jurisdiction: threats, orders, restrictions and measurements. */
public sealed interface ServiceAccessEvent extends LedgerEvent
        permits RestrictionThreatened, ThreatDeadlineExtended, RestrictionOrdered, ThrottlingImposed,
        ThrottlingScopeChanged, ThrottlingLifted, BlockImposed, BlockScopeExpanded, BlockLifted, InterferenceObserved,
        AppRemovedFromStore {

    /** The ISO 3166-1 alpha-2 code (or EU) of the jurisdiction whose users are affected. */
    String jurisdiction();

    /** The slug of the service, such as {@code twitter}. */
    String service();
}
