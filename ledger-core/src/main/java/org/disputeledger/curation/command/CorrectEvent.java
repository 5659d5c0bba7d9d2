package org.disputeledger.curation.command;

import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.disputeledger.common.Confidence;
import org.disputeledger.common.EffectiveTime;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.curation.CurationStreams;

/** Correct an earlier event's effective time, confidence or fields; at least one of them must be given. */
public record CorrectEvent(String targetEventId, EffectiveTime correctedEffective, Confidence correctedConfidence,
                           Map<String, String> correctedFields, String reason, Envelope envelope)
        implements LedgerCommand {

    public CorrectEvent {
        InvalidValueException.requireText(targetEventId, "targetEventId");
        InvalidValueException.requireMaxLength(targetEventId, 64, "targetEventId");
        // copied once checked: an immutable copy refuses a null value with an exception that names no field
        correctedFields = correctedFields == null ? Map.of() : new java.util.LinkedHashMap<>(correctedFields);
        if (correctedEffective == null && correctedConfidence == null && correctedFields.isEmpty()) {
            throw new InvalidValueException("correctedFields", "correction-required",
                    "a correction names a new effective time, a new confidence or at least one corrected field");
        }
        if (correctedFields.size() > 50) {
            throw new InvalidValueException("correctedFields", "max-items", "at most 50 corrected fields");
        }
        correctedFields.forEach((path, value) -> {
            if (!path.matches("[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*)*") || path.length() > 200) {
                throw new InvalidValueException("correctedFields", "field-path",
                        "corrected field names are dotted paths such as amount.minor");
            }
            InvalidValueException.requireValue(value, "correctedFields." + path);
            InvalidValueException.requireMaxLength(value, 2000, "correctedFields." + path);
        });
        correctedFields = Map.copyOf(correctedFields);
        InvalidValueException.requireText(reason, "reason");
        InvalidValueException.requireMaxLength(reason, 2000, "reason");
        InvalidValueException.requireValue(envelope, "envelope");
    }

    @Override
    @TargetAggregateIdentifier
    public String streamId() {
        return CurationStreams.id(targetEventId);
    }
}
