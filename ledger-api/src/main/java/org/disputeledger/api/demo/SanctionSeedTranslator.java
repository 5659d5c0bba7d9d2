package org.disputeledger.api.demo;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.disputeledger.common.Confidence;
import org.disputeledger.common.EffectiveTime;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.common.Link;
import org.disputeledger.common.LinkRelation;
import org.disputeledger.common.Money;
import org.disputeledger.common.Precision;
import org.disputeledger.common.Recorded;
import org.disputeledger.proceeding.ChallengeOutcome;
import org.disputeledger.proceeding.command.DecideChallenge;
import org.disputeledger.provision.Fraction;
import org.disputeledger.provision.ProvisionRegister;
import org.disputeledger.provision.command.EnactProvisionVersion;
import org.disputeledger.sanction.AppealOutcome;
import org.disputeledger.sanction.command.AppealFine;
import org.disputeledger.sanction.command.DecideAppeal;
import org.disputeledger.sanction.command.EnterFineIntoForce;
import org.disputeledger.sanction.command.ImposeFine;
import org.disputeledger.sanction.command.OpenEnforcementProceeding;
import org.disputeledger.sanction.command.PayFine;
import org.disputeledger.sanction.command.ReferFineForEnforcement;
import org.springframework.stereotype.Component;

/**
 * Fines and their lifecycle. A row about several fines becomes one command per fine; a decision on an appeal the
 * data never mentions is preceded by an inferred appeal; a decision on something other than a fine is a challenge
 * decided. The choices made for particular rows are written down in docs/seed-data.md.
 */
@Component
public class SanctionSeedTranslator implements SeedTranslator {

    static final String FINE_IMPOSED = "FineImposed";
    static final String FINE_APPEALED = "FineAppealed";
    static final String APPEAL_DECIDED = "AppealDecided";
    static final String FINE_IN_FORCE = "FineEnteredIntoForce";
    static final String FINE_PAID = "FinePaid";
    static final String ENFORCEMENT_REFERRED = "EnforcementReferred";
    static final String ENFORCEMENT_OPENED = "EnforcementProceedingOpened";
    private static final Set<String> FINE_FOLLOW_UPS = Set.of(FINE_APPEALED, APPEAL_DECIDED, FINE_IN_FORCE,
            FINE_PAID, ENFORCEMENT_REFERRED, ENFORCEMENT_OPENED);

    @Override
    public Set<String> eventTypes() {
        return Set.of(FINE_IMPOSED, FINE_APPEALED, APPEAL_DECIDED, FINE_IN_FORCE, FINE_PAID, ENFORCEMENT_REFERRED,
                ENFORCEMENT_OPENED);
    }

    @Override
    public List<LedgerCommand> translate(SeedRow row, SeedContext context) {
        return switch (row.eventType()) {
            case FINE_IMPOSED -> List.of(impose(row, context));
            case FINE_APPEALED -> perFine(row, context, fineId -> new AppealFine(fineId, row.legalEntity(),
                    withDetail(envelopeFor(row, fineId, context), "appeal_court", row.authorityName())));
            case APPEAL_DECIDED -> decide(row, context);
            case FINE_IN_FORCE -> perFine(row, context,
                    fineId -> new EnterFineIntoForce(fineId, envelopeFor(row, fineId, context)));
            case FINE_PAID -> pay(row, context);
            case ENFORCEMENT_REFERRED -> perFine(row, context, fineId -> new ReferFineForEnforcement(fineId,
                    row.attribute("to").orElseThrow(() -> new SeedRowRefused(
                            row.id() + " names no service the fine was referred to")),
                    envelopeFor(row, fineId, context)));
            case ENFORCEMENT_OPENED -> openProceedings(row, context);
            default -> throw new SeedRowRefused(row.id() + ": " + row.eventType() + " is not a sanction");
        };
    }

