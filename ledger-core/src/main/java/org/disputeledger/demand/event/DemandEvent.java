package org.disputeledger.demand.event;

import org.disputeledger.common.LedgerEvent;

/** The facts of a demand's stream, from its issue to its closing. */
public sealed interface DemandEvent extends LedgerEvent
        permits DemandIssued, DemandDeadlineExtended, DemandComplied, DemandRefused, DemandWithdrawn {

    String demandId();
}
