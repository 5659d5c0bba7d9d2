package org.disputeledger.demand.event;

import java.time.LocalDate;
import java.util.Map;
import org.axonframework.serialization.Revision;
import org.disputeledger.common.Envelope;
import org.disputeledger.demand.DemandKind;

/**
 * An authority of a jurisdiction demanded something of a platform, on a legal basis, about a number of items
 * (null when not stated), optionally broken down by category, by a deadline.
 */
@Revision("1")
public record DemandIssued(String demandId, String jurisdiction, String authority, String platform,
                           String legalEntityId, DemandKind kind, String legalBasis, Long itemCount,
                           Map<String, Long> itemsByCategory, LocalDate deadline, Envelope envelope)
        implements DemandEvent {
}