    private ImposeFine impose(SeedRow row, SeedContext context) {
        Money amount = amount(row);
        Envelope envelope = context.envelope(row);
        Money revenue = ProvisionSeedTranslator.minor(row, "revenue_minor").map(minor -> money(row, minor))
                .orElse(null);
        if (revenue == null && row.attribute("revenue_minor_approx").isPresent()) {
            Fraction stated = ProvisionSeedTranslator.fraction(row, "turnover_fraction").orElseThrow(() ->
                    new SeedRowRefused(row.id() + " gives only an approximate revenue and no stated fraction"));
            revenue = revenueAtStatedFraction(row, amount, stated);
            envelope = withDetail(envelope, "revenue_basis", Optional.of("derived as amount / " + stated
                    + " (the stated turnover_fraction), exactly; only an approximate revenue is stated, in "
                    + "revenue_minor_approx"));
        }
        String legalEntityId = legalEntityId(row, context);
        String provisionCode = row.legalBasisText().orElse(null);
        return new ImposeFine(fineId(row.id(), context), row.jurisdiction(), row.authorityName().orElse(null),
                legalEntityId, row.platform(), provisionCode, null, amount, rulingCount(row),
                repeatOfFineId(row, legalEntityId, context), revenue, envelope);
    }

    /** A count of notices is what one ruling was about; any other count above one is a bundle of rulings. */
    private static Integer rulingCount(SeedRow row) {
        if (row.count() == null) {
            return "true".equals(row.attribute("aggregate").orElse(null)) ? null : 1;
        }
        if (row.attribute("notices").map(notices -> notices.equals(row.count().toString())).orElse(false)) {
            return 1;
        }
        return Math.toIntExact(row.count());
    }

    /** The revenue at which the fine is exactly the stated share: amount divided by the fraction, exactly. */
    private static Money revenueAtStatedFraction(SeedRow row, Money amount, Fraction stated) {
        if (stated.numerator() == 0) {
            throw new SeedRowRefused(row.id() + " states a zero share of revenue");
        }
        BigInteger[] quotient = BigInteger.valueOf(amount.minor()).multiply(BigInteger.valueOf(stated.denominator()))
                .divideAndRemainder(BigInteger.valueOf(stated.numerator()));
        if (quotient[1].signum() != 0 || quotient[0].bitLength() > 63) {
            throw new SeedRowRefused(row.id() + ": amount / " + stated + " is not a whole number of minor units");
        }
        return Money.of(quotient[0].longValueExact(), amount.currency());
    }

    /**
     * For a repeat offence under a provision whose version names a base provision: the latest earlier fine of the
     * same legal entity on the base provision within a year. Without one the command is sent anyway, so that the
     * ledger's rule refuses it and the refusal is reported.
     */
    private static String repeatOfFineId(SeedRow row, String legalEntityId, SeedContext context) {
        if (!"true".equals(row.attribute("is_repeat").orElse(null)) || row.legalBasisText().isEmpty()) {
            return null;
        }
        String provision = ProvisionRegister.streamId(row.jurisdiction(), row.legalBasisText().get());
        SeedRow version = null;
        for (SeedRow recorded : context.recordedRows()) {
            if (ProvisionSeedTranslator.PROVISION_ENACTED.equals(recorded.eventType()) && cites(recorded, provision)
                    && !recorded.effectiveDate().isAfter(row.effectiveDate())) {
                version = recorded;
            }
        }
        Optional<String> base = version == null ? Optional.empty() : version.attribute("repeat_of");
        if (base.isEmpty()) {
            return null;
        }
        String baseProvision = ProvisionRegister.streamId(row.jurisdiction(), base.get());
        Set<String> annulled = annulledFineRows(context);
        SeedRow prior = null;
        for (SeedRow recorded : context.recordedRows()) {
            boolean qualifies = FINE_IMPOSED.equals(recorded.eventType()) && cites(recorded, baseProvision)
                    && finesTheSameEntity(recorded, legalEntityId, context) && withinAYearBefore(recorded, row)
                    && !annulled.contains(recorded.id());
            if (qualifies && (prior == null || !recorded.effectiveDate().isBefore(prior.effectiveDate()))) {
                prior = recorded;
            }
        }
        return prior == null ? null : fineId(prior.id(), context);
    }

