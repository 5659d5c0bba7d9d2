package org.disputeledger.restriction.event;

import org.axonframework.serialization.Revision;
import org.disputeledger.common.Envelope;

/** The throttling ended on every connection it covered. */
@Revision("1")
public record ThrottlingLifted(String jurisdiction, String service, String restrictionId, Envelope envelope)
        implements ServiceAccessEvent {
}
