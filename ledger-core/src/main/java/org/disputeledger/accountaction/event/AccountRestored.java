package org.disputeledger.accountaction.event;

import org.axonframework.serialization.Revision;
import org.disputeledger.common.Envelope;

/** The platform restored the account of an earlier suspension of this stream, ending that suspension. */
@Revision("1")
public record AccountRestored(String platform, String suspensionId, Envelope envelope)
        implements PlatformActionEvent {
}
