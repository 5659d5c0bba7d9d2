package org.disputeledger.accountaction.event;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.disputeledger.common.Envelope;

/**
 * The platform withheld content or switched off features (such as livestreaming), described in words, in a
 * territory (ISO 3166 code; null when everywhere or not stated).
 */
@Revision("1")
public record ContentWithheld(String platform, String withholdingId, String description, List<String> features,
                              String territory, Envelope envelope) implements PlatformActionEvent {
}
