package org.disputeledger.restriction.event;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.disputeledger.common.Envelope;

/**
 * The service's app was taken out of the named app stores for users in the jurisdiction, at the request of an
 * authority (null when not stated).
 */
@Revision("1")
public record AppRemovedFromStore(String jurisdiction, String service, String removalId, List<String> stores,
                                  String requestedBy, Envelope envelope) implements ServiceAccessEvent {
}
