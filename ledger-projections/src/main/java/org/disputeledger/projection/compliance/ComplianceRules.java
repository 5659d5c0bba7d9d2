package org.disputeledger.projection.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.disputeledger.common.EffectiveTime;
import org.disputeledger.demand.ComplianceScope;
import org.disputeledger.demand.DemandKind;
import org.disputeledger.projection.compliance.DemandCompliance.CategoryItems;
import org.disputeledger.projection.compliance.DemandCompliance.Claim;
import org.disputeledger.projection.compliance.DemandCompliance.Demand;
import org.disputeledger.projection.compliance.DemandCompliance.Figures;
import org.disputeledger.projection.compliance.DemandCompliance.KindFigures;
import org.disputeledger.projection.compliance.DemandCompliance.Status;
import org.disputeledger.projection.compliance.DemandFact.Kind;

/**
 * The bitemporal rules of demand compliance, on the facts of one platform in one jurisdiction.
 * <ol>
 * <li>Only facts recorded at or before {@code knownAt} and effective (their start) at or before {@code at} count; a
 * demand counts once its issue does, and when the issue's effective date lies in [from, to]. A demand's facts
 * apply in effective order, then stream order.
 * <li>The deadline is the issue's, replaced by each counted extension's new deadline.
 * <li>Complied sums the items actioned of the counted compliances; a full compliance makes it the items demanded
 * less those refused, when the demand stated a count. Refused sums the items refused; a refusal without a count
 * refuses every item not complied with. Outstanding is demanded minus complied minus refused, never negative, and
 * unknown (null) when the demand stated no count.
 * <li>Status: WITHDRAWN once a withdrawal counts, else COMPLIED once a full compliance counts, else
 * PARTIALLY_COMPLIED once a partial one counts, else OPEN. Withdrawn demands are listed and counted apart, never in
 * the totals, per kind or per category.
 * <li>Claims (statistics and compliance assessments about the platform) count on the same two axes and in the same
 * period, are listed in effective order, then recorded order, and are never merged into the figures of the
 * demands (DOMAIN rule 6). Two statistics with the same metric, period and unit (a currency, or a count)
 * disagree when their values differ; each names the others it disagrees with.
 * </ol>
 */
final class ComplianceRules {

    private static final Comparator<DemandFact> IN_EFFECT_ORDER = Comparator
            .comparing((DemandFact fact) -> fact.effective().start()).thenComparingLong(DemandFact::sequence);

    private static final Comparator<ClaimFact> CLAIM_ORDER = Comparator
            .comparing((ClaimFact fact) -> fact.effective().start()).thenComparing(ClaimFact::recordedAt)
            .thenComparing(ClaimFact::eventId);

    private ComplianceRules() {
    }

    static DemandCompliance evaluate(String platform, String jurisdiction, List<DemandFact> demandFacts,
                                     List<ClaimFact> claimFacts, LocalDate from, LocalDate to, Instant at,
                                     Instant knownAt) {
        List<DemandFact> facts = demandFacts.stream().filter(fact -> fact.visibleAt(at, knownAt))
                .sorted(IN_EFFECT_ORDER).toList();
        Map<String, List<DemandFact>> byDemand = new LinkedHashMap<>();
        facts.stream().filter(fact -> fact.kind() == Kind.ISSUED && inPeriod(fact.effective(), from, to))
                .forEach(issued -> byDemand.put(issued.demandId(), new ArrayList<>()));
        facts.stream().filter(fact -> byDemand.containsKey(fact.demandId()))
                .forEach(fact -> byDemand.get(fact.demandId()).add(fact));
        List<Demand> demands = byDemand.values().stream().map(ComplianceRules::demand).toList();

        List<Demand> counted = demands.stream().filter(demand -> demand.status() != Status.WITHDRAWN).toList();
        Map<DemandKind, List<Demand>> perKind = new EnumMap<>(DemandKind.class);
        counted.forEach(demand -> perKind.computeIfAbsent(demand.kind(), kind -> new ArrayList<>()).add(demand));
        List<KindFigures> byKind = perKind.entrySet().stream()
                .map(entry -> new KindFigures(entry.getKey(), figures(entry.getValue()))).toList();
        Map<String, Long> categories = new TreeMap<>();
        byDemand.values().forEach(oneDemand -> {
            DemandFact issued = oneDemand.stream().filter(fact -> fact.kind() == Kind.ISSUED).findFirst()
                    .orElseThrow();
            boolean withdrawn = oneDemand.stream().anyMatch(fact -> fact.kind() == Kind.WITHDRAWN);
            if (!withdrawn) {
                issued.itemsByCategory().forEach((category, items) -> categories.merge(category, items,
                        Math::addExact));
            }
        });
        List<CategoryItems> byCategory = categories.entrySet().stream()
                .map(entry -> new CategoryItems(entry.getKey(), entry.getValue())).toList();

        List<ClaimFact> claims = claimFacts.stream()
                .filter(fact -> fact.visibleAt(at, knownAt) && inPeriod(fact.effective(), from, to))
                .sorted(CLAIM_ORDER).toList();
        return new DemandCompliance(platform, jurisdiction, from, to, figures(counted),
                demands.size() - counted.size(), byKind, byCategory, demands, claims(claims));
    }