    /** Whether the row's legal basis is the provision of that stream (spellings that share a stream agree). */
    private static boolean cites(SeedRow row, String provisionStream) {
        return row.legalBasisText()
                .map(code -> ProvisionRegister.streamId(row.jurisdiction(), code).equals(provisionStream))
                .orElse(false);
    }

    private static boolean finesTheSameEntity(SeedRow fine, String legalEntityId, SeedContext context) {
        return fine.legalEntity() != null && legalEntityId.equals(context.legalEntityId(fine.legalEntity()));
    }

    private static boolean withinAYearBefore(SeedRow earlier, SeedRow later) {
        return earlier.effectiveDate().isBefore(later.effectiveDate())
                && ChronoUnit.DAYS.between(earlier.effectiveDate(), later.effectiveDate())
                <= EnactProvisionVersion.DEFAULT_REPEAT_WINDOW_DAYS;
    }

    private static Set<String> annulledFineRows(SeedContext context) {
        Set<String> annulled = new LinkedHashSet<>();
        for (SeedRow recorded : context.recordedRows()) {
            if (APPEAL_DECIDED.equals(recorded.eventType())
                    && "annulled".equals(recorded.attribute("outcome").orElse(null))) {
                annulled.addAll(fineRows(recorded, context));
            }
        }
        return annulled;
    }

    private List<LedgerCommand> decide(SeedRow row, SeedContext context) {
        if (row.references().isEmpty()) {
            throw new SeedRowRefused(row.id() + " decides an appeal but references no fine: the fine it upholds ("
                    + row.legalBasisText().orElse("no provision") + ", " + amountText(row) + ") is not in the data "
                    + "set, and an appeal decision cannot be recorded without the fine it decides");
        }
        List<String> others = row.references().stream().filter(reference -> !isAboutFines(context.row(reference)))
                .toList();
        if (others.size() == row.references().size()) {
            return List.of(challengeDecided(row, context));
        }
        if (!others.isEmpty()) {
            throw new SeedRowRefused(row.id() + " decides on fines and on other facts (" + others + ") at once");
        }
        List<String> fines = requireFineRows(row, context);
        AppealOutcome outcome = appealOutcome(row);
        Money newAmount = null;
        if (outcome == AppealOutcome.REDUCED) {
            if (fines.size() != 1) {
                throw new SeedRowRefused(row.id() + " reduces several fines at once; the new amount of each is "
                        + "not stated");
            }
            newAmount = amount(row);
        }
        Set<String> pending = fineRowsUnderAppeal(context);
        List<LedgerCommand> commands = new ArrayList<>();
        for (String fineRow : fines) {
            requireRecorded(row, fineRow, context);
            String fineId = fineId(fineRow, context);
            Envelope decision = envelopeFor(row, fineId, context);
            if (!pending.contains(fineRow)) {
                commands.add(new AppealFine(fineId, context.row(fineRow).legalEntity(),
                        inferredAppeal(row, context.row(fineRow), fineId, decision, context)));
            }
            commands.add(new DecideAppeal(fineId, row.authorityName().orElse(null), outcome, newAmount, decision));
        }
        return commands;
    }

