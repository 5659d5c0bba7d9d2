package org.disputeledger.projection.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.disputeledger.claim.Fraction;
import org.disputeledger.common.EffectiveTime;
import org.disputeledger.common.Money;
import org.disputeledger.demand.ComplianceScope;
import org.disputeledger.demand.DemandKind;
import org.disputeledger.projection.CorrectedValue;

/**
 * A curation of a demand fact or of a claim: its retraction, or a correction of its effective time and/or of fields
 * that change a figure, recorded at a moment. The facts as known at {@code knownAt} are the recorded facts with the
 * curations known by then applied, in recorded order: retracted facts are gone (a demand whose issue is retracted
 * goes with all its facts); a corrected fact takes effect at the time of its latest known correction of effective
 * time (which also moves an issue or a claim into or out of a period), and each corrected field takes its latest
 * known value. The fields applied, by the kind of the fact corrected:
 * <ul>
 * <li>an issue ({@code DemandIssued}): {@code itemCount}, {@code itemsByCategory.<category>}, {@code kind},
 * {@code deadline};
 * <li>a deadline extension ({@code DemandDeadlineExtended}): {@code newDeadline};
 * <li>a compliance ({@code DemandComplied}): {@code itemsActioned}, {@code scope};
 * <li>a refusal ({@code DemandRefused}): {@code itemsRefused};
 * <li>a statistic ({@code StatisticReported}): {@code count}, {@code amount.minor};
 * <li>an assessment ({@code ComplianceAssessed}): {@code itemsFlagged}, {@code itemsRemoved},
 * {@code itemsRemaining}, {@code shareComplied.numerator}, {@code shareComplied.denominator}.
 * </ul>
 * A value that cannot be read as what the field holds (a whole non-negative number, an ISO date, a known kind or
 * scope, a fraction with a positive denominator) is not applied; the correction stays in the log and on the
 * timeline.
 */
