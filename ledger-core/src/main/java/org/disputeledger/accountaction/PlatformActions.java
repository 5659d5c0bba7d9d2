package org.disputeledger.accountaction;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.disputeledger.accountaction.command.ApplyLabel;
import org.disputeledger.accountaction.command.RemoveLabel;
import org.disputeledger.accountaction.command.RestoreAccount;
import org.disputeledger.accountaction.command.SuspendAccount;
import org.disputeledger.accountaction.command.SuspendAccounts;
import org.disputeledger.accountaction.command.WithholdContent;
import org.disputeledger.accountaction.event.AccountRestored;
import org.disputeledger.accountaction.event.AccountSuspended;
import org.disputeledger.accountaction.event.AccountsSuspended;
import org.disputeledger.accountaction.event.ContentWithheld;
import org.disputeledger.accountaction.event.LabelApplied;
import org.disputeledger.accountaction.event.LabelRemoved;
import org.disputeledger.common.EffectiveTime;
import org.disputeledger.common.LedgerRuleViolation;
import org.disputeledger.common.RuleCode;

/**
 * Everything one platform did against state-linked actors. Any command may be the platform's first, so every
 * handler creates the stream if missing; a reversal on an empty stream is then refused by the ledger's rule (no
 * active antecedent) rather than as an unknown stream.
 */
class PlatformActions {

    @AggregateIdentifier
    private String streamId;
    private final Set<String> usedIds = new HashSet<>();
    private final Map<String, EffectiveTime> suspensions = new HashMap<>();
    private final Set<String> restoredSuspensions = new HashSet<>();
    private final Map<String, EffectiveTime> labels = new HashMap<>();
    private final Set<String> removedLabels = new HashSet<>();

    PlatformActions() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SuspendAccount command) {
        requireUnusedId(command.suspensionId(), "suspensionId", command.platform());
        apply(new AccountSuspended(command.platform(), command.suspensionId(), command.account(), command.holder(),
                command.action(), command.policy(), command.envelope()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RestoreAccount command) {
        requireActiveSuspension(command.platform(), command.suspensionId());
        requireNotBefore(command.envelope().effective(), suspensions.get(command.suspensionId()),
                "suspension " + command.suspensionId());
        apply(new AccountRestored(command.platform(), command.suspensionId(), command.envelope()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SuspendAccounts command) {
        requireUnusedId(command.batchId(), "batchId", command.platform());
        apply(new AccountsSuspended(command.platform(), command.batchId(), command.count(), command.accounts(),
                command.breakdown(), command.action(), command.policy(), command.envelope()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ApplyLabel command) {
        requireUnusedId(command.labelId(), "labelId", command.platform());
        apply(new LabelApplied(command.platform(), command.labelId(), command.label(), command.subjects(),
                command.deamplified(), command.envelope()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RemoveLabel command) {
        requireAppliedLabel(command.platform(), command.labelId());
        requireNotBefore(command.envelope().effective(), labels.get(command.labelId()), "label " + command.labelId());
        apply(new LabelRemoved(command.platform(), command.labelId(), command.envelope()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(WithholdContent command) {
        requireUnusedId(command.withholdingId(), "withholdingId", command.platform());
        apply(new ContentWithheld(command.platform(), command.withholdingId(), command.description(),
                command.features(), command.territory(), command.envelope()));
    }

    private void requireUnusedId(String id, String field, String platform) {
        if (usedIds.contains(id)) {
            throw new LedgerRuleViolation(RuleCode.DUPLICATE_IDENTIFIER, field,
                    field + " " + id + " is already used on platform " + platform);
        }
    }

    /** DOMAIN rule 1: a restoration names a suspension of this platform that is still in force. */
    private void requireActiveSuspension(String platform, String suspensionId) {
        if (!suspensions.containsKey(suspensionId)) {
            throw new LedgerRuleViolation(RuleCode.REVERSAL_WITHOUT_ACTIVE_ANTECEDENT, "suspensionId",
                    "platform " + platform + " has no suspension " + suspensionId);
        }
        if (restoredSuspensions.contains(suspensionId)) {
            throw new LedgerRuleViolation(RuleCode.REVERSAL_WITHOUT_ACTIVE_ANTECEDENT, "suspensionId",
                    "suspension " + suspensionId + " on platform " + platform + " was already restored");
        }
    }

    /** DOMAIN rule 1, for labels: a removal names a label of this platform that is still applied. */
    private void requireAppliedLabel(String platform, String labelId) {
        if (!labels.containsKey(labelId)) {
            throw new LedgerRuleViolation(RuleCode.REVERSAL_WITHOUT_ACTIVE_ANTECEDENT, "labelId",
                    "platform " + platform + " has no label " + labelId);
        }
        if (removedLabels.contains(labelId)) {
            throw new LedgerRuleViolation(RuleCode.REVERSAL_WITHOUT_ACTIVE_ANTECEDENT, "labelId",
                    "label " + labelId + " on platform " + platform + " was already removed");
        }
    }

    private static void requireNotBefore(EffectiveTime effective, EffectiveTime antecedent, String what) {
        if (effective.isCertainlyBefore(antecedent)) {
            throw new LedgerRuleViolation(RuleCode.EFFECTIVE_BEFORE_ANTECEDENT, "effective",
                    what + " took effect on " + antecedent.date() + ", after " + effective.date());
        }
    }

    @EventSourcingHandler
    void on(AccountSuspended event) {
        streamId = PlatformActionsStream.idOf(event.platform());
        usedIds.add(event.suspensionId());
        suspensions.put(event.suspensionId(), event.envelope().effective());
    }

    @EventSourcingHandler
    void on(AccountRestored event) {
        streamId = PlatformActionsStream.idOf(event.platform());
        restoredSuspensions.add(event.suspensionId());
    }

    @EventSourcingHandler
    void on(AccountsSuspended event) {
        streamId = PlatformActionsStream.idOf(event.platform());
        usedIds.add(event.batchId());
    }

    @EventSourcingHandler
    void on(LabelApplied event) {
        streamId = PlatformActionsStream.idOf(event.platform());
        usedIds.add(event.labelId());
        labels.put(event.labelId(), event.envelope().effective());
    }

    @EventSourcingHandler
    void on(LabelRemoved event) {
        streamId = PlatformActionsStream.idOf(event.platform());
        removedLabels.add(event.labelId());
    }

    @EventSourcingHandler
    void on(ContentWithheld event) {
        streamId = PlatformActionsStream.idOf(event.platform());
        usedIds.add(event.withholdingId());
    }
}
