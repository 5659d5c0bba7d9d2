package org.disputeledger.projection.penalty;

import java.util.List;
import org.disputeledger.claim.Qualifier;
import org.disputeledger.common.EffectiveTime;

/**
 * The fines of one legal entity at a point of effective time, as the ledger knew them at a point of recorded time,
 * per currency (by currency code; empty when the ledger knows no fine and no reported total of the entity).
 */
public record PenaltyTotals(String legalEntity, List<CurrencyTotals> currencies) {

    public PenaltyTotals {
        currencies = List.copyOf(currencies);
    }

    /**
     * The figures of one currency, in integer minor units, each with the fines behind it; the fines themselves;
     * and the latest reported total beside the sum of the itemised fines (null when nothing was reported).
     */
    public record CurrencyTotals(String currency, Figure imposed, Figure underAppeal, Figure inForce, Figure paid,
                                 Figure outstanding, Figure referredToEnforcement, List<Fine> fines,
                                 ReportedTotal reported) {

        public CurrencyTotals {
            fines = List.copyOf(fines);
        }
    }

    /** An amount in minor units and the ids of the fines it adds up. */
    public record Figure(long minor, List<String> fineIds) {

        public Figure {
            fineIds = List.copyOf(fineIds);
        }
    }

    /**
     * One fine: what was imposed, what is due after the appeal decisions counted (0 when annulled), what was paid
     * and what is outstanding (due minus paid, never negative), with the ids of the events counted.
     */
    public record Fine(String fineId, List<String> eventIds, String provision, String authority, long imposedMinor,
                       long dueMinor, long paidMinor, long outstandingMinor, EffectiveTime effective, Status status,
                       boolean underAppeal, boolean inForce, boolean referredToEnforcement) {

        public Fine {
            eventIds = List.copyOf(eventIds);
        }
    }

    /**
     * Where a fine stands, the first that applies: ANNULLED, PAID (nothing outstanding), REFERRED_TO_ENFORCEMENT,
     * UNDER_APPEAL, IN_FORCE, IMPOSED.
     */
    public enum Status {
        IMPOSED, UNDER_APPEAL, IN_FORCE, REFERRED_TO_ENFORCEMENT, PAID, ANNULLED
    }

    /**
     * The latest total of fines imposed that someone reported (metric {@code fines_total_imposed}), beside the
     * imposed figure of the itemised fines: {@code disagrees} when the two differ; {@code lowerBound} when the
     * report said "more than".
     */
    public record ReportedTotal(String claimId, String eventId, String claimant, long reportedMinor,
                                Qualifier qualifier, boolean lowerBound, EffectiveTime effective, long itemisedMinor,
                                boolean disagrees, String comparison) {
    }
}
