package org.disputeledger.entity.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.common.Slug;
import org.disputeledger.entity.LegalEntityStream;

/** Record that an authority seized assets of a legal entity. */
public record RecordAssetSeizure(String legalEntityId, String authority, String jurisdiction, String description,
                                 Envelope envelope) implements LedgerCommand {

    public RecordAssetSeizure {
        Slug.require(legalEntityId, "legalEntityId");
        InvalidValueException.requireText(authority, "authority");
        InvalidValueException.requireMaxLength(authority, 300, "authority");
        Slug.jurisdiction(jurisdiction, "jurisdiction");
        InvalidValueException.requireText(description, "description");
        InvalidValueException.requireMaxLength(description, 2000, "description");
        InvalidValueException.requireValue(envelope, "envelope");
    }

    @Override
    @TargetAggregateIdentifier
    public String streamId() {
        return LegalEntityStream.idOf(legalEntityId);
    }
}
