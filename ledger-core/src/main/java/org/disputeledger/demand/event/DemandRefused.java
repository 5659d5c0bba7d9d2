package org.disputeledger.demand.event;

import org.axonframework.serialization.Revision;
import org.disputeledger.common.Envelope;

/** The platform refused the demand, or a number of its items (null: the demand as a whole), for a reason. */
@Revision("1")
public record DemandRefused(String demandId, Long itemsRefused, String reason, Envelope envelope)
        implements DemandEvent {
}
