package org.disputeledger.accountaction.event;

import org.axonframework.serialization.Revision;
import org.disputeledger.common.Envelope;

/** The platform took off a label it had applied earlier in this stream. */
@Revision("1")
public record LabelRemoved(String platform, String labelId, Envelope envelope) implements PlatformActionEvent {
}
