package org.disputeledger.accountaction.event;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.disputeledger.common.Envelope;

/**
 * The platform put a label (its own wording) on the accounts or outlets named as subjects (possibly none named),
 * and says whether it also stopped amplifying them.
 */
@Revision("1")
public record LabelApplied(String platform, String labelId, String label, List<String> subjects, boolean deamplified,
                           Envelope envelope) implements PlatformActionEvent {
}