record ComplianceCuration(String eventId, String targetEventId, Kind kind, EffectiveTime correctedEffective,
                          Map<String, String> correctedFields, Instant recordedAt) {

    /** The corrected fields that can change a figure of demand compliance; others are not kept. */
    static final Set<String> FIELDS = Set.of("itemCount", "kind", "deadline", "newDeadline", "itemsActioned", "scope",
            "itemsRefused", "count", "amount.minor", "itemsFlagged", "itemsRemoved", "itemsRemaining",
            "shareComplied.numerator", "shareComplied.denominator");

    /** The prefix of a corrected item count of one category of an issue. */
    static final String CATEGORY = "itemsByCategory.";

    enum Kind {
        CORRECTION, RETRACTION
    }

    ComplianceCuration {
        correctedFields = correctedFields == null ? Map.of() : Map.copyOf(correctedFields);
    }

    /** The fields of a correction that this read model applies. */
    static Map<String, String> applicable(Map<String, String> correctedFields) {
        return correctedFields == null ? Map.of() : correctedFields.entrySet().stream()
                .filter(field -> FIELDS.contains(field.getKey()) || field.getKey().startsWith(CATEGORY))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    static List<DemandFact> applyToDemands(List<DemandFact> facts, List<ComplianceCuration> curations,
                                           Instant knownAt) {
        return apply(facts, DemandFact::eventId, curations, knownAt, ComplianceCuration::corrected);
    }

    static List<ClaimFact> applyToClaims(List<ClaimFact> facts, List<ComplianceCuration> curations, Instant knownAt) {
        return apply(facts, ClaimFact::eventId, curations, knownAt, ComplianceCuration::corrected);
    }

    /** What a fact becomes after the corrections known: its effective time (null: as recorded) and fields. */
    private record Correction(EffectiveTime effective, Map<String, String> fields) {
    }

    private static <F> List<F> apply(List<F> facts, Function<F, String> id,
                                     List<ComplianceCuration> curations, Instant knownAt,
                                     BiFunction<F, Correction, F> correct) {
        List<ComplianceCuration> known = curations.stream().filter(c -> !c.recordedAt().isAfter(knownAt))
                .sorted(Comparator.comparing(ComplianceCuration::recordedAt)
                        .thenComparing(ComplianceCuration::eventId)).toList();
        Set<String> retracted = known.stream().filter(c -> c.kind() == Kind.RETRACTION)
                .map(ComplianceCuration::targetEventId).collect(Collectors.toSet());
        Map<String, EffectiveTime> effective = new HashMap<>();
        Map<String, Map<String, String>> fields = new HashMap<>();
        known.stream().filter(c -> c.kind() == Kind.CORRECTION).forEach(c -> {
            if (c.correctedEffective() != null) {
                effective.put(c.targetEventId(), c.correctedEffective());
            }
            fields.computeIfAbsent(c.targetEventId(), target -> new HashMap<>()).putAll(c.correctedFields());
        });
        return facts.stream().filter(fact -> !retracted.contains(id.apply(fact)))
                .map(fact -> {
                    String eventId = id.apply(fact);
                    if (!effective.containsKey(eventId) && !fields.containsKey(eventId)) {
                        return fact;
                    }
                    return correct.apply(fact, new Correction(effective.get(eventId),
                            fields.getOrDefault(eventId, Map.of())));
                })
                .toList();
    }

    private static DemandFact corrected(DemandFact fact, Correction correction) {
        Map<String, String> fields = correction.fields();
        Long items = fact.items();
        Map<String, Long> categories = fact.itemsByCategory();
        DemandKind demandKind = fact.demandKind();
        ComplianceScope scope = fact.scope();
        LocalDate deadline = fact.deadline();
        switch (fact.kind()) {
            case ISSUED -> {
                items = CorrectedValue.count(fields.get("itemCount"), items);
                demandKind = CorrectedValue.constant(DemandKind.class, fields.get("kind"), demandKind);
                deadline = CorrectedValue.date(fields.get("deadline"), deadline);
                Map<String, Long> corrected = new HashMap<>(categories);
                fields.forEach((path, value) -> {
                    if (path.startsWith(CATEGORY) && path.length() > CATEGORY.length()) {
                        String category = path.substring(CATEGORY.length());
                        Long count = CorrectedValue.count(value, null);
                        if (count != null) {
                            corrected.put(category, count);
                        }
                    }
                });
                categories = corrected;
            }
            case DEADLINE_EXTENDED -> deadline = CorrectedValue.date(fields.get("newDeadline"), deadline);
            case COMPLIED -> {
                items = CorrectedValue.count(fields.get("itemsActioned"), items);
                scope = CorrectedValue.constant(ComplianceScope.class, fields.get("scope"), scope);
            }
            case REFUSED -> items = CorrectedValue.count(fields.get("itemsRefused"), items);
            case WITHDRAWN -> {
            }
        }
        return new DemandFact(fact.eventId(), fact.demandId(), fact.platform(), fact.jurisdiction(), fact.sequence(),
                fact.kind(), demandKind, fact.authority(), items, categories, scope, deadline,
                correction.effective() == null ? fact.effective() : correction.effective(), fact.recordedAt(),
                fact.sources());
    }

    private static ClaimFact corrected(ClaimFact fact, Correction correction) {
        Map<String, String> fields = correction.fields();
        Long count = fact.count();
        Money amount = fact.amount();
        Long flagged = fact.itemsFlagged();
        Long removed = fact.itemsRemoved();
        Long remaining = fact.itemsRemaining();
        Fraction share = fact.shareComplied();
        switch (fact.kind()) {
            case STATISTIC_REPORTED -> {
                count = CorrectedValue.count(fields.get("count"), count);
                if (amount != null) {
                    amount = Money.of(CorrectedValue.count(fields.get("amount.minor"), amount.minor()), amount.currency());
                }
            }
            case COMPLIANCE_ASSESSED -> {
                flagged = CorrectedValue.count(fields.get("itemsFlagged"), flagged);
                removed = CorrectedValue.count(fields.get("itemsRemoved"), removed);
                remaining = CorrectedValue.count(fields.get("itemsRemaining"), remaining);
                share = share(fields.get("shareComplied.numerator"), fields.get("shareComplied.denominator"), share);
            }
        }
        return new ClaimFact(fact.eventId(), fact.claimId(), fact.platform(), fact.jurisdiction(), fact.kind(),
                fact.claimant(), fact.metric(), count, amount, fact.qualifier(), fact.period(), fact.asOf(), flagged,
                removed, remaining, share, fact.assessment(), fact.demandId(),
                correction.effective() == null ? fact.effective() : correction.effective(), fact.recordedAt(),
                fact.sources());
    }

    /** A share complied: each part corrected or as recorded; no share when a part is unknown or it is no fraction. */
    private static Fraction share(String numerator, String denominator, Fraction recorded) {
        if (numerator == null && denominator == null) {
            return recorded;
        }
        Long top = CorrectedValue.count(numerator, recorded == null ? null : recorded.numerator());
        Long bottom = CorrectedValue.count(denominator, recorded == null ? null : recorded.denominator());
        if (top == null || bottom == null || bottom == 0) {
            return recorded;
        }
        return Fraction.of(top, bottom);
    }

}
