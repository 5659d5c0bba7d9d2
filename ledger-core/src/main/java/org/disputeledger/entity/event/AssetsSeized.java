package org.disputeledger.entity.event;

import org.axonframework.serialization.Revision;
import org.disputeledger.common.Envelope;

/** An authority of a jurisdiction seized assets of the legal entity, described in words. */
@Revision("1")
public record AssetsSeized(String legalEntityId, String authority, String jurisdiction, String description,
                           Envelope envelope) implements LegalEntityEvent {
}
