package org.disputeledger.demand.event;

import org.axonframework.serialization.Revision;
import org.disputeledger.common.Envelope;
import org.disputeledger.demand.ComplianceScope;

/**
 * The platform complied with the demand, fully (closing it) or partly, actioning a number of items
 * (null when not stated).
 */
@Revision("1")
public record DemandComplied(String demandId, ComplianceScope scope, Long itemsActioned, Envelope envelope)
        implements DemandEvent {
}
