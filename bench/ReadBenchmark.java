import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Read-side benchmark of the ledger: point-in-time queries, live catch-up, rebuild and projection lag over a large
 * event store, each beside a raw PostgreSQL baseline measured in the same run.
 *
 * <p>One run creates a fresh database, starts the ledger jar once so that Flyway creates the schema, stops it,
 * bulk-loads N generated events into domain_event_entry with COPY (as a historical import would: valid events of the
 * real types, built from the pinned JSON templates of ledger-core, with contiguous stream sequences and valid stream
 * invariants), starts the ledger again and measures how long its processors take to catch up, a rebuild of the read
 * models (when the build has the admin endpoint), the latency of the point-in-time queries on both time axes, and the
 * projection lag while appending at a fixed rate. It drops the database at the end, also on failure and on SIGTERM,
 * and prints a Markdown table. Only JDK classes and the PostgreSQL JDBC driver are used; all traffic goes to
 * 127.0.0.1.
 *
 * <p>Run from the repository root: {@code java -cp postgresql.jar bench/ReadBenchmark.java --help}
 * (bench/read.sh builds the jar, finds the driver and does this).
 */
public final class ReadBenchmark {

    /**
     * The bootstrap admin key the ledger under test is started with (LEDGER_ADMIN_API_KEY), new for every run: every
     * request of the benchmark sends it, as a client of a secured ledger sends its key.
     */
    static final String ADMIN_KEY = "bench-" + java.util.UUID.randomUUID() + "-" + java.util.UUID.randomUUID();

