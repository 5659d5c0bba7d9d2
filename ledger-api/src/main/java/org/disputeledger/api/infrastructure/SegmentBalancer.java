package org.disputeledger.api.infrastructure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Spreads the read models' processor segments over the ledger nodes that share one database. Axon lets the first
 * node up claim every unclaimed segment, and the others only get one when a claim lapses; this node therefore says
 * every {@code balanceInterval} that it is alive (table {@code ledger_node}), counts the nodes heard from within three
 * intervals, and hands segments over while it holds more than its share of all segments (the total divided by the
 * live nodes, rounded up) or two more than the node holding the fewest. A released segment is left for Axon's
 * two claim intervals, so another node's processor claims it at its next look for unclaimed segments; if none does,
 * this node takes it back. Nothing else changes hands: a segment's token moves with it, and the events it covers are
 * handled once by whoever holds it.
 */
public final class SegmentBalancer implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentBalancer.class);
    private static final Duration FORGOTTEN_AFTER = Duration.ofDays(1);

    /** One segment of one processor, and the node holding it (null when unclaimed). */
    record Claim(String processor, int segment, String owner) {
    }

    /** The segment this node gives up. */
    record Release(String processor, int segment) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final Set<String> processors;
    private final ProcessingProperties properties;
    private final Clock clock;
    private final Periodic periodic = new Periodic("segment-balancer");
    private volatile Instant startedAt;

    public SegmentBalancer(JdbcTemplate jdbc, ObjectProvider<EventProcessingConfiguration> processing,
                           Collection<String> processors, ProcessingProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.processors = new LinkedHashSet<>(processors);
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Which segment {@code self} should give up, if any: one of the processor it holds most segments of (its highest
     * segment there), when it holds more than its share of all segments or two more than the live node holding the
     * fewest. A segment nobody alive holds (released, or left by a dead node) is counted as going to the other node
     * holding the fewest, so a node does not give up more while the others are still picking up what it released.
     */
    static Optional<Release> choose(String self, Set<String> liveNodes, List<Claim> claims) {
        if (liveNodes.size() < 2 || !liveNodes.contains(self) || claims.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Integer> held = new HashMap<>();
        liveNodes.forEach(node -> held.put(node, 0));
        claims.stream().filter(claim -> claim.owner() != null && held.containsKey(claim.owner()))
                .forEach(claim -> held.merge(claim.owner(), 1, Integer::sum));
        int mine = held.get(self);
        long unclaimed = claims.stream().filter(claim -> claim.owner() == null || !held.containsKey(claim.owner()))
                .count();
        for (long i = 0; i < unclaimed; i++) {
            String fewestHolder = held.entrySet().stream().filter(entry -> !entry.getKey().equals(self))
                    .min(Map.Entry.comparingByValue()).orElseThrow().getKey();
            held.merge(fewestHolder, 1, Integer::sum);
        }
        int fewest = held.values().stream().mapToInt(Integer::intValue).min().orElse(0);
        int share = (claims.size() + liveNodes.size() - 1) / liveNodes.size();
        if (mine <= share && mine - fewest < 2) {
            return Optional.empty();
        }
        Map<String, List<Claim>> mineByProcessor = new HashMap<>();
        claims.stream().filter(claim -> self.equals(claim.owner()))
                .forEach(claim -> mineByProcessor.computeIfAbsent(claim.processor(), p -> new ArrayList<>()).add(claim));
        return mineByProcessor.entrySet().stream()
                .max(Comparator.comparingInt((Map.Entry<String, List<Claim>> entry) -> entry.getValue().size())
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .flatMap(entry -> entry.getValue().stream().max(Comparator.comparingInt(Claim::segment)))
                .map(claim -> new Release(claim.processor(), claim.segment()));
    }

    /** One turn: this node is alive; it gives up the segments it holds beyond its share. */
    void balance() {
        Instant now = clock.instant();
        heartbeat(now);
        Set<String> live = new LinkedHashSet<>(jdbc.queryForList("SELECT node_id FROM ledger_node WHERE seen_at >= ?",
                String.class, now.minus(properties.balanceInterval().multipliedBy(3)).atOffset(ZoneOffset.UTC)));
        if (live.size() < 2) {
            return;
        }
        List<Claim> claims = jdbc.query("SELECT processor_name, segment, owner FROM token_entry",
                        (row, number) -> new Claim(row.getString("processor_name"), row.getInt("segment"),
                                row.getString("owner")))
                .stream().filter(claim -> processors.contains(claim.processor())).toList();
        List<Claim> remaining = new ArrayList<>(claims);
        Optional<Release> next = choose(properties.nodeId(), live, remaining);
        while (next.isPresent()) {
            Release release = next.get();
            processing.getObject().eventProcessor(release.processor(), StreamingEventProcessor.class)
                    .filter(processor -> processor.processingStatus().containsKey(release.segment()))
                    .ifPresent(processor -> {
                        LOG.info("Releasing segment {} of {} to another of the {} live nodes", release.segment(),
                                release.processor(), live.size());
                        processor.releaseSegment(release.segment());
                    });
            remaining.replaceAll(claim -> claim.processor().equals(release.processor())
                    && claim.segment() == release.segment() ? new Claim(claim.processor(), claim.segment(), null)
                    : claim);
            next = choose(properties.nodeId(), live, remaining);
        }
    }

    private void heartbeat(Instant now) {
        var seen = now.atOffset(ZoneOffset.UTC);
        if (jdbc.update("UPDATE ledger_node SET seen_at = ? WHERE node_id = ?", seen, properties.nodeId()) == 0) {
            jdbc.update("INSERT INTO ledger_node (node_id, started_at, seen_at) VALUES (?, ?, ?)",
                    properties.nodeId(), startedAt.atOffset(ZoneOffset.UTC), seen);
            jdbc.update("DELETE FROM ledger_node WHERE seen_at < ?", now.minus(FORGOTTEN_AFTER)
                    .atOffset(ZoneOffset.UTC));
        }
    }

    @Override
    public void start() {
        startedAt = clock.instant();
        periodic.start(properties.balanceInterval(), this::balance, "Balancing the processor segments failed");
    }

    /** A node that stops no longer counts: the others take its share at their next turn. */
    @Override
    public void stop() {
        periodic.stop(Duration.ofSeconds(5));
        try {
            jdbc.update("DELETE FROM ledger_node WHERE node_id = ?", properties.nodeId());
        } catch (RuntimeException e) {
            LOG.warn("Could not remove this node from ledger_node; the others stop counting it after three turns", e);
        }
    }

    @Override
    public boolean isRunning() {
        return periodic.running();
    }

    /** Starts after the processors, stops before them and the data source. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
