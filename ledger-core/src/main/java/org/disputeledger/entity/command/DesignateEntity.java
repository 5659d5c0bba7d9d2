package org.disputeledger.entity.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.common.Slug;
import org.disputeledger.entity.LegalEntityStream;

/**
 * Record that an authority (if named) designated the legal entity, or an organisation named as subject, as
 * extremist, undesirable or a member of a register.
 */
public record DesignateEntity(String legalEntityId, String authority, String designation, String jurisdiction,
                              String subject, Envelope envelope) implements LedgerCommand {

    public DesignateEntity {
        Slug.require(legalEntityId, "legalEntityId");
        optionalText(authority, "authority");
        InvalidValueException.requireText(designation, "designation");
        InvalidValueException.requireMaxLength(designation, 100, "designation");
        Slug.jurisdiction(jurisdiction, "jurisdiction");
        optionalText(subject, "subject");
        InvalidValueException.requireValue(envelope, "envelope");
    }

    private static void optionalText(String value, String field) {
        if (value != null && value.isBlank()) {
            throw new InvalidValueException(field, "not-blank", field + " must not be blank when given");
        }
        InvalidValueException.requireMaxLength(value, 300, field);
    }

    @Override
    @TargetAggregateIdentifier
    public String streamId() {
        return LegalEntityStream.idOf(legalEntityId);
    }
}
