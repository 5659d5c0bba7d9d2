package org.disputeledger.sanction;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.disputeledger.common.EffectiveTime;
import org.disputeledger.common.LedgerRuleViolation;
import org.disputeledger.common.Money;
import org.disputeledger.common.RuleCode;
import org.disputeledger.sanction.command.AppealFine;
import org.disputeledger.sanction.command.DecideAppeal;
import org.disputeledger.sanction.command.EnterFineIntoForce;
import org.disputeledger.sanction.command.ImposeFine;
import org.disputeledger.sanction.command.OpenEnforcementProceeding;
import org.disputeledger.sanction.command.PayFine;
import org.disputeledger.sanction.command.ReferFineForEnforcement;
import org.disputeledger.sanction.event.AppealDecided;
import org.disputeledger.sanction.event.EnforcementProceedingOpened;
import org.disputeledger.sanction.event.EnforcementReferred;
import org.disputeledger.sanction.event.FineAppealed;
import org.disputeledger.sanction.event.FineEnteredIntoForce;
import org.disputeledger.sanction.event.FineImposed;
import org.disputeledger.sanction.event.FinePaid;

/**
 * One fine, from its imposition through appeal, entry into force and payment to enforcement. It is imposed by
 * {@link ImposeFineHandler}, which checks it against the provision and the earlier fine first.
 */
class Fine {

    @AggregateIdentifier
    private String fineId;
    private EffectiveTime imposed;
    private String jurisdiction;
    private String legalEntityId;
    private String provisionCode;
    private LocalDate offenceDate;
    private Money amountDue;
    private Money paid;
    private EffectiveTime pendingAppeal;
    private boolean inForce;
    private boolean annulled;
    private final Set<String> paymentIds = new HashSet<>();

    Fine() {
    }

    Fine(ImposeFine command, ProvisionCheck check) {
        apply(new FineImposed(command.fineId(), command.jurisdiction(), command.authority(), command.legalEntityId(),
                command.platform(), command.provisionCode(), command.offenceDate(), command.amount(),
                command.rulingCount(), command.repeatOfFineId(), command.revenue(), check, command.envelope()));
    }

    @CommandHandler
    void handle(AppealFine command) {
        requireNotAnnulled("appealed");
        requireNotInForce("appealed");
        if (pendingAppeal != null) {
            throw new LedgerRuleViolation(RuleCode.FINE_STATE_CONFLICT, "fineId",
                    "fine " + fineId + " is already under appeal since " + pendingAppeal.date());
        }
        requireNotBeforeImposition(command.envelope().effective());
        apply(new FineAppealed(fineId, command.appellant(), command.envelope()));
    }

    @CommandHandler
    void handle(DecideAppeal command) {
        if (pendingAppeal == null) {
            throw new LedgerRuleViolation(RuleCode.REVERSAL_WITHOUT_ACTIVE_ANTECEDENT, "fineId",
                    "fine " + fineId + " has no pending appeal to decide");
        }
        if (command.envelope().effective().isCertainlyBefore(pendingAppeal)) {
            throw new LedgerRuleViolation(RuleCode.EFFECTIVE_BEFORE_ANTECEDENT, "effective",
                    "the appeal against fine " + fineId + " was lodged on " + pendingAppeal.date() + ", after "
                            + command.envelope().effective().date());
        }
        if (command.outcome() == AppealOutcome.REDUCED) {
            requireAReduction(command.newAmount());
        }
        apply(new AppealDecided(fineId, command.court(), command.outcome(), command.newAmount(), command.envelope()));
    }

    @CommandHandler
    void handle(EnterFineIntoForce command) {
        requireNotAnnulled("entered into force");
        requireNotInForce("entered into force");
        if (pendingAppeal != null) {
            throw new LedgerRuleViolation(RuleCode.FINE_STATE_CONFLICT, "fineId",
                    "fine " + fineId + " is under appeal since " + pendingAppeal.date() + "; it cannot be in force");
        }
        requireNotBeforeImposition(command.envelope().effective());
        apply(new FineEnteredIntoForce(fineId, command.envelope()));
    }

    @CommandHandler
    void handle(PayFine command) {
        if (paymentIds.contains(command.paymentId())) {
            throw new LedgerRuleViolation(RuleCode.DUPLICATE_IDENTIFIER, "paymentId",
                    "fine " + fineId + " already has a payment " + command.paymentId());
        }
        requireFineCurrency(command.amount(), "amount.currency");
        requireNotBeforeImposition(command.envelope().effective());
        if (command.amount().exceeds(outstanding())) {
            throw new LedgerRuleViolation(RuleCode.PAYMENT_EXCEEDS_AMOUNT_DUE, "amount",
                    "a payment of " + Amounts.text(command.amount()) + " exceeds the " + Amounts.text(outstanding())
                            + " outstanding on fine " + fineId + (annulled ? ", which was annulled" : ""));
        }
        apply(new FinePaid(fineId, command.paymentId(), command.amount(), command.payer(), command.envelope()));
    }

