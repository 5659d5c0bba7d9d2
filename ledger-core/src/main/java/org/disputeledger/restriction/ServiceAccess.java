package org.disputeledger.restriction;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.disputeledger.common.EffectiveTime;
import org.disputeledger.common.LedgerRuleViolation;
import org.disputeledger.common.RuleCode;
import org.disputeledger.restriction.command.ChangeThrottlingScope;
import org.disputeledger.restriction.command.ExpandBlockScope;
import org.disputeledger.restriction.command.ExtendThreatDeadline;
import org.disputeledger.restriction.command.ImposeBlock;
import org.disputeledger.restriction.command.ImposeThrottling;
import org.disputeledger.restriction.command.LiftBlock;
import org.disputeledger.restriction.command.LiftThrottling;
import org.disputeledger.restriction.command.ObserveInterference;
import org.disputeledger.restriction.command.OrderRestriction;
import org.disputeledger.restriction.command.RecordAppStoreRemoval;
import org.disputeledger.restriction.command.ThreatenRestriction;
import org.disputeledger.restriction.event.AppRemovedFromStore;
import org.disputeledger.restriction.event.BlockImposed;
import org.disputeledger.restriction.event.BlockLifted;
import org.disputeledger.restriction.event.BlockScopeExpanded;
import org.disputeledger.restriction.event.InterferenceObserved;
import org.disputeledger.restriction.event.RestrictionOrdered;
import org.disputeledger.restriction.event.RestrictionThreatened;
import org.disputeledger.restriction.event.ThreatDeadlineExtended;
import org.disputeledger.restriction.event.ThrottlingImposed;
import org.disputeledger.restriction.event.ThrottlingLifted;
import org.disputeledger.restriction.event.ThrottlingScopeChanged;

/**
 * The access of one jurisdiction's users to one service: every threat, order, throttling, block and measurement.
 * The stream opens with whichever of these comes first; lifts and changes need the restriction they address.
 */
class ServiceAccess {

    @AggregateIdentifier
    private String streamId;
    private final Set<String> usedIds = new HashSet<>();
    private final Map<String, Threat> threats = new HashMap<>();
    private final Map<String, Restriction> restrictions = new HashMap<>();

    /** A threat as made; {@code sequence} orders facts whose effective times overlap. */
    private record Threat(RestrictionKind kind, EffectiveTime made, long sequence, LocalDate deadline) {

        Threat withDeadline(LocalDate newDeadline) {
            return new Threat(kind, made, sequence, newDeadline);
        }
    }

    private record Restriction(RestrictionKind kind, EffectiveTime imposed, long sequence, boolean lifted) {

        Restriction asLifted() {
            return new Restriction(kind, imposed, sequence, true);
        }
    }

