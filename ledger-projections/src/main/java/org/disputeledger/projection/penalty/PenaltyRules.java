package org.disputeledger.projection.penalty;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.disputeledger.claim.Qualifier;
import org.disputeledger.projection.penalty.PenaltyFact.Kind;
import org.disputeledger.projection.penalty.PenaltyTotals.CurrencyTotals;
import org.disputeledger.projection.penalty.PenaltyTotals.Figure;
import org.disputeledger.projection.penalty.PenaltyTotals.Fine;
import org.disputeledger.projection.penalty.PenaltyTotals.ReportedTotal;
import org.disputeledger.projection.penalty.PenaltyTotals.Status;
import org.disputeledger.sanction.AppealOutcome;

/**
 * The bitemporal rules of the penalty totals, on the facts of one legal entity.
 * <ol>
 * <li>Only facts recorded at or before {@code knownAt} and effective (their start) at or before {@code at} count; a
 * fine counts once its imposition does. A fine's facts apply in effective order, then stream order.
 * <li>What is due is the amount imposed, replaced by the new amount of each counted REDUCED decision (one corrected
 * to REDUCED with no known amount changes nothing), and 0 once an ANNULLED decision counts; UPHELD changes nothing.
 * An appeal is pending from a counted appeal until a counted decision.
 * <li>Paid is the sum of the counted payments; outstanding is due minus paid, never negative.
 * <li>Per currency: imposed sums what is due (annulled fines are listed with 0); under appeal sums what is due on
 * fines with an appeal pending; in force sums what is due on fines entered into force and not annulled; paid sums
 * the payments; outstanding sums the outstanding amounts; referred to enforcement sums the outstanding amounts of
 * fines referred to enforcement or with proceedings opened, and not annulled.
 * <li>The reported total is the latest counted report (effective time, then recorded time), set beside the imposed
 * figure: they disagree when they differ; a "more than" report is a lower bound.
 * </ol>
 */
final class PenaltyRules {

    private static final Comparator<PenaltyFact> IN_EFFECT_ORDER = Comparator
            .comparing((PenaltyFact fact) -> fact.effective().start()).thenComparingLong(PenaltyFact::sequence);

    private static final Comparator<PenaltyFact> REPORT_ORDER = Comparator
            .comparing((PenaltyFact fact) -> fact.effective().start()).thenComparing(PenaltyFact::recordedAt)
            .thenComparingLong(PenaltyFact::sequence);

    private PenaltyRules() {
    }

    static PenaltyTotals evaluate(String legalEntity, List<PenaltyFact> allFacts, Instant at, Instant knownAt) {
        List<PenaltyFact> facts = allFacts.stream().filter(fact -> fact.visibleAt(at, knownAt))
                .sorted(IN_EFFECT_ORDER).toList();
        Map<String, List<PenaltyFact>> byFine = new LinkedHashMap<>();
        facts.stream().filter(fact -> fact.kind() == Kind.IMPOSED)
                .forEach(imposed -> byFine.put(imposed.itemId(), new ArrayList<>()));
        facts.stream().filter(fact -> byFine.containsKey(fact.itemId()))
                .forEach(fact -> byFine.get(fact.itemId()).add(fact));

        Map<String, List<Fine>> finesByCurrency = new TreeMap<>();
        byFine.values().forEach(fineFacts -> {
            PenaltyFact imposed = fineFacts.stream().filter(fact -> fact.kind() == Kind.IMPOSED).findFirst()
                    .orElseThrow();
            finesByCurrency.computeIfAbsent(imposed.currency(), currency -> new ArrayList<>())
                    .add(fine(imposed, fineFacts));
        });
        Map<String, PenaltyFact> latestReport = new TreeMap<>();
        facts.stream().filter(fact -> fact.kind() == Kind.REPORTED_TOTAL).sorted(REPORT_ORDER)
                .forEach(report -> latestReport.put(report.currency(), report));
        latestReport.keySet().forEach(currency -> finesByCurrency.computeIfAbsent(currency, c -> new ArrayList<>()));

        List<CurrencyTotals> currencies = finesByCurrency.entrySet().stream()
                .map(entry -> totals(entry.getKey(), entry.getValue(), latestReport.get(entry.getKey()))).toList();
        return new PenaltyTotals(legalEntity, currencies);
    }

    private static Fine fine(PenaltyFact imposed, List<PenaltyFact> facts) {
        long due = imposed.amountMinor();
        long paid = 0;
        boolean annulled = false;
        boolean appealPending = false;
        boolean inForce = false;
        boolean referred = false;
        for (PenaltyFact fact : facts) {
            switch (fact.kind()) {
                case APPEALED -> appealPending = true;
                case APPEAL_DECIDED -> {
                    appealPending = false;
                    if (fact.outcome() == AppealOutcome.ANNULLED) {
                        annulled = true;
                        due = 0;
                    } else if (fact.outcome() == AppealOutcome.REDUCED && !annulled && fact.amountMinor() != null) {
                        due = fact.amountMinor();
                    }
                }
                case IN_FORCE -> inForce = true;
                case PAID -> paid = Math.addExact(paid, fact.amountMinor());
                case REFERRED, PROCEEDING_OPENED -> referred = true;
                case IMPOSED, REPORTED_TOTAL -> {
                }
            }
        }
        long outstanding = Math.max(0, due - paid);
        Status status;
        if (annulled) {
            status = Status.ANNULLED;
        } else if (outstanding == 0) {
            status = Status.PAID;
        } else if (referred) {
            status = Status.REFERRED_TO_ENFORCEMENT;
        } else if (appealPending) {
            status = Status.UNDER_APPEAL;
        } else if (inForce) {
            status = Status.IN_FORCE;
        } else {
            status = Status.IMPOSED;
        }
        return new Fine(imposed.itemId(), facts.stream().map(PenaltyFact::eventId).toList(), imposed.provision(),
                imposed.party(), imposed.amountMinor(), due, paid, outstanding, imposed.effective(), status,
                appealPending, inForce && !annulled, referred && !annulled);
    }

    private static CurrencyTotals totals(String currency, List<Fine> fines, PenaltyFact report) {
        Figure imposed = figure(fines, fine -> true, Fine::dueMinor);
        ReportedTotal reported = report == null ? null : reported(currency, report, imposed.minor());
        return new CurrencyTotals(currency, imposed, figure(fines, Fine::underAppeal, Fine::dueMinor),
                figure(fines, Fine::inForce, Fine::dueMinor), figure(fines, fine -> fine.paidMinor() > 0,
                Fine::paidMinor), figure(fines, fine -> fine.outstandingMinor() > 0, Fine::outstandingMinor),
                figure(fines, Fine::referredToEnforcement, Fine::outstandingMinor), fines, reported);
    }

    private static Figure figure(List<Fine> fines, Predicate<Fine> counted, ToLongFunction<Fine> amount) {
        List<Fine> behind = fines.stream().filter(counted).toList();
        long sum = behind.stream().mapToLong(amount).reduce(0, Math::addExact);
        return new Figure(sum, behind.stream().map(Fine::fineId).toList());
    }

    private static ReportedTotal reported(String currency, PenaltyFact report, long itemised) {
        boolean lowerBound = report.qualifier() == Qualifier.MORE_THAN;
        long claimed = report.amountMinor();
        String comparison = "reported " + claimed + " " + currency + ", itemised " + itemised + " " + currency
                + (lowerBound ? " (the report is a lower bound)" : "");
        return new ReportedTotal(report.itemId(), report.eventId(), report.party(), claimed, report.qualifier(),
                lowerBound, report.effective(), itemised, claimed != itemised, comparison);
    }
}
