package org.disputeledger.projection.status;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.disputeledger.common.EffectiveTime;
import org.disputeledger.common.Source;
import org.disputeledger.restriction.ObservedState;
import org.disputeledger.restriction.RestrictionKind;

/**
 * The status of one platform in one jurisdiction at a point of effective time, as the ledger knew it at a point of
 * recorded time: the de jure state with the fact that put it there ({@code since}, null when nothing ever
 * restricted the platform), the restrictions in force, the threats not yet carried out, and beside them the latest
 * observation of how reachable the platform really was (null when none).
 */
public record PlatformStatus(String jurisdiction, String platform, State state, EffectiveTime since,
                             List<Restriction> restrictions, List<Threat> threats, Observation deFacto) {

    public PlatformStatus {
        restrictions = List.copyOf(restrictions);
        threats = List.copyOf(threats);
    }

    /** The de jure state, most severe first: BLOCKED > THROTTLED > THREATENED > NORMAL. */
    public enum State {
        BLOCKED, THROTTLED, THREATENED, NORMAL
    }

    /** The events whose sources the answer shows: the impositions in force, the pending threats, the observation. */
    public Set<String> eventIds() {
        Set<String> ids = new LinkedHashSet<>();
        restrictions.forEach(restriction -> ids.add(restriction.eventId()));
        threats.forEach(threat -> ids.add(threat.eventId()));
        if (deFacto != null) {
            ids.add(deFacto.eventId());
        }
        return ids;
    }

    /** The same status with the sources of its facts, by event id, as recorded with them. */
    public PlatformStatus withSources(Map<String, List<Source>> sources) {
        return new PlatformStatus(jurisdiction, platform, state, since,
                restrictions.stream().map(r -> new Restriction(r.kind(), r.restrictionId(), r.authority(),
                        r.legalBasis(), r.since(), r.scope(), r.eventId(), sources.getOrDefault(r.eventId(),
                        r.sources()))).toList(),
                threats.stream().map(t -> new Threat(t.threatId(), t.kind(), t.authority(), t.condition(), t.since(),
                        t.eventId(), sources.getOrDefault(t.eventId(), t.sources()))).toList(),
                deFacto == null ? null : new Observation(deFacto.observedState(), deFacto.since(),
                        deFacto.observer(), deFacto.technique(), deFacto.eventId(),
                        sources.getOrDefault(deFacto.eventId(), deFacto.sources())));
    }

    /**
     * A throttling or block in force: imposed, and not lifted by a lift known and effective by then; the event that
     * imposed it and that event's sources.
     */
    public record Restriction(RestrictionKind kind, String restrictionId, String authority, String legalBasis,
                              EffectiveTime since, Scope scope, String eventId, List<Source> sources) {

        public Restriction {
            sources = List.copyOf(sources);
        }
    }

    /**
     * What a restriction covers, as of its latest scope change in effect (or as imposed): percentages of mobile and
     * fixed-line connections for a throttling, addresses blocked for a block, each null when not stated.
     */
    public record Scope(Integer mobilePercent, Integer fixedPercent, Long addressesBlocked, String description,
                        EffectiveTime since) {
    }

    /** A threat of a throttling or block that no restriction at least as severe has followed yet; its event. */
    public record Threat(String threatId, RestrictionKind kind, String authority, String condition,
                         EffectiveTime since, String eventId, List<Source> sources) {

        public Threat {
            sources = List.copyOf(sources);
        }
    }

    /** How reachable an observer found the platform, whatever had been ordered: the de facto state; its event. */
    public record Observation(ObservedState observedState, EffectiveTime since, String observer, String technique,
                              String eventId, List<Source> sources) {

        public Observation {
            sources = List.copyOf(sources);
        }
    }
}
