package org.disputeledger.proceeding.event;

import org.axonframework.serialization.Revision;
import org.disputeledger.common.Envelope;

/**
 * An authority drew up an administrative-offence protocol against a legal entity (and its platform, when named)
 * under a provision, about a topic when stated; it opens the way to a fine.
 */
@Revision("1")
public record ProtocolDrawnUp(String proceedingId, String jurisdiction, String authority, String legalEntityId,
                              String platform, String legalBasis, String topic, Envelope envelope)
        implements ProceedingEvent {
}
