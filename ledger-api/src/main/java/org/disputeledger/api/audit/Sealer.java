package org.disputeledger.api.audit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.disputeledger.api.infrastructure.Periodic;
import org.disputeledger.audit.Checkpoint;
import org.disputeledger.audit.CompactRange;
import org.disputeledger.audit.SealedEvent;
import org.disputeledger.audit.SigningKeys;
import org.disputeledger.projection.Remembered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows the event store in global order, off the commit path, and seals what it finds: each event becomes the
 * next leaf of the Merkle tree, the subtrees of 16 leaves and more it completes are stored, and a signed checkpoint
 * covers every batch (at most {@code checkpointEvery} events, at least one checkpoint a cycle when anything is new).
 * It reads only
 * below the horizon the {@link SealFence} gives, so an event whose transaction commits late is never passed over,
 * and a gap below it is a rolled-back append that can never fill. One cycle is one transaction holding the
 * {@code audit_state} row, so nodes seal one at a time and a failed cycle leaves nothing behind.
 */
public final class Sealer implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(Sealer.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AuditStore store;
    private final SealFence fence;
    private final TransactionTemplate transactions;
    private final SigningKeys.SigningKey key;
    private final Clock clock;
    private final AuditProperties properties;
    private final Remembered<String[]> streams = new Remembered<>();
    private final Timer lag;
    private volatile CompactRange range;
    private volatile long horizon;
    private final Periodic periodic = new Periodic("ledger-sealer");

    Sealer(AuditStore store, SealFence fence, TransactionTemplate transactions, SigningKeys.SigningKey key,
           Clock clock, AuditProperties properties, MeterRegistry meters) {
        this.store = store;
        this.fence = fence;
        this.transactions = transactions;
        this.key = key;
        this.clock = clock;
        this.properties = properties;
        this.lag = Timer.builder("ledger.audit.checkpoint.lag")
                .description("From an event's recording to the signed checkpoint that first covers it")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    /** Seals what is committed and due; returns how many events the checkpoint it wrote covers (0: none). */
    public synchronized int sealOnce() {
        if (horizon <= store.state().lastPosition()) {
            OptionalLong closed = fence.horizon();
            if (closed.isEmpty()) {
                return 0;
            }
            horizon = closed.getAsLong();
        }
        long upTo = horizon;
        Cycle cycle = transactions.execute(status -> seal(upTo));
        if (cycle == null) {
            return 0;
        }
        range = cycle.range();
        cycle.streams().forEach(streams::put);
        cycle.recorded().forEach(recordedAt -> lag.record(Duration.between(recordedAt, cycle.sealedAt())));
        return cycle.events();
    }

    private record Cycle(int events, CompactRange range, Instant sealedAt, List<Instant> recorded,
                         Map<String, String[]> streams) {
    }

    private Cycle seal(long upTo) {
        AuditStore.State state = store.lockState();
        if (state.lastPosition() >= upTo) {
            return null;
        }
        List<SealedEvent> events = store.eventsBetween(state.lastPosition(), upTo, properties.checkpointEvery());
        if (events.isEmpty()) {
            return null;
        }
        CompactRange known = range;
        CompactRange tree = known != null && known.size() == state.treeSize() ? known.copy()
                : CompactRange.of(state.treeSize(), store::nodes);
        List<Object[]> leaves = new ArrayList<>(events.size());
        List<Object[]> nodes = new ArrayList<>(events.size());
        List<Object[]> newStreams = new ArrayList<>();
        Map<String, String[]> batchStreams = new HashMap<>();
        List<Instant> recorded = new ArrayList<>(events.size());
        for (SealedEvent event : events) {
            String[] subject = subject(event, batchStreams, newStreams);
            long leafIndex = tree.size();
            tree.append(event.leafHash(), (node, hash) -> {
                if (node.level() == 0) {
                    leaves.add(new Object[] {leafIndex, event.position(), hash, subject[0], subject[1]});
                } else if (node.level() >= AuditStore.LOWEST_STORED_LEVEL) {
                    nodes.add(new Object[] {node.level(), node.index(), hash});
                }
            });
            recorded.add(recordedAt(event));
        }
        store.insertLeaves(leaves);
        if (!nodes.isEmpty()) {
            store.insertNodes(nodes);
        }
        if (!newStreams.isEmpty()) {
            store.insertStreams(newStreams);
        }
        long lastPosition = events.get(events.size() - 1).position();
        Instant sealedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        byte[] root = tree.root();
        byte[] signature = key.sign(Checkpoint.signedBytes(tree.size(), lastPosition, root, sealedAt,
                key.publicKey().keyId()));
        store.insertCheckpoint(new Checkpoint(tree.size(), lastPosition, root, sealedAt, key.publicKey().keyId(),
                signature));
        store.updateState(new AuditStore.State(tree.size(), lastPosition));
        return new Cycle(events.size(), tree, sealedAt, recorded, batchStreams);
    }

    private static Instant recordedAt(SealedEvent event) {
        try {
            return Instant.parse(event.recordedAt());
        } catch (RuntimeException unparsable) {
            return Instant.EPOCH;
        }
    }

    /**
     * The platform and legal entity an event concerns: those its payload names ({@code platform} or
     * {@code service}, {@code legalEntityId}); else those of the stream it curates ({@code targetStreamId}), else
     * those of its own stream's first event.
     */
    private String[] subject(SealedEvent event, Map<String, String[]> batchStreams, List<Object[]> newStreams) {
        String platform = null;
        String legalEntity = null;
        String target = null;
        try {
            JsonNode payload = JSON.readTree(event.payload());
            platform = text(payload, "platform");
            if (platform == null) {
                platform = text(payload, "service");
            }
            legalEntity = text(payload, "legalEntityId");
            target = text(payload, "targetStreamId");
        } catch (RuntimeException notJson) {
            LOG.debug("payload of the event at position {} is not JSON", event.position());
        }
        String[] own = {platform, legalEntity};
        if (event.sequence() == 0 && batchStreams.get(event.streamId()) == null
                && streams.get(event.streamId()) == null) {
            batchStreams.put(event.streamId(), own);
            newStreams.add(new Object[] {event.streamId(), platform, legalEntity});
        }
        if (platform != null || legalEntity != null) {
            return own;
        }
        String[] inherited = streamSubject(target != null ? target : event.streamId(), batchStreams);
        return inherited == null ? own : inherited;
    }

    private String[] streamSubject(String streamId, Map<String, String[]> batchStreams) {
        String[] subject = batchStreams.get(streamId);
        if (subject == null) {
            subject = streams.get(streamId);
        }
        if (subject == null) {
            subject = store.streamSubject(streamId).orElse(null);
            if (subject != null) {
                streams.put(streamId, subject);
            }
        }
        return subject;
    }

    private static String text(JsonNode payload, String field) {
        JsonNode value = payload.get(field);
        return value == null || !value.isString() ? null : value.asString();
    }

    @Override
    public void start() {
        if (!properties.sealing()) {
            LOG.info("sealing is off on this node");
            return;
        }
        periodic.start(properties.interval(), this::sealUntilCaughtUp, "sealing failed");
    }

    private void sealUntilCaughtUp() {
        while (periodic.running() && sealOnce() >= properties.checkpointEvery()) {
            Thread.onSpinWait();
        }
    }

    @Override
    public void stop() {
        periodic.stop(Duration.ofSeconds(10));
    }

    @Override
    public boolean isRunning() {
        return periodic.running();
    }

    /** The sealer starts after the database and stops before it. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
