package org.disputeledger.restriction.event;

import org.axonframework.serialization.Revision;
import org.disputeledger.common.Envelope;

/**
 * A court or prosecutor ordered a measure against the service (such as a block) on a legal basis: the de jure
 * decision, before anything is executed.
 */
@Revision("1")
public record RestrictionOrdered(String jurisdiction, String service, String orderId, String authority,
                                 String measure, String legalBasis, Envelope envelope) implements ServiceAccessEvent {
}
