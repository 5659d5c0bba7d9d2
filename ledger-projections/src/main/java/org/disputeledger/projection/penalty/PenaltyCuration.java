package org.disputeledger.projection.penalty;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.disputeledger.claim.Qualifier;
import org.disputeledger.common.EffectiveTime;
import org.disputeledger.sanction.AppealOutcome;
import org.disputeledger.projection.CorrectedValue;

/**
 * A curation of a penalty fact: its retraction, or a correction of its effective time and/or of fields that change
 * a figure, recorded at a moment. The facts as known at {@code knownAt} are the recorded facts with the curations
 * known by then applied, in recorded order: retracted facts are gone (a fine whose imposition is retracted goes
 * with all its facts); a corrected fact takes effect at the time of its latest known correction of effective time,
 * and each corrected field takes its latest known value. The fields applied, by the kind of the fact corrected:
 * <ul>
 * <li>an imposition ({@code FineImposed}): {@code amount.minor}, {@code amount.currency};
 * <li>a payment ({@code FinePaid}): {@code amount.minor};
 * <li>an appeal decision ({@code AppealDecided}): {@code outcome}, {@code newAmount.minor};
 * <li>a reported total ({@code StatisticReported}): {@code amount.minor}, {@code amount.currency},
 * {@code qualifier}.
 * </ul>
 * A value that cannot be read as what the field holds (a whole non-negative number, an ISO 4217 code, a known
 * outcome or qualifier) is not applied; the correction stays in the log and on the timeline.
 */
record PenaltyCuration(String eventId, String targetEventId, Kind kind, EffectiveTime correctedEffective,
                       Map<String, String> correctedFields, Instant recordedAt) {

    /** The corrected fields that can change a figure of the penalty totals; others are not kept. */
    static final Set<String> FIELDS = Set.of("amount.minor", "amount.currency", "newAmount.minor", "outcome",
            "qualifier");

    enum Kind {
        CORRECTION, RETRACTION
    }

    PenaltyCuration {
        correctedFields = correctedFields == null ? Map.of() : Map.copyOf(correctedFields);
    }

    /** The fields of a correction that this read model applies. */
    static Map<String, String> applicable(Map<String, String> correctedFields) {
        return correctedFields == null ? Map.of() : correctedFields.entrySet().stream()
                .filter(field -> FIELDS.contains(field.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    static List<PenaltyFact> apply(List<PenaltyFact> facts, List<PenaltyCuration> curations, Instant knownAt) {
        List<PenaltyCuration> known = curations.stream().filter(c -> !c.recordedAt().isAfter(knownAt))
                .sorted(Comparator.comparing(PenaltyCuration::recordedAt).thenComparing(PenaltyCuration::eventId))
                .toList();
        Set<String> retracted = known.stream().filter(c -> c.kind() == Kind.RETRACTION)
                .map(PenaltyCuration::targetEventId).collect(Collectors.toSet());
        Map<String, EffectiveTime> effective = new HashMap<>();
        Map<String, Map<String, String>> fields = new HashMap<>();
        known.stream().filter(c -> c.kind() == Kind.CORRECTION).forEach(c -> {
            if (c.correctedEffective() != null) {
                effective.put(c.targetEventId(), c.correctedEffective());
            }
            fields.computeIfAbsent(c.targetEventId(), target -> new HashMap<>()).putAll(c.correctedFields());
        });
        return facts.stream().filter(fact -> !retracted.contains(fact.eventId()))
                .map(fact -> corrected(fact, effective.get(fact.eventId()),
                        fields.getOrDefault(fact.eventId(), Map.of())))
                .toList();
    }

    private static PenaltyFact corrected(PenaltyFact fact, EffectiveTime effective, Map<String, String> fields) {
        if (effective == null && fields.isEmpty()) {
            return fact;
        }
        Long amount = fact.amountMinor();
        String currency = fact.currency();
        AppealOutcome outcome = fact.outcome();
        Qualifier qualifier = fact.qualifier();
        switch (fact.kind()) {
            case IMPOSED, REPORTED_TOTAL -> {
                amount = CorrectedValue.count(fields.get("amount.minor"), amount);
                currency = CorrectedValue.currency(fields.get("amount.currency"), currency);
                if (fact.kind() == PenaltyFact.Kind.REPORTED_TOTAL) {
                    qualifier = CorrectedValue.constant(Qualifier.class, fields.get("qualifier"), qualifier);
                }
            }
            case PAID -> amount = CorrectedValue.count(fields.get("amount.minor"), amount);
            case APPEAL_DECIDED -> {
                outcome = CorrectedValue.constant(AppealOutcome.class, fields.get("outcome"), outcome);
                amount = CorrectedValue.count(fields.get("newAmount.minor"), amount);
            }
            case APPEALED, IN_FORCE, REFERRED, PROCEEDING_OPENED -> {
            }
        }
        return new PenaltyFact(fact.eventId(), fact.legalEntity(), fact.itemId(), fact.sequence(), fact.kind(),
                amount, currency, outcome, fact.provision(), fact.party(), qualifier,
                effective == null ? fact.effective() : effective, fact.recordedAt(), fact.sources());
    }

}
