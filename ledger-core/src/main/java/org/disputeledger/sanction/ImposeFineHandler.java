package org.disputeledger.sanction;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerRuleViolation;
import org.disputeledger.common.Money;
import org.disputeledger.common.RuleCode;
import org.disputeledger.provision.FixedRange;
import org.disputeledger.provision.Fraction;
import org.disputeledger.provision.Penalty;
import org.disputeledger.provision.ProvisionHistory;
import org.disputeledger.provision.ProvisionRegister;
import org.disputeledger.provision.ProvisionVersion;
import org.disputeledger.provision.TurnoverBand;
import org.disputeledger.sanction.command.ImposeFine;

/**
 * Imposes fines. Unlike the fine's other commands this one reads beyond the fine's own stream: DOMAIN rule 3 checks
 * the amount against the provision version in force on the offence date, and a repeat fine against the earlier fine
 * it names. A provision the ledger does not hold is recorded as unchecked, never guessed.
 */
class ImposeFineHandler {

    private final Repository<Fine> fines;
    private final EventStore ledger;
    private final ProvisionRegister provisions;

    ImposeFineHandler(Repository<Fine> fines, EventStore ledger) {
        this.fines = fines;
        this.ledger = ledger;
        this.provisions = new ProvisionRegister(ledger);
    }

    @CommandHandler
    void handle(ImposeFine command) throws Exception {
        requireUnusedId(command.fineId());
        if (command.revenue() != null) {
            requireSameCurrency(command, command.revenue(), "revenue.currency", "the revenue is in ");
        }
        ProvisionCheck check = check(command);
        fines.newInstance(() -> new Fine(command, check));
    }

    private ProvisionCheck check(ImposeFine command) {
        if (command.provisionCode() == null) {
            requirePriorFine(command, null);
            return ProvisionCheck.NO_PROVISION_STATED;
        }
        Optional<ProvisionHistory> history = provisions.find(command.jurisdiction(), command.provisionCode());
        if (history.isEmpty()) {
            requirePriorFine(command, null);
            return ProvisionCheck.UNREGISTERED_PROVISION;
        }
        ProvisionVersion version = requireVersionInForce(command, history.get());
        requirePriorFine(command, version);
        return checkPenalty(command, version);
    }

    private void requireUnusedId(String fineId) {
        if (ledger.lastSequenceNumberFor(fineId).isPresent()) {
            throw new LedgerRuleViolation(RuleCode.DUPLICATE_IDENTIFIER, "fineId",
                    "stream " + fineId + " already exists");
        }
    }

    private ProvisionVersion requireVersionInForce(ImposeFine command, ProvisionHistory history) {
        return history.inForceOn(command.offenceDate()).orElseThrow(() -> new LedgerRuleViolation(
                RuleCode.NO_PROVISION_VERSION_IN_FORCE, "offenceDate",
                "no version of " + command.provisionCode() + " was in force on " + command.offenceDate()
                        + "; the first took effect on " + history.versions().get(0).effectiveFrom()));
    }

    /**
     * A repeat offence needs the earlier fine on the base provision against the same entity, within the window.
     * A fine that names an earlier fine without the provision asking for one must still name a real, earlier one.
     */
    private void requirePriorFine(ImposeFine command, ProvisionVersion version) {
        boolean repeatOffence = version != null && version.isRepeatOffence();
        String priorId = command.repeatOfFineId();
        if (priorId == null) {
            if (repeatOffence) {
                throw noPriorFine(command, "a repeat offence under " + command.provisionCode()
                        + " must name the earlier fine on " + version.repeatOf() + " in repeatOfFineId");
            }
            return;
        }
        if (ledger.lastSequenceNumberFor(priorId).isEmpty()) {
            throw noPriorFine(command, "the ledger holds no fine " + priorId);
        }
        Fine prior = fines.load(priorId).invoke(Function.identity());
        if (prior.legalEntityId() == null) {
            throw noPriorFine(command, "stream " + priorId + " is not a fine");
        }
        if (!prior.legalEntityId().equals(command.legalEntityId())) {
            throw noPriorFine(command, "fine " + priorId + " was imposed on " + prior.legalEntityId() + ", not on "
                    + command.legalEntityId());
        }
        if (!prior.offenceDate().isBefore(command.offenceDate())) {
            throw noPriorFine(command, "the offence of fine " + priorId + " on " + prior.offenceDate()
                    + " is not before this one on " + command.offenceDate());
        }
        if (prior.isAnnulled()) {
            throw noPriorFine(command, "fine " + priorId + " was annulled on appeal");
        }
        if (repeatOffence) {
            requireOnBaseProvision(command, version, prior, priorId);
        }
    }

