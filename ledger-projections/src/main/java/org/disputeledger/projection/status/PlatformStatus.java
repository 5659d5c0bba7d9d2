package org.disputeledger.projection.status;

import java.util.List;
import org.disputeledger.common.EffectiveTime;
import org.disputeledger.restriction.ObservedState;
import org.disputeledger.restriction.RestrictionKind;

/**
 * The status of one platform in one jurisdiction at a point of effective time, as the ledger knew it at a point of
 * recorded time: the de jure state with the fact that put it there ({@code since}, null when nothing ever
 * restricted the platform), the restrictions in force, the threats not yet carried out, and beside them the latest
 * observation of how reachable the platform really was (null when none).
 */
public record PlatformStatus(String jurisdiction, String platform, State state, EffectiveTime since,
                             List<Restriction> restrictions, List<Threat> threats, Observation deFacto) {

    public PlatformStatus {
        restrictions = List.copyOf(restrictions);
        threats = List.copyOf(threats);
    }

    /** The de jure state, most severe first: BLOCKED > THROTTLED > THREATENED > NORMAL. */
    public enum State {
        BLOCKED, THROTTLED, THREATENED, NORMAL
    }

    /** A throttling or block in force: imposed, and not lifted by a lift known and effective by then. */
    public record Restriction(RestrictionKind kind, String restrictionId, String authority, String legalBasis,
                              EffectiveTime since, Scope scope) {
    }

    /**
     * What a restriction covers, as of its latest scope change in effect (or as imposed): percentages of mobile and
     * fixed-line connections for a throttling, addresses blocked for a block, each null when not stated.
     */
    public record Scope(Integer mobilePercent, Integer fixedPercent, Long addressesBlocked, String description,
                        EffectiveTime since) {
    }

    /** A threat of a throttling or block that no restriction at least as severe has followed yet. */
    public record Threat(String threatId, RestrictionKind kind, String authority, String condition,
                         EffectiveTime since) {
    }

    /** How reachable an observer found the platform, whatever had been ordered: the de facto state. */
    public record Observation(ObservedState observedState, EffectiveTime since, String observer, String technique) {
    }
}
