import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
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
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Append benchmark of the ledger's write API against the raw PostgreSQL single-row INSERT it is built on.
 *
 * <p>In one run and one fresh database it measures (1) single-row autocommit INSERTs into a table shaped like
 * domain_event_entry, (2) the ledger jar, started as a child process, answering a 50/50 mix of new demands and
 * compliances appended to existing demands, and (3) the same mix with an Idempotency-Key on every request. It then
 * checks that the event store holds exactly one row per accepted command, stops the ledger, drops the database and
 * prints a Markdown table. Only JDK classes and the PostgreSQL JDBC driver are used; all traffic goes to 127.0.0.1.
 *
 * <p>Run from the repository root: {@code java -cp postgresql.jar bench/AppendBenchmark.java --help}
 * (bench/append.sh builds the jar, finds the driver and does this).
 */
public final class AppendBenchmark {

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
            "usage: java -cp <postgresql-jdbc.jar> bench/AppendBenchmark.java [options]",
            "  --jar PATH              ledger jar (default ledger-api/target/ledger-api.jar)",
            "  --clients N             concurrent connections / HTTP clients (default 16)",
            "  --raw-warmup S          raw INSERT warm-up seconds (default 5)",
            "  --http-warmup S         HTTP warm-up seconds; its new demands are the streams appended to (default 90)",
            "  --idempotent-warmup S   warm-up seconds before the Idempotency-Key run (default 3)",
            "  --duration S            measured seconds of every scenario (default 20)",
            "  --no-idempotent         skip the Idempotency-Key run",
            "  --sealing on|off        run the ledger with the audit sealer on or off (LEDGER_AUDIT_SEALING; default on)",
            "  --compare-sealing N     measure the HTTP mix N times with sealing on and N times with it off, each on a",
            "                          freshly started ledger, in the order on, off, off, on, on, off ... (replaces",
            "                          --sealing; no Idempotency-Key run)",
            "  --port N                HTTP port of the ledger (default 18080; a free port is taken if it is busy)",
            "  --pg-port N             PostgreSQL port on 127.0.0.1 (default 5432)",
            "  --pg-user NAME          PostgreSQL user allowed to create databases (default postgres)",
            "  --pg-password SECRET    its password (default empty)",
            "  --payload-bytes N       payload size of the raw INSERT rows (default 600)",
            "  --metadata-bytes N      metadata size of the raw INSERT rows (default 160)",
            "  --raw-batch N           also measure batched INSERTs of N rows per statement (multi-row INSERT,",
            "                          autocommit) at the same concurrency after the single-row ones (default 0: not)",
            "  --out DIR               where the ledger log and profiles go (default target/bench)",
            "  --jvm-opt OPT           extra JVM option of the ledger, repeatable (-Xmx1g unless an -Xmx is given)",
            "  --jfr                   record the ledger with Java Flight Recorder into the --out directory",
            "  --thread-dumps N        take N jcmd Thread.print samples of the ledger in the measured HTTP window",
            "  --start-timeout S       how long to wait for the ledger to report health UP (default 120)",
            "  --help                  this text");

    // ----------------------------------------------------------------------------------------------------------
    // Options

    record Options(Path jar, int clients, int rawWarmup, int httpWarmup, int idempotentWarmup, int duration,
                   boolean idempotent, boolean sealing, int compareSealing, int port, boolean portExplicit, int pgPort, String pgUser, String pgPassword,
                   int payloadBytes, int metadataBytes, Path out, List<String> jvmOpts, boolean jfr,
                   int threadDumps, int startTimeout, int rawBatch) {

        static Options parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>();
            List<String> jvmOpts = new ArrayList<>();
            boolean idempotent = true;
            boolean jfr = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--help", "-h" -> throw new UsageException(null);
                    case "--no-idempotent" -> idempotent = false;
                    case "--jfr" -> jfr = true;
                    case "--jar", "--clients", "--raw-warmup", "--http-warmup", "--idempotent-warmup", "--duration",
                         "--port", "--pg-port", "--pg-user", "--pg-password", "--payload-bytes", "--metadata-bytes",
                         "--out", "--jvm-opt", "--thread-dumps", "--start-timeout", "--sealing",
                         "--compare-sealing", "--raw-batch" -> {
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
            String sealing = values.getOrDefault("--sealing", "on");
            if (!sealing.equals("on") && !sealing.equals("off")) {
                throw new UsageException("--sealing must be on or off, got '" + sealing + "'");
            }
            return new Options(
                    Paths.get(values.getOrDefault("--jar", "ledger-api/target/ledger-api.jar")),
                    intOption(values, "--clients", 16, 1, 200),
                    intOption(values, "--raw-warmup", 5, 0, 600),
                    intOption(values, "--http-warmup", 90, 1, 600),
                    intOption(values, "--idempotent-warmup", 3, 0, 600),
                    intOption(values, "--duration", 20, 1, 3600),
                    idempotent,
                    sealing.equals("on"),
                    intOption(values, "--compare-sealing", 0, 0, 50),
                    intOption(values, "--port", 18080, 1, 65535),
                    values.containsKey("--port"),
                    intOption(values, "--pg-port", 5432, 1, 65535),
                    values.getOrDefault("--pg-user", "postgres"),
                    values.getOrDefault("--pg-password", ""),
                    intOption(values, "--payload-bytes", 600, 1, 1_000_000),
                    intOption(values, "--metadata-bytes", 160, 0, 1_000_000),
                    Paths.get(values.getOrDefault("--out", "target/bench")),
                    List.copyOf(jvmOpts),
                    jfr,
                    intOption(values, "--thread-dumps", 0, 0, 100),
                    intOption(values, "--start-timeout", 120, 1, 3600),
                    intOption(values, "--raw-batch", 0, 0, 10_000));
        }

        private static int intOption(Map<String, String> values, String name, int fallback, int min, int max) {
            String raw = values.get(name);
            if (raw == null) {
                return fallback;
            }
            int value;
            try {
                value = Integer.parseInt(raw.trim());
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
        private long[] values = new long[4096];
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

    /**
     * What a run measured, for the caller: the results in table order (the raw single-row INSERT first, then the
     * batched one when --raw-batch is given, then the HTTP runs), the notes, the failures (empty when every request
     * succeeded and every check held), the database server and the ledger's JVM options.
     */
    record Outcome(Instant started, List<Result> results, List<String> notes, List<String> failures, String server,
                   List<String> ledgerJvm) {
    }

    /** What one scenario measured in its window. */
    record Result(String scenario, int concurrency, long operations, double seconds, double p50, double p99,
                  long errors, Map<String, String> details, String cpu) {
        double opsPerSecond() {
            return operations / seconds;
        }
    }

    /** The window of a scenario: warm-up until {@code measureStart}, measured until {@code measureEnd}. */
    record Window(long measureStart, long measureEnd) {
        static Window after(int warmupSeconds, int durationSeconds) {
            long start = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmupSeconds);
            return new Window(start, start + TimeUnit.SECONDS.toNanos(durationSeconds));
        }

        boolean inWarmup(long now) {
            return now < measureStart;
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

    // ----------------------------------------------------------------------------------------------------------
    // Run

    private final Options options;
    private final String database;
    private final AtomicBoolean cleanedUp = new AtomicBoolean();
    private volatile Process ledger;
    private volatile boolean databaseCreated;
    private volatile String serverDescription = "unknown";
    private final String loadAtStart = loadAverage();

    /** Told of every ledger process once it reports UP (bench/ledger.sh samples its memory from then on). */
    java.util.function.Consumer<Process> onLedgerUp = p -> { };
    /** Told of a ledger process just before it is stopped. */
    java.util.function.Consumer<Process> onLedgerStopping = p -> { };
    /** Told of the name of each phase as it begins. */
    java.util.function.Consumer<String> onPhase = name -> { };

    AppendBenchmark(Options options) {
        this.options = options;
        this.database = "ledger_bench_" + System.currentTimeMillis() + "_" + ProcessHandle.current().pid();
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (UsageException e) {
            if (e.getMessage() != null) {
                System.err.println("append benchmark: " + e.getMessage());
            }
            System.err.println(USAGE);
            System.exit(e.getMessage() == null ? 0 : 2);
            return;
        }
        System.exit(new AppendBenchmark(options).run());
    }

    int run() {
        Outcome outcome = execute();
        if (!outcome.results().isEmpty()) {
            printReport(outcome.started(), outcome.results(), outcome.notes());
            System.out.println();
        }
        return exitStatus(outcome.failures());
    }

    /** Prints the failures, if any, and gives the exit status: 0 only when there are none. */
    static int exitStatus(List<String> failures) {
        if (failures.isEmpty()) {
            return 0;
        }
        System.out.println("FAILED:");
        failures.forEach(f -> System.out.println("- " + f));
        return 1;
    }

    /** Runs every scenario, checks the store, stops the ledger and drops the database; prints nothing but logs. */
    Outcome execute() {
        Thread hook = new Thread(this::cleanUp, "benchmark-clean-up");
        Runtime.getRuntime().addShutdownHook(hook);
        List<Result> results = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Instant started = Instant.now();
        try {
            checkPreconditions();
            Files.createDirectories(options.out());
            createDatabase();
            log("database " + database + " created");

            onPhase.accept("append: raw INSERT");
            Result raw = rawInsertBaseline(1);
            results.add(raw);
            log(String.format(Locale.ROOT, "raw INSERT: %.0f rows/s", raw.opsPerSecond()));
            if (options.rawBatch() > 0) {
                Result batched = rawInsertBaseline(options.rawBatch());
                results.add(batched);
                log(String.format(Locale.ROOT, "raw batched INSERT: %.0f rows/s", batched.opsPerSecond()));
            }

            int port = choosePort();
            String base = "http://" + LOOPBACK + ":" + port;
            List<Boolean> segments = sealingOrder();
            boolean comparing = options.compareSealing() > 0;
            long rowsBefore = -1;
            long accepted = 0;
            long acceptedKeyed = 0;
            List<Path> appLogs = new ArrayList<>();
            for (int i = 0; i < segments.size(); i++) {
                boolean sealing = segments.get(i);
                Path appLog = options.out().resolve(database + (comparing ? "-" + (i + 1) : "") + ".log");
                appLogs.add(appLog);
                if (i > 0) {
                    stopLedger();
                }
                onPhase.accept("append: ledger start-up");
                startLedger(port, appLog, sealing);
                onPhase.accept("append: HTTP mix");
                if (rowsBefore < 0) {
                    rowsBefore = countRows("domain_event_entry");
                    notes.add("event store rows found after start-up: " + rowsBefore);
                }
                if (sealing && comparing) {
                    // What earlier segments appended with sealing off is sealed before this one is measured.
                    notes.add("run " + (i + 1) + ": the sealer covered the store it found in "
                            + waitForSealer(appLog) + " ms before the load began");
                }
                String scenario = "HTTP 50% new demand / 50% compliance" + (comparing ? ", sealing "
                        + (sealing ? "on" : "off") + " (run " + (i + 1) + " of " + segments.size() + ")"
                        : sealing ? "" : ", sealing off");
                HttpLoad load = new HttpLoad(base, options.clients());
                Result plain = load.run(scenario, false, options.httpWarmup(), true);
                results.add(plain);
                log(String.format(Locale.ROOT, "%s: %.0f commands/s, %d errors", scenario, plain.opsPerSecond(),
                        plain.errors()));
                if (options.idempotent() && !comparing) {
                    Result keyed = load.run("same, with Idempotency-Key", true, options.idempotentWarmup(), false);
                    results.add(keyed);
                    log(String.format(Locale.ROOT, "HTTP with Idempotency-Key: %.0f commands/s, %d errors",
                            keyed.opsPerSecond(), keyed.errors()));
                }
                failures.addAll(load.errorReport());
                Process running = ledger;
                if (running == null || !running.isAlive()) {
                    throw new BenchmarkFailure("the ledger exited during the load; last lines of " + appLog + ":\n"
                            + tail(appLog, 8));
                }
                if (sealing) {
                    notes.add((comparing ? "run " + (i + 1) + ": " : "") + "the sealer covered every append "
                            + waitForSealer(appLog) + " ms after the load ended");
                }
                accepted += load.accepted.get();
                acceptedKeyed += load.acceptedWithKey.get();
            }
            if (comparing) {
                notes.add(compareSealing(results.subList(results.size() - segments.size(), results.size()),
                        segments));
            }

            long rowsAfter = countRows("domain_event_entry");
            long appended = rowsAfter - rowsBefore;
            notes.add("commands accepted (warm-ups included): " + accepted + ", event store rows appended: "
                    + appended + (appended == accepted ? " (equal)" : " (MISMATCH)"));
            if (appended != accepted) {
                failures.add("the event store gained " + appended + " rows for " + accepted
                        + " accepted commands (each command appends exactly one event)");
            }
            if (options.idempotent() && !comparing) {
                long keys = countRows("idempotency_record");
                long answered = scalar("SELECT count(*) FROM idempotency_record WHERE response_status = 201");
                notes.add("idempotency records: " + keys + " (" + answered + " answered 201) for " + acceptedKeyed
                        + " accepted keyed commands");
                if (keys != acceptedKeyed || answered != acceptedKeyed) {
                    failures.add("idempotency_record holds " + keys + " rows (" + answered + " with status 201) for "
                            + acceptedKeyed + " accepted commands sent with a key");
                }
            }
            notes.add(eventSizes());
            notes.add("ledger log: " + appLogs.stream().map(Path::toString).collect(Collectors.joining(", ")));
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
        return new Outcome(started, results, notes, failures, serverDescription, ledgerJvmOptions());
    }

    private void checkPreconditions() {
        if (!Files.isRegularFile(options.jar())) {
            throw new BenchmarkFailure("ledger jar " + options.jar().toAbsolutePath() + " not found; build it with "
                    + "./mvnw -q -B -DskipTests package (or run bench/append.sh from the repository root)");
        }
        try {
            Class.forName("org.postgresql.Driver");
        } catch (ClassNotFoundException e) {
            throw new BenchmarkFailure("the PostgreSQL JDBC driver is not on the class path; run with "
                    + "java -cp <postgresql.jar> bench/AppendBenchmark.java (bench/append.sh does)");
        }
    }

    /**
     * Whether the sealer runs in each measured run: the one --sealing names, or with --compare-sealing N the order
     * on, off, off, on, on, off ... (2N runs), so that a drift of the machine or the growing store over the run
     * weighs on both settings alike.
     */
    private List<Boolean> sealingOrder() {
        if (options.compareSealing() == 0) {
            return List.of(options.sealing());
        }
        List<Boolean> order = new ArrayList<>();
        for (int i = 0; i < 2 * options.compareSealing(); i++) {
            order.add(i % 4 == 0 || i % 4 == 3);
        }
        return order;
    }

    /** Waits until the sealer has covered every event in the store (at most 600 s); the milliseconds it took. */
    private long waitForSealer(Path appLog) throws InterruptedException {
        long t0 = System.nanoTime();
        long head = scalar("SELECT coalesce(max(global_index), 0) FROM domain_event_entry");
        long sealed;
        while ((sealed = scalar("SELECT last_position FROM audit_state WHERE id = 1")) < head) {
            if (System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(600)) {
                throw new BenchmarkFailure("the sealer had covered only up to position " + sealed + " of " + head
                        + " after 600 s (see " + appLog + ")");
            }
            Thread.sleep(50);
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }

    /** The medians of the runs with sealing on and with it off, and their ratio. */
    private static String compareSealing(List<Result> runs, List<Boolean> sealing) {
        List<Result> on = new ArrayList<>();
        List<Result> off = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            (sealing.get(i) ? on : off).add(runs.get(i));
        }
        double onRate = median(on, Result::opsPerSecond);
        double offRate = median(off, Result::opsPerSecond);
        double ratio = onRate / offRate;
        return String.format(Locale.ROOT, "sealing on against off, medians of %d runs each: %.0f against %.0f "
                        + "commands/s, ratio %.3f (goal: within 10%%, at least 0.90: %s); p50 %.1f against %.1f ms, "
                        + "p99 %.1f against %.1f ms", on.size(), onRate, offRate, ratio, ratio >= 0.9 ? "met" : "not met",
                median(on, Result::p50), median(off, Result::p50), median(on, Result::p99), median(off, Result::p99));
    }

    private static double median(List<Result> runs, java.util.function.ToDoubleFunction<Result> figure) {
        double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
        int n = values.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    static void log(String message) {
        System.err.println("[" + DateTimeFormatter.ISO_LOCAL_TIME.format(
                Instant.now().atOffset(ZoneOffset.UTC).toLocalTime().withNano(0)) + "] " + message);
    }

    // ----------------------------------------------------------------------------------------------------------
    // PostgreSQL

    private String jdbcUrl(String db) {
        return "jdbc:postgresql://" + LOOPBACK + ":" + options.pgPort() + "/" + db;
    }

    private Connection connect(String db) throws SQLException {
        return connect(db, false);
    }

    private Connection connect(String db, boolean rewriteBatches) throws SQLException {
        Properties props = new Properties();
        props.setProperty("reWriteBatchedInserts", Boolean.toString(rewriteBatches));
        props.setProperty("user", options.pgUser());
        props.setProperty("password", options.pgPassword());
        props.setProperty("ApplicationName", "append-benchmark");
        props.setProperty("connectTimeout", "10");
        return DriverManager.getConnection(jdbcUrl(db), props);
    }

    private void createDatabase() {
        try (Connection admin = connect("postgres"); Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + database);
            databaseCreated = true;
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
            System.err.println("append benchmark: could not drop database " + database + ", drop it by hand: " + e);
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

    private long countRows(String table) {
        return scalar("SELECT count(*) FROM " + table);
    }

    private String eventSizes() {
        String sql = "SELECT coalesce(avg(octet_length(payload)), 0), coalesce(avg(octet_length(meta_data)), 0) "
                + "FROM domain_event_entry";
        try (Connection c = connect(database); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return String.format(Locale.ROOT, "ledger events: payload %.0f bytes, metadata %.0f bytes on average "
                            + "(raw INSERT rows: %d and %d)", rs.getDouble(1), rs.getDouble(2), options.payloadBytes(),
                    options.metadataBytes());
        } catch (SQLException e) {
            throw new BenchmarkFailure("query failed: " + sql, e);
        }
    }

    static String serverSetting(Connection c, String name) {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW " + name)) {
            return rs.next() ? rs.getString(1) : "?";
        } catch (SQLException e) {
            return "?";
        }
    }

    /**
     * Autocommit INSERTs of {@code batch} rows per statement (1: single-row), one connection per thread, into a copy
     * of domain_event_entry. Batches are sent as one multi-row INSERT (the driver's reWriteBatchedInserts).
     */
    private Result rawInsertBaseline(int batch) throws Exception {
        try (Connection c = connect(database); Statement st = c.createStatement()) {
            // Its own schema, so that the ledger's Flyway finds "public" empty.
            st.execute("CREATE SCHEMA IF NOT EXISTS raw_baseline");
            st.execute("CREATE TABLE IF NOT EXISTS raw_baseline.raw_event_entry ("
                    + " global_index BIGSERIAL NOT NULL,"
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
            serverDescription = "PostgreSQL " + serverSetting(c, "server_version") + ", synchronous_commit="
                    + serverSetting(c, "synchronous_commit") + ", fsync=" + serverSetting(c, "fsync");
        }
        int clients = options.clients();
        String scenario = batch == 1 ? "raw single-row INSERT (autocommit)"
                : "raw batched INSERT (autocommit, " + batch + " rows per statement)";
        log(scenario + ": " + clients + " connections, " + options.rawWarmup() + " s warm-up, " + options.duration()
                + " s measured");
        List<Connection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                Connection c = connect(database, batch > 1);
                c.setAutoCommit(true);
                connections.add(c);
            }
            Window window = Window.after(options.rawWarmup(), options.duration());
            List<Samples> samples = new ArrayList<>();
            AtomicLong errors = new AtomicLong();
            List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());
            List<Thread> threads = new ArrayList<>();
            CountDownLatch done = new CountDownLatch(clients);
            for (int i = 0; i < clients; i++) {
                Connection c = connections.get(i);
                Samples mine = new Samples();
                samples.add(mine);
                Thread t = new Thread(() -> {
                    try {
                        insertUntil(c, batch, window, mine, errors, firstErrors);
                    } finally {
                        done.countDown();
                    }
                }, "raw-insert-" + i);
                threads.add(t);
            }
            threads.forEach(Thread::start);
            CpuMeter cpu = new CpuMeter(null);
            cpu.measure(window, () -> { });
            long limit = TimeUnit.NANOSECONDS.toSeconds(window.measureEnd() - System.nanoTime()) + 60;
            if (!done.await(limit, TimeUnit.SECONDS)) {
                throw new BenchmarkFailure("raw INSERT threads did not finish " + limit + " s after the start");
            }
            if (errors.get() > 0) {
                throw new BenchmarkFailure("raw INSERT failed " + errors.get() + " times, first: " + firstErrors);
            }
            long[] sorted = Samples.merge(samples);
            long rows = (long) sorted.length * batch;
            return new Result(scenario, clients, rows, window.seconds(), Samples.percentileMillis(sorted, 50),
                    Samples.percentileMillis(sorted, 99), 0, batch == 1 ? Map.of()
                    : Map.of("latencies", "per statement of " + batch + " rows"), cpu.describe(rows, "row"));
        } finally {
            for (Connection c : connections) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // closing after the measurement; nothing left to save
                }
            }
        }
    }

    private void insertUntil(Connection c, int batch, Window window, Samples samples, AtomicLong errors,
                             List<String> first) {
        String sql = "INSERT INTO raw_baseline.raw_event_entry (event_identifier, aggregate_identifier, "
                + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] payload = printableBytes(options.payloadBytes(), random);
        byte[] metadata = printableBytes(options.metadataBytes(), random);
        String stream = UUID.randomUUID().toString();
        long sequence = 0;
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            while (true) {
                long start = System.nanoTime();
                if (window.over(start)) {
                    return;
                }
                for (int row = 0; row < batch; row++) {
                    // Half of the rows open a new stream, half extend this thread's current one, like the HTTP mix.
                    if (random.nextBoolean()) {
                        stream = UUID.randomUUID().toString();
                        sequence = 0;
                    } else {
                        sequence++;
                    }
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, stream);
                    insert.setLong(3, sequence);
                    insert.setString(4, "Demand");
                    insert.setString(5, Instant.now().toString());
                    insert.setString(6, "org.disputeledger.demand.event.DemandComplied");
                    insert.setNull(7, java.sql.Types.VARCHAR);
                    insert.setBytes(8, payload);
                    insert.setBytes(9, metadata);
                    if (batch > 1) {
                        insert.addBatch();
                    }
                }
                if (batch > 1) {
                    insert.executeBatch();
                } else {
                    insert.executeUpdate();
                }
                long end = System.nanoTime();
                if (window.counts(end)) {
                    samples.add(end - start);
                }
            }
        } catch (SQLException e) {
            errors.incrementAndGet();
            if (first.size() < 3) {
                first.add(e.toString());
            }
        }
    }

    private static byte[] printableBytes(int size, ThreadLocalRandom random) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (' ' + 1 + random.nextInt(94));
        }
        return bytes;
    }

    // ----------------------------------------------------------------------------------------------------------
    // The ledger process

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

    static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void startLedger(int port, Path appLog, boolean sealing) throws IOException, InterruptedException {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(ledgerJvmOptions());
        command.add("-jar");
        command.add(options.jar().toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("SPRING_DATASOURCE_URL", jdbcUrl(database));
        env.put("SPRING_DATASOURCE_USERNAME", options.pgUser());
        env.put("SPRING_DATASOURCE_PASSWORD", options.pgPassword());
        env.put("PORT", Integer.toString(port));
        env.put("SERVER_ADDRESS", LOOPBACK);
        Path data = options.out().resolve(database + "-data").toAbsolutePath();
        env.put("LEDGER_DATA_DIR", data.toString());
        env.put("LEDGER_ADMIN_API_KEY", ADMIN_KEY);
        // The checkpoint key of this run only, created by the ledger on its first start in the data directory.
        env.put("LEDGER_AUDIT_KEY_FILE", data.resolve("audit-signing-key.pem").toString());
        env.remove("LEDGER_AUDIT_SIGNING_KEY");
        env.remove("LEDGER_AUDIT_PUBLIC_KEY");
        env.put("LEDGER_AUDIT_SEALING", Boolean.toString(sealing));
        builder.redirectErrorStream(true);
        builder.redirectOutput(appLog.toFile());
        log("starting the ledger on port " + port + ", sealing " + (sealing ? "on" : "off") + ", log " + appLog);
        ledger = builder.start();

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = authorized(URI.create("http://" + LOOPBACK + ":" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.startTimeout());
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!ledger.isAlive()) {
                throw new BenchmarkFailure("the ledger exited with status " + ledger.exitValue()
                        + " before it was up; last lines of " + appLog + ":\n" + tail(appLog, 8));
            }
            try {
                HttpResponse<String> answer = client.send(health, HttpResponse.BodyHandlers.ofString());
                last = answer.statusCode() + " " + answer.body();
                if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                    log("ledger is UP (pid " + ledger.pid() + ")");
                    onLedgerUp.accept(ledger);
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

    private List<String> ledgerJvmOptions() {
        List<String> jvm = new ArrayList<>();
        if (options.jvmOpts().stream().noneMatch(o -> o.startsWith("-Xmx"))) {
            jvm.add("-Xmx1g");
        }
        if (options.jfr()) {
            Path recording = options.out().resolve(database + ".jfr").toAbsolutePath();
            jvm.add("-XX:StartFlightRecording=filename=" + recording + ",settings=profile,dumponexit=true");
        }
        jvm.addAll(options.jvmOpts());
        return jvm;
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
                System.err.println("append benchmark: the ledger did not stop within 30 s, killing it");
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        log("ledger stopped");
    }

    private void cleanUp() {
        if (cleanedUp.compareAndSet(false, true)) {
            stopLedger();
            dropDatabase();
        }
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

    private void threadDumps(long pid, Window window, String label) {
        int count = options.threadDumps();
        if (count == 0) {
            return;
        }
        Path jcmd = Paths.get(System.getProperty("java.home"), "bin", "jcmd");
        long step = (window.measureEnd() - window.measureStart()) / (count + 1);
        for (int i = 1; i <= count; i++) {
            long at = window.measureStart() + step * i;
            try {
                long wait = TimeUnit.NANOSECONDS.toMillis(at - System.nanoTime());
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                Path target = options.out().resolve(database + "-" + label + "-threads-" + i + ".txt");
                Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "Thread.print")
                        .redirectErrorStream(true).redirectOutput(target.toFile()).start();
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (IOException e) {
                log("thread dump " + i + " failed: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        log(count + " thread dumps written to " + options.out());
    }

    // ----------------------------------------------------------------------------------------------------------
    // HTTP load

    static final String ENVELOPE = "\"envelope\":{\"effective\":{\"date\":\"%s\",\"precision\":\"DAY\"},"
            + "\"sources\":[{\"url\":\"https://tass.com/economy/1273479\"}],\"confidence\":\"CONFIRMED\"}";
    static final String NEW_DEMAND = "{\"jurisdiction\":\"RU\",\"authority\":\"Roskomnadzor\",\"platform\":\"twitter\","
            + "\"legalEntityId\":\"twitter-inc\",\"kind\":\"REMOVE_CONTENT\",\"itemCount\":1000000,"
            + String.format(Locale.ROOT, ENVELOPE, "2021-03-10") + "}";
    static final String COMPLIANCE = "{\"scope\":\"PARTIAL\",\"itemsActioned\":1,"
            + String.format(Locale.ROOT, ENVELOPE, "2021-03-11") + "}";
    static final Pattern STREAM_ID = Pattern.compile("\"streamId\"\\s*:\\s*\"([^\"]+)\"");
    static final int KINDS = 2;
    static final int NEW = 0;
    static final int APPEND = 1;

    /** Streams that compliances are appended to: filled during the first warm-up, then only read. */
    static final class StreamPool {
        private final List<String> ids = new ArrayList<>();

        synchronized void add(String id) {
            ids.add(id);
        }

        synchronized String pick(ThreadLocalRandom random) {
            return ids.isEmpty() ? null : ids.get(random.nextInt(ids.size()));
        }

        synchronized int size() {
            return ids.size();
        }
    }

    final class HttpLoad {
        final String base;
        final int clients;
        final StreamPool pool = new StreamPool();
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong acceptedWithKey = new AtomicLong();
        final Map<String, Long> errorsByScenario = Collections.synchronizedMap(new LinkedHashMap<>());
        final List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());
        volatile boolean poolFrozen;

        HttpLoad(String base, int clients) {
            this.base = base;
            this.clients = clients;
        }

        List<String> errorReport() {
            List<String> report = new ArrayList<>();
            errorsByScenario.forEach((scenario, n) -> {
                if (n > 0) {
                    report.add(scenario + ": " + n + " requests failed (non-2xx or no answer)");
                }
            });
            if (!report.isEmpty()) {
                report.add("first failures: " + firstErrors);
            }
            return report;
        }

        Result run(String scenario, boolean withKey, int warmupSeconds, boolean fillsPool) throws Exception {
            log(scenario + ": " + clients + " clients, " + warmupSeconds + " s warm-up, " + options.duration()
                    + " s measured");
            Window window = Window.after(warmupSeconds, options.duration());
            AtomicLong errors = new AtomicLong();
            List<Samples[]> perClient = new ArrayList<>();
            CountDownLatch done = new CountDownLatch(clients);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Samples[] mine = {new Samples(), new Samples()};
                perClient.add(mine);
                Thread t = new Thread(() -> {
                    try {
                        sendUntil(window, withKey, fillsPool, mine, errors);
                    } finally {
                        done.countDown();
                    }
                }, "http-client-" + i);
                threads.add(t);
            }
            threads.forEach(Thread::start);
            if (fillsPool) {
                long wait = TimeUnit.NANOSECONDS.toMillis(window.measureStart() - System.nanoTime());
                Thread.sleep(Math.max(0, wait));
                poolFrozen = true;
                log("warm-up created " + pool.size() + " streams to append to");
            }
            Process p = ledger;
            CpuMeter cpu = new CpuMeter(p == null ? null : p.toHandle());
            cpu.measure(window, () -> {
                if (p != null) {
                    threadDumps(p.pid(), window, withKey ? "keyed" : "plain");
                }
            });
            long limit = TimeUnit.NANOSECONDS.toSeconds(window.measureEnd() - System.nanoTime()) + 60;
            if (!done.await(limit, TimeUnit.SECONDS)) {
                throw new BenchmarkFailure(scenario + ": clients did not finish " + limit + " s after the end");
            }
            errorsByScenario.put(scenario, errors.get());
            List<Samples> all = new ArrayList<>();
            Map<String, String> details = new LinkedHashMap<>();
            String[] names = {"new demand", "compliance"};
            for (int kind = 0; kind < KINDS; kind++) {
                List<Samples> ofKind = new ArrayList<>();
                for (Samples[] s : perClient) {
                    ofKind.add(s[kind]);
                }
                all.addAll(ofKind);
                long[] sorted = Samples.merge(ofKind);
                details.put(names[kind], String.format(Locale.ROOT, "%d ok, p50 %.1f ms, p99 %.1f ms", sorted.length,
                        Samples.percentileMillis(sorted, 50), Samples.percentileMillis(sorted, 99)));
            }
            long[] sorted = Samples.merge(all);
            return new Result(scenario, clients, sorted.length, window.seconds(), Samples.percentileMillis(sorted, 50),
                    Samples.percentileMillis(sorted, 99), errors.get(), details,
                    cpu.describe(sorted.length, "command"));
        }

        private void sendUntil(Window window, boolean withKey, boolean fillsPool, Samples[] samples,
                               AtomicLong errors) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            ThreadLocalRandom random = ThreadLocalRandom.current();
            URI demands = URI.create(base + "/api/v1/demands");
            while (true) {
                long start = System.nanoTime();
                if (window.over(start)) {
                    return;
                }
                String target = random.nextBoolean() ? null : pool.pick(random);
                int kind = target == null ? NEW : APPEND;
                HttpRequest.Builder request = authorized(
                                kind == NEW ? demands : URI.create(base + "/api/v1/demands/" + target + "/compliances"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(kind == NEW ? NEW_DEMAND : COMPLIANCE));
                if (withKey) {
                    request.header("Idempotency-Key", "bench-" + UUID.randomUUID());
                }
                int status;
                String body;
                try {
                    HttpResponse<String> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
                if (status >= 200 && status < 300) {
                    accepted.incrementAndGet();
                    if (withKey) {
                        acceptedWithKey.incrementAndGet();
                    }
                    if (window.counts(end)) {
                        samples[kind].add(end - start);
                    }
                    if (kind == NEW && fillsPool && !poolFrozen && window.inWarmup(end)) {
                        Matcher m = STREAM_ID.matcher(body);
                        if (m.find()) {
                            pool.add(m.group(1));
                        }
                    }
                } else {
                    errors.incrementAndGet();
                    if (firstErrors.size() < 5) {
                        String shortBody = body.length() > 300 ? body.substring(0, 300) + "..." : body;
                        firstErrors.add((kind == NEW ? "new demand" : "compliance") + " -> " + status + " "
                                + shortBody);
                    }
                }
            }
        }
    }

    // ----------------------------------------------------------------------------------------------------------
    // CPU accounting from /proc (Linux), so that a reader can tell which process the cores went to

    /** CPU used in the measured window by the whole machine, the ledger, PostgreSQL and this load generator. */
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
        private double wall;

        CpuMeter(ProcessHandle ledger) {
            this.ledger = ledger;
        }

        /** Samples at the start and the end of the window, running {@code during} in between. */
        void measure(Window window, Runnable during) throws InterruptedException {
            sleepUntil(window.measureStart());
            long t0 = System.nanoTime();
            machineBefore = machineTicks();
            ledgerBefore = cpuNanos(ledger);
            selfBefore = cpuNanos(ProcessHandle.current());
            postgresBefore = postgresTicks();
            during.run();
            sleepUntil(window.measureEnd());
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
                text.append(String.format(Locale.ROOT, ", ledger %.2f (%.2f ms per %s)", cores,
                        operations > 0 ? (ledgerAfter - ledgerBefore) / 1e6 / operations : 0.0, unit));
            }
            if (postgresBefore >= 0 && postgresAfter >= 0) {
                double cores = (postgresAfter - postgresBefore) / (double) TICKS / wall;
                accounted += cores;
                text.append(String.format(Locale.ROOT, ", postgres processes %.2f (%.2f ms per %s)", cores,
                        operations > 0 ? (postgresAfter - postgresBefore) * 1000.0 / TICKS / operations : 0.0, unit));
            }
            if (selfBefore >= 0 && selfAfter >= 0) {
                double cores = (selfAfter - selfBefore) / 1e9 / wall;
                accounted += cores;
                text.append(String.format(Locale.ROOT, ", load generator %.2f", cores));
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

        private static void sleepUntil(long nanoTime) throws InterruptedException {
            long millis = TimeUnit.NANOSECONDS.toMillis(nanoTime - System.nanoTime());
            if (millis > 0) {
                Thread.sleep(millis);
            }
        }

        private static long cpuNanos(ProcessHandle process) {
            if (process == null) {
                return -1;
            }
            return process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
        }

        /** Busy and total ticks of all CPUs and the number of CPUs, from /proc/stat; null if unreadable. */
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

        /** User plus system ticks of every process named postgres, -1 if /proc cannot be read. */
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
                    // after the name: state is field 3, utime field 14 and stime field 15 of proc(5)
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

    private void printReport(Instant started, List<Result> results, List<String> notes) {
        System.out.println();
        System.out.println("Append benchmark, " + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                started.atOffset(ZoneOffset.UTC).withNano(0)));
        System.out.println();
        System.out.println("- commit: " + gitCommit());
        System.out.println("- CPU: " + cpu());
        System.out.println("- memory: " + memTotal() + "; load average at the start " + loadAtStart + ", at the end "
                + loadAverage());
        System.out.println("- database: " + serverDescription + ", on " + LOOPBACK);
        System.out.println("- JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + "; ledger JVM: " + String.join(" ", ledgerJvmOptions()));
        System.out.println("- windows: raw warm-up " + options.rawWarmup() + " s, HTTP warm-up " + options.httpWarmup()
                + " s" + (options.idempotent() && options.compareSealing() == 0
                ? ", Idempotency-Key warm-up " + options.idempotentWarmup() + " s" : "")
                + ", each measured for " + options.duration() + " s; " + (options.compareSealing() > 0
                ? "sealing on and off alternately, " + options.compareSealing() + " runs each, each on a freshly"
                + " started ledger" : "sealing " + (options.sealing() ? "on" : "off")));
        System.out.println();
        System.out.println("| scenario | concurrency | ops/s | p50 ms | p99 ms | ratio to raw single-row INSERT |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        double raw = results.isEmpty() ? Double.NaN : results.get(0).opsPerSecond();
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %.1f | %.1f | %.2f |%n", r.scenario(), r.concurrency(),
                    r.opsPerSecond(), r.p50(), r.p99(), r.opsPerSecond() / raw);
        }
        System.out.println();
        for (Result r : results) {
            StringBuilder line = new StringBuilder("- " + r.scenario() + ": ");
            if (!r.details().isEmpty()) {
                line.append(r.errors()).append(" errors; ");
                r.details().forEach((k, v) -> line.append(k).append(" ").append(v).append("; "));
            }
            System.out.println(line.append("CPU ").append(r.cpu()));
        }
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

    static String gitCommit() {
        String commit = run("git", "rev-parse", "--short=12", "HEAD");
        if (commit == null) {
            return "unknown (not a git checkout)";
        }
        String status = run("git", "status", "--porcelain", "--untracked-files=no");
        return commit + (status != null && !status.isEmpty() ? " (with uncommitted changes)" : "");
    }

    static String cpu() {
        String nproc = run("nproc");
        String cores = nproc != null ? nproc : Integer.toString(Runtime.getRuntime().availableProcessors());
        String model = firstValue(Paths.get("/proc/cpuinfo"), "model name", "unknown model");
        return cores + " x " + model;
    }

    static String memTotal() {
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

    static String loadAverage() {
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
}
