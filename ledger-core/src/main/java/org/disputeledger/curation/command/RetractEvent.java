package org.disputeledger.curation.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.curation.CurationStreams;

/** Retract an earlier event as not having happened as recorded. */
public record RetractEvent(String targetEventId, String reason, Envelope envelope) implements LedgerCommand {

    public RetractEvent {
        InvalidValueException.requireText(targetEventId, "targetEventId");
        InvalidValueException.requireMaxLength(targetEventId, 64, "targetEventId");
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
