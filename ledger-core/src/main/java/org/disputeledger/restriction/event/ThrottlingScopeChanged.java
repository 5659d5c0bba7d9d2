package org.disputeledger.restriction.event;

import org.axonframework.serialization.Revision;
import org.disputeledger.common.Envelope;
import org.disputeledger.restriction.ThrottlingScope;

/** A throttling in force now covers a new scope, in percentages of mobile and fixed-line connections. */
@Revision("1")
public record ThrottlingScopeChanged(String jurisdiction, String service, String restrictionId,
                                     ThrottlingScope scope, Envelope envelope) implements ServiceAccessEvent {
}
