package org.disputeledger.projection.compliance;

import java.time.LocalDate;
import java.util.List;
import org.disputeledger.claim.Fraction;
import org.disputeledger.claim.Qualifier;
import org.disputeledger.common.EffectiveTime;
import org.disputeledger.common.Money;
import org.disputeledger.demand.DemandKind;

/**
 * The demands made of one platform in one jurisdiction and issued in a period ({@code from} and {@code to}
 * inclusive, by effective date; null for no bound) at a point of effective time, as the ledger knew them at a
 * point of recorded time: the totals of the demands not withdrawn, the number withdrawn, the totals per kind and
 * the items demanded per category, each demand; and beside them, never merged into them, the claims about the
 * platform's compliance stated in the period, in effective-time order.
 */
public record DemandCompliance(String platform, String jurisdiction, LocalDate from, LocalDate to, Figures totals,
                               long withdrawn, List<KindFigures> byKind, List<CategoryItems> byCategory,
                               List<Demand> demands, List<Claim> claims) {

    public DemandCompliance {
        byKind = List.copyOf(byKind);
        byCategory = List.copyOf(byCategory);
        demands = List.copyOf(demands);
        claims = List.copyOf(claims);
    }

    /**
     * The demands counted, the items they named, complied with, refused and outstanding (items of demands that
     * stated a count), and how many demands stated no item count.
     */
    public record Figures(long demands, long itemsDemanded, long itemsComplied, long itemsRefused,
                          long itemsOutstanding, long demandsWithoutItemCount) {
    }

    /** The figures of the demands of one kind. */
    public record KindFigures(DemandKind kind, Figures figures) {
    }

    /** The items demanded in one category, summed over the demands that gave a breakdown. */
    public record CategoryItems(String category, long itemsDemanded) {
    }

    /**
     * One demand: its items (null when not stated), the items complied with and refused, the items outstanding
     * (neither complied with nor refused, never negative; null when the demand stated no count), its status, its
     * deadline after the extensions counted, when it was issued, and the ids of the events counted.
     */
    public record Demand(String demandId, String eventId, String authority, DemandKind kind, Long items,
                         long complied, long refused, Long outstanding, Status status, LocalDate deadline,
                         EffectiveTime effective, List<String> eventIds) {

        public Demand {
            eventIds = List.copyOf(eventIds);
        }
    }

    /**
     * Where a demand stands, the first that applies: WITHDRAWN, COMPLIED (a full compliance counted),
     * PARTIALLY_COMPLIED (a partial compliance counted), OPEN.
     */
    public enum Status {
        OPEN, COMPLIED, PARTIALLY_COMPLIED, WITHDRAWN
    }

    /**
     * One claim as its claimant stated it: a statistic (metric, count or amount, qualifier, period or as-of date)
     * or an authority's compliance assessment (metric null; items flagged, removed, remaining, share complied,
     * assessment). {@code disagreesWith} names the other statistics listed with the same metric, period and unit
     * but another value; {@code disagrees} is true when it is not empty.
     */
    public record Claim(String claimId, String eventId, String type, String claimant, String metric, Long count,
                        Money amount, Qualifier qualifier, String period, LocalDate asOf, Long itemsFlagged,
                        Long itemsRemoved, Long itemsRemaining, Fraction shareComplied, String assessment,
                        EffectiveTime effective, boolean disagrees, List<String> disagreesWith) {

        public Claim {
            disagreesWith = List.copyOf(disagreesWith);
        }
    }
}
