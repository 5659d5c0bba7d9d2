package org.disputeledger.restriction.event;

import org.axonframework.serialization.Revision;
import org.disputeledger.common.Envelope;
import org.disputeledger.restriction.ThrottlingScope;

/**
 * An authority began slowing the service down, on a legal basis (null when not stated), over a scope given as
 * percentages of mobile and fixed-line connections.
 */
@Revision("1")
public record ThrottlingImposed(String jurisdiction, String service, String restrictionId, String authority,
                                String legalBasis, ThrottlingScope scope, Envelope envelope)
        implements ServiceAccessEvent {
}
