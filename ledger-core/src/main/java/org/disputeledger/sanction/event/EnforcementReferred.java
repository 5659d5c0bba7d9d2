package org.disputeledger.sanction.event;

import org.axonframework.serialization.Revision;
import org.disputeledger.common.Envelope;

/** The unpaid fine was passed to an enforcement service (such as FSSP, the bailiffs) for collection. */
@Revision("1")
public record EnforcementReferred(String fineId, String to, Envelope envelope) implements FineEvent {
}
