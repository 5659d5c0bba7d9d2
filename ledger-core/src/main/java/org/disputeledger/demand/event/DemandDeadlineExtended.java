package org.disputeledger.demand.event;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.disputeledger.common.Envelope;

/** The authority moved the demand's deadline to a later date. */
@Revision("1")
public record DemandDeadlineExtended(String demandId, LocalDate newDeadline, Envelope envelope)
        implements DemandEvent {
}
