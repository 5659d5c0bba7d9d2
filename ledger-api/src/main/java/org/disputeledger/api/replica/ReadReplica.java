package org.disputeledger.api.replica;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.axonframework.serialization.Serializer;
import org.disputeledger.api.infrastructure.Periodic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.disputeledger.api.infrastructure.CommittedTokens;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A PostgreSQL streaming replica serving the read models' queries, and how far behind the primary it is. A thread
 * compares the two every {@code check-interval} (see {@link ReplicaCoverage}); a read goes to the replica only while
 * the replica is known to hold everything the primary had committed at most {@code max-staleness} ago, so that is
 * the bound on how stale an answer read there can be. Everything else (writes, the event store, tokens, the audit
 * log, administration) never touches the replica.
 */
public final class ReadReplica implements SmartLifecycle, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReadReplica.class);

    /** A replica that does not hand out a connection this fast is treated as gone: the primary answers instead. */
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(1);

    private static final String PRIMARY_POSITION = "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint";
    private static final String REPLAYED_POSITION =
            "SELECT pg_wal_lsn_diff(pg_last_wal_replay_lsn(), '0/0')::bigint";

    /** Why a read went to the primary. */
    enum Fallback {
        STALE("stale"), UNREACHABLE("unreachable"), NOT_A_REPLICA("not-a-replica"), UNMEASURED("unmeasured"),
        QUERY_FAILED("query-failed");

        private final String label;

        Fallback(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /** Where reads go now: the replica ({@code fallback} null) or the primary; the replica's lag when known. */
    record Route(Fallback fallback, Duration lag) {

        boolean onReplica() {
            return fallback == null;
        }
    }

    private final ReadReplicaProperties properties;
    private final JdbcTemplate primary;
    private final HikariDataSource dataSource;
    private final JdbcTemplate replica;
    private final Serializer tokenSerializer;
    private final Clock clock;
    private final Map<Fallback, Counter> fallbacks = new EnumMap<>(Fallback.class);
    private final ReplicaCoverage coverage = new ReplicaCoverage();
    private volatile Fallback problem = Fallback.UNMEASURED;
    private final Periodic periodic = new Periodic("ledger-read-replica");

    ReadReplica(ReadReplicaProperties properties, JdbcTemplate primary, Serializer tokenSerializer, Clock clock,
                MeterRegistry meters) {
        this.properties = properties;
        this.primary = primary;
        this.tokenSerializer = tokenSerializer;
        this.clock = clock;
        this.dataSource = dataSource(properties, meters);
        this.replica = new JdbcTemplate(dataSource);
        Gauge.builder("ledger.read.replica.lag", this, ReadReplica::lagSeconds).baseUnit("seconds")
                .description("How far the read replica is known to be behind the primary (NaN before the first check)")
                .register(meters);
        // Every reason from the start, so a dashboard shows 0 rather than nothing until the first fallback.
        for (Fallback reason : Fallback.values()) {
            fallbacks.put(reason, Counter.builder("ledger.read.replica.fallbacks")
                    .description("Reads answered by the primary because the read replica was stale or failed")
                    .tag("reason", reason.label()).register(meters));
        }
    }

    private static HikariDataSource dataSource(ReadReplicaProperties properties, MeterRegistry meters) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("ledger-read-replica");
        dataSource.setJdbcUrl(properties.url());
        dataSource.setUsername(properties.username());
        dataSource.setPassword(properties.password());
        dataSource.setReadOnly(true);
        dataSource.setMaximumPoolSize(properties.poolSize());
        dataSource.setMinimumIdle(Math.min(2, properties.poolSize()));
        dataSource.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        // The ledger starts and answers from the primary while the replica is down; the pool connects when it can.
        dataSource.setInitializationFailTimeout(-1);
        dataSource.setMetricRegistry(meters);
        return dataSource;
    }

    /** The replica's queries. */
    JdbcTemplate jdbc() {
        return replica;
    }

    /** Where a read goes now, from the last check; reading it changes nothing. */
    Route route() {
        Instant coveredAt = coverage.coveredAt();
        Duration lag = coveredAt == null ? null : positive(Duration.between(coveredAt, clock.instant()));
        if (problem != null) {
            return new Route(problem, lag);
        }
        return new Route(lag.compareTo(properties.maxStaleness()) > 0 ? Fallback.STALE : null, lag);
    }

    Duration maxStaleness() {
        return properties.maxStaleness();
    }

    /** Counts a read that went to the primary although a replica is configured. */
    void fellBack(Fallback reason) {
        fallbacks.get(reason).increment();
    }

    /** A query on the replica failed: reads go to the primary until the next check finds the replica well. */
    void failed(DataAccessException e) {
        LOG.warn("a read on the replica failed; reads go to the primary until it answers again: {}", e.getMessage());
        problem = Fallback.QUERY_FAILED;
    }

    /**
     * The lowest position of the processor's segments as the replica has committed them (null when none has handled
     * an event): the truth about the replica's read model, whatever this node's processor has handled since.
     */
    Long processorPosition(String processor) {
        Long lowest = CommittedTokens.of(replica, tokenSerializer, processor).values().stream()
                .map(CommittedTokens::position).min(Long::compare).orElse(null);
        return lowest == null || lowest == 0 ? null : lowest;
    }

    /** One comparison: the time first, then the primary's position, then the replica's. */
    void check() {
        Instant sampledAt = clock.instant();
        Long primaryPosition;
        try {
            primaryPosition = primary.queryForObject(PRIMARY_POSITION, Long.class);
        } catch (DataAccessException e) {
            // Without the primary's position nothing can be learnt; the coverage simply ages until it is back.
            LOG.debug("the primary's WAL position could not be read", e);
            return;
        }
        Fallback found;
        try {
            Long replayed = replica.queryForObject(REPLAYED_POSITION, Long.class);
            if (replayed == null) {
                found = Fallback.NOT_A_REPLICA;
            } else {
                coverage.observe(sampledAt, primaryPosition, replayed);
                found = coverage.coveredAt() == null ? Fallback.UNMEASURED : null;
            }
        } catch (DataAccessException e) {
            found = Fallback.UNREACHABLE;
        }
        if (found != problem && found == null) {
            LOG.info("read replica reachable: reads go to it while it is within {} of the primary",
                    properties.maxStaleness());
        } else if (found != problem && found != Fallback.UNMEASURED) {
            LOG.warn("read replica {}: reads go to the primary", found.label());
        }
        problem = found;
    }

    private double lagSeconds() {
        Instant coveredAt = coverage.coveredAt();
        return coveredAt == null ? Double.NaN
                : positive(Duration.between(coveredAt, clock.instant())).toNanos() / 1e9;
    }

    private static Duration positive(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    @Override
    public void start() {
        periodic.start(properties.checkInterval(), this::check, "checking the read replica failed");
    }

    @Override
    public void stop() {
        periodic.stop(Duration.ofSeconds(5));
    }

    /** Closes the replica's connections when the application ends. */
    @Override
    public void close() {
        dataSource.close();
    }

    @Override
    public boolean isRunning() {
        return periodic.running();
    }
}