    private static boolean inPeriod(EffectiveTime effective, LocalDate from, LocalDate to) {
        return (from == null || !effective.date().isBefore(from)) && (to == null || !effective.date().isAfter(to));
    }

    private static Demand demand(List<DemandFact> facts) {
        DemandFact issued = facts.stream().filter(fact -> fact.kind() == Kind.ISSUED).findFirst().orElseThrow();
        LocalDate deadline = issued.deadline();
        long actioned = 0;
        long refusedStated = 0;
        boolean refusedWhole = false;
        boolean full = false;
        boolean partial = false;
        boolean withdrawn = false;
        for (DemandFact fact : facts) {
            switch (fact.kind()) {
                case DEADLINE_EXTENDED -> deadline = fact.deadline();
                case COMPLIED -> {
                    actioned = fact.items() == null ? actioned : Math.addExact(actioned, fact.items());
                    full |= fact.scope() == ComplianceScope.FULL;
                    partial |= fact.scope() == ComplianceScope.PARTIAL;
                }
                case REFUSED -> {
                    if (fact.items() == null) {
                        refusedWhole = true;
                    } else {
                        refusedStated = Math.addExact(refusedStated, fact.items());
                    }
                }
                case WITHDRAWN -> withdrawn = true;
                case ISSUED -> {
                }
            }
        }
        Long items = issued.items();
        long complied = actioned;
        long refused = refusedStated;
        if (items != null) {
            if (full) {
                complied = Math.max(actioned, items - refusedStated);
            }
            if (refusedWhole) {
                refused = Math.max(refusedStated, items - complied);
            }
        }
        Long outstanding = items == null ? null : Math.max(0, items - complied - refused);
        Status status;
        if (withdrawn) {
            status = Status.WITHDRAWN;
        } else if (full) {
            status = Status.COMPLIED;
        } else if (partial) {
            status = Status.PARTIALLY_COMPLIED;
        } else {
            status = Status.OPEN;
        }
        return new Demand(issued.demandId(), issued.eventId(), issued.authority(), issued.demandKind(), items,
                complied, refused, outstanding, status, deadline, issued.effective(),
                facts.stream().map(DemandFact::eventId).toList());
    }

    private static Figures figures(List<Demand> demands) {
        long items = 0;
        long complied = 0;
        long refused = 0;
        long outstanding = 0;
        long withoutCount = 0;
        for (Demand demand : demands) {
            if (demand.items() == null) {
                withoutCount++;
            } else {
                items = Math.addExact(items, demand.items());
                outstanding = Math.addExact(outstanding, demand.outstanding());
            }
            complied = Math.addExact(complied, demand.complied());
            refused = Math.addExact(refused, demand.refused());
        }
        return new Figures(demands.size(), items, complied, refused, outstanding, withoutCount);
    }

    private static List<Claim> claims(List<ClaimFact> facts) {
        return facts.stream().map(fact -> {
            List<String> disagreesWith = fact.kind() != ClaimFact.Kind.STATISTIC_REPORTED ? List.of()
                    : facts.stream().filter(other -> other != fact && comparable(fact, other)
                    && !Objects.equals(value(fact), value(other))).map(ClaimFact::claimId).toList();
            return new Claim(fact.claimId(), fact.eventId(), fact.kind().name(), fact.claimant(), fact.metric(),
                    fact.count(), fact.amount(), fact.qualifier(), fact.period(), fact.asOf(), fact.itemsFlagged(),
                    fact.itemsRemoved(), fact.itemsRemaining(), fact.shareComplied(), fact.assessment(),
                    fact.effective(), !disagreesWith.isEmpty(), disagreesWith);
        }).toList();
    }

    private static boolean comparable(ClaimFact one, ClaimFact other) {
        return other.kind() == ClaimFact.Kind.STATISTIC_REPORTED && Objects.equals(one.metric(), other.metric())
                && Objects.equals(one.period(), other.period()) && Objects.equals(unit(one), unit(other));
    }

    private static String unit(ClaimFact fact) {
        return fact.amount() == null ? "count" : fact.amount().currency();
    }

    private static Long value(ClaimFact fact) {
        return fact.amount() == null ? fact.count() : Long.valueOf(fact.amount().minor());
    }
}
