package org.disputeledger.entity.event;

import org.axonframework.serialization.Revision;
import org.disputeledger.common.Envelope;

/**
 * An authority of a jurisdiction (null when the sources do not name it) put the legal entity, or the organisation
 * named as subject, on a list or under a status such as extremist, undesirable or a register.
 */
@Revision("1")
public record EntityDesignated(String legalEntityId, String authority, String designation, String jurisdiction,
                               String subject, Envelope envelope) implements LegalEntityEvent {
}
