package org.disputeledger.accountaction.command;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.disputeledger.accountaction.PlatformActionsStream;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.common.Slug;

/** Record that a platform withheld content or switched off features, in a territory or everywhere. */
public record WithholdContent(String platform, String withholdingId, String description, List<String> features,
                              String territory, Envelope envelope) implements LedgerCommand {

    public WithholdContent {
        Slug.require(platform, "platform");
        CommandValues.requireId(withholdingId, "withholdingId");
        InvalidValueException.requireText(description, "description");
        InvalidValueException.requireMaxLength(description, 2000, "description");
        features = CommandValues.names(features, "features");
        if (territory != null) {
            Slug.jurisdiction(territory, "territory");
        }
        InvalidValueException.requireValue(envelope, "envelope");
    }

    @Override
    @TargetAggregateIdentifier
    public String streamId() {
        return PlatformActionsStream.idOf(platform);
    }
}
