package org.disputeledger.restriction.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.common.Slug;
import org.disputeledger.restriction.ServiceAccessStreams;

/** Record that the authority moved the deadline of a threat still standing to a later date. */
public record ExtendThreatDeadline(String jurisdiction, String service, String threatId, LocalDate newDeadline,
                                   Envelope envelope) implements LedgerCommand {

    public ExtendThreatDeadline {
        Slug.jurisdiction(jurisdiction, "jurisdiction");
        Slug.require(service, "service");
        InvalidValueException.requireText(threatId, "threatId");
        InvalidValueException.requireMaxLength(threatId, 100, "threatId");
        InvalidValueException.requireValue(newDeadline, "newDeadline");
        InvalidValueException.requireValue(envelope, "envelope");
    }

    @Override
    @TargetAggregateIdentifier
    public String streamId() {
        return ServiceAccessStreams.id(jurisdiction, service);
    }
}
