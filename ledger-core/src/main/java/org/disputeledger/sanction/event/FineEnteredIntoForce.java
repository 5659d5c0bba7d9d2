package org.disputeledger.sanction.event;

import org.axonframework.serialization.Revision;
import org.disputeledger.common.Envelope;

/** The fine became final: no appeal is pending and it can be enforced. */
@Revision("1")
public record FineEnteredIntoForce(String fineId, Envelope envelope) implements FineEvent {
}
