package org.disputeledger.sanction.event;

import org.disputeledger.common.LedgerEvent;

/** The facts of a fine's stream, from its imposition to its enforcement. */
public sealed interface FineEvent extends LedgerEvent
        permits FineImposed, FineAppealed, AppealDecided, FineEnteredIntoForce, FinePaid, EnforcementReferred,
        EnforcementProceedingOpened {

    String fineId();
}