    private void requireOnBaseProvision(ImposeFine command, ProvisionVersion version, Fine prior, String priorId) {
        String base = ProvisionRegister.streamId(command.jurisdiction(), version.repeatOf());
        if (prior.provisionCode() == null || !prior.jurisdiction().equals(command.jurisdiction())
                || !ProvisionRegister.streamId(prior.jurisdiction(), prior.provisionCode()).equals(base)) {
            throw noPriorFine(command, "fine " + priorId + " is under " + prior.provisionCode() + ", not under "
                    + version.repeatOf() + ", the base provision of " + command.provisionCode());
        }
        LocalDate windowEnd = prior.offenceDate().plusDays(version.repeatWindowDays());
        if (command.offenceDate().isAfter(windowEnd)) {
            throw noPriorFine(command, "the offence on " + command.offenceDate() + " is more than "
                    + version.repeatWindowDays() + " days after that of fine " + priorId + " on "
                    + prior.offenceDate());
        }
    }

    private static LedgerRuleViolation noPriorFine(ImposeFine command, String reason) {
        return new LedgerRuleViolation(RuleCode.REPEAT_FINE_WITHOUT_PRIOR_FINE, "repeatOfFineId",
                "fine " + command.fineId() + ": " + reason);
    }

    private ProvisionCheck checkPenalty(ImposeFine command, ProvisionVersion version) {
        Penalty penalty = version.penalty();
        if (penalty == null) {
            return ProvisionCheck.NO_RANGE_IN_PROVISION;
        }
        if (penalty instanceof FixedRange range) {
            requireSameCurrency(command, range.min(), "amount.currency",
                    command.provisionCode() + " sets its range in ");
        } else if (penalty instanceof TurnoverBand band) {
            requireSameCurrency(command, band.floor(), "amount.currency",
                    command.provisionCode() + " sets its floor in ");
        }
        Integer rulings = command.rulingCount();
        if (rulings == null) {
            return ProvisionCheck.BUNDLE_OF_UNKNOWN_SIZE;
        }
        if (penalty instanceof FixedRange range) {
            requireWithinRange(command, version, range, rulings);
        } else if (penalty instanceof TurnoverBand band) {
            requireWithinBand(command, version, band, rulings);
        }
        return rulings == 1 ? ProvisionCheck.CHECKED : ProvisionCheck.CHECKED_AS_BUNDLE;
    }

    /** A bundle of n rulings is checked as n fines: its total lies between n times the minimum and the maximum. */
    private static void requireWithinRange(ImposeFine command, ProvisionVersion version, FixedRange range,
                                           int rulings) {
        Money min = times(range.min(), rulings);
        Money max = times(range.max(), rulings);
        if (min.exceeds(command.amount()) || command.amount().exceeds(max)) {
            throw new LedgerRuleViolation(RuleCode.FINE_OUTSIDE_PROVISION_RANGE, "amount",
                    Amounts.text(command.amount()) + " lies outside " + Amounts.text(min) + " to "
                            + Amounts.text(max) + ", the range of " + command.provisionCode() + " from "
                            + version.effectiveFrom() + rulingsText(rulings));
        }
    }

    private static void requireWithinBand(ImposeFine command, ProvisionVersion version, TurnoverBand band,
                                          int rulings) {
        Money revenue = command.revenue();
        if (revenue == null) {
            throw new InvalidValueException("revenue", "required",
                    "revenue is required: " + command.provisionCode() + " sets the fine as a share of revenue");
        }
        Fraction share = Fraction.of(command.amount().minor(), revenue.minor());
        Fraction min = band.min().times(rulings);
        Fraction max = band.max().times(rulings);
        if (share.compareTo(min) < 0 || share.compareTo(max) > 0) {
            throw new LedgerRuleViolation(RuleCode.TURNOVER_FINE_OUTSIDE_BAND, "amount",
                    Amounts.text(command.amount()) + " on a revenue of " + Amounts.text(revenue) + " lies outside "
                            + min + " to " + max + " of revenue, the band of " + command.provisionCode() + " from "
                            + version.effectiveFrom() + rulingsText(rulings));
        }
        Money floor = times(band.floor(), rulings);
        if (floor.exceeds(command.amount())) {
            throw new LedgerRuleViolation(RuleCode.TURNOVER_FINE_OUTSIDE_BAND, "amount",
                    Amounts.text(command.amount()) + " is below " + Amounts.text(floor) + ", the floor of "
                            + command.provisionCode() + " from " + version.effectiveFrom() + rulingsText(rulings));
        }
    }

    private static Money times(Money money, int times) {
        return Money.of(Math.multiplyExact(money.minor(), times), money.currency());
    }

    private static String rulingsText(int rulings) {
        return rulings == 1 ? "" : ", for a bundle of " + rulings + " rulings";
    }

    private static void requireSameCurrency(ImposeFine command, Money other, String field, String whatIsIn) {
        if (!command.amount().sameCurrency(other)) {
            throw new LedgerRuleViolation(RuleCode.CURRENCY_MISMATCH, field,
                    "the fine is in " + command.amount().currency() + " but " + whatIsIn + other.currency());
        }
    }
}
