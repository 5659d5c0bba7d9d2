package org.disputeledger.projection.compliance;

import java.time.Instant;
import java.time.LocalDate;
import org.disputeledger.claim.Fraction;
import org.disputeledger.claim.Qualifier;
import org.disputeledger.common.EffectiveTime;
import org.disputeledger.common.Money;

/**
 * One row of {@code compliance_claim_fact}: a figure someone stated about a platform (a statistic: metric, count or
 * amount, qualifier, period or as-of date) or an authority's assessment of its compliance (items flagged, removed
 * and remaining, share complied, assessment in words), with when it took effect and when the ledger recorded it.
 * {@code sources} (JSON) is written with the row and not read back for answers, which do not show it (null then).
 */
record ClaimFact(String eventId, String claimId, String platform, String jurisdiction, Kind kind, String claimant,
                 String metric, Long count, Money amount, Qualifier qualifier, String period, LocalDate asOf,
                 Long itemsFlagged, Long itemsRemoved, Long itemsRemaining, Fraction shareComplied,
                 String assessment, String demandId, EffectiveTime effective, Instant recordedAt, String sources) {

    /** Which claim it is. */
    enum Kind {
        STATISTIC_REPORTED, COMPLIANCE_ASSESSED
    }

    /** True when the claim had taken effect by {@code at} and the ledger knew it by {@code knownAt}. */
    boolean visibleAt(Instant at, Instant knownAt) {
        return !effective.start().isAfter(at) && !recordedAt.isAfter(knownAt);
    }
}
