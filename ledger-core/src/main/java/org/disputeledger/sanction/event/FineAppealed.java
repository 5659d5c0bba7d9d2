package org.disputeledger.sanction.event;

import org.axonframework.serialization.Revision;
import org.disputeledger.common.Envelope;

/** The fine was appealed, by an appellant when stated; it is under appeal until a court decides. */
@Revision("1")
public record FineAppealed(String fineId, String appellant, Envelope envelope) implements FineEvent {
}
