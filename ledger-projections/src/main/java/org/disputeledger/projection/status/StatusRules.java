package org.disputeledger.projection.status;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.disputeledger.common.EffectiveTime;
import org.disputeledger.projection.status.PlatformStatus.Observation;
import org.disputeledger.projection.status.PlatformStatus.Restriction;
import org.disputeledger.projection.status.PlatformStatus.Scope;
import org.disputeledger.projection.status.PlatformStatus.State;
import org.disputeledger.projection.status.PlatformStatus.Threat;
import org.disputeledger.projection.status.StatusFact.Kind;
import org.disputeledger.restriction.RestrictionKind;

/**
 * The bitemporal rules of the platform status, on the facts of one platform in one jurisdiction.
 * <ol>
 * <li>Only facts recorded at or before {@code knownAt} and effective (their start) at or before {@code at} count.
 * <li>A throttling or block is in force when it was imposed and no counted lift names it. Its scope is that of
 * its latest counted scope change (effective time, then stream order), or the scope it was imposed with.
 * <li>A threat is pending until a throttling or block at least as severe as the threatened measure (a block
 * answers any threat, a throttling answers a threat of throttling) takes effect at or after the threat, whether
 * or not that restriction was lifted later. A threat never expires on its own.
 * <li>The state is BLOCKED if a block is in force, else THROTTLED if a throttling is, else THREATENED if a threat is
 * pending, else NORMAL. {@code since} is the earliest effective time among the facts that make the state (the
 * restrictions in force of that kind, or the pending threats); for NORMAL it is the latest counted lift, or null.
 * <li>The de facto state is the latest counted observation (effective time, then stream order).
 * </ol>
 */
final class StatusRules {

    private static final Comparator<StatusFact> IN_EFFECT_ORDER = Comparator
            .comparing((StatusFact fact) -> fact.effective().start()).thenComparingLong(StatusFact::sequence);

    private StatusRules() {
    }

    static PlatformStatus evaluate(String jurisdiction, String platform, List<StatusFact> allFacts, Instant at,
                                   Instant knownAt) {
        List<StatusFact> facts = allFacts.stream().filter(fact -> fact.visibleAt(at, knownAt))
                .sorted(IN_EFFECT_ORDER).toList();
        Set<String> lifted = facts.stream().filter(fact -> fact.kind() == Kind.LIFT).map(StatusFact::restrictionId)
                .collect(Collectors.toSet());
        Map<String, StatusFact> latestScopeChange = facts.stream().filter(fact -> fact.kind() == Kind.SCOPE_CHANGE)
                .collect(Collectors.toMap(StatusFact::restrictionId, Function.identity(), (earlier, later) -> later));
        List<StatusFact> imposed = facts.stream().filter(StatusRules::isImposition).toList();

        List<Restriction> inForce = imposed.stream().filter(fact -> !lifted.contains(fact.restrictionId()))
                .map(fact -> restriction(fact, latestScopeChange.get(fact.restrictionId()))).toList();
        List<Threat> pending = facts.stream().filter(fact -> fact.kind() == Kind.THREAT)
                .filter(threat -> imposed.stream().noneMatch(restriction -> answers(restriction, threat)))
                .map(StatusRules::threat).toList();

        State state;
        EffectiveTime since;
        if (has(inForce, RestrictionKind.BLOCK)) {
            state = State.BLOCKED;
            since = earliest(inForce, RestrictionKind.BLOCK);
        } else if (has(inForce, RestrictionKind.THROTTLING)) {
            state = State.THROTTLED;
            since = earliest(inForce, RestrictionKind.THROTTLING);
        } else if (!pending.isEmpty()) {
            state = State.THREATENED;
            since = pending.get(0).since();
        } else {
            state = State.NORMAL;
            since = facts.stream().filter(fact -> fact.kind() == Kind.LIFT).reduce((earlier, later) -> later)
                    .map(StatusFact::effective).orElse(null);
        }
        Observation deFacto = facts.stream().filter(fact -> fact.kind() == Kind.OBSERVATION)
                .reduce((earlier, later) -> later)
                .map(fact -> new Observation(fact.observedState(), fact.effective(), fact.authority(), fact.detail(),
                        fact.eventId(), List.of()))
                .orElse(null);
        return new PlatformStatus(jurisdiction, platform, state, since, inForce, pending, deFacto);
    }

    private static boolean isImposition(StatusFact fact) {
        return fact.kind() == Kind.THROTTLING || fact.kind() == Kind.BLOCK;
    }

    /** A restriction answers a threat when it is at least as severe and took effect at or after it. */
    private static boolean answers(StatusFact restriction, StatusFact threat) {
        boolean severeEnough = restriction.restrictionKind() == RestrictionKind.BLOCK
                || threat.restrictionKind() != RestrictionKind.BLOCK;
        return severeEnough && !restriction.effective().start().isBefore(threat.effective().start());
    }

    private static Restriction restriction(StatusFact imposed, StatusFact scopeChange) {
        StatusFact scope = Optional.ofNullable(scopeChange).orElse(imposed);
        boolean stated = scope.mobilePercent() != null || scope.fixedPercent() != null
                || scope.addressesBlocked() != null || scope.scopeDescription() != null;
        return new Restriction(imposed.restrictionKind(), imposed.restrictionId(), imposed.authority(),
                imposed.legalBasis(), imposed.effective(), stated ? new Scope(scope.mobilePercent(),
                scope.fixedPercent(), scope.addressesBlocked(), scope.scopeDescription(), scope.effective()) : null,
                imposed.eventId(), List.of());
    }

    private static Threat threat(StatusFact fact) {
        return new Threat(fact.restrictionId(), fact.restrictionKind(), fact.authority(), fact.detail(),
                fact.effective(), fact.eventId(), List.of());
    }

    private static boolean has(List<Restriction> restrictions, RestrictionKind kind) {
        return restrictions.stream().anyMatch(restriction -> restriction.kind() == kind);
    }

    private static EffectiveTime earliest(List<Restriction> restrictions, RestrictionKind kind) {
        return restrictions.stream().filter(restriction -> restriction.kind() == kind).findFirst().orElseThrow()
                .since();
    }
}
