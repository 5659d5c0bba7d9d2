package org.disputeledger.curation.event;

import org.axonframework.serialization.Revision;
import org.disputeledger.common.Envelope;

/**
 * Further sources now support an earlier event; they are the sources of this event's envelope. The confidence of
 * the envelope is the confidence the earlier event deserves with them.
 */
@Revision("1")
public record SourceAttached(String targetEventId, String targetStreamId, Envelope envelope)
        implements CurationEvent {
}
