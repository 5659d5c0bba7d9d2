package org.disputeledger.restriction.event;

import org.axonframework.serialization.Revision;
import org.disputeledger.common.Envelope;

/** The block ended: the authority no longer requires the service to be unreachable. */
@Revision("1")
public record BlockLifted(String jurisdiction, String service, String restrictionId, Envelope envelope)
        implements ServiceAccessEvent {
}
