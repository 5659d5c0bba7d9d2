package org.disputeledger.demand.event;

import org.axonframework.serialization.Revision;
import org.disputeledger.common.Envelope;

/** The authority withdrew the demand; nothing follows it. */
@Revision("1")
public record DemandWithdrawn(String demandId, Envelope envelope) implements DemandEvent {
}
