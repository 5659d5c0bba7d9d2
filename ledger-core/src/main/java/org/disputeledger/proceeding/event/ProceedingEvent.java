package org.disputeledger.proceeding.event;

import org.disputeledger.common.LedgerEvent;

/** The facts of a proceeding's stream: a case, a protocol or a challenge decided. */
public sealed interface ProceedingEvent extends LedgerEvent permits CaseFiled, ProtocolDrawnUp, ChallengeDecided {

    String proceedingId();
}
