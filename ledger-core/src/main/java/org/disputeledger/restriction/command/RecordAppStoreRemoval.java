package org.disputeledger.restriction.command;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.common.Slug;
import org.disputeledger.restriction.ServiceAccessStreams;

/** Record that a service's app was taken out of app stores for the jurisdiction, perhaps at an authority's request. */
public record RecordAppStoreRemoval(String jurisdiction, String service, String removalId, List<String> stores,
                                    String requestedBy, Envelope envelope) implements LedgerCommand {

    public static final int MAX_STORES = 20;

    public RecordAppStoreRemoval {
        Slug.jurisdiction(jurisdiction, "jurisdiction");
        Slug.require(service, "service");
        InvalidValueException.requireText(removalId, "removalId");
        InvalidValueException.requireMaxLength(removalId, 100, "removalId");
        if (stores == null || stores.isEmpty()) {
            throw new InvalidValueException("stores", "required", "at least one store is required");
        }
        if (stores.size() > MAX_STORES) {
            throw new InvalidValueException("stores", "max-items", "at most " + MAX_STORES + " stores");
        }
        for (String store : stores) {
            InvalidValueException.requireText(store, "stores");
            InvalidValueException.requireMaxLength(store, 100, "stores");
        }
        stores = List.copyOf(stores);
        InvalidValueException.requireMaxLength(requestedBy, 300, "requestedBy");
        InvalidValueException.requireValue(envelope, "envelope");
    }

    @Override
    @TargetAggregateIdentifier
    public String streamId() {
        return ServiceAccessStreams.id(jurisdiction, service);
    }
}
