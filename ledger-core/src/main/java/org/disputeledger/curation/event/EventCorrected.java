package org.disputeledger.curation.event;

import java.util.Map;
import org.axonframework.serialization.Revision;
import org.disputeledger.common.Confidence;
import org.disputeledger.common.EffectiveTime;
import org.disputeledger.common.Envelope;

/**
 * An earlier event (in stream {@code targetStreamId}) is corrected from the effective time of this one: its
 * effective time and/or confidence are replaced when given, and each named field (a dotted path in the target's
 * payload) takes the new value, written as text. The earlier event stays as it was recorded.
 */
@Revision("1")
public record EventCorrected(String targetEventId, String targetStreamId, EffectiveTime correctedEffective,
                             Confidence correctedConfidence, Map<String, String> correctedFields, String reason,
                             Envelope envelope) implements CurationEvent {
}
