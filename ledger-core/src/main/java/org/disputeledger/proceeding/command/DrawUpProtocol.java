package org.disputeledger.proceeding.command;

import org.disputeledger.common.Envelope;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.common.Slug;

/** Record that an authority drew up an administrative-offence protocol; opens the proceeding's stream. */
public record DrawUpProtocol(String proceedingId, String jurisdiction, String authority, String legalEntityId,
                             String platform, String legalBasis, String topic, Envelope envelope)
        implements LedgerCommand {

    public DrawUpProtocol {
        InvalidValueException.requireText(proceedingId, "proceedingId");
        InvalidValueException.requireMaxLength(proceedingId, 200, "proceedingId");
        Slug.jurisdiction(jurisdiction, "jurisdiction");
        InvalidValueException.requireText(authority, "authority");
        InvalidValueException.requireMaxLength(authority, 300, "authority");
        Slug.require(legalEntityId, "legalEntityId");
        if (platform != null) {
            Slug.require(platform, "platform");
        }
        InvalidValueException.requireText(legalBasis, "legalBasis");
        InvalidValueException.requireMaxLength(legalBasis, 300, "legalBasis");
        InvalidValueException.requireMaxLength(topic, 300, "topic");
        InvalidValueException.requireValue(envelope, "envelope");
    }

    @Override
    public String streamId() {
        return proceedingId;
    }
}