    /**
     * An appeal the data never mentions but a decision implies: dated approximately half-way between the fine and
     * the decision (never before the fine), with the decision's sources, linked to the fine it contests.
     */
    private static Envelope inferredAppeal(SeedRow decisionRow, SeedRow fineRow, String fineId, Envelope decision,
                                           SeedContext context) {
        LocalDate fined = fineRow.effectiveDate();
        long days = Math.max(0, ChronoUnit.DAYS.between(fined, decisionRow.effectiveDate()));
        LocalDate estimate = fined.plusDays(days / 2);
        Map<String, String> details = new TreeMap<>();
        details.put("inferred_from", decisionRow.id());
        details.put("inference", "the appeal is not in the sources; the decision of row " + decisionRow.id()
                + " implies it, and its date is estimated between the fine and the decision");
        List<Link> links = lastEventOn(fineRow.id(), fineId, context).map(eventId -> List.of(
                new Link(LinkRelation.FOLLOWS, eventId))).orElse(List.of());
        return new Envelope(new EffectiveTime(estimate, null, Precision.APPROXIMATE), decision.sources(),
                Confidence.INFERRED, links, "Appeal against the fine of row " + fineRow.id() + ", inferred from the "
                + "appeal decision of row " + decisionRow.id() + ".", details);
    }

    private static Set<String> fineRowsUnderAppeal(SeedContext context) {
        Set<String> pending = new LinkedHashSet<>();
        for (SeedRow recorded : context.recordedRows()) {
            if (FINE_APPEALED.equals(recorded.eventType())) {
                pending.addAll(fineRows(recorded, context));
            } else if (APPEAL_DECIDED.equals(recorded.eventType())) {
                pending.removeAll(fineRows(recorded, context));
            }
        }
        return pending;
    }

    private static AppealOutcome appealOutcome(SeedRow row) {
        String outcome = row.attribute("outcome").orElseThrow(() -> new SeedRowRefused(
                row.id() + " decides an appeal but states no outcome"));
        return switch (outcome) {
            case "upheld" -> AppealOutcome.UPHELD;
            case "reduced" -> AppealOutcome.REDUCED;
            case "annulled" -> AppealOutcome.ANNULLED;
            default -> throw new SeedRowRefused(row.id() + ": outcome=" + outcome + " is not upheld, reduced or "
                    + "annulled");
        };
    }

    /** A court's decision on something other than a fine (an order, a demand) is a challenge decided. */
    private static DecideChallenge challengeDecided(SeedRow row, SeedContext context) {
        String court = row.authorityName().orElseThrow(() -> new SeedRowRefused(
                row.id() + " decides a challenge but names no court"));
        String outcome = row.attribute("outcome").orElseThrow(() -> new SeedRowRefused(
                row.id() + " decides a challenge but states no outcome"));
        ChallengeOutcome decided = switch (outcome) {
            case "upheld" -> ChallengeOutcome.UPHELD;
            case "overturned", "annulled" -> ChallengeOutcome.OVERTURNED;
            case "partially_upheld", "reduced" -> ChallengeOutcome.PARTIALLY_UPHELD;
            default -> throw new SeedRowRefused(row.id() + ": outcome=" + outcome + " is not a challenge outcome");
        };
        String challenged = row.attribute("challenge").map(text -> text.replace('_', ' '))
                .orElseGet(() -> context.row(row.onlyReference()).summary());
        return new DecideChallenge(context.idFor(row.id(), "proceeding"), row.jurisdiction(), court, decided,
                challenged, context.envelope(row));
    }

    /**
     * A payment over several fines is split fine by fine in the order referenced, each share up to what is still
     * outstanding on that fine; anything left over stays on the last share, for the ledger to refuse and report.
     */
    private List<LedgerCommand> pay(SeedRow row, SeedContext context) {
        Money total = amount(row);
        List<String> fines = requireFineRows(row, context);
        fines.forEach(fineRow -> requireRecorded(row, fineRow, context));
        Map<String, Long> shares = split(total.minor(), fines, outstanding(context));
        List<LedgerCommand> commands = new ArrayList<>();
        shares.forEach((fineRow, share) -> {
            String fineId = fineId(fineRow, context);
            commands.add(new PayFine(fineId, context.idFor(row.id(), "payment-" + fineRow),
                    Money.of(share, total.currency()), row.authorityName().orElse(null),
                    envelopeFor(row, fineId, context)));
        });
        return commands;
    }

