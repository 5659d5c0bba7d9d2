package org.disputeledger.curation.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.curation.CurationStreams;

/** Attach further sources (those of the envelope) to an earlier event. */
public record AttachSource(String targetEventId, Envelope envelope) implements LedgerCommand {

    public AttachSource {
        InvalidValueException.requireText(targetEventId, "targetEventId");
        InvalidValueException.requireMaxLength(targetEventId, 64, "targetEventId");
        InvalidValueException.requireValue(envelope, "envelope");
    }

    @Override
    @TargetAggregateIdentifier
    public String streamId() {
        return CurationStreams.id(targetEventId);
    }
}
