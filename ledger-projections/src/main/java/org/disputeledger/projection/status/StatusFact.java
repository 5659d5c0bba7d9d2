package org.disputeledger.projection.status;

import java.time.Instant;
import org.disputeledger.common.EffectiveTime;
import org.disputeledger.restriction.ObservedState;
import org.disputeledger.restriction.RestrictionKind;

/**
 * One row of {@code status_fact}: a fact about a service's access in one jurisdiction, with when it took effect
 * and when the ledger recorded it. Which fields are set depends on the kind; {@code restrictionKind} is what a
 * threat threatens or what a lift or scope change applies to, when known. {@code sources} (JSON) is written with the
 * row; the queries read it only for the facts an answer shows, and leave it null on the facts they fold.
 */
record StatusFact(String eventId, String jurisdiction, String service, long sequence, Kind kind,
                  RestrictionKind restrictionKind, String restrictionId, EffectiveTime effective, Instant recordedAt,
                  String authority, String legalBasis, Integer mobilePercent, Integer fixedPercent,
                  Long addressesBlocked, String scopeDescription, ObservedState observedState, String detail,
                  String sources) {

    /** What a fact does to the status of a service. */
    enum Kind {
        THREAT, ORDER, THROTTLING, BLOCK, SCOPE_CHANGE, LIFT, OBSERVATION
    }

    /** The same fact as corrected to take effect at another time. */
    StatusFact withEffective(EffectiveTime corrected) {
        return new StatusFact(eventId, jurisdiction, service, sequence, kind, restrictionKind, restrictionId, corrected,
                recordedAt, authority, legalBasis, mobilePercent, fixedPercent, addressesBlocked, scopeDescription,
                observedState, detail, sources);
    }

    /** True when the fact had taken effect by {@code at} and the ledger knew it by {@code knownAt}. */
    boolean visibleAt(Instant at, Instant knownAt) {
        return !effective.start().isAfter(at) && !recordedAt.isAfter(knownAt);
    }
}