    ServiceAccess() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ThreatenRestriction command) {
        requireUnused(command.threatId(), "threatId");
        apply(new RestrictionThreatened(command.jurisdiction(), command.service(), command.threatId(),
                command.authority(), command.kind(), command.condition(), command.deadline(), command.envelope()));
    }

    @CommandHandler
    void handle(ExtendThreatDeadline command) {
        Threat threat = requireStandingThreat(command.threatId());
        requireNotBefore(threat.made(), command.envelope().effective(), "threat " + command.threatId());
        requireLaterDeadline(threat, command.newDeadline());
        apply(new ThreatDeadlineExtended(command.jurisdiction(), command.service(), command.threatId(),
                command.newDeadline(), command.envelope()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(OrderRestriction command) {
        requireUnused(command.orderId(), "orderId");
        apply(new RestrictionOrdered(command.jurisdiction(), command.service(), command.orderId(), command.authority(),
                command.measure(), command.legalBasis(), command.envelope()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ImposeThrottling command) {
        requireUnused(command.restrictionId(), "restrictionId");
        apply(new ThrottlingImposed(command.jurisdiction(), command.service(), command.restrictionId(),
                command.authority(), command.legalBasis(), command.scope(), command.envelope()));
    }

    @CommandHandler
    void handle(ChangeThrottlingScope command) {
        Restriction throttling = requireActiveRestriction(command.restrictionId(), RestrictionKind.THROTTLING);
        requireNotBefore(throttling.imposed(), command.envelope().effective(), "throttling " + command.restrictionId());
        apply(new ThrottlingScopeChanged(command.jurisdiction(), command.service(), command.restrictionId(),
                command.scope(), command.envelope()));
    }

    @CommandHandler
    void handle(LiftThrottling command) {
        Restriction throttling = requireActiveRestriction(command.restrictionId(), RestrictionKind.THROTTLING);
        requireNotBefore(throttling.imposed(), command.envelope().effective(), "throttling " + command.restrictionId());
        apply(new ThrottlingLifted(command.jurisdiction(), command.service(), command.restrictionId(),
                command.envelope()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ImposeBlock command) {
        requireUnused(command.restrictionId(), "restrictionId");
        apply(new BlockImposed(command.jurisdiction(), command.service(), command.restrictionId(), command.authority(),
                command.legalBasis(), command.method(), command.envelope()));
    }

    @CommandHandler
    void handle(ExpandBlockScope command) {
        Restriction block = requireActiveRestriction(command.restrictionId(), RestrictionKind.BLOCK);
        requireNotBefore(block.imposed(), command.envelope().effective(), "block " + command.restrictionId());
        apply(new BlockScopeExpanded(command.jurisdiction(), command.service(), command.restrictionId(),
                command.addressesBlocked(), command.description(), command.envelope()));
    }

    @CommandHandler
    void handle(LiftBlock command) {
        Restriction block = requireActiveRestriction(command.restrictionId(), RestrictionKind.BLOCK);
        requireNotBefore(block.imposed(), command.envelope().effective(), "block " + command.restrictionId());
        apply(new BlockLifted(command.jurisdiction(), command.service(), command.restrictionId(), command.envelope()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ObserveInterference command) {
        requireUnused(command.observationId(), "observationId");
        apply(new InterferenceObserved(command.jurisdiction(), command.service(), command.observationId(),
                command.observer(), command.observedState(), command.technique(), command.envelope()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordAppStoreRemoval command) {
        requireUnused(command.removalId(), "removalId");
        apply(new AppRemovedFromStore(command.jurisdiction(), command.service(), command.removalId(),
                command.stores(), command.requestedBy(), command.envelope()));
    }

    private void requireUnused(String id, String field) {
        if (usedIds.contains(id)) {
            throw new LedgerRuleViolation(RuleCode.DUPLICATE_IDENTIFIER, field,
                    field + " " + id + " is already used in stream " + streamId);
        }
    }

    /** The threat, unless it is unknown here or was overtaken by a later threat or by the restriction itself. */
    private Threat requireStandingThreat(String threatId) {
        Threat threat = threats.get(threatId);
        if (threat == null) {
            throw new LedgerRuleViolation(RuleCode.REVERSAL_WITHOUT_ACTIVE_ANTECEDENT, "threatId",
                    "stream " + streamId + " holds no threat " + threatId);
        }
        if (isSuperseded(threat)) {
            throw new LedgerRuleViolation(RuleCode.REVERSAL_WITHOUT_ACTIVE_ANTECEDENT, "threatId",
                    "threat " + threatId + " was superseded by a later threat or by the restriction it threatened");
        }
        return threat;
    }

    private static void requireLaterDeadline(Threat threat, LocalDate newDeadline) {
        if (threat.deadline() != null && !newDeadline.isAfter(threat.deadline())) {
            throw new LedgerRuleViolation(RuleCode.DEADLINE_NOT_LATER, "newDeadline",
                    "the new deadline " + newDeadline + " is not after the current one, " + threat.deadline());
        }
    }

    /**
     * A threat stands until the same threat is made again later, or a restriction at least as severe is imposed
     * later: a block carries out a threat of either kind, a throttling only a threat of throttling.
     */
    private boolean isSuperseded(Threat threat) {
        boolean repeated = threats.values().stream()
                .anyMatch(other -> other.kind() == threat.kind()
                        && isLater(other.made(), other.sequence(), threat.made(), threat.sequence()));
        boolean carriedOut = restrictions.values().stream()
                .anyMatch(restriction -> (restriction.kind() == RestrictionKind.BLOCK
                        || restriction.kind() == threat.kind())
                        && isLater(restriction.imposed(), restriction.sequence(), threat.made(), threat.sequence()));
        return repeated || carriedOut;
    }

    /**
     * Whether a fact took effect after another: certainly after it, or at a time that may overlap with it and
     * recorded after it.
     */
    private static boolean isLater(EffectiveTime time, long sequence, EffectiveTime than, long thanSequence) {
        if (than.isCertainlyBefore(time)) {
            return true;
        }
        return !time.isCertainlyBefore(than) && sequence > thanSequence;
    }

    /** The restriction of that kind, imposed in this stream and not lifted since (DOMAIN rule 1). */
    private Restriction requireActiveRestriction(String restrictionId, RestrictionKind kind) {
        Restriction restriction = restrictions.get(restrictionId);
        String name = nameOf(kind);
        if (restriction == null) {
            throw new LedgerRuleViolation(RuleCode.REVERSAL_WITHOUT_ACTIVE_ANTECEDENT, "restrictionId",
                    "stream " + streamId + " holds no " + name + " " + restrictionId);
        }
        if (restriction.kind() != kind) {
            throw new LedgerRuleViolation(RuleCode.REVERSAL_WITHOUT_ACTIVE_ANTECEDENT, "restrictionId",
                    "restriction " + restrictionId + " is a " + nameOf(restriction.kind()) + ", not a " + name);
        }
        if (restriction.lifted()) {
            throw new LedgerRuleViolation(RuleCode.REVERSAL_WITHOUT_ACTIVE_ANTECEDENT, "restrictionId",
                    name + " " + restrictionId + " was already lifted");
        }
        return restriction;
    }

    private static String nameOf(RestrictionKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static void requireNotBefore(EffectiveTime antecedent, EffectiveTime effective, String what) {
        if (effective.isCertainlyBefore(antecedent)) {
            throw new LedgerRuleViolation(RuleCode.EFFECTIVE_BEFORE_ANTECEDENT, "effective",
                    what + " took effect on " + antecedent.date() + ", after " + effective.date());
        }
    }

    @EventSourcingHandler
    void on(RestrictionThreatened event, @SequenceNumber long sequence) {
        streamId = ServiceAccessStreams.id(event.jurisdiction(), event.service());
        usedIds.add(event.threatId());
        threats.put(event.threatId(), new Threat(event.kind(), event.envelope().effective(), sequence,
                event.deadline()));
    }

    @EventSourcingHandler
    void on(ThreatDeadlineExtended event) {
        threats.computeIfPresent(event.threatId(), (id, threat) -> threat.withDeadline(event.newDeadline()));
    }

    @EventSourcingHandler
    void on(RestrictionOrdered event) {
        streamId = ServiceAccessStreams.id(event.jurisdiction(), event.service());
        usedIds.add(event.orderId());
    }

    @EventSourcingHandler
    void on(ThrottlingImposed event, @SequenceNumber long sequence) {
        streamId = ServiceAccessStreams.id(event.jurisdiction(), event.service());
        usedIds.add(event.restrictionId());
        restrictions.put(event.restrictionId(),
                new Restriction(RestrictionKind.THROTTLING, event.envelope().effective(), sequence, false));
    }

    @EventSourcingHandler
    void on(ThrottlingLifted event) {
        restrictions.computeIfPresent(event.restrictionId(), (id, restriction) -> restriction.asLifted());
    }

    @EventSourcingHandler
    void on(BlockImposed event, @SequenceNumber long sequence) {
        streamId = ServiceAccessStreams.id(event.jurisdiction(), event.service());
        usedIds.add(event.restrictionId());
        restrictions.put(event.restrictionId(),
                new Restriction(RestrictionKind.BLOCK, event.envelope().effective(), sequence, false));
    }

    @EventSourcingHandler
    void on(BlockLifted event) {
        restrictions.computeIfPresent(event.restrictionId(), (id, restriction) -> restriction.asLifted());
    }

    @EventSourcingHandler
    void on(InterferenceObserved event) {
        streamId = ServiceAccessStreams.id(event.jurisdiction(), event.service());
        usedIds.add(event.observationId());
    }

    @EventSourcingHandler
    void on(AppRemovedFromStore event) {
        streamId = ServiceAccessStreams.id(event.jurisdiction(), event.service());
        usedIds.add(event.removalId());
    }
}
