package org.disputeledger.entity.event;

import org.axonframework.serialization.Revision;
import org.disputeledger.common.Envelope;

/** The legal entity changed its name; its id stays the same, so earlier facts stay attached to it. */
@Revision("1")
public record EntityRenamed(String legalEntityId, String oldName, String newName, Envelope envelope)
        implements LegalEntityEvent {
}
