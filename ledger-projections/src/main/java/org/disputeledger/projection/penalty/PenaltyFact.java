package org.disputeledger.projection.penalty;

import java.time.Instant;
import org.disputeledger.claim.Qualifier;
import org.disputeledger.common.EffectiveTime;
import org.disputeledger.sanction.AppealOutcome;

/**
 * One row of {@code penalty_fact}: a fact about a fine of a legal entity, or a total of its fines that someone
 * reported, with when it took effect and when the ledger recorded it. {@code itemId} is the fine's id, or the
 * claim's id of a reported total. The amount (minor units) is the fine's for an imposition, the new amount of a
 * reduction, a payment's, or the total reported; {@code party} is the authority, court, appellant, payer,
 * enforcement service or claimant; {@code provision} is set on an imposition only. {@code sources} (JSON) is
 * written with the row and not read back for answers, which do not show it (null then).
 */
record PenaltyFact(String eventId, String legalEntity, String itemId, long sequence, Kind kind, Long amountMinor,
                   String currency, AppealOutcome outcome, String provision, String party, Qualifier qualifier,
                   EffectiveTime effective, Instant recordedAt, String sources) {

    /** What a fact does to the totals of a legal entity. */
    enum Kind {
        IMPOSED, APPEALED, APPEAL_DECIDED, IN_FORCE, PAID, REFERRED, PROCEEDING_OPENED, REPORTED_TOTAL
    }

    /** True when the fact had taken effect by {@code at} and the ledger knew it by {@code knownAt}. */
    boolean visibleAt(Instant at, Instant knownAt) {
        return !effective.start().isAfter(at) && !recordedAt.isAfter(knownAt);
    }
}