    /** The share of a payment on each fine: up to its outstanding amount, the rest on the last; no empty shares. */
    private static Map<String, Long> split(long total, List<String> fines, Map<String, Long> outstanding) {
        Map<String, Long> shares = new LinkedHashMap<>();
        long left = total;
        for (int i = 0; i < fines.size(); i++) {
            long open = Math.max(0, outstanding.getOrDefault(fines.get(i), 0L));
            long share = i == fines.size() - 1 ? left : Math.min(left, open);
            if (share > 0) {
                shares.put(fines.get(i), share);
            }
            left -= share;
        }
        return shares;
    }

    /** What each recorded fine row still has outstanding, replaying the recorded decisions and payments. */
    private static Map<String, Long> outstanding(SeedContext context) {
        Map<String, Long> due = new HashMap<>();
        Map<String, Long> paid = new HashMap<>();
        Set<String> annulled = new LinkedHashSet<>();
        for (SeedRow recorded : context.recordedRows()) {
            switch (recorded.eventType()) {
                case FINE_IMPOSED -> due.put(recorded.id(), orZero(recorded.amountMinor()));
                case APPEAL_DECIDED -> {
                    List<String> fines = fineRows(recorded, context);
                    String outcome = recorded.attribute("outcome").orElse("");
                    if ("annulled".equals(outcome)) {
                        annulled.addAll(fines);
                    } else if ("reduced".equals(outcome) && fines.size() == 1 && recorded.amountMinor() != null) {
                        due.put(fines.get(0), recorded.amountMinor());
                    }
                }
                case FINE_PAID -> {
                    Map<String, Long> open = new HashMap<>();
                    due.forEach((fine, amount) -> open.put(fine, amount - paid.getOrDefault(fine, 0L)));
                    split(orZero(recorded.amountMinor()), fineRows(recorded, context), open)
                            .forEach((fine, share) -> paid.merge(fine, share, Long::sum));
                }
                default -> {
                }
            }
        }
        Map<String, Long> outstanding = new HashMap<>();
        due.forEach((fine, amount) -> outstanding.put(fine,
                annulled.contains(fine) ? 0 : amount - paid.getOrDefault(fine, 0L)));
        return outstanding;
    }

    /** One proceeding per fine when the row counts as many as it names fines, else the stated number. */
    private List<LedgerCommand> openProceedings(SeedRow row, SeedContext context) {
        String bailiffs = row.authorityName().orElseThrow(() -> new SeedRowRefused(
                row.id() + " names no bailiff service"));
        List<String> fines = requireFineRows(row, context);
        Integer proceedings;
        Optional<String> stated = row.attribute("proceedings");
        if (stated.isPresent() && fines.size() == 1) {
            if (!stated.get().matches("[1-9]\\d{0,8}")) {
                throw new SeedRowRefused(row.id() + ": proceedings=" + stated.get() + " is not a count");
            }
            proceedings = Integer.valueOf(stated.get());
        } else if (fines.size() > 1 && row.count() != null && row.count() == fines.size()) {
            proceedings = 1;
        } else {
            proceedings = null;
        }
        return perFine(row, context, fineId -> new OpenEnforcementProceeding(fineId, bailiffs, proceedings,
                envelopeFor(row, fineId, context)));
    }

    private List<LedgerCommand> perFine(SeedRow row, SeedContext context,
                                        Function<String, LedgerCommand> command) {
        List<LedgerCommand> commands = new ArrayList<>();
        for (String fineRow : requireFineRows(row, context)) {
            requireRecorded(row, fineRow, context);
            commands.add(command.apply(fineId(fineRow, context)));
        }
        return commands;
    }

