package org.disputeledger.api.infrastructure;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.disputeledger.projection.ReadModelTables;
import org.disputeledger.projection.TableSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds every read model from the event store while the live tables keep serving, then switches to the rebuilt
 * ones. A rebuild empties each read model's other table set (TRUNCATE: no reader uses it), replays the whole log in
 * global order into it (one pass; each event is read and deserialized once and handed to every projection), and
 * when it has reached the head, switches in one transaction: it locks the read models' rows of
 * {@code read_model_table_set} (so the live processors finish their batch in flight and wait), goes on replaying
 * until it has covered everything the live processors have handled, and makes the rebuilt sets live. The
 * processors then carry on from their own positions into the new sets; the events they handle again find their
 * rows and add nothing. The former live sets stay as they were until the next rebuild empties them. One rebuild
 * runs at a time across all nodes; its progress is kept in {@code read_model_rebuild}, so any node can report it.
 */
@Component
public class ReadModelRebuilds {

    /** Where a rebuild is. */
    public enum State {
        RUNNING, SWITCHED, FAILED
    }

    /** A rebuild as an admin sees it; {@code lastPosition} is the global position replayed so far. */
    public record Rebuild(String id, State state, String node, Instant startedAt, Instant finishedAt,
                          long eventsReplayed, Long lastPosition, String detail) {

        public Long durationMillis() {
            return finishedAt == null ? null : Duration.between(startedAt, finishedAt).toMillis();
        }
    }

    /** Asked for while another rebuild runs. */
    public static class AlreadyRunning extends RuntimeException {
        public AlreadyRunning(String id) {
            super("rebuild " + id + " is still running");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(ReadModelRebuilds.class);
    private static final int BATCH_SIZE = 1_000;
    private static final Duration SWITCH_CATCH_UP_LIMIT = Duration.ofSeconds(60);
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    private final List<ReadModelDefinition> readModels;
    private final ReadModelTableSets tableSets;
    private final EventStore eventStore;
    private final Serializer serializer;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String node;
    private final int laneCount;
    private final AtomicBoolean running = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "read-model-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private volatile String current;
    private final MeterRegistry meters;

    ReadModelRebuilds(List<ReadModelDefinition> readModels, ReadModelTableSets tableSets, EventStore eventStore,
                      @Qualifier("serializer") Serializer serializer, JdbcTemplate jdbc,
                      PlatformTransactionManager transactionManager, Clock clock,
                      @Value("${ledger.read-models.rebuild-lanes:2}") int laneCount, MeterRegistry meters,
                      ProcessingProperties processing) {
        this.readModels = List.copyOf(readModels);
        this.tableSets = tableSets;
        this.eventStore = eventStore;
        this.serializer = serializer;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.node = processing.nodeId();
        this.laneCount = laneCount;
        this.meters = meters;
    }

    /** Starts a rebuild in the background and answers it as it starts. */
    public Rebuild start() {
        if (!running.compareAndSet(false, true)) {
            throw new AlreadyRunning(current);
        }
        String id = UUID.randomUUID().toString();
        try {
            register(id);
        } catch (RuntimeException e) {
            running.set(false);
            throw e;
        }
        current = id;
        try {
            worker.execute(() -> run(id));
        } catch (RuntimeException e) {
            running.set(false);
            finish(id, State.FAILED, 0, null, "not started: " + e.getMessage());
            throw e;
        }
        return find(id).orElseThrow();
    }

    /**
     * Records the rebuild as running unless one runs on any node: the lock on the live-set rows makes two nodes
     * decide one after the other. A running rebuild that has shown no progress for {@link #ABANDONED_AFTER} died
     * with its node and is marked failed.
     */
    private void register(String id) {
        transactions.executeWithoutResult(status -> {
            tableSets.lockForSwitch(readModels.stream().map(ReadModelDefinition::readModel).toList());
            OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
            jdbc.update("UPDATE read_model_rebuild SET state = ?, finished_at = ?, detail = ? WHERE state = ?"
                            + " AND heartbeat_at < ?", State.FAILED.name(), now,
                    "abandoned: no progress for " + ABANDONED_AFTER.toSeconds() + " s", State.RUNNING.name(),
                    now.minus(ABANDONED_AFTER));
            List<String> others = jdbc.queryForList("SELECT rebuild_id FROM read_model_rebuild WHERE state = ?",
                    String.class, State.RUNNING.name());
            if (!others.isEmpty()) {
                throw new AlreadyRunning(others.get(0));
            }
            jdbc.update("INSERT INTO read_model_rebuild (rebuild_id, state, node, started_at, heartbeat_at,"
                    + " events_replayed) VALUES (?, ?, ?, ?, ?, 0)", id, State.RUNNING.name(), node, now, now);
        });
    }

    /** The rebuild most recently asked for on any node, if any. */
    public Optional<Rebuild> latest() {
        return jdbc.query("SELECT * FROM read_model_rebuild ORDER BY started_at DESC, rebuild_id LIMIT 1",
                ReadModelRebuilds::rebuild).stream().findFirst();
    }

    public Optional<Rebuild> find(String id) {
        return jdbc.query("SELECT * FROM read_model_rebuild WHERE rebuild_id = ?", ReadModelRebuilds::rebuild, id)
                .stream().findFirst();
    }

    private void run(String id) {
        Replay replay = new Replay(id);
        long started = System.nanoTime();
        try {
            replay.run();
            timed(State.SWITCHED, started);
            finish(id, State.SWITCHED, replay.replayed(), replay.position(), replay.summary());
            LOG.info("Read model rebuild {} switched after {} events: {}", id, replay.replayed(), replay.summary());
        } catch (Exception e) {
            timed(State.FAILED, started);
            LOG.error("Read model rebuild {} failed after {} events; the live tables are unchanged", id,
                    replay.replayed(), e);
            finish(id, State.FAILED, replay.replayed(), replay.position(), String.valueOf(e.getMessage()));
        } finally {
            running.set(false);
        }
    }

    /** {@code ledger.read-models.rebuild}: how long rebuilds on this node took, by how they ended. */
    private void timed(State outcome, long startedNanos) {
        Timer.builder("ledger.read-models.rebuild").description("Read model rebuilds, from start to switch or failure")
                .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT)).register(meters)
                .record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    private void finish(String id, State state, long replayed, Long position, String detail) {
        jdbc.update("UPDATE read_model_rebuild SET state = ?, finished_at = ?, events_replayed = ?, last_position = ?,"
                        + " detail = ? WHERE rebuild_id = ?", state.name(), clock.instant().atOffset(ZoneOffset.UTC),
                replayed, position, detail == null ? null : detail.substring(0, Math.min(detail.length(), 4000)), id);
    }

