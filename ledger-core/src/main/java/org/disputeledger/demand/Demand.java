package org.disputeledger.demand;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.disputeledger.common.EffectiveTime;
import org.disputeledger.common.LedgerRuleViolation;
import org.disputeledger.common.RuleCode;
import org.disputeledger.demand.command.ComplyWithDemand;
import org.disputeledger.demand.command.ExtendDemandDeadline;
import org.disputeledger.demand.command.IssueDemand;
import org.disputeledger.demand.command.RefuseDemand;
import org.disputeledger.demand.command.WithdrawDemand;
import org.disputeledger.demand.event.DemandComplied;
import org.disputeledger.demand.event.DemandDeadlineExtended;
import org.disputeledger.demand.event.DemandIssued;
import org.disputeledger.demand.event.DemandRefused;
import org.disputeledger.demand.event.DemandWithdrawn;

/** One demand of an authority to a platform, from its issue to its closing. */
class Demand {

    @AggregateIdentifier
    private String demandId;
    private EffectiveTime issued;
    private Long itemCount;
    private long itemsActioned;
    private long itemsRefused;
    private java.time.LocalDate deadline;
    private boolean closed;

    Demand() {
    }

    @CommandHandler
    Demand(IssueDemand command) {
        apply(new DemandIssued(command.demandId(), command.jurisdiction(), command.authority(), command.platform(),
                command.legalEntityId(), command.kind(), command.legalBasis(), command.itemCount(),
                command.itemsByCategory(), command.deadline(), command.envelope()));
    }

    @CommandHandler
    void handle(ExtendDemandDeadline command) {
        requireOpen();
        requireNotBeforeIssue(command.envelope().effective());
        if (deadline != null && !command.newDeadline().isAfter(deadline)) {
            throw new LedgerRuleViolation(RuleCode.DEADLINE_NOT_LATER, "newDeadline",
                    "the new deadline " + command.newDeadline() + " is not after the current one, " + deadline);
        }
        apply(new DemandDeadlineExtended(demandId, command.newDeadline(), command.envelope()));
    }

    @CommandHandler
    void handle(ComplyWithDemand command) {
        requireOpen();
        requireNotBeforeIssue(command.envelope().effective());
        Long actioned = command.itemsActioned();
        if (actioned == null && command.scope() == ComplianceScope.FULL && itemCount != null) {
            actioned = remainingItems();
        }
        requireWithinItemCount(actioned, "itemsActioned");
        apply(new DemandComplied(demandId, command.scope(), actioned, command.envelope()));
    }

    @CommandHandler
    void handle(RefuseDemand command) {
        requireOpen();
        requireNotBeforeIssue(command.envelope().effective());
        requireWithinItemCount(command.itemsRefused(), "itemsRefused");
        apply(new DemandRefused(demandId, command.itemsRefused(), command.reason(), command.envelope()));
    }

    @CommandHandler
    void handle(WithdrawDemand command) {
        requireOpen();
        requireNotBeforeIssue(command.envelope().effective());
        apply(new DemandWithdrawn(demandId, command.envelope()));
    }

    private void requireOpen() {
        if (closed) {
            throw new LedgerRuleViolation(RuleCode.DEMAND_CLOSED, "demandId",
                    "demand " + demandId + " was fully complied with or withdrawn; nothing follows it");
        }
    }

    private void requireNotBeforeIssue(EffectiveTime effective) {
        if (effective.isCertainlyBefore(issued)) {
            throw new LedgerRuleViolation(RuleCode.EFFECTIVE_BEFORE_ANTECEDENT, "effective",
                    "demand " + demandId + " was issued on " + issued.date() + ", after " + effective.date());
        }
    }

    private void requireWithinItemCount(Long items, String field) {
        if (items != null && itemCount != null && items > remainingItems()) {
            throw new LedgerRuleViolation(RuleCode.COMPLIANCE_EXCEEDS_ITEM_COUNT, field,
                    field + " " + items + " exceeds the " + remainingItems() + " items of demand " + demandId
                            + " not yet complied with or refused (of " + itemCount + ")");
        }
    }

    private long remainingItems() {
        return itemCount - itemsActioned - itemsRefused;
    }

    @EventSourcingHandler
    void on(DemandIssued event) {
        demandId = event.demandId();
        issued = event.envelope().effective();
        itemCount = event.itemCount();
        deadline = event.deadline();
    }

    @EventSourcingHandler
    void on(DemandDeadlineExtended event) {
        deadline = event.newDeadline();
    }

    @EventSourcingHandler
    void on(DemandComplied event) {
        if (event.itemsActioned() != null) {
            itemsActioned += event.itemsActioned();
        }
        closed = event.scope() == ComplianceScope.FULL;
    }

    @EventSourcingHandler
    void on(DemandRefused event) {
        if (event.itemsRefused() != null) {
            itemsRefused += event.itemsRefused();
        }
    }

    @EventSourcingHandler
    void on(DemandWithdrawn event) {
        closed = true;
    }
}