    static HttpRequest.Builder authorized(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + ADMIN_KEY);
    }

    static final String LOOPBACK = "127.0.0.1";

    static final String USAGE = String.join("\n",
            "usage: java -cp <postgresql-jdbc.jar> bench/ReadBenchmark.java [options]",
            "  --events N              events bulk-loaded into the store (default 1000000)",
            "  --seed N                seed of the generated history (default 20140101)",
            "  --clients N             concurrent HTTP clients and JDBC threads of the query phase (default 8)",
            "  --query-warmup S        query warm-up seconds, HTTP and JDBC each (default 10)",
            "  --query-duration S      measured query seconds, HTTP and JDBC each (default 20)",
            "  --lag-rate N            events per second appended in the lag phase (default 1000)",
            "  --lag-duration S        seconds of appending in the lag phase (default 30)",
            "  --lag-warmup S          seconds of appending at the same rate before it, not sampled (default 15)",
            "  --lag-in-flight N       most unanswered commands of the lag phase at once (default 256)",
            "  --sample-ms N           sampling period of head and processor positions in ms (default 20)",
            "  --catchup-timeout S     how long the live processors may take to catch up (default 1800)",
            "  --rebuild-timeout S     how long a rebuild may take (default 1800)",
            "  --skip-catchup          start the ledger and go on without waiting for the processors (the later",
            "                          phases then measure a ledger that is still catching up)",
            "  --skip-rebuild          skip the rebuild phase",
            "  --skip-queries          skip the query phase",
            "  --skip-lag              skip the lag phase",
            "  --skip-audit            skip the audit phase and the checkpoint-lag row of the lag phase",
            "  --skip-proofs           in the audit phase, measure sealing and full verification only (no inclusion",
            "                          proof and history page latencies)",
            "  --audit-warmup S        warm-up seconds of the proof and history latencies, HTTP and JDBC each",
            "                          (default 5)",
            "  --audit-duration S      measured seconds of the proof and history latencies, HTTP and JDBC each",
            "                          (default 15)",
            "  --verify-runs N         full verifications, and hashing scans of the baseline (default 3)",
            "  --seal-timeout S        how long sealing the loaded store may take (default 1800)",
            "  --keep-database         do not drop the database at the end (for debugging; drop it by hand)",
            "  --templates DIR         event JSON templates (default ledger-core/src/test/resources/event-json)",
            "  --jar PATH              ledger jar (default ledger-api/target/ledger-api.jar)",
            "  --port N                HTTP port of the ledger (default 18090; a free port is taken if it is busy)",
            "  --pg-port N             PostgreSQL port on 127.0.0.1 (default 5432)",
            "  --pg-user NAME          PostgreSQL user allowed to create databases (default postgres)",
            "  --pg-password SECRET    its password (default empty)",
            "  --out DIR               where the ledger log, the load file and thread dumps go (default target/bench)",
            "  --jvm-opt OPT           JVM option of the ledger, repeatable (default -Xmx1g when none is given)",
            "  --thread-dumps N        take N jcmd Thread.print samples of the ledger during catch-up and queries",
            "  --start-timeout S       how long to wait for the ledger to report health UP (default 180)",
            "  --help                  this text");

    // ----------------------------------------------------------------------------------------------------------
    // Options

    record Options(int events, long seed, int clients, int queryWarmup, int queryDuration, int lagRate,
                   int lagDuration, int lagWarmup, int lagInFlight, int sampleMillis, int catchupTimeout,
                   int rebuildTimeout,
                   boolean skipCatchup, boolean skipRebuild, boolean skipQueries, boolean skipLag,
                   boolean skipAudit, int auditWarmup, int auditDuration, int verifyRuns, int sealTimeout,
                   boolean keepDatabase, Path templates, Path jar, int port, boolean portExplicit, int pgPort,
                   String pgUser, String pgPassword, Path out, List<String> jvmOpts, int threadDumps,
                   int startTimeout, boolean skipProofs) {

        static Options parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>();
            List<String> jvmOpts = new ArrayList<>();
            boolean skipCatchup = false;
            boolean skipRebuild = false;
            boolean skipQueries = false;
            boolean skipLag = false;
            boolean skipAudit = false;
            boolean keep = false;
            boolean skipProofs = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--help", "-h" -> throw new UsageException(null);
                    case "--skip-catchup" -> skipCatchup = true;
                    case "--skip-rebuild" -> skipRebuild = true;
                    case "--skip-queries" -> skipQueries = true;
                    case "--skip-lag" -> skipLag = true;
                    case "--skip-audit" -> skipAudit = true;
                    case "--keep-database" -> keep = true;
                    case "--skip-proofs" -> skipProofs = true;
                    case "--events", "--seed", "--clients", "--query-warmup", "--query-duration", "--lag-rate",
                         "--lag-duration", "--lag-warmup", "--lag-in-flight", "--sample-ms", "--catchup-timeout",
                         "--rebuild-timeout", "--audit-warmup", "--audit-duration", "--verify-runs", "--seal-timeout",
                         "--templates", "--jar", "--port", "--pg-port", "--pg-user", "--pg-password", "--out",
                         "--jvm-opt", "--thread-dumps", "--start-timeout" -> {
                        if (i + 1 >= args.length) {
                            throw new UsageException(arg + " needs a value");
                        }
                        String value = args[++i];
                        if (arg.equals("--jvm-opt")) {
                            jvmOpts.add(value);
                        } else {
                            values.put(arg, value);
                        }
                    }
                    default -> throw new UsageException("unknown argument " + arg);
                }
            }
            if (jvmOpts.stream().noneMatch(o -> o.startsWith("-Xmx"))) {
                jvmOpts.add(0, "-Xmx1g");
            }
            return new Options(
                    intOption(values, "--events", 1_000_000, 1_000, 50_000_000),
                    intOption(values, "--seed", 20140101, Integer.MIN_VALUE, Integer.MAX_VALUE),
                    intOption(values, "--clients", 8, 1, 200),
                    intOption(values, "--query-warmup", 10, 0, 600),
                    intOption(values, "--query-duration", 20, 1, 3600),
                    intOption(values, "--lag-rate", 1000, 1, 100_000),
                    intOption(values, "--lag-duration", 30, 1, 3600),
                    intOption(values, "--lag-warmup", 15, 0, 3600),
                    intOption(values, "--lag-in-flight", 256, 1, 10_000),
                    intOption(values, "--sample-ms", 20, 1, 10_000),
                    intOption(values, "--catchup-timeout", 1800, 1, 86_400),
                    intOption(values, "--rebuild-timeout", 1800, 1, 86_400),
                    skipCatchup, skipRebuild, skipQueries, skipLag, skipAudit,
                    intOption(values, "--audit-warmup", 5, 0, 600),
                    intOption(values, "--audit-duration", 15, 1, 3600),
                    intOption(values, "--verify-runs", 3, 1, 100),
                    intOption(values, "--seal-timeout", 1800, 1, 86_400),
                    keep,
                    Paths.get(values.getOrDefault("--templates", "ledger-core/src/test/resources/event-json")),
                    Paths.get(values.getOrDefault("--jar", "ledger-api/target/ledger-api.jar")),
                    intOption(values, "--port", 18090, 1, 65535),
                    values.containsKey("--port"),
                    intOption(values, "--pg-port", 5432, 1, 65535),
                    values.getOrDefault("--pg-user", "postgres"),
                    values.getOrDefault("--pg-password", ""),
                    Paths.get(values.getOrDefault("--out", "target/bench")),
                    List.copyOf(jvmOpts),
                    intOption(values, "--thread-dumps", 0, 0, 100),
                    intOption(values, "--start-timeout", 180, 1, 3600),
                    skipProofs);
        }

        private static int intOption(Map<String, String> values, String name, int fallback, int min, int max) {
            String raw = values.get(name);
            if (raw == null) {
                return fallback;
            }
            int value;
            try {
                value = Integer.parseInt(raw.trim().replace("_", ""));
            } catch (NumberFormatException e) {
                throw new UsageException(name + " must be a whole number, got '" + raw + "'");
            }
            if (value < min || value > max) {
                throw new UsageException(name + " must be between " + min + " and " + max + ", got " + value);
            }
            return value;
        }
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    /** A failure that ends the run with a message for the operator (no stack trace). */
    static final class BenchmarkFailure extends RuntimeException {
        BenchmarkFailure(String message) {
            super(message);
        }

        BenchmarkFailure(String message, Throwable cause) {
            super(message + ": " + cause, cause);
        }
    }

    // ----------------------------------------------------------------------------------------------------------
    // Measurements

    /** Latencies in nanoseconds, appended by one thread only. */
    static final class Samples {
        private long[] values = new long[1024];
        private int size;

        void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        static long[] merge(List<Samples> all) {
            int total = all.stream().mapToInt(s -> s.size).sum();
            long[] merged = new long[total];
            int at = 0;
            for (Samples s : all) {
                System.arraycopy(s.values, 0, merged, at, s.size);
                at += s.size;
            }
            Arrays.sort(merged);
            return merged;
        }

        /** Nearest-rank percentile of sorted nanosecond values, in milliseconds; NaN when empty. */
        static double percentileMillis(long[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1_000_000.0;
        }
    }

    /** The window of a scenario: warm-up until {@code measureStart}, measured until {@code measureEnd}. */
    record Window(long measureStart, long measureEnd) {
        static Window after(int warmupSeconds, int durationSeconds) {
            long start = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmupSeconds);
            return new Window(start, start + TimeUnit.SECONDS.toNanos(durationSeconds));
        }

        boolean counts(long completedAt) {
            return completedAt >= measureStart && completedAt < measureEnd;
        }

        boolean over(long now) {
            return now >= measureEnd;
        }

        double seconds() {
            return (measureEnd - measureStart) / 1e9;
        }
    }

    /** One line of the result table. */
    record Row(String scenario, String figure, String p50, String p99, String baseline, String verdict) {
    }

    /** The bulk load: seconds of the COPY into domain_event_entry and of the same COPY into a plain table. */
    record BulkLoad(long events, double seconds, double rawSeconds) {
        double rate() {
            return events / seconds;
        }

        double rawRate() {
            return events / rawSeconds;
        }
    }

    /** The rebuild: wall seconds from the POST to SWITCHED (NaN when this build has no rebuild endpoint). */
    record Rebuild(double seconds, String ledgerSays) {
    }

    /** Full verification and the hashing JDBC scan beside it, each run {@code --verify-runs} times: sorted seconds. */
    record Verification(long events, double[] seconds, double[] scanSeconds) {
        double median() {
            return ReadBenchmark.median(seconds);
        }

        double scanMedian() {
            return ReadBenchmark.median(scanSeconds);
        }
    }

    /**
     * The query phase: sorted latencies (ns) per kind and axis, bucket {@code kind * AXES.length + axis}, over HTTP
     * and over JDBC (the same SQL), each measured for {@code seconds}.
     */
    record Queries(long[][] http, long[][] jdbc, double seconds) {
    }

    /**
     * What a run measured, for the caller: the table rows and notes it prints, the failures (empty when every request
     * succeeded and every check held), and the figures of each phase that ran (null for a phase that did not).
     */
    record Outcome(Instant started, List<Row> rows, List<String> notes, List<String> failures, String server,
                   BulkLoad bulkLoad, Double catchUpSeconds, Double scanSeconds, Verification verification,
                   Rebuild rebuild, Queries queries) {
    }

    // ----------------------------------------------------------------------------------------------------------
    // Run

    private final Options options;
    private final String database;
    private final Path loadFile;
    private final AtomicBoolean cleanedUp = new AtomicBoolean();
    private volatile Process ledger;
    private volatile boolean databaseCreated;
    private volatile String serverDescription = "unknown";
    private final String loadAtStart = loadAverage();
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private History history;
    private Path appLog;
    private int port;
    private BulkLoad bulkLoadResult;
    private Double catchUpSeconds;
    private Double scanSeconds;
    private Verification verificationResult;
    private Rebuild rebuildResult;
    private Queries queriesResult;

    // For a caller (bench/ledger.sh samples the ledger's memory): each ledger process once it reports UP and just
    // before it is stopped, and the name of each phase as it begins.
    java.util.function.Consumer<Process> onLedgerUp = p -> { };
    java.util.function.Consumer<Process> onLedgerStopping = p -> { };
    java.util.function.Consumer<String> onPhase = name -> { };

    ReadBenchmark(Options options) {
        this.options = options;
        this.database = "ledger_read_bench_" + System.currentTimeMillis() + "_" + ProcessHandle.current().pid();
        this.loadFile = options.out().resolve(database + ".csv");
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (UsageException e) {
            if (e.getMessage() != null) {
                System.err.println("read benchmark: " + e.getMessage());
            }
            System.err.println(USAGE);
            System.exit(e.getMessage() == null ? 0 : 2);
            return;
        }
        System.exit(new ReadBenchmark(options).run());
    }

    int run() {
        Outcome outcome = execute();
        printReport(outcome.started());
        System.out.println();
        if (!failures.isEmpty()) {
            System.out.println("FAILED:");
            failures.forEach(f -> System.out.println("- " + f));
            return 1;
        }
        return 0;
    }

    /** Runs every phase not skipped, stops the ledger and drops the database; prints nothing but logs. */
    Outcome execute() {
        Thread hook = new Thread(this::cleanUp, "benchmark-clean-up");
        Runtime.getRuntime().addShutdownHook(hook);
        Instant started = Instant.now();
        try {
            checkPreconditions();
            Files.createDirectories(options.out());
            createDatabase();
            log("database " + database + " created");
            port = choosePort();
            appLog = options.out().resolve(database + ".log");

            // 1. Schema: the ledger's own Flyway, on an empty store; then the ledger is stopped for the import.
            onPhase.accept("read: schema");
            startLedger();
            stopLedger();

            // 2. Bulk load with COPY, beside a COPY of the same rows into a plain table.
            onPhase.accept("read: bulk import");
            bulkLoadResult = bulkLoad();

            // 3. Live catch-up of the processors over the imported events.
            onPhase.accept("read: start-up and catch-up");
            long startedAt = System.nanoTime();
            Instant startedWall = Instant.now();
            startLedger();
            if (!options.skipCatchup()) {
                catchUpSeconds = catchUp(startedAt);
            }
            long scanNanos = rawFullScan();
            scanSeconds = scanNanos / 1e9;

            // 4. The tamper-evident log: sealing of the loaded store, full verification, proofs and history pages.
            if (!options.skipAudit()) {
                onPhase.accept("read: sealing and verification");
                verificationResult = audit(startedWall);
            }

            // 5. Rebuild through the admin endpoint, when this build has it.
            if (!options.skipRebuild()) {
                onPhase.accept("read: rebuild");
                rebuildResult = rebuild(scanNanos);
            }
            // 6. Point-in-time queries on both axes, beside the same SQL over JDBC.
            if (!options.skipQueries()) {
                onPhase.accept("read: queries");
                queriesResult = queries();
            }
            // 7. Projection and checkpoint lag while appending at a fixed rate.
            if (!options.skipLag()) {
                onPhase.accept("read: lag");
                lag();
            }
            Process running = ledger;
            if (running == null || !running.isAlive()) {
                throw new BenchmarkFailure("the ledger exited during the run; last lines of " + appLog + ":\n"
                        + tail(appLog, 8));
            }
            notes.add("ledger log: " + appLog);
        } catch (BenchmarkFailure e) {
            failures.add(e.getMessage());
        } catch (Exception e) {
            failures.add("unexpected " + e);
            e.printStackTrace();
        } finally {
            cleanUp();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running
            }
        }
        return new Outcome(started, rows, notes, failures, serverDescription, bulkLoadResult, catchUpSeconds,
                scanSeconds, verificationResult, rebuildResult, queriesResult);
    }

    private void checkPreconditions() {
        if (!Files.isRegularFile(options.jar())) {
            throw new BenchmarkFailure("ledger jar " + options.jar().toAbsolutePath() + " not found; build it with "
                    + "./mvnw -q -B -DskipTests package (or run bench/read.sh from the repository root)");
        }
        if (!Files.isDirectory(options.templates())) {
            throw new BenchmarkFailure("event templates " + options.templates().toAbsolutePath() + " not found; run "
                    + "from the repository root or pass --templates");
        }
        try {
            Class.forName("org.postgresql.Driver");
        } catch (ClassNotFoundException e) {
            throw new BenchmarkFailure("the PostgreSQL JDBC driver is not on the class path; run with "
                    + "java -cp <postgresql.jar> bench/ReadBenchmark.java (bench/read.sh does)");
        }
    }

    static void log(String message) {
        System.err.println("[" + DateTimeFormatter.ISO_LOCAL_TIME.format(
                Instant.now().atOffset(ZoneOffset.UTC).toLocalTime().withNano(0)) + "] " + message);
    }

    private void cleanUp() {
        if (cleanedUp.compareAndSet(false, true)) {
            stopLedger();
            try {
                Files.deleteIfExists(loadFile);
            } catch (IOException e) {
                System.err.println("read benchmark: could not delete " + loadFile + ": " + e);
            }
            if (options.keepDatabase() && databaseCreated) {
                log("database " + database + " kept (--keep-database); drop it with: psql -h " + LOOPBACK
                        + " -U " + options.pgUser() + " -c 'DROP DATABASE " + database + " WITH (FORCE)'");
            } else {
                dropDatabase();
            }
        }
    }

    // ----------------------------------------------------------------------------------------------------------
    // PostgreSQL

    private String jdbcUrl(String db) {
        return "jdbc:postgresql://" + LOOPBACK + ":" + options.pgPort() + "/" + db;
    }

    Connection connect(String db) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", options.pgUser());
        props.setProperty("password", options.pgPassword());
        props.setProperty("ApplicationName", "read-benchmark");
        props.setProperty("connectTimeout", "10");
        return DriverManager.getConnection(jdbcUrl(db), props);
    }

    private void createDatabase() {
        try (Connection admin = connect("postgres"); Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + database);
            databaseCreated = true;
            serverDescription = "PostgreSQL " + serverSetting(admin, "server_version") + ", shared_buffers="
                    + serverSetting(admin, "shared_buffers") + ", work_mem=" + serverSetting(admin, "work_mem")
                    + ", effective_cache_size=" + serverSetting(admin, "effective_cache_size")
                    + ", max_wal_size=" + serverSetting(admin, "max_wal_size") + ", synchronous_commit="
                    + serverSetting(admin, "synchronous_commit") + ", fsync=" + serverSetting(admin, "fsync")
                    + ", random_page_cost=" + serverSetting(admin, "random_page_cost")
                    + ", jit=" + serverSetting(admin, "jit");
        } catch (SQLException e) {
            throw new BenchmarkFailure("cannot create database " + database + " on " + jdbcUrl("postgres")
                    + " as " + options.pgUser() + " (is PostgreSQL running, may that user create databases?)", e);
        }
    }

    private void dropDatabase() {
        if (!databaseCreated) {
            return;
        }
        try (Connection admin = connect("postgres"); Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            databaseCreated = false;
            log("database " + database + " dropped");
        } catch (SQLException e) {
            System.err.println("read benchmark: could not drop database " + database + ", drop it by hand: " + e);
        }
    }

    private long scalar(String sql) {
        try (Connection c = connect(database); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new BenchmarkFailure("query failed: " + sql, e);
        }
    }

    private static String serverSetting(Connection c, String name) {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW " + name)) {
            return rs.next() ? rs.getString(1) : "?";
        } catch (SQLException e) {
            return "?";
        }
    }

    // ----------------------------------------------------------------------------------------------------------
    // Phase: bulk load

    static final String EVENT_COLUMNS = "global_index, event_identifier, aggregate_identifier, sequence_number, type,"
            + " time_stamp, payload_type, payload_revision, payload, meta_data";

    private BulkLoad bulkLoad() throws Exception {
        long existing = scalar("SELECT count(*) FROM domain_event_entry");
        if (existing != 0) {
            throw new BenchmarkFailure("the event store of the fresh database holds " + existing + " events after "
                    + "the first start (is the demo data loaded? the benchmark sets LEDGER_DEMO_DATA_LOAD=never)");
        }
        Templates templates = Templates.load(options.templates());
        log("generating " + options.events() + " events into " + loadFile);
        long g0 = System.nanoTime();
        try (BufferedWriter out = Files.newBufferedWriter(loadFile, StandardCharsets.UTF_8)) {
            history = new History(templates, options.seed(), options.events(), out);
            history.generate();
        }
        double genSeconds = (System.nanoTime() - g0) / 1e9;
        long fileBytes = Files.size(loadFile);
        log(String.format(Locale.ROOT, "generated %d events (%.0f MB) in %.1f s", options.events(),
                fileBytes / 1e6, genSeconds));

        try (Connection c = connect(database); Statement st = c.createStatement()) {
            // Its own schema, so that the ledger's tables stay exactly as Flyway made them.
            st.execute("CREATE SCHEMA raw_baseline");
            st.execute("CREATE TABLE raw_baseline.raw_event_entry ("
                    + " global_index BIGINT NOT NULL,"
                    + " event_identifier VARCHAR(255) NOT NULL,"
                    + " aggregate_identifier VARCHAR(255) NOT NULL,"
                    + " sequence_number BIGINT NOT NULL,"
                    + " type VARCHAR(255),"
                    + " time_stamp VARCHAR(255) NOT NULL,"
                    + " payload_type VARCHAR(255) NOT NULL,"
                    + " payload_revision VARCHAR(255),"
                    + " payload BYTEA NOT NULL,"
                    + " meta_data BYTEA,"
                    + " CONSTRAINT raw_event_entry_pk PRIMARY KEY (global_index),"
                    + " CONSTRAINT raw_event_entry_stream_sequence_uq UNIQUE (aggregate_identifier, sequence_number),"
                    + " CONSTRAINT raw_event_entry_event_identifier_uq UNIQUE (event_identifier))");
        }
        double rawSeconds = copy("raw_baseline.raw_event_entry");
        try (Connection c = connect(database); Statement st = c.createStatement()) {
            st.execute("DROP TABLE raw_baseline.raw_event_entry");
        }
        log(String.format(Locale.ROOT, "raw COPY into a plain table: %.1f s, %.0f events/s", rawSeconds,
                options.events() / rawSeconds));
        double seconds = copy("domain_event_entry");
        log(String.format(Locale.ROOT, "COPY into domain_event_entry: %.1f s, %.0f events/s", seconds,
                options.events() / seconds));
        try (Connection c = connect(database); Statement st = c.createStatement()) {
            st.execute("SELECT setval('domain_event_entry_global_index_seq', " + options.events() + ")");
            st.execute("ANALYZE domain_event_entry");
        }
        Files.deleteIfExists(loadFile);
        long count = scalar("SELECT count(*) FROM domain_event_entry");
        if (count != options.events()) {
            throw new BenchmarkFailure("domain_event_entry holds " + count + " rows after loading "
                    + options.events());
        }
        double rate = options.events() / seconds;
        double rawRate = options.events() / rawSeconds;
        rows.add(new Row("bulk load, COPY into domain_event_entry", String.format(Locale.ROOT,
                "%,.0f events/s (%d events in %.1f s)", rate, options.events(), seconds), "-", "-",
                String.format(Locale.ROOT, "%,.0f rows/s (COPY into a plain table of the same shape)", rawRate),
                String.format(Locale.ROOT, "%.2f", rate / rawRate)));
        notes.add(String.format(Locale.ROOT, "generated history: %d events in %d streams (%s); payload %.0f bytes, "
                        + "metadata %.0f bytes on average; generated in %.1f s", options.events(), history.streams,
                history.describeStreams(), history.payloadBytes / (double) options.events(),
                history.metadataBytes / (double) options.events(), genSeconds));
        notes.add("event types: " + history.describeTypes());
        return new BulkLoad(options.events(), seconds, rawSeconds);
    }

    private double copy(String table) throws Exception {
        try (Connection c = connect(database);
             BufferedReader in = Files.newBufferedReader(loadFile, StandardCharsets.UTF_8)) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            long t0 = System.nanoTime();
            long copied = copy.copyIn("COPY " + table + " (" + EVENT_COLUMNS + ") FROM STDIN WITH (FORMAT csv)", in,
                    1 << 16);
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (copied != options.events()) {
                throw new BenchmarkFailure("COPY into " + table + " reported " + copied + " rows");
            }
            return seconds;
        }
    }

    // ----------------------------------------------------------------------------------------------------------
    // Phase: live catch-up

    static final Pattern INDEX = Pattern.compile("\"index\"\\s*:\\s*(\\d+)");

    /** The global index a stored token has reached: a GapAwareTrackingToken, possibly inside a ReplayToken. */
    static long tokenIndex(byte[] token) {
        if (token == null) {
            return -1;
        }
        String json = new String(token, StandardCharsets.UTF_8);
        int current = json.indexOf("\"currentToken\"");
        if (current >= 0) {
            json = json.substring(current);
        }
        Matcher m = INDEX.matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** The lowest position of each processor over its segments, from token_entry. */
    static Map<String, Long> positions(Connection c) throws SQLException {
        Map<String, Long> positions = new TreeMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT processor_name, token FROM token_entry")) {
            while (rs.next()) {
                long index = tokenIndex(rs.getBytes(2));
                positions.merge(rs.getString(1), index, Math::min);
            }
        }
        return positions;
    }

    /** Waits until every processor has reached the loaded head; the seconds from the ledger's start. */
    private double catchUp(long processStarted) throws Exception {
        long head = options.events();
        log("live catch-up: waiting for every processor to reach " + head);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.catchupTimeout());
        Map<String, Long> doneAt = new TreeMap<>();
        Map<String, Long> last = Map.of();
        long lastLog = System.nanoTime();
        Process p = ledger;
        CpuMeter cpu = new CpuMeter(p == null ? null : p.toHandle());
        cpu.start();
        Thread dumps = startThreadDumps("catchup", 60);
        try (Connection c = connect(database)) {
            while (true) {
                long now = System.nanoTime();
                last = positions(c);
                for (Map.Entry<String, Long> e : last.entrySet()) {
                    if (e.getValue() >= head && !doneAt.containsKey(e.getKey())) {
                        doneAt.put(e.getKey(), now);
                    }
                }
                if (!last.isEmpty() && doneAt.keySet().containsAll(last.keySet())) {
                    break;
                }
                if (now > deadline) {
                    throw new BenchmarkFailure("the processors did not catch up within " + options.catchupTimeout()
                            + " s; positions " + last + " of " + head + " (see " + appLog + ")");
                }
                if (p == null || !p.isAlive()) {
                    throw new BenchmarkFailure("the ledger exited during catch-up; last lines of " + appLog + ":\n"
                            + tail(appLog, 8));
                }
                if (now - lastLog > TimeUnit.SECONDS.toNanos(15)) {
                    log("catch-up: " + last);
                    lastLog = now;
                }
                Thread.sleep(100);
            }
        } finally {
            cpu.stop();
            if (dumps != null) {
                dumps.interrupt();
            }
        }
        long end = Collections.max(doneAt.values());
        double seconds = (end - processStarted) / 1e9;
        StringBuilder each = new StringBuilder();
        doneAt.forEach((name, at) -> each.append(String.format(Locale.ROOT, "%s %.1f s, ", name,
                (at - processStarted) / 1e9)));
        log(String.format(Locale.ROOT, "live catch-up: %.1f s (%s)", seconds, each));
        rows.add(new Row("live catch-up from zero, " + doneAt.size() + " processors", String.format(Locale.ROOT,
                "%.1f s from the ledger's start (%,.0f events/s)", seconds, head / seconds), "-", "-",
                "see raw full scan", "within 30 s, the rebuild goal: " + (seconds <= 30 ? "yes" : "no")));
        notes.add("live catch-up per processor, from the ledger's start: " + each
                + "CPU " + cpu.describe(head, "event"));
        checkReadModels();
        return seconds;
    }

    /** Rows of the read models that follow from the generated history, so a processor that skipped is caught. */
    private void checkReadModels() {
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("timeline_entry", history.count("timeline_entry"));
        expected.put("status_fact", history.count("status_fact"));
        expected.put("demand_fact", history.count("demand_fact"));
        expected.put("penalty_fact", history.count("penalty_fact"));
        expected.put("timeline_curation", history.count("timeline_curation"));
        StringBuilder found = new StringBuilder();
        expected.forEach((table, rowsExpected) -> {
            long actual = scalar("SELECT count(*) FROM " + table);
            found.append(table).append(' ').append(actual).append(actual == rowsExpected ? "" : " (expected "
                    + rowsExpected + ")").append("; ");
            if (actual != rowsExpected) {
                failures.add("read model table " + table + " holds " + actual + " rows after catch-up, the "
                        + "generated history implies " + rowsExpected);
            }
        });
        notes.add("read model rows after catch-up: " + found);
    }

    /** Baseline of catch-up and rebuild: every row's payload read in global order over one JDBC connection. */
    private long rawFullScan() throws SQLException {
        long t0 = System.nanoTime();
        long count = 0;
        long bytes = 0;
        try (Connection c = connect(database)) {
            c.setAutoCommit(false);
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT global_index, payload_type, payload FROM domain_event_entry ORDER BY global_index")) {
                st.setFetchSize(5000);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        rs.getLong(1);
                        rs.getString(2);
                        bytes += rs.getBytes(3).length;
                        count++;
                    }
                }
            }
            c.commit();
        }
        long nanos = System.nanoTime() - t0;
        double seconds = nanos / 1e9;
        log(String.format(Locale.ROOT, "raw full scan: %d rows, %.0f MB of payload in %.1f s", count, bytes / 1e6,
                seconds));
        rows.add(new Row("raw full scan of the store (baseline of catch-up and rebuild)", String.format(Locale.ROOT,
                "%.1f s (%,.0f rows/s)", seconds, count / seconds), "-", "-", "-",
                "SELECT global_index, payload_type, payload ORDER BY global_index, fetch size 5000"));
        return nanos;
    }

    // ----------------------------------------------------------------------------------------------------------
    // Phase: the tamper-evident log

    static final Pattern OK = Pattern.compile("\"ok\"\\s*:\\s*(true|false)");
    static final Pattern EVENTS_CHECKED = Pattern.compile("\"eventsChecked\"\\s*:\\s*(\\d+)");
    static final Pattern CHECKPOINTS_CHECKED = Pattern.compile("\"checkpointsChecked\"\\s*:\\s*(\\d+)");
    static final String SEALED_UP_TO_SQL = "SELECT coalesce(max(last_position), 0) FROM audit_checkpoint";

    private Verification audit(Instant ledgerStarted) throws Exception {
        long head = scalar("SELECT max(global_index) FROM domain_event_entry");
        sealing(ledgerStarted, head);
        double[] scans = hashingScans();
        Verification verified = verification(head, scans);
        if (options.skipProofs()) {
            return verified;
        }

        // Proofs and history pages, closed loop, each beside the SQL that answers it over JDBC.
        long[] proofs = closedLoop("inclusion proofs over HTTP", httpProbe(random -> "/api/v1/audit/proofs/inclusion"
                + "?position=" + (1 + random.nextLong(head))));
        long[] leaves = closedLoop("leaf lookups over JDBC (baseline)", jdbcProbe("SELECT leaf_index, leaf_hash FROM"
                + " audit_leaf WHERE position = ?", (st, random) -> st.setLong(1, 1 + random.nextLong(head))));
        latencyRow("audit: inclusion proof in the latest checkpoint", proofs, leaves,
                "JDBC SELECT leaf_index, leaf_hash FROM audit_leaf WHERE position = ?", 5);
        int page = 100;
        long[] pages = closedLoop("history pages over HTTP", httpProbe(random -> "/api/v1/events?after="
                + random.nextLong(Math.max(1, head - page)) + "&limit=" + page));
        long[] rawPages = closedLoop("history pages over JDBC (baseline)", jdbcProbe("SELECT " + EVENT_COLUMNS
                + " FROM domain_event_entry WHERE global_index > ? AND global_index <= ? ORDER BY global_index"
                + " LIMIT ?", (st, random) -> {
                    st.setLong(1, random.nextLong(Math.max(1, head - page)));
                    st.setLong(2, head);
                    st.setInt(3, page);
                }));
        latencyRow("audit: history page of " + page + " events (GET /api/v1/events)", pages, rawPages,
                "JDBC SELECT of the same " + page + " rows, every column", 0);
        return verified;
    }

    /** How long the sealer, started with the ledger, took to sign a checkpoint covering the whole loaded store. */
    private void sealing(Instant ledgerStarted, long head) throws Exception {
        log("sealing: waiting for a signed checkpoint covering position " + head);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.sealTimeout());
        long lastLog = System.nanoTime();
        long sealed;
        while ((sealed = scalar(SEALED_UP_TO_SQL)) < head) {
            Process p = ledger;
            if (p == null || !p.isAlive()) {
                throw new BenchmarkFailure("the ledger exited while sealing; last lines of " + appLog + ":\n"
                        + tail(appLog, 8));
            }
            if (System.nanoTime() > deadline) {
                throw new BenchmarkFailure("the sealer did not cover position " + head + " within "
                        + options.sealTimeout() + " s; sealed up to " + sealed + " (see " + appLog + ")");
            }
            if (System.nanoTime() - lastLog > TimeUnit.SECONDS.toNanos(15)) {
                log("sealing: sealed up to " + sealed + " of " + head);
                lastLog = System.nanoTime();
            }
            Thread.sleep(100);
        }
        OffsetDateTime first;
        OffsetDateTime done;
        long checkpoints;
        try (Connection c = connect(database); PreparedStatement st = c.prepareStatement("SELECT"
                + " (SELECT min(sealed_at) FROM audit_checkpoint),"
                + " (SELECT sealed_at FROM audit_checkpoint WHERE last_position >= ? ORDER BY tree_size LIMIT 1),"
                + " (SELECT count(*) FROM audit_checkpoint WHERE last_position <= ?)")) {
            st.setLong(1, head);
            st.setLong(2, head);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                first = rs.getObject(1, OffsetDateTime.class);
                done = rs.getObject(2, OffsetDateTime.class);
                checkpoints = rs.getLong(3);
            }
        }
        // sealed_at comes from the ledger's clock, ledgerStarted from this process's: the same machine's clock.
        double seconds = Duration.between(ledgerStarted, done.toInstant()).toNanos() / 1e9;
        double sealerSeconds = Duration.between(first.toInstant(), done.toInstant()).toNanos() / 1e9;
        log(String.format(Locale.ROOT, "sealing: %d events sealed %.1f s after the ledger's start", head, seconds));
        rows.add(new Row("sealing of the loaded store (" + checkpoints + " signed checkpoints)",
                String.format(Locale.ROOT, "%.1f s from the ledger's start (%,.0f events/s); %.1f s from the first "
                        + "checkpoint to the last", seconds, head / seconds, sealerSeconds), "-", "-",
                "see hashing scan", "beside the processors' catch-up"));
        notes.add("sealing: the sealer starts with the ledger and seals the loaded store while the processors catch"
                + " up on the same two resources (CPU, PostgreSQL), so its time includes the ledger's start-up and that"
                + " contention; measured from the launch of the ledger JVM to sealed_at of the first checkpoint whose"
                + " last_position reaches max(global_index)");
    }

    /**
     * Baseline of sealing and verification: every column of every row read in global order over one JDBC
     * connection and SHA-256-hashed here, {@code --verify-runs} times; the seconds of each run, sorted.
     */
    private double[] hashingScans() throws Exception {
        double[] seconds = new double[options.verifyRuns()];
        for (int run = 0; run < seconds.length; run++) {
            long t0 = System.nanoTime();
            long count = 0;
            java.security.MessageDigest sha256 = java.security.MessageDigest.getInstance("SHA-256");
            try (Connection c = connect(database)) {
                c.setAutoCommit(false);
                try (PreparedStatement st = c.prepareStatement("SELECT " + EVENT_COLUMNS
                        + " FROM domain_event_entry ORDER BY global_index")) {
                    st.setFetchSize(5000);
                    try (ResultSet rs = st.executeQuery()) {
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            for (int col = 1; col <= columns; col++) {
                                byte[] value = rs.getBytes(col);
                                if (value != null) {
                                    sha256.update(value);
                                }
                            }
                            sha256.digest();
                            count++;
                        }
                    }
                }
                c.commit();
            }
            seconds[run] = (System.nanoTime() - t0) / 1e9;
            log(String.format(Locale.ROOT, "hashing scan %d: %d rows in %.1f s", run + 1, count, seconds[run]));
        }
        Arrays.sort(seconds);
        return seconds;
    }

    private Verification verification(long head, double[] scans) throws Exception {
        HttpClient client = httpClient();
        String url = base() + "/api/v1/audit/verify";
        double[] seconds = new double[options.verifyRuns()];
        List<String> reported = new ArrayList<>();
        String body = "";
        for (int run = 0; run < seconds.length; run++) {
            long t0 = System.nanoTime();
            HttpResponse<String> answer = client.send(authorized(URI.create(url))
                    .timeout(Duration.ofSeconds(options.sealTimeout())).header("Accept", "application/json").GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            seconds[run] = (System.nanoTime() - t0) / 1e9;
            body = answer.body();
            Matcher ok = OK.matcher(body);
            Matcher checked = EVENTS_CHECKED.matcher(body);
            Matcher duration = DURATION.matcher(body);
            if (answer.statusCode() != 200 || !ok.find() || !ok.group(1).equals("true") || !checked.find()
                    || Long.parseLong(checked.group(1)) != head) {
                failures.add("GET " + url + " (run " + (run + 1) + ") answered " + answer.statusCode() + " "
                        + body + "; expected ok true over " + head + " events");
            }
            reported.add(duration.find() ? duration.group(1) : "?");
            log(String.format(Locale.ROOT, "verification %d: %.1f s", run + 1, seconds[run]));
        }
        Arrays.sort(seconds);
        double median = median(seconds);
        double scanMedian = median(scans);
        Matcher checkpoints = CHECKPOINTS_CHECKED.matcher(body);
        rows.add(new Row("full verification (GET /api/v1/audit/verify), " + seconds.length + " runs",
                String.format(Locale.ROOT, "%s events and %s checkpoints checked, ok; min %.1f s, median %.1f s"
                                + " (the ledger reports %s ms)", head, checkpoints.find() ? checkpoints.group(1) : "?",
                        seconds[0], median, String.join(", ", reported)), "-", "-",
                String.format(Locale.ROOT, "JDBC scan of every column with SHA-256 per row: min %.1f s, median %.1f s",
                        scans[0], scanMedian),
                String.format(Locale.ROOT, "median ratio %.1f; goal 10 s: %s", median / scanMedian,
                        median <= 10 ? "met" : "not met")));
        notes.add("full verification, last answer: " + body);
        return new Verification(head, seconds, scans);
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** One row of a latency measured over HTTP beside its JDBC baseline; {@code goalMillis} 0 for none. */
    private void latencyRow(String scenario, long[] http, long[] raw, String rawWhat, double goalMillis) {
        double seconds = options.auditDuration();
        double p99 = Samples.percentileMillis(http, 99);
        String ratio = String.format(Locale.ROOT, "p99 ratio %.1f", p99 / Samples.percentileMillis(raw, 99));
        rows.add(new Row(scenario + ", " + options.clients() + " clients", String.format(Locale.ROOT,
                "%d answers, %.0f/s", http.length, http.length / seconds), fmt(Samples.percentileMillis(http, 50)),
                fmt(p99), String.format(Locale.ROOT, "%s: p50 %s, p99 %s ms (%.0f/s)", rawWhat,
                        fmt(Samples.percentileMillis(raw, 50)), fmt(Samples.percentileMillis(raw, 99)),
                        raw.length / seconds),
                goalMillis <= 0 ? ratio + "; no goal" : String.format(Locale.ROOT, "%s; goal p99 <= %.0f ms: %s",
                        ratio, goalMillis, p99 <= goalMillis ? "met" : "not met")));
    }

    /** One client's requests, made one after another; it owns what it opens. */
    interface Probe extends AutoCloseable {
        void once(ThreadLocalRandom random) throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    interface ProbeSource {
        Probe open() throws Exception;
    }

    interface Parameters {
        void set(PreparedStatement statement, ThreadLocalRandom random) throws SQLException;
    }


    private ProbeSource httpProbe(java.util.function.Function<ThreadLocalRandom, String> path) {
        return () -> {
            HttpClient client = httpClient();
            String base = base();
            return random -> {
                String target = path.apply(random);
                HttpResponse<String> answer = client.send(authorized(URI.create(base + target))
                        .timeout(Duration.ofSeconds(30)).header("Accept", "application/json").GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    String body = answer.body();
                    throw new IOException("GET " + target + " -> " + answer.statusCode() + " "
                            + (body.length() > 300 ? body.substring(0, 300) + "..." : body));
                }
            };
        };
    }

    private ProbeSource jdbcProbe(String sql, Parameters parameters) {
        return () -> {
            Connection c = connect(database);
            PreparedStatement st = c.prepareStatement(sql);
            return new Probe() {
                @Override
                public void once(ThreadLocalRandom random) throws SQLException {
                    parameters.set(st, random);
                    try (ResultSet rs = st.executeQuery()) {
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            for (int col = 1; col <= columns; col++) {
                                rs.getObject(col);
                            }
                        }
                    }
                }

                @Override
                public void close() throws SQLException {
                    c.close();
                }
            };
        };
    }

    /**
     * {@code --clients} threads, each with its own probe, calling it one call after another for the audit warm-up and
     * measured window; the latencies of the calls that ended in the window, sorted. Failures fail the run.
     */
    private long[] closedLoop(String label, ProbeSource source) throws InterruptedException {
        int clients = options.clients();
        log(label + ": " + clients + " clients, " + options.auditWarmup() + " s warm-up, " + options.auditDuration()
                + " s measured");
        Window window = Window.after(options.auditWarmup(), options.auditDuration());
        List<Samples> samples = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(clients);
        for (int i = 0; i < clients; i++) {
            Samples mine = new Samples();
            samples.add(mine);
            new Thread(() -> {
                try (Probe probe = source.open()) {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (true) {
                        long start = System.nanoTime();
                        if (window.over(start)) {
                            return;
                        }
                        try {
                            probe.once(random);
                        } catch (InterruptedException e) {
                            return;
                        } catch (Exception e) {
                            errors.incrementAndGet();
                            if (firstErrors.size() < 5) {
                                firstErrors.add(e.toString());
                            }
                            continue;
                        }
                        long end = System.nanoTime();
                        if (window.counts(end)) {
                            mine.add(end - start);
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                    firstErrors.add(e.toString());
                } finally {
                    done.countDown();
                }
            }, label + "-" + i).start();
        }
        if (!done.await(options.auditWarmup() + options.auditDuration() + 120L, TimeUnit.SECONDS)) {
            throw new BenchmarkFailure(label + ": clients did not finish 120 s after the end of the window");
        }
        if (errors.get() > 0) {
            failures.add(label + ": " + errors.get() + " calls failed; first: " + firstErrors);
        }
        return Samples.merge(samples);
    }

    // ----------------------------------------------------------------------------------------------------------
    // Phase: rebuild

    static final Pattern STATE = Pattern.compile("\"state\"\\s*:\\s*\"([A-Z_]+)\"");
    static final Pattern DURATION = Pattern.compile("\"durationMillis\"\\s*:\\s*(\\d+)");
    static final Pattern REPLAYED = Pattern.compile("\"eventsReplayed\"\\s*:\\s*(\\d+)");

    private Rebuild rebuild(long scanNanos) throws Exception {
        HttpClient client = httpClient();
        String url = base() + "/api/v1/admin/read-models/rebuild";
        HttpResponse<String> started = client.send(authorized(URI.create(url))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        long t0 = System.nanoTime();
        if (started.statusCode() == 404 || started.statusCode() == 405) {
            log("rebuild: not available in this build (POST " + url + " answered " + started.statusCode() + ")");
            System.out.println("rebuild: not available in this build");
            rows.add(new Row("rebuild of all read models", "not available in this build", "-", "-",
                    String.format(Locale.ROOT, "raw full scan %.1f s", scanNanos / 1e9), "goal 30 s: not measured"));
            return new Rebuild(Double.NaN, "not available in this build");
        }
        if (started.statusCode() != 202) {
            throw new BenchmarkFailure("POST " + url + " answered " + started.statusCode() + " " + started.body());
        }
        log("rebuild started: " + started.body());
        long deadline = t0 + TimeUnit.SECONDS.toNanos(options.rebuildTimeout());
        Process p = ledger;
        CpuMeter cpu = new CpuMeter(p == null ? null : p.toHandle());
        cpu.start();
        String body;
        while (true) {
            Thread.sleep(200);
            HttpResponse<String> answer = client.send(authorized(URI.create(url))
                    .timeout(Duration.ofSeconds(30)).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            body = answer.body();
            if (answer.statusCode() != 200) {
                throw new BenchmarkFailure("GET " + url + " answered " + answer.statusCode() + " " + body);
            }
            Matcher state = STATE.matcher(body);
            String s = state.find() ? state.group(1) : "?";
            if (s.equals("SWITCHED")) {
                break;
            }
            if (s.equals("FAILED")) {
                throw new BenchmarkFailure("the rebuild FAILED: " + body);
            }
            if (System.nanoTime() > deadline) {
                throw new BenchmarkFailure("the rebuild did not finish within " + options.rebuildTimeout() + " s: "
                        + body);
            }
        }
        cpu.stop();
        double seconds = (System.nanoTime() - t0) / 1e9;
        Matcher d = DURATION.matcher(body);
        Matcher r = REPLAYED.matcher(body);
        String ledgerSays = (d.find() ? String.format(Locale.ROOT, "; the ledger reports %.1f s",
                Long.parseLong(d.group(1)) / 1000.0) : "") + (r.find() ? ", " + r.group(1) + " events replayed" : "");
        log(String.format(Locale.ROOT, "rebuild: SWITCHED after %.1f s%s", seconds, ledgerSays));
        rows.add(new Row("rebuild of all read models (POST until SWITCHED)", String.format(Locale.ROOT,
                "%.1f s%s", seconds, ledgerSays), "-", "-",
                String.format(Locale.ROOT, "raw full scan %.1f s", scanNanos / 1e9),
                String.format(Locale.ROOT, "ratio %.1f; goal 30 s: %s", seconds / (scanNanos / 1e9),
                        seconds <= 30 ? "met" : "not met")));
        notes.add("rebuild: " + body + "; CPU " + cpu.describe(options.events(), "event"));
        HttpResponse<String> models = client.send(authorized(URI.create(base()
                        + "/api/v1/admin/read-models")).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        notes.add("read models after the rebuild: " + models.statusCode() + " " + models.body());
        return new Rebuild(seconds, ledgerSays);
    }

    // ----------------------------------------------------------------------------------------------------------
    // Phase: point-in-time queries

    static final String[] QUERY_KINDS = {"platform status", "jurisdiction status", "entity penalties",
            "platform compliance", "platform timeline"};
    static final String[] AXES = {"at", "at + knownAt"};

    /** One random query: its kind, its axis, its HTTP path and the SQL the ledger runs for it with parameters. */
    record Query(int kind, int axis, String path, String sql, Object[] parameters) {
    }

    static final String STATUS_SQL = "SELECT event_id, jurisdiction, service, stream_sequence, kind,"
            + " restriction_kind, restriction_id, effective_start, effective_date, effective_precision, recorded_at,"
            + " authority, legal_basis, mobile_percent, fixed_percent, addresses_blocked, scope_description,"
            + " observed_state, detail FROM status_fact";
    static final String PENALTY_SQL = "SELECT event_id, legal_entity, item_id, stream_sequence, kind,"
            + " amount_minor, currency, outcome, provision, party, qualifier, effective_start, effective_date,"
            + " effective_precision, recorded_at FROM penalty_fact";
    static final String DEMAND_SQL = "SELECT event_id, demand_id, platform, jurisdiction,"
            + " stream_sequence, kind, demand_kind, authority, items, items_by_category, scope, deadline,"
            + " effective_start, effective_date, effective_precision, recorded_at FROM demand_fact";
    static final String TIMELINE_SQL = "SELECT event_id, stream_id, stream_sequence, global_position,"
            + " event_type, platform, legal_entity, jurisdiction, effective_start, effective_date,"
            + " effective_precision, recorded_at, confidence, summary, sources, links FROM timeline_entry";

    /** Table-name suffix of each read model's live table set ("" for set A, "_b" for set B). */
    private volatile Map<String, String> liveSuffix = Map.of();

    private void readLiveTableSets() {
        Map<String, String> suffix = new HashMap<>();
        try (Connection c = connect(database); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT read_model, live_set FROM read_model_table_set")) {
            while (rs.next()) {
                suffix.put(rs.getString(1), "B".equals(rs.getString(2)) ? "_b" : "");
            }
        } catch (SQLException e) {
            // a build without table sets: the plain names
        }
        liveSuffix = suffix;
        StringBuilder sets = new StringBuilder();
        new TreeMap<>(suffix).forEach((model, sfx) -> sets.append(model).append(' ').append(sfx.isEmpty() ? "A" : "B")
                .append(", "));
        notes.add("JDBC baseline reads the live table sets: " + (suffix.isEmpty() ? "plain names (no table sets)"
                : sets.substring(0, sets.length() - 2)));
    }

    private String live(String sql) {
        Map<String, String> suffix = liveSuffix;
        return sql.replace(" FROM status_fact", " FROM status_fact" + suffix.getOrDefault("platform-status", ""))
                .replace(" FROM penalty_fact", " FROM penalty_fact" + suffix.getOrDefault("penalty-totals", ""))
                .replace(" FROM demand_fact", " FROM demand_fact" + suffix.getOrDefault("demand-compliance", ""))
                .replace(" FROM timeline_entry", " FROM timeline_entry" + suffix.getOrDefault("timeline", ""));
    }

    Query randomQuery(ThreadLocalRandom random) {
        int kind = random.nextInt(QUERY_KINDS.length);
        int axis = random.nextInt(AXES.length);
        LocalDate at = History.randomDate(random, History.EFFECTIVE_FROM, History.EFFECTIVE_TO);
        Instant knownAt = axis == 0 ? Instant.now()
                : History.randomInstant(random, History.RECORDED_FROM, History.RECORDED_TO);
        OffsetDateTime known = knownAt.atOffset(ZoneOffset.UTC);
        OffsetDateTime atEnd = at.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC).minusNanos(1000);
        String platform = History.PLATFORMS[random.nextInt(History.PLATFORMS.length)];
        String jurisdiction = History.JURISDICTIONS[random.nextInt(History.JURISDICTIONS.length)];
        String time = "at=" + at + (axis == 0 ? "" : "&knownAt=" + enc(knownAt.toString()));
        switch (kind) {
            case 0:
                return new Query(kind, axis, "/api/v1/platforms/" + platform + "/status?jurisdiction=" + jurisdiction
                        + "&" + time, STATUS_SQL + " WHERE jurisdiction = ? AND service = ? AND recorded_at <= ?"
                        + " ORDER BY stream_sequence", new Object[] {jurisdiction, platform, known});
            case 1:
                return new Query(kind, axis, "/api/v1/status?jurisdiction=" + jurisdiction + "&" + time,
                        STATUS_SQL + " WHERE jurisdiction = ? AND recorded_at <= ? ORDER BY service, stream_sequence",
                        new Object[] {jurisdiction, known});
            case 2: {
                String entity = History.ENTITIES[random.nextInt(History.ENTITIES.length)];
                return new Query(kind, axis, "/api/v1/entities/" + entity + "/penalties?" + time,
                        PENALTY_SQL + " WHERE legal_entity = ? AND recorded_at <= ? ORDER BY item_id, stream_sequence",
                        new Object[] {entity, known});
            }
            case 3: {
                LocalDate from = History.randomDate(random, History.EFFECTIVE_FROM, History.EFFECTIVE_TO);
                LocalDate to = from.plusDays(365);
                return new Query(kind, axis, "/api/v1/platforms/" + platform + "/compliance?jurisdiction="
                        + jurisdiction + "&from=" + from + "&to=" + to + "&" + time,
                        DEMAND_SQL + " WHERE platform = ? AND jurisdiction = ? AND recorded_at <= ?"
                                + " ORDER BY demand_id, stream_sequence", new Object[] {platform, jurisdiction, known});
            }
            default: {
                LocalDate from = History.randomDate(random, History.EFFECTIVE_FROM, History.EFFECTIVE_TO);
                LocalDate to = from.plusDays(90);
                return new Query(kind, axis, "/api/v1/platforms/" + platform + "/timeline?jurisdiction="
                        + jurisdiction + "&from=" + from + "&to=" + to + "&limit=100&" + time,
                        TIMELINE_SQL + " WHERE platform = ? AND recorded_at <= ? AND effective_start <= ?"
                                + " AND effective_start >= ? AND effective_start <= ? AND jurisdiction = ?"
                                + " ORDER BY effective_start, global_position LIMIT 101",
                        new Object[] {platform, known, atEnd, from.atStartOfDay().atOffset(ZoneOffset.UTC),
                                to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC).minusNanos(1000),
                                jurisdiction});
            }
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private Queries queries() throws Exception {
        int clients = options.clients();
        int buckets = QUERY_KINDS.length * AXES.length;
        // HTTP
        log("queries over HTTP: " + clients + " clients, " + options.queryWarmup() + " s warm-up, "
                + options.queryDuration() + " s measured");
        Window window = Window.after(options.queryWarmup(), options.queryDuration());
        AtomicLong errors = new AtomicLong();
        List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());
        List<Samples[]> perClient = new ArrayList<>();
        List<long[]> bytesPerClient = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(clients);
        for (int i = 0; i < clients; i++) {
            Samples[] mine = newSamples(buckets);
            long[] bytes = new long[buckets];
            perClient.add(mine);
            bytesPerClient.add(bytes);
            new Thread(() -> {
                try {
                    httpQueriesUntil(window, mine, bytes, errors, firstErrors);
                } finally {
                    done.countDown();
                }
            }, "query-client-" + i).start();
        }
        Process p = ledger;
        CpuMeter cpu = new CpuMeter(p == null ? null : p.toHandle());
        sleepUntil(window.measureStart());
        cpu.start();
        Thread dumps = startThreadDumps("queries", options.queryDuration());
        sleepUntil(window.measureEnd());
        cpu.stop();
        if (!done.await(120, TimeUnit.SECONDS)) {
            throw new BenchmarkFailure("query clients did not finish 120 s after the end of the window");
        }
        if (dumps != null) {
            dumps.interrupt();
        }
        long[][] http = mergeBuckets(perClient, buckets);
        long total = Arrays.stream(http).mapToLong(s -> s.length).sum();
        notes.add(String.format(Locale.ROOT, "queries over HTTP: %d answered in the measured %.0f s (%.0f/s), "
                + "%d errors; CPU %s", total, window.seconds(), total / window.seconds(), errors.get(),
                cpu.describe(total, "query")));
        if (errors.get() > 0) {
            failures.add("queries: " + errors.get() + " requests failed (non-2xx or no answer); first: " + firstErrors);
        }

        // JDBC baseline: the SQL the ledger runs for the same random requests, on the live table sets.
        readLiveTableSets();
        log("queries over JDBC (baseline): " + clients + " threads, " + options.queryWarmup() + " s warm-up, "
                + options.queryDuration() + " s measured");
        Window rawWindow = Window.after(options.queryWarmup(), options.queryDuration());
        List<Samples[]> rawPerThread = new ArrayList<>();
        List<long[]> rawRows = new ArrayList<>();
        AtomicLong rawErrors = new AtomicLong();
        CountDownLatch rawDone = new CountDownLatch(clients);
        for (int i = 0; i < clients; i++) {
            Samples[] mine = newSamples(buckets);
            long[] rowCounts = new long[buckets];
            rawPerThread.add(mine);
            rawRows.add(rowCounts);
            new Thread(() -> {
                try {
                    jdbcQueriesUntil(rawWindow, mine, rowCounts, rawErrors, firstErrors);
                } finally {
                    rawDone.countDown();
                }
            }, "query-jdbc-" + i).start();
        }
        if (!rawDone.await(options.queryWarmup() + options.queryDuration() + 120L, TimeUnit.SECONDS)) {
            throw new BenchmarkFailure("JDBC query threads did not finish");
        }
        if (rawErrors.get() > 0) {
            failures.add("JDBC baseline queries failed " + rawErrors.get() + " times; first: " + firstErrors);
        }
        long[][] raw = mergeBuckets(rawPerThread, buckets);
        for (int kind = 0; kind < QUERY_KINDS.length; kind++) {
            for (int axis = 0; axis < AXES.length; axis++) {
                int b = kind * AXES.length + axis;
                long[] h = http[b];
                long[] r = raw[b];
                long rowSum = 0;
                long byteSum = 0;
                for (long[] counts : rawRows) {
                    rowSum += counts[b];
                }
                for (long[] counts : bytesPerClient) {
                    byteSum += counts[b];
                }
                double p99 = Samples.percentileMillis(h, 99);
                rows.add(new Row("query: " + QUERY_KINDS[kind] + ", " + AXES[axis] + ", " + clients + " clients",
                        String.format(Locale.ROOT, "%d answers, %.0f/s, %.1f kB per answer", h.length,
                                h.length / window.seconds(), h.length == 0 ? 0.0 : byteSum / 1000.0 / h.length),
                        fmt(Samples.percentileMillis(h, 50)), fmt(p99),
                        String.format(Locale.ROOT, "JDBC p50 %s, p99 %s ms (%.0f rows per query)",
                                fmt(Samples.percentileMillis(r, 50)), fmt(Samples.percentileMillis(r, 99)),
                                r.length == 0 ? 0.0 : rowSum / (double) r.length),
                        String.format(Locale.ROOT, "p99 ratio %.1f; goal p99 <= 10 ms: %s",
                                p99 / Samples.percentileMillis(r, 99), p99 <= 10 ? "met" : "not met")));
            }
        }
        return new Queries(http, raw, window.seconds());
    }

    private static List<Samples> perClientBucket(List<Samples[]> perClient, int bucket) {
        List<Samples> list = new ArrayList<>();
        for (Samples[] s : perClient) {
            list.add(s[bucket]);
        }
        return list;
    }

    private static Samples[] newSamples(int n) {
        Samples[] s = new Samples[n];
        for (int i = 0; i < n; i++) {
            s[i] = new Samples();
        }
        return s;
    }

    private static long[][] mergeBuckets(List<Samples[]> perClient, int buckets) {
        long[][] merged = new long[buckets][];
        for (int b = 0; b < buckets; b++) {
            merged[b] = Samples.merge(perClientBucket(perClient, b));
        }
        return merged;
    }

    private static String fmt(double millis) {
        return Double.isNaN(millis) ? "-" : String.format(Locale.ROOT, "%.1f", millis);
    }

    private void httpQueriesUntil(Window window, Samples[] samples, long[] bytes, AtomicLong errors,
                                  List<String> firstErrors) {
        HttpClient client = httpClient();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String base = base();
        while (true) {
            Query q = randomQuery(random);
            long start = System.nanoTime();
            if (window.over(start)) {
                return;
            }
            int status;
            String body;
            try {
                HttpResponse<String> answer = client.send(authorized(URI.create(base + q.path()))
                        .timeout(Duration.ofSeconds(60)).header("Accept", "application/json").GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                status = answer.statusCode();
                body = answer.body();
            } catch (IOException e) {
                status = -1;
                body = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long end = System.nanoTime();
            int b = q.kind() * AXES.length + q.axis();
            if (status >= 200 && status < 300) {
                if (window.counts(end)) {
                    samples[b].add(end - start);
                    bytes[b] += body.length();
                }
            } else {
                errors.incrementAndGet();
                if (firstErrors.size() < 5) {
                    firstErrors.add("GET " + q.path() + " -> " + status + " "
                            + (body.length() > 300 ? body.substring(0, 300) + "..." : body));
                }
            }
        }
    }

    private void jdbcQueriesUntil(Window window, Samples[] samples, long[] rowCounts, AtomicLong errors,
                                  List<String> firstErrors) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Map<String, PreparedStatement> statements = new HashMap<>();
        try (Connection c = connect(database)) {
            while (true) {
                Query q = randomQuery(random);
                long start = System.nanoTime();
                if (window.over(start)) {
                    break;
                }
                String sql = live(q.sql());
                PreparedStatement st = statements.get(sql);
                if (st == null) {
                    st = c.prepareStatement(sql);
                    statements.put(sql, st);
                }
                for (int i = 0; i < q.parameters().length; i++) {
                    st.setObject(i + 1, q.parameters()[i]);
                }
                long n = 0;
                try (ResultSet rs = st.executeQuery()) {
                    ResultSetMetaData meta = rs.getMetaData();
                    int columns = meta.getColumnCount();
                    while (rs.next()) {
                        for (int col = 1; col <= columns; col++) {
                            rs.getString(col);
                        }
                        n++;
                    }
                }
                long end = System.nanoTime();
                int b = q.kind() * AXES.length + q.axis();
                if (window.counts(end)) {
                    samples[b].add(end - start);
                    rowCounts[b] += n;
                }
            }
        } catch (SQLException e) {
            errors.incrementAndGet();
            if (firstErrors.size() < 5) {
                firstErrors.add("JDBC: " + e);
            }
        }
    }

    // ----------------------------------------------------------------------------------------------------------
    // Phase: projection lag under a fixed append rate

    static final String ENVELOPE = "\"envelope\":{\"effective\":{\"date\":\"%s\",\"precision\":\"DAY\"},"
            + "\"sources\":[{\"url\":\"https://tass.com/economy/1273479\"}],\"confidence\":\"CONFIRMED\"}";
    static final String NEW_DEMAND = "{\"jurisdiction\":\"RU\",\"authority\":\"Roskomnadzor\",\"platform\":\"twitter\","
            + "\"legalEntityId\":\"twitter-inc\",\"kind\":\"REMOVE_CONTENT\",\"itemCount\":1000000,"
            + String.format(Locale.ROOT, ENVELOPE, "2026-03-10") + "}";
    static final String COMPLIANCE = "{\"scope\":\"PARTIAL\",\"itemsActioned\":1,"
            + String.format(Locale.ROOT, ENVELOPE, "2026-03-11") + "}";
    static final String OBSERVATION = "{\"observer\":\"OONI\",\"observedState\":\"ACCESSIBLE\","
            + String.format(Locale.ROOT, ENVELOPE, "2026-03-12") + "}";
    static final String STATISTIC = "{\"claimant\":\"Roskomnadzor\",\"jurisdiction\":\"RU\",\"legalEntityId\":"
            + "\"ENTITY\",\"metric\":\"fines_total_imposed\",\"amount\":{\"minor\":4500000000,\"currency\":\"RUB\"},"
            + "\"qualifier\":\"EXACT\"," + String.format(Locale.ROOT, ENVELOPE, "2026-03-13") + "}";
    static final Pattern STREAM_ID = Pattern.compile("\"streamId\"\\s*:\\s*\"([^\"]+)\"");

    /** One sample: when, the head of the store, and each processor's position (the raw tailer's last). */
    record LagSample(long at, long head, long[] positions) {
    }

    private void lag() throws Exception {
        int rate = options.lagRate();
        int clients = options.lagInFlight();
        long durationNanos = TimeUnit.SECONDS.toNanos(options.lagDuration());
        log("lag: appending " + rate + " events/s for " + options.lagDuration() + " s (open loop, at most "
                + clients + " unanswered), sampling every " + options.sampleMillis() + " ms");
        List<String> processors;
        Map<String, Long> fromAdmin = adminPositions(httpClient());
        boolean admin = fromAdmin != null && !fromAdmin.isEmpty();
        notes.add("lag: processor positions read from " + (admin ? "GET /api/v1/admin/read-models (in memory) for "
                + fromAdmin.keySet() + ", from token_entry for the others"
                : "token_entry (the admin endpoint is not in this build)")
                + "; a processor stores its token with each batch that has events it handles, and otherwise only every"
                + " few seconds");
        try (Connection c = connect(database)) {
            java.util.Set<String> names = new java.util.TreeSet<>(positions(c).keySet());
            if (admin) {
                names.addAll(fromAdmin.keySet());
            }
            processors = new ArrayList<>(names);
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS raw_baseline.tail_position (id INT PRIMARY KEY,"
                        + " position BIGINT NOT NULL)");
                st.execute("CREATE TABLE IF NOT EXISTS raw_baseline.tail_row (global_index BIGINT PRIMARY KEY,"
                        + " bytes INT NOT NULL)");
                st.execute("INSERT INTO raw_baseline.tail_position VALUES (1, (SELECT coalesce(max(global_index), 0)"
                        + " FROM domain_event_entry)) ON CONFLICT (id) DO UPDATE SET position = EXCLUDED.position");
            }
        }
        List<String> pool = Collections.synchronizedList(new ArrayList<>());
        if (options.lagWarmup() > 0) {
            log("lag: warm-up, appending " + rate + " events/s for " + options.lagWarmup() + " s");
            AtomicLong warmErrors = new AtomicLong();
            List<String> warmFirst = Collections.synchronizedList(new ArrayList<>());
            long warmStart = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
            appendAtRate(warmStart, rate, (long) rate * options.lagWarmup(), clients, new AtomicLong(), warmErrors,
                    new AtomicLong(), warmFirst, pool, new Samples(), new AtomicLong());
            if (warmErrors.get() > 0) {
                failures.add("lag warm-up: " + warmErrors.get() + " appends failed; first: " + warmFirst);
            }
            waitForProcessors(processors, 120);
        }
        try (Connection c = connect(database); Statement st = c.createStatement()) {
            st.execute("UPDATE raw_baseline.tail_position SET position = (SELECT coalesce(max(global_index), 0)"
                    + " FROM domain_event_entry)");
        }
        long measuredAfter = scalar("SELECT coalesce(max(global_index), 0) FROM domain_event_entry");
        AtomicBoolean stop = new AtomicBoolean();
        // Raw baseline: a JDBC tailer that reads the new rows in global order and commits a row per event and its
        // position per batch, as a projection with no logic would.
        Thread tailer = new Thread(() -> rawTailer(stop), "raw-tailer");
        tailer.start();

        List<LagSample> samples = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean samplingStop = new AtomicBoolean();
        List<String> samplerErrors = Collections.synchronizedList(new ArrayList<>());
        Thread sampler = new Thread(() -> sample(processors, admin, samples, samplingStop, samplerErrors),
                "lag-sampler");
        sampler.start();

        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
        long end = start + durationNanos;
        long total = (long) rate * options.lagDuration();
        AtomicLong accepted = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong late = new AtomicLong();
        List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());
        Samples latencies = new Samples();
        AtomicLong lastCompletion = new AtomicLong(start);
        appendAtRate(start, rate, total, clients, accepted, errors, late, firstErrors, pool, latencies,
                lastCompletion);
        long measuredUpTo = scalar("SELECT coalesce(max(global_index), 0) FROM domain_event_entry");
        double achieved = accepted.get() / ((Math.max(lastCompletion.get(), end) - start) / 1e9);
        // Let the processors drain: up to 60 s after the last append.
        long drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long head = scalar("SELECT max(global_index) FROM domain_event_entry");
        while (System.nanoTime() < drainDeadline) {
            LagSample last = samples.isEmpty() ? null : samples.get(samples.size() - 1);
            if (last != null && last.head() >= head && Arrays.stream(last.positions()).allMatch(pos -> pos >= head)) {
                break;
            }
            Thread.sleep(100);
        }
        samplingStop.set(true);
        stop.set(true);
        sampler.join(10_000);
        tailer.join(10_000);
        if (!samplerErrors.isEmpty()) {
            failures.add("lag sampler: " + samplerErrors);
        }
        if (errors.get() > 0) {
            failures.add("lag: " + errors.get() + " appends failed (non-2xx or no answer); first: " + firstErrors);
        }
        List<LagSample> inWindow = new ArrayList<>();
        List<LagSample> all;
        synchronized (samples) {
            all = new ArrayList<>(samples);
        }
        for (LagSample s : all) {
            if (s.at() >= start && s.at() <= end) {
                inWindow.add(s);
            }
        }
        int n = processors.size();
        long[] ledgerLag = lags(all, inWindow, (s) -> {
            long min = Long.MAX_VALUE;
            for (int i = 0; i < n; i++) {
                min = Math.min(min, s.positions()[i]);
            }
            return min;
        });
        long[] rawLag = lags(all, inWindow, (s) -> s.positions()[n]);
        long[] appendLatency;
        synchronized (latencies) {
            appendLatency = Samples.merge(List.of(latencies));
        }
        String lagFigure = String.format(Locale.ROOT, "achieved %.0f events/s (%d accepted, %d sent late by > 50 ms); "
                        + "%d samples, max lag %s ms", achieved, accepted.get(), late.get(), ledgerLag.length,
                maxMillis(ledgerLag));
        rows.add(new Row("projection lag, all " + n + " processors, appending " + rate + " events/s over HTTP",
                lagFigure, fmt(Samples.percentileMillis(ledgerLag, 50)), fmt(Samples.percentileMillis(ledgerLag, 99)),
                String.format(Locale.ROOT, "raw JDBC tailer p50 %s, p99 %s, max %s ms",
                        fmt(Samples.percentileMillis(rawLag, 50)), fmt(Samples.percentileMillis(rawLag, 99)),
                        maxMillis(rawLag)),
                "goal p99 <= 1 s: " + (Samples.percentileMillis(ledgerLag, 99) <= 1000 ? "met" : "not met")));
        StringBuilder each = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int index = i;
            long[] one = lags(all, inWindow, s -> s.positions()[index]);
            each.append(String.format(Locale.ROOT, "%s p50 %s p99 %s max %s ms; ", processors.get(i),
                    fmt(Samples.percentileMillis(one, 50)), fmt(Samples.percentileMillis(one, 99)), maxMillis(one)));
        }
        notes.add("lag per processor: " + each + "append latency over HTTP p50 "
                + fmt(Samples.percentileMillis(appendLatency, 50)) + " ms, p99 "
                + fmt(Samples.percentileMillis(appendLatency, 99)) + " ms");
        if (!options.skipAudit()) {
            checkpointLag(measuredAfter, measuredUpTo, rate, rawLag);
        }
    }

    /**
     * For every event appended in the measured lag window (global positions above {@code after} up to
     * {@code upTo}): sealed_at of the first checkpoint covering it minus its recorded time, both from the ledger's
     * clock; percentiles computed by PostgreSQL once the sealer has covered the window.
     */
    private void checkpointLag(long after, long upTo, int rate, long[] rawLag) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long sealed;
        while ((sealed = scalar(SEALED_UP_TO_SQL)) < upTo) {
            if (System.nanoTime() > deadline) {
                failures.add("checkpoint lag: the sealer had covered only up to position " + sealed + " of " + upTo
                        + " 60 s after the last append of the lag window");
                return;
            }
            Thread.sleep(100);
        }
        // Only the checkpoints after the window's start take part, so each event's LATERAL lookup stays short.
        String sql = "WITH k AS MATERIALIZED (SELECT tree_size, last_position, sealed_at FROM audit_checkpoint"
                + " WHERE last_position > ?)"
                + " SELECT count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY lag),"
                + " percentile_cont(0.99) WITHIN GROUP (ORDER BY lag), max(lag), count(DISTINCT tree_size)"
                + " FROM (SELECT extract(epoch FROM c.sealed_at - e.time_stamp::timestamptz) * 1000 AS lag,"
                + " c.tree_size FROM domain_event_entry e CROSS JOIN LATERAL (SELECT k.sealed_at, k.tree_size"
                + " FROM k WHERE k.last_position >= e.global_index ORDER BY k.tree_size LIMIT 1) c"
                + " WHERE e.global_index > ? AND e.global_index <= ?) lags";
        try (Connection c = connect(database); PreparedStatement st = c.prepareStatement(sql)) {
            st.setLong(1, after);
            st.setLong(2, after);
            st.setLong(3, upTo);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                long events = rs.getLong(1);
                double p50 = rs.getDouble(2);
                double p99 = rs.getDouble(3);
                rows.add(new Row("checkpoint lag, recorded time to the first signed checkpoint covering the event,"
                        + " appending " + rate + " events/s over HTTP", String.format(Locale.ROOT, "%d events of"
                        + " the measured window in %d checkpoints, max %.0f ms", events, rs.getLong(5),
                        rs.getDouble(4)), fmt(p50), fmt(p99), String.format(Locale.ROOT,
                        "raw JDBC tailer p50 %s, p99 %s ms (same window)", fmt(Samples.percentileMillis(rawLag, 50)),
                        fmt(Samples.percentileMillis(rawLag, 99))),
                        "goal p99 <= 2 s: " + (events > 0 && p99 <= 2000 ? "met" : "not met")));
            }
        }
    }

    /** Waits until every processor's stored position reaches the head of the store, at most {@code seconds}. */
    private void waitForProcessors(List<String> processors, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        try (Connection c = connect(database)) {
            while (System.nanoTime() < deadline) {
                long head;
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT max(global_index) FROM domain_event_entry")) {
                    rs.next();
                    head = rs.getLong(1);
                }
                Map<String, Long> now = positions(c);
                if (processors.stream().allMatch(p -> now.getOrDefault(p, -1L) >= head)) {
                    return;
                }
                Thread.sleep(200);
            }
        }
        log("lag: the processors had not caught up " + seconds + " s after the warm-up; measuring anyway");
    }

    interface Position {
        long of(LagSample sample);
    }

    /**
     * The lag of each sample in the window: the time from the sample until a later (or the same) sample in which
     * the position has reached the sample's head. Samples never reached are left out and reported as unresolved.
     */
    private long[] lags(List<LagSample> all, List<LagSample> window, Position position) {
        long[] lags = new long[window.size()];
        int n = 0;
        int j = 0;
        int unresolved = 0;
        for (LagSample s : window) {
            while (j < all.size() && (all.get(j).at() < s.at() || position.of(all.get(j)) < s.head())) {
                j++;
            }
            if (j >= all.size()) {
                // heads only grow and positions only advance: every later sample is unresolved too
                unresolved = window.size() - n;
                break;
            }
            lags[n++] = all.get(j).at() - s.at();
        }
        if (unresolved > 0) {
            failures.add(unresolved + " lag samples never saw the position reach their head (still behind at the "
                    + "end of the drain)");
        }
        long[] result = Arrays.copyOf(lags, n);
        Arrays.sort(result);
        return result;
    }

    private static String maxMillis(long[] sorted) {
        return sorted.length == 0 ? "-" : String.format(Locale.ROOT, "%.0f", sorted[sorted.length - 1] / 1e6);
    }

    static final Pattern READ_MODEL = Pattern.compile("\\{[^{}]*\"name\"\\s*:\\s*\"([^\"]+)\"[^{}]*\\}");
    static final Pattern POSITION = Pattern.compile("\"position\"\\s*:\\s*(-?\\d+|null)");

    /** Each read model's position from GET /api/v1/admin/read-models, or null when the build has no such endpoint. */
    private Map<String, Long> adminPositions(HttpClient client) {
        try {
            HttpResponse<String> answer = client.send(authorized(URI.create(base()
                    + "/api/v1/admin/read-models")).timeout(Duration.ofSeconds(10)).header("Accept",
                    "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                return null;
            }
            Map<String, Long> positions = new TreeMap<>();
            Matcher m = READ_MODEL.matcher(answer.body());
            while (m.find()) {
                Matcher p = POSITION.matcher(m.group());
                long position = p.find() && !p.group(1).equals("null") ? Long.parseLong(p.group(1)) : -1;
                positions.put(m.group(1), position);
            }
            return positions;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void sample(List<String> processors, boolean admin, List<LagSample> samples, AtomicBoolean stop,
                        List<String> errors) {
        long period = TimeUnit.MILLISECONDS.toNanos(options.sampleMillis());
        HttpClient client = httpClient();
        try (Connection c = connect(database);
             PreparedStatement head = c.prepareStatement("SELECT max(global_index) FROM domain_event_entry");
             PreparedStatement tail = c.prepareStatement("SELECT position FROM raw_baseline.tail_position")) {
            long next = System.nanoTime();
            while (!stop.get()) {
                long at = System.nanoTime();
                long h;
                try (ResultSet rs = head.executeQuery()) {
                    rs.next();
                    h = rs.getLong(1);
                }
                Map<String, Long> now = positions(c);
                if (admin) {
                    Map<String, Long> inMemory = adminPositions(client);
                    if (inMemory == null) {
                        errors.add("GET /api/v1/admin/read-models failed during the lag phase");
                        return;
                    }
                    now.putAll(inMemory);
                }
                long[] positions = new long[processors.size() + 1];
                for (int i = 0; i < processors.size(); i++) {
                    positions[i] = now.getOrDefault(processors.get(i), -1L);
                }
                try (ResultSet rs = tail.executeQuery()) {
                    positions[processors.size()] = rs.next() ? rs.getLong(1) : -1;
                }
                samples.add(new LagSample(at, h, positions));
                next += period;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } else {
                    next = System.nanoTime();
                }
            }
        } catch (SQLException e) {
            errors.add(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void rawTailer(AtomicBoolean stop) {
        try (Connection c = connect(database)) {
            c.setAutoCommit(false);
            long position;
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT position FROM raw_baseline.tail_position WHERE id = 1")) {
                rs.next();
                position = rs.getLong(1);
            }
            c.commit();
            try (PreparedStatement read = c.prepareStatement("SELECT global_index, payload FROM domain_event_entry"
                    + " WHERE global_index > ? ORDER BY global_index LIMIT 500");
                 PreparedStatement write = c.prepareStatement("INSERT INTO raw_baseline.tail_row VALUES (?, ?)"
                         + " ON CONFLICT DO NOTHING");
                 PreparedStatement move = c.prepareStatement("UPDATE raw_baseline.tail_position SET position = ?"
                         + " WHERE id = 1")) {
                while (!stop.get()) {
                    read.setLong(1, position);
                    int n = 0;
                    try (ResultSet rs = read.executeQuery()) {
                        while (rs.next()) {
                            position = rs.getLong(1);
                            write.setLong(1, position);
                            write.setInt(2, rs.getBytes(2).length);
                            write.addBatch();
                            n++;
                        }
                    }
                    if (n > 0) {
                        write.executeBatch();
                        move.setLong(1, position);
                        move.executeUpdate();
                    }
                    c.commit();
                    if (n == 0) {
                        Thread.sleep(10);
                    }
                }
            }
        } catch (SQLException e) {
            failures.add("raw tailer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Sends {@code total} commands at {@code rate} per second from {@code start}, open loop: each is sent at its
     * time whatever the answers to the earlier ones, with at most {@code maxInFlight} unanswered (a send that finds
     * them all busy waits and counts as late).
     */
    private void appendAtRate(long start, int rate, long total, int maxInFlight, AtomicLong accepted,
                              AtomicLong errors, AtomicLong late, List<String> firstErrors, List<String> pool,
                              Samples latencies, AtomicLong lastCompletion) throws InterruptedException {
        HttpClient client = httpClient();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String base = base();
        URI demands = URI.create(base + "/api/v1/demands");
        java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(maxInFlight);
        for (long ticket = 0; ticket < total; ticket++) {
            long due = start + ticket * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            inFlight.acquire();
            if (System.nanoTime() - due > 50_000_000L) {
                late.incrementAndGet();
            }
            // 40 % new demands, 40 % compliances with them (demand-compliance, timeline), 10 % observations of a
            // service (platform-status) and 10 % reported fine totals (penalty-totals): every read model has work.
            int kind = random.nextInt(10);
            String target = null;
            if (kind >= 4 && kind < 8) {
                synchronized (pool) {
                    target = pool.isEmpty() ? null : pool.get(random.nextInt(pool.size()));
                }
            }
            URI uri;
            String body;
            String label;
            if (kind == 8) {
                String platform = History.PLATFORMS[random.nextInt(History.PLATFORMS.length)];
                uri = URI.create(base + "/api/v1/access/RU/" + platform + "/observations");
                body = OBSERVATION;
                label = "observation";
            } else if (kind == 9) {
                uri = URI.create(base + "/api/v1/claims/statistics");
                body = STATISTIC.replace("ENTITY", History.ENTITIES[random.nextInt(History.ENTITIES.length)]);
                label = "statistic";
            } else if (target != null) {
                uri = URI.create(base + "/api/v1/demands/" + target + "/compliances");
                body = COMPLIANCE;
                label = "compliance";
            } else {
                uri = demands;
                body = NEW_DEMAND;
                label = "new demand";
            }
            HttpRequest request = authorized(uri)
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long t0 = System.nanoTime();
            boolean opensDemand = uri == demands;
            client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((answer, failure) -> {
                long t1 = System.nanoTime();
                inFlight.release();
                lastCompletion.accumulateAndGet(t1, Math::max);
                synchronized (latencies) {
                    latencies.add(t1 - t0);
                }
                int status = failure != null ? -1 : answer.statusCode();
                String text = failure != null ? failure.toString() : answer.body();
                if (status >= 200 && status < 300) {
                    accepted.incrementAndGet();
                    if (opensDemand) {
                        Matcher m = STREAM_ID.matcher(text);
                        if (m.find()) {
                            pool.add(m.group(1));
                        }
                    }
                } else {
                    errors.incrementAndGet();
                    if (firstErrors.size() < 5) {
                        firstErrors.add(label + " -> " + status + " "
                                + (text.length() > 300 ? text.substring(0, 300) + "..." : text));
                    }
                }
            });
        }
        // every answer in, or 60 s
        if (!inFlight.tryAcquire(maxInFlight, 60, TimeUnit.SECONDS)) {
            throw new BenchmarkFailure("lag: " + (maxInFlight - inFlight.availablePermits())
                    + " appends still unanswered 60 s after the last was sent");
        }
    }

    // ----------------------------------------------------------------------------------------------------------
    // The ledger process

    private String base() {
        return "http://" + LOOPBACK + ":" + port;
    }

    private static HttpClient httpClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private int choosePort() {
        if (portFree(options.port())) {
            return options.port();
        }
        if (options.portExplicit()) {
            throw new BenchmarkFailure("port " + options.port() + " on " + LOOPBACK
                    + " is in use; pass another --port");
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            log("port " + options.port() + " is in use, the ledger takes free port " + socket.getLocalPort());
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new BenchmarkFailure("cannot find a free port on " + LOOPBACK, e);
        }
    }

    private static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void startLedger() throws IOException, InterruptedException {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(options.jvmOpts());
        command.add("-jar");
        command.add(options.jar().toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("SPRING_DATASOURCE_URL", jdbcUrl(database));
        env.put("SPRING_DATASOURCE_USERNAME", options.pgUser());
        env.put("SPRING_DATASOURCE_PASSWORD", options.pgPassword());
        env.put("PORT", Integer.toString(port));
        env.put("SERVER_ADDRESS", LOOPBACK);
        env.put("LEDGER_DEMO_DATA_LOAD", "never");
        Path data = options.out().resolve(database + "-data").toAbsolutePath();
        env.put("LEDGER_DATA_DIR", data.toString());
        env.put("LEDGER_ADMIN_API_KEY", ADMIN_KEY);
        // The checkpoint key of this run only, created by the ledger on its first start in the data directory;
        // the sealer is on whatever the environment says, since the audit phase measures it.
        env.put("LEDGER_AUDIT_KEY_FILE", data.resolve("audit-signing-key.pem").toString());
        env.remove("LEDGER_AUDIT_SIGNING_KEY");
        env.remove("LEDGER_AUDIT_PUBLIC_KEY");
        env.put("LEDGER_AUDIT_SEALING", "true");
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(appLog.toFile()));
        log("starting the ledger on port " + port + ", log " + appLog);
        Process started = builder.start();
        ledger = started;

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = authorized(URI.create(base() + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.startTimeout());
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!started.isAlive()) {
                throw new BenchmarkFailure("the ledger exited with status " + started.exitValue()
                        + " before it was up; last lines of " + appLog + ":\n" + tail(appLog, 8));
            }
            try {
                HttpResponse<String> answer = client.send(health, HttpResponse.BodyHandlers.ofString());
                last = answer.statusCode() + " " + answer.body();
                if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                    log("ledger is UP (pid " + started.pid() + ")");
                    onLedgerUp.accept(started);
                    return;
                }
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(250);
        }
        throw new BenchmarkFailure("the ledger did not report health UP within " + options.startTimeout()
                + " s (last answer: " + last + "); last lines of " + appLog + ":\n" + tail(appLog, 8));
    }

    private void stopLedger() {
        Process p = ledger;
        if (p == null) {
            return;
        }
        ledger = null;
        if (!p.isAlive()) {
            return;
        }
        onLedgerStopping.accept(p);
        p.destroy();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                System.err.println("read benchmark: the ledger did not stop within 30 s, killing it");
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        log("ledger stopped");
    }

    /** The causes and errors near the end of a log, or its last lines if it names none. */
    private static String tail(Path file, int lines) {
        List<String> all;
        try {
            all = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
        List<String> picked = new ArrayList<>();
        for (String line : all) {
            if (line.startsWith("Caused by:") || line.contains(" ERROR ")) {
                picked.add(line);
            }
        }
        if (picked.isEmpty()) {
            picked = all;
        }
        List<String> shown = new ArrayList<>();
        for (String line : picked.subList(Math.max(0, picked.size() - lines), picked.size())) {
            shown.add(line.length() > 400 ? line.substring(0, 400) + "..." : line);
        }
        return String.join("\n", shown);
    }

    /** Takes --thread-dumps jcmd samples of the ledger, spread over about {@code seconds}, in the background. */
    private Thread startThreadDumps(String label, int seconds) {
        int count = options.threadDumps();
        Process p = ledger;
        if (count == 0 || p == null) {
            return null;
        }
        Path jcmd = Paths.get(System.getProperty("java.home"), "bin", "jcmd");
        long step = TimeUnit.SECONDS.toMillis(seconds) / (count + 1);
        Thread t = new Thread(() -> {
            for (int i = 1; i <= count; i++) {
                try {
                    Thread.sleep(step);
                    Path target = options.out().resolve(database + "-" + label + "-threads-" + i + ".txt");
                    Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(p.pid()), "Thread.print")
                            .redirectErrorStream(true).redirectOutput(target.toFile()).start();
                    if (!dump.waitFor(20, TimeUnit.SECONDS)) {
                        dump.destroyForcibly();
                    }
                } catch (IOException e) {
                    log("thread dump " + i + " failed: " + e);
                } catch (InterruptedException e) {
                    return;
                }
            }
            log(count + " thread dumps (" + label + ") written to " + options.out());
        }, "thread-dumps-" + label);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long millis = TimeUnit.NANOSECONDS.toMillis(nanoTime - System.nanoTime());
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    // ----------------------------------------------------------------------------------------------------------
    // CPU accounting from /proc (Linux)

    /** CPU used between start() and stop() by the whole machine, the ledger, PostgreSQL and this process. */
    static final class CpuMeter {
        private final ProcessHandle ledger;
        private long[] machineBefore;
        private long[] machineAfter;
        private long ledgerBefore;
        private long ledgerAfter;
        private long selfBefore;
        private long selfAfter;
        private long postgresBefore;
        private long postgresAfter;
        private long t0;
        private double wall;

        CpuMeter(ProcessHandle ledger) {
            this.ledger = ledger;
        }

        void start() {
            t0 = System.nanoTime();
            machineBefore = machineTicks();
            ledgerBefore = cpuNanos(ledger);
            selfBefore = cpuNanos(ProcessHandle.current());
            postgresBefore = postgresTicks();
        }

        void stop() {
            machineAfter = machineTicks();
            ledgerAfter = cpuNanos(ledger);
            selfAfter = cpuNanos(ProcessHandle.current());
            postgresAfter = postgresTicks();
            wall = (System.nanoTime() - t0) / 1e9;
        }

        String describe(long operations, String unit) {
            if (machineBefore == null || machineAfter == null || wall <= 0) {
                return "not measured";
            }
            long total = machineAfter[1] - machineBefore[1];
            long busy = machineAfter[0] - machineBefore[0];
            double busyShare = total > 0 ? (double) busy / total : 0.0;
            double busyCores = busyShare * machineAfter[2];
            double accounted = 0;
            StringBuilder text = new StringBuilder();
            text.append(String.format(Locale.ROOT, "machine %.0f%% busy (%.2f of %d cores)", 100 * busyShare,
                    busyCores, machineAfter[2]));
            if (ledger != null && ledgerBefore >= 0 && ledgerAfter >= 0) {
                double cores = (ledgerAfter - ledgerBefore) / 1e9 / wall;
                accounted += cores;
                text.append(String.format(Locale.ROOT, ", ledger %.2f (%.3f ms per %s)", cores,
                        operations > 0 ? (ledgerAfter - ledgerBefore) / 1e6 / operations : 0.0, unit));
            }
            if (postgresBefore >= 0 && postgresAfter >= 0) {
                double cores = (postgresAfter - postgresBefore) / (double) TICKS / wall;
                accounted += cores;
                text.append(String.format(Locale.ROOT, ", postgres processes %.2f (%.3f ms per %s)", cores,
                        operations > 0 ? (postgresAfter - postgresBefore) * 1000.0 / TICKS / operations : 0.0,
                        unit));
            }
            if (selfBefore >= 0 && selfAfter >= 0) {
                double cores = (selfAfter - selfBefore) / 1e9 / wall;
                accounted += cores;
                text.append(String.format(Locale.ROOT, ", benchmark process %.2f", cores));
            }
            text.append(String.format(Locale.ROOT, ", everything else %.2f", Math.max(0, busyCores - accounted)));
            return text.toString();
        }

        private static final long TICKS = clockTicks();

        private static long clockTicks() {
            String value = run("getconf", "CLK_TCK");
            try {
                return value == null ? 100 : Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                return 100;
            }
        }

        private static long cpuNanos(ProcessHandle process) {
            if (process == null) {
                return -1;
            }
            return process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
        }

        private static long[] machineTicks() {
            try {
                List<String> lines = Files.readAllLines(Paths.get("/proc/stat"));
                String[] f = lines.get(0).trim().split("\\s+");
                long total = 0;
                for (int i = 1; i < Math.min(f.length, 9); i++) {
                    total += Long.parseLong(f[i]);
                }
                long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
                long cpus = lines.stream().filter(l -> l.matches("cpu\\d+ .*")).count();
                return new long[] {total - idle, total, cpus};
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        private static long postgresTicks() {
            long sum = 0;
            try (var dirs = Files.list(Paths.get("/proc"))) {
                for (Path dir : (Iterable<Path>) dirs::iterator) {
                    String name = dir.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    String stat;
                    try {
                        stat = Files.readString(dir.resolve("stat"));
                    } catch (IOException | RuntimeException gone) {
                        continue;
                    }
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    if (open < 0 || close < open || !stat.substring(open + 1, close).equals("postgres")) {
                        continue;
                    }
                    String[] f = stat.substring(close + 2).split(" ");
                    sum += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                }
            } catch (IOException | RuntimeException e) {
                return -1;
            }
            return sum;
        }
    }

    // ----------------------------------------------------------------------------------------------------------
    // Report

    private void printReport(Instant started) {
        System.out.println();
        System.out.println("Read benchmark, " + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                started.atOffset(ZoneOffset.UTC).withNano(0)) + ", " + options.events() + " events");
        System.out.println();
        System.out.println("- commit: " + gitCommit());
        System.out.println("- CPU: " + cpu());
        System.out.println("- memory: " + memTotal() + "; load average at the start " + loadAtStart + ", at the end "
                + loadAverage());
        System.out.println("- database: " + serverDescription + ", on " + LOOPBACK);
        System.out.println("- JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + "; ledger JVM: " + String.join(" ", options.jvmOpts()));
        System.out.println("- options: events " + options.events() + ", seed " + options.seed() + ", query clients "
                + options.clients() + ", query warm-up " + options.queryWarmup() + " s and " + options.queryDuration()
                + " s measured (HTTP, then JDBC), lag " + options.lagRate() + " events/s for " + options.lagDuration()
                + " s after " + options.lagWarmup() + " s of warm-up, sampled every " + options.sampleMillis() + " ms"
                + (options.skipAudit() ? "; audit phase skipped" : (options.skipProofs() ? ", no audit latencies"
                : ", audit latencies " + options.auditWarmup() + " s warm-up and " + options.auditDuration()
                + " s measured (HTTP, then JDBC)") + ", " + options.verifyRuns() + " verification runs"));
        System.out.println();
        System.out.println("| scenario | figure | p50 ms | p99 ms | raw PostgreSQL baseline, same run "
                + "| ratio / goal |");
        System.out.println("|---|---|---:|---:|---|---|");
        for (Row r : rows) {
            System.out.println("| " + r.scenario() + " | " + r.figure() + " | " + r.p50() + " | " + r.p99() + " | "
                    + r.baseline() + " | " + r.verdict() + " |");
        }
        System.out.println();
        notes.forEach(n -> System.out.println("- " + n));
    }

    static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            }
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String gitCommit() {
        String commit = run("git", "rev-parse", "--short=12", "HEAD");
        if (commit == null) {
            return "unknown (not a git checkout)";
        }
        String status = run("git", "status", "--porcelain", "--untracked-files=no");
        return commit + (status != null && !status.isEmpty() ? " (with uncommitted changes)" : "");
    }

    private static String cpu() {
        String nproc = run("nproc");
        String cores = nproc != null ? nproc : Integer.toString(Runtime.getRuntime().availableProcessors());
        return cores + " x " + firstValue(Paths.get("/proc/cpuinfo"), "model name", "unknown model");
    }

    private static String memTotal() {
        String kb = firstValue(Paths.get("/proc/meminfo"), "MemTotal", null);
        if (kb == null) {
            return "unknown";
        }
        try {
            long value = Long.parseLong(kb.replace("kB", "").trim());
            return String.format(Locale.ROOT, "%.1f GiB", value / 1024.0 / 1024.0);
        } catch (NumberFormatException e) {
            return kb;
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Paths.get("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String firstValue(Path file, String key, String fallback) {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
                    return line.substring(colon + 1).trim();
                }
            }
        } catch (IOException e) {
            return fallback;
        }
        return fallback;
    }

    // ==========================================================================================================
    // The generated history

    /** A JSON value written as it is (already serialized). */
    record RawJson(String json) {
    }

    /** A small JSON reader and compact writer for the templates: objects keep their key order. */
    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String text) {
            Json p = new Json(text);
            Object v = p.value();
            p.ws();
            if (p.i != text.length()) {
                throw new IllegalArgumentException("trailing text at " + p.i);
            }
            return v;
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private Object value() {
            ws();
            char c = s.charAt(i);
            if (c == '{') {
                i++;
                Map<String, Object> map = new LinkedHashMap<>();
                ws();
                if (s.charAt(i) == '}') {
                    i++;
                    return map;
                }
                while (true) {
                    ws();
                    String key = string();
                    ws();
                    expect(':');
                    map.put(key, value());
                    ws();
                    if (s.charAt(i) == ',') {
                        i++;
                        continue;
                    }
                    expect('}');
                    return map;
                }
            }
            if (c == '[') {
                i++;
                List<Object> list = new ArrayList<>();
                ws();
                if (s.charAt(i) == ']') {
                    i++;
                    return list;
                }
                while (true) {
                    list.add(value());
                    ws();
                    if (s.charAt(i) == ',') {
                        i++;
                        continue;
                    }
                    expect(']');
                    return list;
                }
            }
            if (c == '"') {
                return string();
            }
            if (s.startsWith("null", i)) {
                i += 4;
                return null;
            }
            if (s.startsWith("true", i)) {
                i += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("false", i)) {
                i += 5;
                return Boolean.FALSE;
            }
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            String number = s.substring(start, i);
            if (number.isEmpty()) {
                throw new IllegalArgumentException("unexpected '" + c + "' at " + start);
            }
            return number.matches("-?\\d+") ? (Object) Long.parseLong(number) : (Object) Double.parseDouble(number);
        }

        private void expect(char c) {
            if (s.charAt(i) != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + i);
            }
            i++;
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> b.append('\n');
                        case 't' -> b.append('\t');
                        case 'r' -> b.append('\r');
                        case 'b' -> b.append('\b');
                        case 'f' -> b.append('\f');
                        case 'u' -> {
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> b.append(e);
                    }
                } else {
                    b.append(c);
                }
            }
        }

        static void write(Object v, StringBuilder out) {
            if (v == null) {
                out.append("null");
            } else if (v instanceof RawJson raw) {
                out.append(raw.json());
            } else if (v instanceof String str) {
                quote(str, out);
            } else if (v instanceof Map<?, ?> map) {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    quote((String) e.getKey(), out);
                    out.append(':');
                    write(e.getValue(), out);
                }
                out.append('}');
            } else if (v instanceof List<?> list) {
                out.append('[');
                for (int k = 0; k < list.size(); k++) {
                    if (k > 0) {
                        out.append(',');
                    }
                    write(list.get(k), out);
                }
                out.append(']');
            } else {
                out.append(v);
            }
        }

        static void quote(String str, StringBuilder out) {
            out.append('"');
            for (int k = 0; k < str.length(); k++) {
                char c = str.charAt(k);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\t' -> out.append("\\t");
                    case '\r' -> out.append("\\r");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }
    }

    /** The pinned event JSON of ledger-core's tests, one per event type: the shape every generated payload has. */
    static final class Templates {
        private final Map<String, Map<String, Object>> byType = new HashMap<>();

        @SuppressWarnings("unchecked")
        static Templates load(Path dir) throws IOException {
            Templates t = new Templates();
            for (String type : History.PACKAGES.keySet()) {
                Path file = dir.resolve(type + ".json");
                if (!Files.isRegularFile(file)) {
                    throw new BenchmarkFailure("no template " + file + " for event type " + type);
                }
                t.byType.put(type, (Map<String, Object>) Json.parse(Files.readString(file, StandardCharsets.UTF_8)));
            }
            return t;
        }

        /**
         * The payload of an event of {@code type}: the template's fields in the template's order, each replaced by
         * the given value. A field the template does not have, or a template field left unset, is an error, so the
         * generated events keep exactly the shape the ledger writes.
         */
        String payload(String type, Map<String, Object> fields) {
            Map<String, Object> template = byType.get(type);
            StringBuilder out = new StringBuilder(512);
            out.append('{');
            boolean first = true;
            for (String key : template.keySet()) {
                if (!fields.containsKey(key)) {
                    throw new IllegalStateException(type + ": field " + key + " of the template is not generated");
                }
                if (!first) {
                    out.append(',');
                }
                first = false;
                Json.quote(key, out);
                out.append(':');
                Json.write(fields.get(key), out);
            }
            if (fields.size() != template.size()) {
                for (String key : fields.keySet()) {
                    if (!template.containsKey(key)) {
                        throw new IllegalStateException(type + ": field " + key + " is not in the template");
                    }
                }
            }
            return out.append('}').toString();
        }
    }

    /**
     * A plausible history of disputes, generated in global order with a fixed seed: ~50 platforms in 10
     * jurisdictions and 300 legal entities; most events are demands and their compliances, then access restrictions
     * and observations, fines with their appeals and payments, platform actions on accounts, claims (statistics and
     * compliance assessments) and a few curations. Each stream's sequence runs from 0 without gaps and its rules
     * hold: a compliance or refusal never exceeds the items still open and nothing follows a full compliance or a
     * withdrawal; a lift, scope change or restoration follows its active antecedent; an appeal decision follows its
     * appeal; payments never exceed what is due after a reduction. Effective times run from 2014 to 2026, roughly
     * with the log, with some facts recorded late (years after they took effect) and never in the future of their
     * recording; recorded times (time_stamp) increase with the global index from 2020 to October 2026.
     */
    static final class History {
        static final Map<String, String> PACKAGES = new LinkedHashMap<>();

        static {
            for (String t : List.of("DemandIssued", "DemandComplied", "DemandRefused", "DemandDeadlineExtended",
                    "DemandWithdrawn")) {
                PACKAGES.put(t, "demand");
            }
            for (String t : List.of("StatisticReported", "ComplianceAssessed")) {
                PACKAGES.put(t, "claim");
            }
            for (String t : List.of("RestrictionThreatened", "ThrottlingImposed", "ThrottlingScopeChanged",
                    "ThrottlingLifted", "BlockImposed", "BlockLifted", "InterferenceObserved")) {
                PACKAGES.put(t, "restriction");
            }
            for (String t : List.of("FineImposed", "FineAppealed", "AppealDecided", "FineEnteredIntoForce",
                    "FinePaid", "EnforcementReferred", "EnforcementProceedingOpened")) {
                PACKAGES.put(t, "sanction");
            }
            for (String t : List.of("AccountSuspended", "AccountRestored", "AccountsSuspended", "LabelApplied",
                    "LabelRemoved")) {
                PACKAGES.put(t, "accountaction");
            }
            for (String t : List.of("EventCorrected", "EventRetracted")) {
                PACKAGES.put(t, "curation");
            }
        }

        static final String[] JURISDICTIONS = {"RU", "TR", "IN", "BR", "PK", "VN", "ID", "KZ", "BY", "IR"};
        static final String[] CURRENCIES = {"RUB", "TRY", "INR", "BRL", "PKR", "VND", "IDR", "KZT", "BYN", "IRR"};
        static final String[] PLATFORMS = {"twitter", "facebook", "instagram", "youtube", "google", "telegram",
                "tiktok", "linkedin", "whatsapp", "wikipedia", "reddit", "twitch", "discord", "signal", "viber",
                "snapchat", "pinterest", "tumblr", "medium", "github", "soundcloud", "spotify", "netflix",
                "dailymotion", "vimeo", "skype", "zoom", "threads", "bluesky", "mastodon", "quora", "imgur", "flickr",
                "wechat", "line", "kakaotalk", "clubhouse", "patreon", "substack", "dropbox", "protonmail", "psiphon",
                "archive-org", "duckduckgo", "bing", "yahoo", "apple-app-store", "google-play", "steam", "xbox-live"};
        static final String[] ENTITY_SUFFIXES = {"inc", "llc", "ltd", "gmbh", "bv", "ooo"};
        static final String[] ENTITIES = new String[PLATFORMS.length * ENTITY_SUFFIXES.length];

        static {
            for (int p = 0; p < PLATFORMS.length; p++) {
                for (int s = 0; s < ENTITY_SUFFIXES.length; s++) {
                    ENTITIES[p * ENTITY_SUFFIXES.length + s] = PLATFORMS[p] + "-" + ENTITY_SUFFIXES[s];
                }
            }
        }

        static final String[] AUTHORITIES = {"Roskomnadzor", "Prosecutor General's Office", "BTK",
                "Ministry of Electronics and IT", "Federal Supreme Court", "PTA", "Ministry of Information",
                "Kominfo", "Ministry of Information of Kazakhstan", "Supreme Council of Cyberspace"};
        static final String[] DEMAND_KINDS = {"REMOVE_CONTENT", "REMOVE_CONTENT", "REMOVE_CONTENT", "REMOVE_CONTENT",
                "REMOVE_CONTENT", "REMOVE_CONTENT", "DELETE_ACCOUNT", "RESTRICT_ACCESS", "LOCALISE_DATA",
                "PROVIDE_INFORMATION"};
        static final String[] CATEGORIES = {"csam", "drugs", "suicide", "extremism", "lgbt_propaganda", "fakes",
                "protest_calls"};
        static final String[] PUBLISHERS = {"TASS", "Interfax", "Meduza", "Reuters", "RBC", "Kommersant",
                "Censored Planet", "OONI", "Lumen"};
        static final String[] CONFIDENCES = {"CONFIRMED", "CONFIRMED", "REPORTED", "REPORTED", "REPORTED", "DISPUTED",
                "INFERRED"};

        static final LocalDate EFFECTIVE_FROM = LocalDate.of(2014, 1, 1);
        static final LocalDate EFFECTIVE_TO = LocalDate.of(2026, 9, 30);
        static final Instant RECORDED_FROM = Instant.parse("2020-01-01T00:00:00Z");
        static final Instant RECORDED_TO = Instant.parse("2026-10-31T00:00:00Z");
        static final DateTimeFormatter AXON_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
                .withZone(ZoneOffset.UTC);

        static LocalDate randomDate(ThreadLocalRandom random, LocalDate from, LocalDate to) {
            return from.plusDays(random.nextLong(to.toEpochDay() - from.toEpochDay() + 1));
        }

        static Instant randomInstant(ThreadLocalRandom random, Instant from, Instant to) {
            return Instant.ofEpochMilli(random.nextLong(from.toEpochMilli(), to.toEpochMilli()));
        }

        /** A stream and what its rules need to know. */
        static final class Stream {
            final String id;
            final String aggregateType;
            long sequence;
            LocalDate lastEffective;
            String platform;
            String jurisdiction;
            String entity;
            // demand: items still open (-1: no item count), deadline
            long open;
            LocalDate deadline;
            // fine: due, paid, appeal pending, annulled, in force, referred
            long due;
            long paid;
            String currency;
            boolean appealPending;
            boolean appealed;
            boolean inForce;
            boolean referred;
            int proceedings;
            // service access: active throttling / block, their ids
            String throttling;
            String block;
            // platform actions: active suspensions and labels
            List<String> suspensions;
            List<String> labels;

            Stream(String id, String aggregateType) {
                this.id = id;
                this.aggregateType = aggregateType;
            }
        }

        /** An event that a curation may name. */
        record Target(String eventId, String streamId, LocalDate effective, boolean statusFact) {
        }

        private final Templates templates;
        private final Random random;
        private final int total;
        private final BufferedWriter out;
        private int index;
        private LocalDate era;
        private final List<Stream> openDemands = new ArrayList<>();
        private final List<Stream> openFines = new ArrayList<>();
        private final Map<String, Stream> access = new HashMap<>();
        private final Map<String, Stream> actions = new HashMap<>();
        private final Target[] targets = new Target[20_000];
        private final Target[] statusTargets = new Target[5_000];
        private long targetCount;
        private long statusTargetCount;
        private final java.util.Set<String> curated = new java.util.HashSet<>();
        final Map<String, Long> typeCounts = new TreeMap<>();
        final Map<String, Long> streamCounts = new TreeMap<>();
        final Map<String, Long> tableRows = new HashMap<>();
        long streams;
        long payloadBytes;
        long metadataBytes;
        private final StringBuilder line = new StringBuilder(2048);

        History(Templates templates, long seed, int total, BufferedWriter out) {
            this.templates = templates;
            this.random = new Random(seed);
            this.total = total;
            this.out = out;
        }

        long count(String table) {
            return tableRows.getOrDefault(table, 0L);
        }

        String describeStreams() {
            StringBuilder b = new StringBuilder();
            streamCounts.forEach((type, n) -> b.append(type).append(' ').append(n).append(", "));
            return b.length() > 2 ? b.substring(0, b.length() - 2) : "";
        }

        String describeTypes() {
            StringBuilder b = new StringBuilder();
            typeCounts.forEach((type, n) -> b.append(type).append(' ').append(n).append(", "));
            return b.length() > 2 ? b.substring(0, b.length() - 2) : "";
        }

        // Weights per 1000 events of the family chosen at each step.
        private static final int W_DEMAND_NEW = 170;
        private static final int W_DEMAND_NEXT = 455;   // compliance, refusal, extension, withdrawal
        private static final int W_CLAIM = 60;
        private static final int W_ACCESS = 150;
        private static final int W_FINE_NEW = 30;
        private static final int W_FINE_NEXT = 70;
        private static final int W_ACTIONS = 60;
        // the rest (5) are curations

        void generate() throws IOException {
            for (index = 1; index <= total; index++) {
                double f = (index - 1) / (double) total;
                era = EFFECTIVE_FROM.plusDays((long) (f * (EFFECTIVE_TO.toEpochDay() - EFFECTIVE_FROM.toEpochDay())));
                int pick = random.nextInt(1000);
                if ((pick -= W_DEMAND_NEW) < 0) {
                    newDemand();
                } else if ((pick -= W_DEMAND_NEXT) < 0) {
                    nextDemand();
                } else if ((pick -= W_CLAIM) < 0) {
                    claim();
                } else if ((pick -= W_ACCESS) < 0) {
                    accessEvent();
                } else if ((pick -= W_FINE_NEW) < 0) {
                    newFine();
                } else if ((pick -= W_FINE_NEXT) < 0) {
                    nextFine();
                } else if ((pick -= W_ACTIONS) < 0) {
                    platformAction();
                } else {
                    curation();
                }
            }
        }

        // ---- time

        private Instant recordedAt(int i) {
            double f = (i - 1) / (double) total;
            long from = RECORDED_FROM.toEpochMilli();
            long span = RECORDED_TO.toEpochMilli() - from;
            return Instant.ofEpochMilli(from + (long) (f * span));
        }

        /** The effective date of a stream's first event: near the era, 5 % recorded late (1 to 6 years). */
        private LocalDate openingDate() {
            LocalDate d;
            if (random.nextInt(100) < 5) {
                d = era.minusDays(365 + random.nextInt(5 * 365));
            } else {
                d = era.minusDays(random.nextInt(120));
            }
            return clamp(d, null);
        }

        /** The effective date of a later event of a stream: not before its last, never after its recording. */
        private LocalDate nextDate(Stream s) {
            LocalDate d = era.minusDays(random.nextInt(60));
            if (d.isBefore(s.lastEffective)) {
                d = s.lastEffective.plusDays(random.nextInt(20));
            }
            return clamp(d, s.lastEffective);
        }

        private LocalDate clamp(LocalDate d, LocalDate notBefore) {
            LocalDate latest = recordedDate();
            if (d.isAfter(latest)) {
                d = latest;
            }
            if (d.isBefore(EFFECTIVE_FROM)) {
                d = EFFECTIVE_FROM;
            }
            if (notBefore != null && d.isBefore(notBefore)) {
                d = notBefore;
            }
            return d;
        }

        private LocalDate recordedDate() {
            return LocalDate.ofInstant(recordedAt(index), ZoneOffset.UTC);
        }

        // ---- output

        private String uuid() {
            long hi = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
            long lo = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
            return new UUID(hi, lo).toString();
        }

        private RawJson envelope(LocalDate effective) {
            StringBuilder b = new StringBuilder(200);
            String publisher = PUBLISHERS[random.nextInt(PUBLISHERS.length)];
            b.append("{\"confidence\":\"").append(CONFIDENCES[random.nextInt(CONFIDENCES.length)])
                    .append("\",\"effective\":{\"date\":\"").append(effective).append("\",\"precision\":\"")
                    .append(random.nextInt(20) == 0 ? "APPROXIMATE" : "DAY").append("\"},\"sources\":[{")
                    .append("\"publishedOn\":\"").append(effective.plusDays(random.nextInt(3)))
                    .append("\",\"publisher\":\"").append(publisher).append("\",\"url\":\"https://example.org/")
                    .append(publisher.toLowerCase(Locale.ROOT).replace(' ', '-')).append('/')
                    .append(Integer.toHexString(random.nextInt())).append("\"}],\"summary\":\"Imported fact ")
                    .append(index).append(".\"}");
            return new RawJson(b.toString());
        }

        private String emit(Stream s, String type, LocalDate effective, Map<String, Object> fields) throws IOException {
            fields.put("envelope", envelope(effective));
            String payload = templates.payload(type, fields);
            String eventId = uuid();
            String correlation = uuid();
            String metadata = "{\"correlationId\":\"" + correlation + "\",\"recordedBy\":\"historical-import\","
                    + "\"traceId\":\"" + correlation + "\"}";
            line.setLength(0);
            line.append(index).append(',').append(eventId).append(',');
            csv(s.id, line);
            line.append(',').append(s.sequence).append(',').append(s.aggregateType).append(',')
                    .append(AXON_TIME.format(recordedAt(index))).append(",org.disputeledger.")
                    .append(PACKAGES.get(type)).append(".event.").append(type).append(",1,");
            bytea(payload, line);
            line.append(',');
            bytea(metadata, line);
            line.append('\n');
            out.append(line);
            if (s.sequence == 0) {
                streams++;
                streamCounts.merge(s.aggregateType, 1L, Long::sum);
            }
            s.sequence++;
            s.lastEffective = effective;
            typeCounts.merge(type, 1L, Long::sum);
            payloadBytes += payload.length();
            metadataBytes += metadata.length();
            if (!PACKAGES.get(type).equals("curation")) {
                tableRows.merge("timeline_entry", 1L, Long::sum);
                Target t = new Target(eventId, s.id, effective, PACKAGES.get(type).equals("restriction"));
                targets[(int) (targetCount++ % targets.length)] = t;
                if (t.statusFact()) {
                    statusTargets[(int) (statusTargetCount++ % statusTargets.length)] = t;
                }
            }
            return eventId;
        }

        private static void csv(String value, StringBuilder b) {
            b.append('"').append(value.replace("\"", "\"\"")).append('"');
        }

        /** A bytea value in escape format inside a CSV field: backslashes doubled, quotes doubled. */
        private static void bytea(String value, StringBuilder b) {
            b.append('"');
            for (int k = 0; k < value.length(); k++) {
                char c = value.charAt(k);
                if (c == '\\') {
                    b.append("\\\\");
                } else if (c == '"') {
                    b.append("\"\"");
                } else {
                    b.append(c);
                }
            }
            b.append('"');
        }

        private void row(String table) {
            tableRows.merge(table, 1L, Long::sum);
        }

        // ---- subjects

        private int platformIndex() {
            // A few platforms get most of the attention: a Zipf-like skew over the 50.
            double u = random.nextDouble();
            return (int) Math.min(PLATFORMS.length - 1, Math.floor(Math.pow(u, 2.2) * PLATFORMS.length));
        }

        private String entityOf(int platform) {
            return ENTITIES[platform * ENTITY_SUFFIXES.length + random.nextInt(ENTITY_SUFFIXES.length)];
        }

        private int jurisdictionIndex() {
            double u = random.nextDouble();
            return (int) Math.min(JURISDICTIONS.length - 1, Math.floor(Math.pow(u, 1.8) * JURISDICTIONS.length));
        }

        private static Map<String, Object> fields() {
            return new HashMap<>();
        }

        private static Map<String, Object> money(long minor, String currency) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("currency", currency);
            m.put("minor", minor);
            return m;
        }

        // ---- demands

        private void newDemand() throws IOException {
            int p = platformIndex();
            int j = jurisdictionIndex();
            String id = uuid();
            Stream s = new Stream(id, "Demand");
            s.platform = PLATFORMS[p];
            s.jurisdiction = JURISDICTIONS[j];
            LocalDate effective = openingDate();
            boolean counted = random.nextInt(10) != 0;
            long items = counted ? 1 + (long) Math.floor(Math.pow(random.nextDouble(), 3) * 5000) : -1;
            Map<String, Object> byCategory = new LinkedHashMap<>();
            if (counted && random.nextBoolean()) {
                long left = items;
                List<String> cats = new ArrayList<>(List.of(CATEGORIES));
                Collections.shuffle(cats, random);
                for (String cat : cats.subList(0, 1 + random.nextInt(3))) {
                    if (left <= 0) {
                        break;
                    }
                    long n = 1 + (long) (random.nextDouble() * left);
                    byCategory.put(cat, n);
                    left -= n;
                }
                byCategory = new TreeMap<>(byCategory);
            }
            s.open = items;
            s.deadline = effective.plusDays(10 + random.nextInt(21));
            Map<String, Object> f = fields();
            f.put("authority", AUTHORITIES[j]);
            f.put("deadline", s.deadline.toString());
            f.put("demandId", id);
            f.put("itemCount", counted ? items : null);
            f.put("itemsByCategory", byCategory);
            f.put("jurisdiction", s.jurisdiction);
            f.put("kind", DEMAND_KINDS[random.nextInt(DEMAND_KINDS.length)]);
            f.put("legalBasis", random.nextBoolean() ? "149-FZ art. 15.1" : null);
            f.put("legalEntityId", entityOf(p));
            f.put("platform", s.platform);
            emit(s, "DemandIssued", effective, f);
            row("demand_fact");
            // Most demands get answers; at most 5,000 are open at once, the others stay unanswered.
            if (openDemands.size() < 5_000) {
                openDemands.add(s);
            }
        }

        private void closeDemand(int k) {
            Stream last = openDemands.remove(openDemands.size() - 1);
            if (k < openDemands.size()) {
                openDemands.set(k, last);
            }
        }

        private void nextDemand() throws IOException {
            if (openDemands.isEmpty()) {
                newDemand();
                return;
            }
            int k = random.nextInt(openDemands.size());
            Stream s = openDemands.get(k);
            LocalDate effective = nextDate(s);
            int what = random.nextInt(100);
            Map<String, Object> f = fields();
            f.put("demandId", s.id);
            if (what < 84) {
                boolean full = random.nextInt(100) < 30 || s.open == 0;
                long actioned;
                if (full) {
                    actioned = s.open < 0 ? -1 : s.open;
                } else if (s.open < 0) {
                    actioned = 1 + random.nextInt(200);
                } else {
                    actioned = 1 + (long) (random.nextDouble() * Math.max(1, s.open / 2));
                    actioned = Math.min(actioned, s.open);
                }
                f.put("itemsActioned", actioned < 0 ? null : actioned);
                f.put("scope", full ? "FULL" : "PARTIAL");
                emit(s, "DemandComplied", effective, f);
                if (s.open >= 0) {
                    s.open -= actioned;
                }
                if (full || s.open == 0) {
                    closeDemand(k);
                }
            } else if (what < 91) {
                boolean whole = s.open < 0 || random.nextInt(3) == 0;
                long refused = whole ? -1 : 1 + (long) (random.nextDouble() * s.open);
                f.put("itemsRefused", refused < 0 ? null : refused);
                f.put("reason", "contested");
                emit(s, "DemandRefused", effective, f);
                if (whole) {
                    closeDemand(k);
                } else {
                    s.open -= refused;
                    if (s.open == 0) {
                        closeDemand(k);
                    }
                }
            } else if (what < 98) {
                s.deadline = (s.deadline.isAfter(effective) ? s.deadline : effective).plusDays(5 + random.nextInt(26));
                f.put("newDeadline", s.deadline.toString());
                emit(s, "DemandDeadlineExtended", effective, f);
            } else {
                emit(s, "DemandWithdrawn", effective, f);
                closeDemand(k);
            }
            row("demand_fact");
        }

        // ---- claims

        private void claim() throws IOException {
            int p = platformIndex();
            int j = jurisdictionIndex();
            String id = uuid();
            Stream s = new Stream(id, "Claim");
            LocalDate effective = openingDate();
            Map<String, Object> f = fields();
            f.put("claimId", id);
            f.put("jurisdiction", JURISDICTIONS[j]);
            f.put("platform", PLATFORMS[p]);
            if (random.nextBoolean()) {
                boolean fines = random.nextBoolean();
                String entity = entityOf(p);
                f.put("amount", fines ? money(100_000_000L * (1 + random.nextInt(500)), CURRENCIES[j]) : null);
                f.put("asOf", effective.toString());
                f.put("breakdown", new LinkedHashMap<>());
                f.put("claimant", AUTHORITIES[j]);
                f.put("count", fines ? null : (Object) (long) (1 + random.nextInt(30_000)));
                f.put("legalEntityId", fines ? entity : null);
                f.put("metric", fines ? "fines_total_imposed" : "undeleted_items");
                f.put("period", Integer.toString(effective.getYear()));
                f.put("qualifier", random.nextInt(4) == 0 ? "MORE_THAN" : "EXACT");
                emit(s, "StatisticReported", effective, f);
                if (fines) {
                    row("penalty_fact");
                }
            } else {
                long flagged = 100 + random.nextInt(5000);
                long removed = (long) (random.nextDouble() * flagged);
                Map<String, Object> share = new LinkedHashMap<>();
                share.put("denominator", 3L);
                share.put("numerator", (long) random.nextInt(4));
                f.put("assessment", "pace: unsatisfactory");
                f.put("authority", AUTHORITIES[j]);
                f.put("demandId", null);
                f.put("itemsFlagged", flagged);
                f.put("itemsRemaining", flagged - removed);
                f.put("itemsRemoved", removed);
                f.put("shareComplied", share);
                emit(s, "ComplianceAssessed", effective, f);
            }
        }

        // ---- service access

        private void accessEvent() throws IOException {
            int p = platformIndex();
            int j = jurisdictionIndex();
            String id = "access-" + JURISDICTIONS[j].toLowerCase(Locale.ROOT) + "-" + PLATFORMS[p];
            Stream s = access.get(id);
            LocalDate effective;
            if (s == null) {
                s = new Stream(id, "ServiceAccess");
                s.platform = PLATFORMS[p];
                s.jurisdiction = JURISDICTIONS[j];
                access.put(id, s);
                effective = openingDate();
            } else {
                effective = nextDate(s);
            }
            Map<String, Object> f = fields();
            f.put("jurisdiction", s.jurisdiction);
            f.put("service", s.platform);
            int what = random.nextInt(150);
            String type;
            if (what < 20) {
                type = "RestrictionThreatened";
                f.put("authority", AUTHORITIES[j]);
                f.put("condition", "remove_unlawful_content");
                f.put("deadline", effective.plusDays(30).toString());
                f.put("kind", random.nextBoolean() ? "BLOCK" : "THROTTLING");
                f.put("threatId", uuid());
            } else if (what < 45 && s.throttling == null && s.block == null) {
                type = "ThrottlingImposed";
                s.throttling = uuid();
                f.put("authority", AUTHORITIES[j]);
                f.put("legalBasis", random.nextBoolean() ? "149-FZ art. 15.3" : null);
                f.put("restrictionId", s.throttling);
                f.put("scope", scope());
            } else if (what < 65 && s.throttling != null) {
                type = "ThrottlingScopeChanged";
                f.put("restrictionId", s.throttling);
                f.put("scope", scope());
            } else if (what < 80 && s.throttling != null) {
                type = "ThrottlingLifted";
                f.put("restrictionId", s.throttling);
                s.throttling = null;
            } else if (what < 95 && s.block == null) {
                type = "BlockImposed";
                s.block = uuid();
                f.put("authority", AUTHORITIES[j]);
                f.put("legalBasis", "149-FZ art. 15.4");
                f.put("method", "registry_to_operators");
                f.put("restrictionId", s.block);
            } else if (what < 105 && s.block != null) {
                type = "BlockLifted";
                f.put("restrictionId", s.block);
                s.block = null;
            } else {
                type = "InterferenceObserved";
                f.put("observationId", uuid());
                f.put("observedState", s.block != null ? (random.nextInt(3) == 0 ? "PARTIALLY_ACCESSIBLE" : "BLOCKED")
                        : s.throttling != null ? "THROTTLED" : "ACCESSIBLE");
                f.put("observer", "OONI");
                f.put("technique", s.block != null ? "RST_injection" : "SNI_throttling");
            }
            emit(s, type, effective, f);
            row("status_fact");
        }

        private Map<String, Object> scope() {
            Map<String, Object> scope = new LinkedHashMap<>();
            scope.put("description", null);
            scope.put("fixedPercent", (long) (random.nextInt(11) * 10));
            scope.put("mobilePercent", (long) (50 + random.nextInt(6) * 10));
            return scope;
        }

        // ---- fines

        private void newFine() throws IOException {
            int p = platformIndex();
            int j = jurisdictionIndex();
            String id = uuid();
            Stream s = new Stream(id, "Fine");
            s.platform = PLATFORMS[p];
            s.jurisdiction = JURISDICTIONS[j];
            s.entity = entityOf(p);
            s.currency = CURRENCIES[j];
            s.due = 100_000L * (800 + random.nextInt(39_200));
            LocalDate effective = openingDate();
            Map<String, Object> f = fields();
            f.put("amount", money(s.due, s.currency));
            f.put("authority", "Magistrate court No. " + (1 + random.nextInt(450)));
            f.put("fineId", id);
            f.put("jurisdiction", s.jurisdiction);
            f.put("legalEntityId", s.entity);
            f.put("offenceDate", effective.minusDays(random.nextInt(60)).toString());
            f.put("platform", s.platform);
            f.put("provisionCheck", "UNREGISTERED_PROVISION");
            f.put("provisionCode", "KoAP 13.41 p.2");
            f.put("repeatOfFineId", null);
            f.put("revenue", null);
            f.put("rulingCount", 1L);
            emit(s, "FineImposed", effective, f);
            row("penalty_fact");
            if (openFines.size() < 3_000) {
                openFines.add(s);
            }
        }

        private void closeFine(int k) {
            Stream last = openFines.remove(openFines.size() - 1);
            if (k < openFines.size()) {
                openFines.set(k, last);
            }
        }

        private void nextFine() throws IOException {
            if (openFines.isEmpty()) {
                newFine();
                return;
            }
            int k = random.nextInt(openFines.size());
            Stream s = openFines.get(k);
            LocalDate effective = nextDate(s);
            Map<String, Object> f = fields();
            f.put("fineId", s.id);
            int what = random.nextInt(70);
            long outstanding = s.due - s.paid;
            if (what < 10 && !s.appealed) {
                s.appealed = true;
                s.appealPending = true;
                f.put("appellant", s.entity);
                emit(s, "FineAppealed", effective, f);
            } else if (what < 18 && s.appealPending) {
                s.appealPending = false;
                int o = random.nextInt(100);
                String outcome = o < 50 ? "UPHELD" : o < 85 ? "REDUCED" : "ANNULLED";
                Object newAmount = null;
                if (outcome.equals("REDUCED")) {
                    long reduced = s.paid + (long) ((s.due - s.paid) * (0.3 + 0.6 * random.nextDouble()));
                    s.due = Math.max(s.paid, reduced);
                    newAmount = money(s.due, s.currency);
                } else if (outcome.equals("ANNULLED")) {
                    s.due = 0;
                }
                f.put("court", "Appeal court No. " + (1 + random.nextInt(50)));
                f.put("newAmount", newAmount);
                f.put("outcome", outcome);
                emit(s, "AppealDecided", effective, f);
                if (outcome.equals("ANNULLED")) {
                    closeFine(k);
                }
            } else if (what < 30 && !s.inForce && !s.appealPending) {
                s.inForce = true;
                emit(s, "FineEnteredIntoForce", effective, f);
            } else if (what < 35 && s.inForce && !s.referred && outstanding > 0) {
                s.referred = true;
                f.put("to", "FSSP");
                emit(s, "EnforcementReferred", effective, f);
            } else if (what < 40 && s.referred && outstanding > 0) {
                s.proceedings++;
                f.put("bailiffService", "Federal Bailiffs Service");
                f.put("proceedings", (long) s.proceedings);
                emit(s, "EnforcementProceedingOpened", effective, f);
            } else if (outstanding > 0 && !s.appealPending) {
                long amount = random.nextInt(3) == 0 ? outstanding : Math.max(1, (long) (outstanding
                        * random.nextDouble()));
                amount = Math.min(amount, outstanding);
                s.paid += amount;
                f.put("amount", money(amount, s.currency));
                f.put("payer", s.entity);
                f.put("paymentId", uuid());
                emit(s, "FinePaid", effective, f);
                if (s.paid >= s.due) {
                    closeFine(k);
                }
            } else if (!s.appealed) {
                s.appealed = true;
                s.appealPending = true;
                f.put("appellant", s.entity);
                emit(s, "FineAppealed", effective, f);
            } else {
                // nothing else may follow on this fine now: a new fine instead
                newFine();
                return;
            }
            row("penalty_fact");
        }

        // ---- platform actions

        private void platformAction() throws IOException {
            int p = platformIndex();
            String id = "actions-" + PLATFORMS[p];
            Stream s = actions.get(id);
            LocalDate effective;
            if (s == null) {
                s = new Stream(id, "PlatformActions");
                s.platform = PLATFORMS[p];
                s.suspensions = new ArrayList<>();
                s.labels = new ArrayList<>();
                actions.put(id, s);
                effective = openingDate();
            } else {
                effective = nextDate(s);
            }
            Map<String, Object> f = fields();
            f.put("platform", s.platform);
            int what = random.nextInt(60);
            if (what < 12 && !s.suspensions.isEmpty()) {
                int k = random.nextInt(s.suspensions.size());
                f.put("suspensionId", s.suspensions.remove(k));
                emit(s, "AccountRestored", effective, f);
            } else if (what < 17) {
                long a = 1 + random.nextInt(80);
                long b = 1 + random.nextInt(40);
                Map<String, Object> breakdown = new TreeMap<>();
                breakdown.put("network_ira_linked", b);
                breakdown.put("network_state_actors", a);
                f.put("accounts", List.of("@acct_" + random.nextInt(1_000_000), "@acct_" + random.nextInt(1_000_000)));
                f.put("action", "SUSPENDED");
                f.put("batchId", uuid());
                f.put("breakdown", breakdown);
                f.put("count", a + b);
                f.put("policy", "foreign_interference");
                emit(s, "AccountsSuspended", effective, f);
            } else if (what < 25 && s.labels.size() < 50) {
                String label = uuid();
                s.labels.add(label);
                f.put("deamplified", random.nextBoolean());
                f.put("label", "state-affiliated media");
                f.put("labelId", label);
                f.put("subjects", List.of("outlet-" + random.nextInt(500)));
                emit(s, "LabelApplied", effective, f);
            } else if (what < 30 && !s.labels.isEmpty()) {
                f.put("labelId", s.labels.remove(random.nextInt(s.labels.size())));
                emit(s, "LabelRemoved", effective, f);
            } else {
                String suspension = uuid();
                if (s.suspensions.size() < 500) {
                    s.suspensions.add(suspension);
                }
                f.put("account", "@acct_" + random.nextInt(1_000_000));
                f.put("action", "SUSPENDED");
                f.put("holder", "state-linked account");
                f.put("policy", "platform_manipulation");
                f.put("suspensionId", suspension);
                emit(s, "AccountSuspended", effective, f);
            }
        }

        // ---- curations

        private void curation() throws IOException {
            boolean status = statusTargetCount > 0 && random.nextBoolean();
            Target t = null;
            for (int attempt = 0; attempt < 5 && t == null; attempt++) {
                Target candidate = status
                        ? statusTargets[random.nextInt((int) Math.min(statusTargetCount, statusTargets.length))]
                        : targetCount == 0 ? null
                        : targets[random.nextInt((int) Math.min(targetCount, targets.length))];
                if (candidate != null && !curated.contains(candidate.eventId())) {
                    t = candidate;
                }
            }
            if (t == null) {
                newDemand();
                return;
            }
            curated.add(t.eventId());
            Stream s = new Stream("curation-" + t.eventId(), "Curation");
            LocalDate effective = clamp(era, t.effective());
            Map<String, Object> f = fields();
            f.put("targetEventId", t.eventId());
            f.put("targetStreamId", t.streamId());
            if (random.nextInt(5) < 3) {
                LocalDate corrected = t.effective().minusDays(1 + random.nextInt(10));
                if (corrected.isBefore(EFFECTIVE_FROM)) {
                    corrected = EFFECTIVE_FROM;
                }
                Map<String, Object> when = new LinkedHashMap<>();
                when.put("date", corrected.toString());
                when.put("precision", "DAY");
                f.put("correctedConfidence", "CONFIRMED");
                f.put("correctedEffective", when);
                f.put("correctedFields", new LinkedHashMap<>());
                f.put("reason", "a later source dates it earlier");
                emit(s, "EventCorrected", effective, f);
                if (t.statusFact()) {
                    row("status_curation");
                }
            } else {
                f.put("reason", "the report was withdrawn");
                emit(s, "EventRetracted", effective, f);
                if (t.statusFact()) {
                    row("status_curation");
                }
            }
            row("timeline_curation");
        }
    }
}