    /**
     * One rebuild: the projections over the sets it fills, in lanes. Each lane reads the log once with its own
     * stream and hands each event to its read models; the lanes replay side by side, so the database inserts of
     * one overlap the reading and handling of another.
     */
    private final class Replay {

        private final String id;
        private final List<Lane> lanes = new ArrayList<>();

        Replay(String id) {
            this.id = id;
        }

        void run() throws Exception {
            int count = Math.max(1, Math.min(laneCount, readModels.size()));
            for (int i = 0; i < count; i++) {
                lanes.add(new Lane());
            }
            for (int i = 0; i < readModels.size(); i++) {
                ReadModelDefinition definition = readModels.get(i);
                TableSet target = tableSets.liveSet(definition.name()).other();
                ReadModelTables tables = ReadModelTables.fixed(definition.readModel(), target);
                lanes.get(i % count).targets.add(new Target(definition, target,
                        new AnnotationEventHandlerAdapter(definition.projection().apply(tables))));
            }
            transactions.executeWithoutResult(status -> targets().forEach(this::empty));
            List<BlockingStream<TrackedEventMessage<?>>> streams = new ArrayList<>();
            ExecutorService side = Executors.newFixedThreadPool(count, task -> {
                Thread thread = new Thread(task, "read-model-rebuild-lane");
                thread.setDaemon(true);
                return thread;
            });
            try {
                for (Lane lane : lanes) {
                    streams.add(eventStore.openStream(null));
                }
                List<Future<?>> replays = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    Lane lane = lanes.get(i);
                    BlockingStream<TrackedEventMessage<?>> stream = streams.get(i);
                    replays.add(side.submit(() -> {
                        lane.replayToHead(stream);
                        return null;
                    }));
                }
                for (Future<?> replay : replays) {
                    try {
                        replay.get();
                    } catch (ExecutionException e) {
                        throw e.getCause() instanceof Exception cause ? cause : e;
                    }
                }
                switchOver(streams);
            } finally {
                side.shutdownNow();
                streams.forEach(BlockingStream::close);
            }
        }

        private List<Target> targets() {
            return lanes.stream().flatMap(lane -> lane.targets.stream()).toList();
        }

        private void empty(Target target) {
            List<String> tables = target.definition().readModel().tables();
            for (int i = tables.size() - 1; i >= 0; i--) {
                jdbc.execute("TRUNCATE TABLE " + target.set().table(tables.get(i)));
            }
        }

        private void progress() {
            jdbc.update("UPDATE read_model_rebuild SET events_replayed = ?, last_position = ?, heartbeat_at = ?"
                    + " WHERE rebuild_id = ?", replayed(), position(), clock.instant().atOffset(ZoneOffset.UTC), id);
        }

        private long headPosition() {
            TrackingToken head = eventStore.createHeadToken();
            return head == null ? -1 : head.position().orElse(-1);
        }

