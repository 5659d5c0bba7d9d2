package org.disputeledger.claim.command;

import java.time.LocalDate;
import java.util.Map;
import org.disputeledger.claim.Qualifier;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.common.Money;
import org.disputeledger.common.Slug;

/**
 * Record that a claimant stated a figure (a count or an amount, exactly one) for a metric; opens the claim's stream.
 * A conflicting figure from another claimant or date is recorded as a claim of its own.
 */
public record ReportStatistic(String claimId, String claimant, String jurisdiction, String platform,
                              String legalEntityId, String metric, Long count, Money amount, Qualifier qualifier,
                              String period, LocalDate asOf, Map<String, Long> breakdown, Envelope envelope)
        implements LedgerCommand {

    private static final String METRIC = "[a-z][a-z0-9]*(_[a-z0-9]+)*";

    public ReportStatistic {
        CommandValues.requireId(claimId, "claimId");
        CommandValues.requireName(claimant, "claimant");
        Slug.jurisdiction(jurisdiction, "jurisdiction");
        CommandValues.optionalSlug(platform, "platform");
        CommandValues.optionalSlug(legalEntityId, "legalEntityId");
        InvalidValueException.requireText(metric, "metric");
        if (!metric.matches(METRIC) || metric.length() > CommandValues.MAX_ID) {
            throw new InvalidValueException("metric", "metric-name",
                    "metric must be a lower-case name with underscores, such as undeleted_items");
        }
        if (count == null && amount == null) {
            throw new InvalidValueException("count", "count-or-amount", "a statistic needs a count or an amount");
        }
        if (count != null && amount != null) {
            throw new InvalidValueException("amount", "count-or-amount",
                    "a statistic has a count or an amount, not both");
        }
        CommandValues.nonNegative(count, "count");
        InvalidValueException.requireValue(qualifier, "qualifier");
        CommandValues.optionalText(period, 50, "period");
        breakdown = figures(breakdown);
        InvalidValueException.requireValue(envelope, "envelope");
    }

    private static Map<String, Long> figures(Map<String, Long> breakdown) {
        if (breakdown == null) {
            return Map.of();
        }
        for (var entry : breakdown.entrySet()) {
            InvalidValueException.requireText(entry.getKey(), "breakdown");
            InvalidValueException.requireMaxLength(entry.getKey(), CommandValues.MAX_ID, "breakdown");
            if (entry.getValue() == null || entry.getValue() < 0) {
                throw new InvalidValueException("breakdown." + entry.getKey(), "non-negative",
                        "breakdown figures must be present and not negative");
            }
        }
        return Map.copyOf(breakdown);
    }

    @Override
    public String streamId() {
        return claimId;
    }
}
