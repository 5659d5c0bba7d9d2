package org.disputeledger.restriction.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.common.Slug;
import org.disputeledger.restriction.RestrictionKind;
import org.disputeledger.restriction.ServiceAccessStreams;

/** Record that an authority threatened to throttle or block a service, perhaps unless a condition is met by a date. */
public record ThreatenRestriction(String jurisdiction, String service, String threatId, String authority,
                                  RestrictionKind kind, String condition, LocalDate deadline, Envelope envelope)
        implements LedgerCommand {

    public ThreatenRestriction {
        Slug.jurisdiction(jurisdiction, "jurisdiction");
        Slug.require(service, "service");
        InvalidValueException.requireText(threatId, "threatId");
        InvalidValueException.requireMaxLength(threatId, 100, "threatId");
        InvalidValueException.requireText(authority, "authority");
        InvalidValueException.requireMaxLength(authority, 300, "authority");
        InvalidValueException.requireValue(kind, "kind");
        InvalidValueException.requireMaxLength(condition, 2000, "condition");
        InvalidValueException.requireValue(envelope, "envelope");
    }

    @Override
    @TargetAggregateIdentifier
    public String streamId() {
        return ServiceAccessStreams.id(jurisdiction, service);
    }
}
