package org.disputeledger.restriction.event;

import org.axonframework.serialization.Revision;
import org.disputeledger.common.Envelope;

/**
 * An authority made the service unreachable, on a legal basis (null when not stated), by a method such as an
 * order to internet providers (null when not stated).
 */
@Revision("1")
public record BlockImposed(String jurisdiction, String service, String restrictionId, String authority,
                           String legalBasis, String method, Envelope envelope) implements ServiceAccessEvent {
}
