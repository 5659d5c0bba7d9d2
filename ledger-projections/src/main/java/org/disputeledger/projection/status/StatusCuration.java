package org.disputeledger.projection.status;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.disputeledger.common.EffectiveTime;

/**
 * A curation of a status fact: its retraction, or a correction of its effective time, recorded at a moment. The
 * facts as known at {@code knownAt} are the recorded facts with the curations known by then applied: retracted
 * facts are gone, a corrected fact takes effect at the time of its latest known correction.
 */
record StatusCuration(String eventId, String targetEventId, Kind kind, EffectiveTime correctedEffective,
                      Instant recordedAt) {

    enum Kind {
        CORRECTION, RETRACTION
    }

    static List<StatusFact> apply(List<StatusFact> facts, List<StatusCuration> curations, Instant knownAt) {
        List<StatusCuration> known = curations.stream().filter(c -> !c.recordedAt().isAfter(knownAt))
                .sorted(Comparator.comparing(StatusCuration::recordedAt)).toList();
        Set<String> retracted = known.stream().filter(c -> c.kind() == Kind.RETRACTION)
                .map(StatusCuration::targetEventId).collect(Collectors.toSet());
        Map<String, EffectiveTime> corrected = new HashMap<>();
        known.stream().filter(c -> c.kind() == Kind.CORRECTION)
                .forEach(c -> corrected.put(c.targetEventId(), c.correctedEffective()));
        return facts.stream().filter(f -> !retracted.contains(f.eventId()))
                .map(f -> corrected.containsKey(f.eventId()) ? f.withEffective(corrected.get(f.eventId())) : f)
                .toList();
    }
}