    @CommandHandler
    void handle(ReferFineForEnforcement command) {
        requireSomethingToCollect();
        requireNotBeforeImposition(command.envelope().effective());
        apply(new EnforcementReferred(fineId, command.to(), command.envelope()));
    }

    @CommandHandler
    void handle(OpenEnforcementProceeding command) {
        requireSomethingToCollect();
        requireNotBeforeImposition(command.envelope().effective());
        apply(new EnforcementProceedingOpened(fineId, command.bailiffService(), command.proceedings(),
                command.envelope()));
    }

    private void requireNotAnnulled(String step) {
        if (annulled) {
            throw new LedgerRuleViolation(RuleCode.FINE_STATE_CONFLICT, "fineId",
                    "fine " + fineId + " was annulled on appeal; it cannot be " + step);
        }
    }

    private void requireNotInForce(String step) {
        if (inForce) {
            throw new LedgerRuleViolation(RuleCode.FINE_STATE_CONFLICT, "fineId",
                    "fine " + fineId + " is already in force; it cannot be " + step);
        }
    }

    private void requireNotBeforeImposition(EffectiveTime effective) {
        if (effective.isCertainlyBefore(imposed)) {
            throw new LedgerRuleViolation(RuleCode.EFFECTIVE_BEFORE_ANTECEDENT, "effective",
                    "fine " + fineId + " was imposed on " + imposed.date() + ", after " + effective.date());
        }
    }

    private void requireFineCurrency(Money money, String field) {
        if (!money.sameCurrency(amountDue)) {
            throw new LedgerRuleViolation(RuleCode.CURRENCY_MISMATCH, field,
                    "fine " + fineId + " is in " + amountDue.currency() + ", not " + money.currency());
        }
    }

    /** A reduction lowers what is due, and never below what was already paid, so outstanding stays non-negative. */
    private void requireAReduction(Money newAmount) {
        requireFineCurrency(newAmount, "newAmount.currency");
        if (!amountDue.exceeds(newAmount)) {
            throw new LedgerRuleViolation(RuleCode.FINE_STATE_CONFLICT, "newAmount",
                    "a reduction of fine " + fineId + " must be below its current amount, "
                            + Amounts.text(amountDue));
        }
        if (paid.exceeds(newAmount)) {
            throw new LedgerRuleViolation(RuleCode.PAYMENT_EXCEEDS_AMOUNT_DUE, "newAmount",
                    "fine " + fineId + " cannot be reduced below the " + Amounts.text(paid) + " already paid");
        }
    }

    private void requireSomethingToCollect() {
        requireNotAnnulled("enforced");
        if (outstanding().minor() == 0) {
            throw new LedgerRuleViolation(RuleCode.FINE_STATE_CONFLICT, "fineId",
                    "fine " + fineId + " is paid in full; nothing is left to enforce");
        }
    }

    /** What is still due: the amount after appeal reductions less payments, nothing once annulled. */
    private Money outstanding() {
        return annulled ? Money.of(0, amountDue.currency()) : amountDue.minus(paid);
    }

    String legalEntityId() {
        return legalEntityId;
    }

    String jurisdiction() {
        return jurisdiction;
    }

    String provisionCode() {
        return provisionCode;
    }

    LocalDate offenceDate() {
        return offenceDate;
    }

    boolean isAnnulled() {
        return annulled;
    }

    @EventSourcingHandler
    void on(FineImposed event) {
        fineId = event.fineId();
        imposed = event.envelope().effective();
        jurisdiction = event.jurisdiction();
        legalEntityId = event.legalEntityId();
        provisionCode = event.provisionCode();
        offenceDate = event.offenceDate();
        amountDue = event.amount();
        paid = Money.of(0, event.amount().currency());
    }

    @EventSourcingHandler
    void on(FineAppealed event) {
        pendingAppeal = event.envelope().effective();
    }

    @EventSourcingHandler
    void on(AppealDecided event) {
        pendingAppeal = null;
        if (event.outcome() == AppealOutcome.REDUCED) {
            amountDue = event.newAmount();
        }
        annulled = event.outcome() == AppealOutcome.ANNULLED;
    }

    @EventSourcingHandler
    void on(FineEnteredIntoForce event) {
        inForce = true;
    }

    @EventSourcingHandler
    void on(FinePaid event) {
        paid = paid.plus(event.amount());
        paymentIds.add(event.paymentId());
    }
}