        /**
         * In one transaction: lock the read models' live-set rows, let each lane replay on until it covers the
         * committed position of every live processor of its read models, and switch. The live processors wait on
         * the lock meanwhile.
         */
        private void switchOver(List<BlockingStream<TrackedEventMessage<?>>> streams) {
            transactions.executeWithoutResult(status -> {
                List<Target> targets = targets();
                Map<String, TableSet> live = tableSets.lockForSwitch(
                        targets.stream().map(target -> target.definition().readModel()).toList());
                for (Target target : targets) {
                    if (live.get(target.definition().name()) != target.set().other()) {
                        throw new IllegalStateException("the live table set of " + target.definition().name()
                                + " changed during the rebuild");
                    }
                }
                Instant limit = clock.instant().plus(SWITCH_CATCH_UP_LIMIT);
                for (int i = 0; i < lanes.size(); i++) {
                    lanes.get(i).catchUp(streams.get(i), limit);
                }
                targets.forEach(target -> tableSets.switchTo(target.definition().name(), target.set()));
            });
        }

        /** The events replayed: every lane reads every event, so the furthest lane's count. */
        long replayed() {
            return lanes.stream().mapToLong(lane -> lane.replayed).max().orElse(0);
        }

        /** The position every lane has passed. */
        Long position() {
            Long lowest = null;
            for (Lane lane : lanes) {
                Long position = lane.position();
                if (position == null) {
                    return null;
                }
                lowest = lowest == null ? position : Math.min(lowest, position);
            }
            return lowest;
        }

        String summary() {
            StringBuilder summary = new StringBuilder();
            for (Target target : targets()) {
                summary.append(summary.isEmpty() ? "" : ", ").append(target.definition().name()).append(" -> set ")
                        .append(target.set());
            }
            return summary.toString() + " (" + lanes.size() + " lanes)";
        }

        /** The read models one stream feeds, and how far it has got. */
        private final class Lane {

            private final List<Target> targets = new ArrayList<>();
            private volatile long replayed;
            private volatile TrackingToken last;

            /**
             * Replays in batches, one transaction each, until it has reached the head of the store as it was when
             * the batch began: with commands still arriving it then stops chasing them, and the switch covers the
             * rest.
             */
            void replayToHead(BlockingStream<TrackedEventMessage<?>> stream) throws InterruptedException {
                while (true) {
                    long head = headPosition();
                    List<TrackedEventMessage<?>> batch = new ArrayList<>(BATCH_SIZE);
                    while (batch.size() < BATCH_SIZE && stream.hasNextAvailable(200, TimeUnit.MILLISECONDS)) {
                        batch.add(stream.nextAvailable());
                    }
                    if (!batch.isEmpty()) {
                        transactions.executeWithoutResult(status -> batch.forEach(this::handle));
                        progress();
                    }
                    Long position = position();
                    if (head < 0 || (position != null && position >= head)) {
                        return;
                    }
                }
            }

            /** Replays on, in the caller's transaction, until the live processors of its read models are covered. */
            void catchUp(BlockingStream<TrackedEventMessage<?>> stream, Instant limit) {
                List<TrackingToken> handled = liveTokens(targets);
                try {
                    while (!handled.stream().allMatch(this::covers)) {
                        if (stream.hasNextAvailable(100, TimeUnit.MILLISECONDS)) {
                            handle(stream.nextAvailable());
                        } else if (clock.instant().isAfter(limit)) {
                            throw new IllegalStateException("could not reach the live processors' positions within "
                                    + SWITCH_CATCH_UP_LIMIT.toSeconds() + " s");
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while switching", e);
                }
            }

            private boolean covers(TrackingToken handled) {
                return last != null && last.covers(handled);
            }

            private void handle(TrackedEventMessage<?> message) {
                for (Target target : targets) {
                    try {
                        if (target.handler().canHandle(message)) {
                            target.handler().handle(message);
                        }
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IllegalStateException("read model " + target.definition().name()
                                + " failed on event " + message.getIdentifier(), e);
                    }
                }
                last = last == null ? message.trackingToken() : last.upperBound(message.trackingToken());
                replayed++;
            }

            Long position() {
                TrackingToken token = last;
                return token == null || token.position().isEmpty() ? null : token.position().getAsLong();
            }
        }

        /** The committed token of every segment of the live processors of these read models, unwrapped. */
        private List<TrackingToken> liveTokens(List<Target> targets) {
            List<TrackingToken> tokens = new ArrayList<>();
            for (Target target : targets) {
                CommittedTokens.of(jdbc, serializer, target.definition().name()).values().stream()
                        .filter(java.util.Objects::nonNull).forEach(tokens::add);
            }
            return tokens;
        }
    }

    private record Target(ReadModelDefinition definition, TableSet set, AnnotationEventHandlerAdapter handler) {
    }

    private static Rebuild rebuild(ResultSet row, int number) throws SQLException {
        OffsetDateTime finished = row.getObject("finished_at", OffsetDateTime.class);
        return new Rebuild(row.getString("rebuild_id"), State.valueOf(row.getString("state")), row.getString("node"),
                row.getObject("started_at", OffsetDateTime.class).toInstant(),
                finished == null ? null : finished.toInstant(), row.getLong("events_replayed"),
                row.getObject("last_position", Long.class), row.getString("detail"));
    }
}
