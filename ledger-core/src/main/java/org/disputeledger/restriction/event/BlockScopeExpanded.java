package org.disputeledger.restriction.event;

import org.axonframework.serialization.Revision;
import org.disputeledger.common.Envelope;

/**
 * A block in force was widened: the number of network addresses blocked in all after the expansion (null when
 * not stated) and a description of what was added (null when not stated).
 */
@Revision("1")
public record BlockScopeExpanded(String jurisdiction, String service, String restrictionId, Long addressesBlocked,
                                 String description, Envelope envelope) implements ServiceAccessEvent {
}