    private static List<String> requireFineRows(SeedRow row, SeedContext context) {
        List<String> fines = fineRows(row, context);
        if (fines.isEmpty()) {
            throw new SeedRowRefused(row.id() + " is about a fine but references none (references: "
                    + row.references() + ")");
        }
        return fines;
    }

    /** The fine rows a row is about: its references, followed through appeals, payments and referrals. */
    static List<String> fineRows(SeedRow row, SeedContext context) {
        return fineRowsOf(row.references(), context);
    }

    private static List<String> fineRowsOf(List<String> references, SeedContext context) {
        Set<String> fines = new LinkedHashSet<>();
        for (String reference : references) {
            SeedRow referenced = context.row(reference);
            if (FINE_IMPOSED.equals(referenced.eventType())) {
                fines.add(referenced.id());
            } else if (FINE_FOLLOW_UPS.contains(referenced.eventType())) {
                fines.addAll(fineRowsOf(referenced.references(), context));
            }
        }
        return List.copyOf(fines);
    }

    private static boolean isAboutFines(SeedRow row) {
        return FINE_IMPOSED.equals(row.eventType()) || FINE_FOLLOW_UPS.contains(row.eventType());
    }

    private static void requireRecorded(SeedRow row, String fineRow, SeedContext context) {
        boolean recorded = context.recordedRows().stream().anyMatch(earlier -> earlier.id().equals(fineRow));
        if (!recorded) {
            throw new SeedRowRefused(row.id() + " follows fine row " + fineRow + ", which was not recorded");
        }
    }

    /**
     * The row's envelope, linked to what the referenced rows recorded on this fine's stream rather than to every
     * referenced row: a row about three fines tells each fine's story separately.
     */
    private static Envelope envelopeFor(SeedRow row, String fineId, SeedContext context) {
        Envelope envelope = context.envelope(row);
        List<Link> links = new ArrayList<>();
        for (String reference : row.references()) {
            lastEventOn(reference, fineId, context).ifPresent(eventId -> links.add(
                    new Link(LinkRelation.FOLLOWS, eventId)));
        }
        return links.isEmpty() ? envelope : envelope.withLinks(links);
    }

    private static Optional<String> lastEventOn(String rowId, String streamId, SeedContext context) {
        String last = null;
        for (Recorded recorded : context.recorded(rowId)) {
            if (recorded.streamId().equals(streamId) && !recorded.events().isEmpty()) {
                last = recorded.events().get(recorded.events().size() - 1).eventId();
            }
        }
        return Optional.ofNullable(last);
    }

    private static Envelope withDetail(Envelope envelope, String key, Optional<String> value) {
        if (value.isEmpty()) {
            return envelope;
        }
        Map<String, String> details = new TreeMap<>(envelope.details());
        details.put(key, value.get());
        return new Envelope(envelope.effective(), envelope.sources(), envelope.confidence(), envelope.links(),
                envelope.summary(), details);
    }

    private static String fineId(String fineRow, SeedContext context) {
        return context.idFor(fineRow, "fine");
    }

    private static String legalEntityId(SeedRow row, SeedContext context) {
        if (row.legalEntity() == null || row.legalEntity().isBlank()) {
            throw new SeedRowRefused(row.id() + " fines no legal entity");
        }
        return context.legalEntityId(row.legalEntity());
    }

    private static Money amount(SeedRow row) {
        if (row.amountMinor() == null) {
            throw new SeedRowRefused(row.id() + " states no amount");
        }
        return money(row, row.amountMinor());
    }

    private static Money money(SeedRow row, long minor) {
        if (row.currency() == null || row.currency().isBlank()) {
            throw new SeedRowRefused(row.id() + " states an amount but no currency");
        }
        return Money.of(minor, row.currency());
    }

    private static long orZero(Long minor) {
        return minor == null ? 0 : minor;
    }

    private static String amountText(SeedRow row) {
        return row.amountMinor() == null ? "no amount" : row.amountMinor() + " " + row.currency() + " minor units";
    }
}
