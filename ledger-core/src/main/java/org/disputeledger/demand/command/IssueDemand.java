package org.disputeledger.demand.command;

import java.time.LocalDate;
import java.util.Map;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.common.Slug;
import org.disputeledger.demand.DemandKind;

/** Record that an authority demanded something of a platform; opens the demand's stream. */
public record IssueDemand(String demandId, String jurisdiction, String authority, String platform,
                          String legalEntityId, DemandKind kind, String legalBasis, Long itemCount,
                          Map<String, Long> itemsByCategory, LocalDate deadline, Envelope envelope)
        implements LedgerCommand {

    public IssueDemand {
        InvalidValueException.requireText(demandId, "demandId");
        Slug.jurisdiction(jurisdiction, "jurisdiction");
        InvalidValueException.requireText(authority, "authority");
        InvalidValueException.requireMaxLength(authority, 300, "authority");
        Slug.require(platform, "platform");
        if (legalEntityId != null) {
            Slug.require(legalEntityId, "legalEntityId");
        }
        InvalidValueException.requireValue(kind, "kind");
        InvalidValueException.requireMaxLength(legalBasis, 300, "legalBasis");
        if (itemCount != null && itemCount < 0) {
            throw new InvalidValueException("itemCount", "non-negative", "itemCount must not be negative");
        }
        // checked before the copy: an immutable copy refuses a null count with an exception that names no field
        Map<String, Long> categories = itemsByCategory == null ? Map.of() : itemsByCategory;
        long categorised = 0;
        for (var entry : categories.entrySet()) {
            InvalidValueException.requireMaxLength(entry.getKey(), 100, "itemsByCategory");
            if (entry.getValue() == null || entry.getValue() < 0) {
                throw new InvalidValueException("itemsByCategory." + entry.getKey(), "non-negative",
                        "item counts by category must not be negative");
            }
            categorised = Math.addExact(categorised, entry.getValue());
        }
        itemsByCategory = Map.copyOf(categories);
        if (itemCount != null && categorised > itemCount) {
            throw new InvalidValueException("itemsByCategory", "categories-within-item-count",
                    "the items by category add up to more than itemCount");
        }
        InvalidValueException.requireValue(envelope, "envelope");
    }

    @Override
    public String streamId() {
        return demandId;
    }
}
