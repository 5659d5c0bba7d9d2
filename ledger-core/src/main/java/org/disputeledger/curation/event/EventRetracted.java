package org.disputeledger.curation.event;

import org.axonframework.serialization.Revision;
import org.disputeledger.common.Envelope;

/** An earlier event is withdrawn as not having happened (or not as recorded), for a reason; it stays in the log. */
@Revision("1")
public record EventRetracted(String targetEventId, String targetStreamId, String reason, Envelope envelope)
        implements CurationEvent {
}
