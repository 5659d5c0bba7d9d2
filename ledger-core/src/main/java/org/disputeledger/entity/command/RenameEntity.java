package org.disputeledger.entity.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.common.Slug;
import org.disputeledger.entity.LegalEntityStream;

/** Record that a legal entity changed its name from one to another. */
public record RenameEntity(String legalEntityId, String oldName, String newName, Envelope envelope)
        implements LedgerCommand {

    public RenameEntity {
        Slug.require(legalEntityId, "legalEntityId");
        InvalidValueException.requireText(oldName, "oldName");
        InvalidValueException.requireMaxLength(oldName, 300, "oldName");
        InvalidValueException.requireText(newName, "newName");
        InvalidValueException.requireMaxLength(newName, 300, "newName");
        if (oldName.strip().equals(newName.strip())) {
            throw new InvalidValueException("newName", "different-name", "newName must differ from oldName");
        }
        InvalidValueException.requireValue(envelope, "envelope");
    }

    @Override
    @TargetAggregateIdentifier
    public String streamId() {
        return LegalEntityStream.idOf(legalEntityId);
    }
}
