package org.disputeledger.restriction.event;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.disputeledger.common.Envelope;
import org.disputeledger.restriction.RestrictionKind;

/**
 * An authority threatened to throttle or block the service, optionally unless a condition was met and by a
 * deadline (a calendar date), neither of which is always stated.
 */
@Revision("1")
public record RestrictionThreatened(String jurisdiction, String service, String threatId, String authority,
                                    RestrictionKind kind, String condition, LocalDate deadline, Envelope envelope)
        implements ServiceAccessEvent {
}
