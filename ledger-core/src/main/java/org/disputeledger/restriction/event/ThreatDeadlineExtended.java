package org.disputeledger.restriction.event;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.disputeledger.common.Envelope;

/** The authority moved the deadline of its threat to a later calendar date. */
@Revision("1")
public record ThreatDeadlineExtended(String jurisdiction, String service, String threatId, LocalDate newDeadline,
                                     Envelope envelope) implements ServiceAccessEvent {
}
