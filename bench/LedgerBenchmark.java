import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
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
import java.util.function.IntFunction;

/**
 * The ledger's benchmark in one run and one table: the append phase of AppendBenchmark (raw single-row and batched
 * INSERT ceilings, then the ledger over HTTP), the read phases of ReadBenchmark on a generated store (bulk import,
 * catch-up, sealing and full verification, rebuild, point-in-time queries), and the resident memory of every ledger
 * process they start, sampled from /proc every 250 ms. Each figure stands beside the raw PostgreSQL ceiling measured
 * in the same run, with the goal it is held against.
 *
 * <p>Compiled together with AppendBenchmark.java and ReadBenchmark.java (bench/ledger.sh does it through
 * bench/run.sh and BENCH_SHARED). Run from the repository root: {@code bench/ledger.sh --help}.
 */
public final class LedgerBenchmark {

    static final String USAGE = String.join("\n",
            "usage: bench/ledger.sh [options]",
            "  --events N              events of the generated store of the read phases (default 1000000)",
            "  --clients N             concurrent clients of the query phase, HTTP and JDBC (default 8)",
            "  --append-clients N      concurrent HTTP clients and raw INSERT connections of the append phase",
            "                          (default 16)",
            "  --raw-batch N           rows per statement of the raw batched INSERT ceiling (default 100)",
            "  --jvm-opt OPT           JVM option of the ledger, repeatable (default, when none is given:",
            "                          -Xmx512m -XX:+UseParallelGC, see docs/benchmarks.md)",
            "  --skip-append           skip the append phase",
            "  --skip-read             skip the read phases",
            "  --with-lag              also run the read benchmark's projection and checkpoint lag phase",
            "  --with-proofs           also measure inclusion proofs and history pages in the audit phase",
            "  --smoke                 a development run of a few minutes: 20000 events, 1 s raw warm-up, 10 s HTTP",
            "                          warm-up, 5 s measured windows, 1 verification run (later options override it)",
            "  --append-arg ARG        pass ARG on to the append phase (bench/append.sh --help), repeatable",
            "  --read-arg ARG          pass ARG on to the read phases (bench/read.sh --help), repeatable",
            "  --pg-port N, --pg-user NAME, --pg-password SECRET, --out DIR, --jar PATH",
            "                          passed on to both (defaults 5432, postgres, empty, target/bench,",
            "                          ledger-api/target/ledger-api.jar)",
            "  --help                  this text");

    static final List<String> SMOKE_APPEND = List.of("--raw-warmup", "1", "--http-warmup", "10", "--duration", "5");
    static final List<String> SMOKE_READ = List.of("--events", "20000", "--query-warmup", "2", "--query-duration",
            "5", "--verify-runs", "1", "--audit-warmup", "1", "--audit-duration", "2", "--lag-warmup", "2",
            "--lag-duration", "5");

    // Goals of the issue the table is held against.
    static final double APPEND_GOAL_PER_SECOND = 5_000;
    static final double APPEND_GOAL_P99_MS = 15;
    static final double APPEND_GOAL_RATIO = 0.5;
    static final double IMPORT_GOAL_PER_SECOND = 50_000;
    static final double REBUILD_GOAL_SECONDS = 30;
    static final double QUERY_GOAL_P99_MS = 10;
    static final double VERIFY_GOAL_SECONDS = 10;
    static final double MEMORY_GOAL_MIB = 512;

    /** What the command line asks for, as the argument lists of the two programs. */
    record Plan(List<String> appendArgs, List<String> readArgs, boolean append, boolean read, boolean smoke,
                List<String> command) {

        static Plan parse(String[] args) {
            List<String> append = new ArrayList<>(List.of("--no-idempotent", "--raw-batch", "100"));
            List<String> read = new ArrayList<>(List.of("--skip-lag", "--skip-proofs"));
            List<String> jvm = new ArrayList<>();
            boolean doAppend = true;
            boolean doRead = true;
            boolean smoke = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--help", "-h" -> throw new AppendBenchmark.UsageException(null);
                    case "--skip-append" -> doAppend = false;
                    case "--skip-read" -> doRead = false;
                    case "--with-lag" -> read.remove("--skip-lag");
                    case "--with-proofs" -> read.remove("--skip-proofs");
                    case "--smoke" -> {
                        smoke = true;
                        append.addAll(SMOKE_APPEND);
                        read.addAll(SMOKE_READ);
                    }
                    default -> {
                        if (i + 1 >= args.length || !arg.startsWith("--")) {
                            throw new AppendBenchmark.UsageException("unknown argument " + arg
                                    + (arg.startsWith("--") ? " or no value after it" : ""));
                        }
                        String value = args[++i];
                        switch (arg) {
                            case "--events" -> read.addAll(List.of(arg, value));
                            case "--clients" -> read.addAll(List.of(arg, value));
                            case "--append-clients" -> append.addAll(List.of("--clients", value));
                            case "--raw-batch" -> append.addAll(List.of(arg, value));
                            case "--jvm-opt" -> jvm.add(value);
                            case "--append-arg" -> append.add(value);
                            case "--read-arg" -> read.add(value);
                            case "--pg-port", "--pg-user", "--pg-password", "--out", "--jar" -> {
                                append.addAll(List.of(arg, value));
                                read.addAll(List.of(arg, value));
                            }
                            default -> throw new AppendBenchmark.UsageException("unknown argument " + arg);
                        }
                    }
                }
            }
            if (jvm.isEmpty()) {
                jvm.addAll(List.of("-Xmx512m", "-XX:+UseParallelGC"));
            }
            for (String option : jvm) {
                append.addAll(List.of("--jvm-opt", option));
                read.addAll(List.of("--jvm-opt", option));
            }
            return new Plan(List.copyOf(append), List.copyOf(read), doAppend, doRead, smoke, List.of(args));
        }
    }

    public static void main(String[] args) {
        Plan plan;
        AppendBenchmark.Options appendOptions;
        ReadBenchmark.Options readOptions;
        try {
            plan = Plan.parse(args);
            appendOptions = AppendBenchmark.Options.parse(plan.appendArgs().toArray(String[]::new));
            readOptions = ReadBenchmark.Options.parse(plan.readArgs().toArray(String[]::new));
        } catch (AppendBenchmark.UsageException | ReadBenchmark.UsageException e) {
            if (e.getMessage() != null) {
                System.err.println("ledger benchmark: " + e.getMessage());
            }
            System.err.println(USAGE);
            System.exit(e.getMessage() == null ? 0 : 2);
            return;
        }
        System.exit(new LedgerBenchmark(plan, appendOptions, readOptions).run());
    }

    private final Plan plan;
    private final AppendBenchmark.Options appendOptions;
    private final ReadBenchmark.Options readOptions;
    private final MemorySampler memory = new MemorySampler();

    LedgerBenchmark(Plan plan, AppendBenchmark.Options appendOptions, ReadBenchmark.Options readOptions) {
        this.plan = plan;
        this.appendOptions = appendOptions;
        this.readOptions = readOptions;
    }

    int run() {
        Instant started = Instant.now();
        String machineAtStart = "load average " + AppendBenchmark.loadAverage();
        memory.start();
        AppendBenchmark.Outcome append = null;
        ReadBenchmark.Outcome read = null;
        try {
            if (plan.append()) {
                AppendBenchmark.log("ledger benchmark: append phase");
                AppendBenchmark bench = new AppendBenchmark(appendOptions);
                bench.onLedgerUp = memory::ledgerUp;
                bench.onLedgerStopping = memory::ledgerStopping;
                bench.onPhase = memory::phase;
                append = bench.execute();
            }
            if (plan.read()) {
                AppendBenchmark.log("ledger benchmark: read phases on " + readOptions.events() + " events");
                ReadBenchmark bench = new ReadBenchmark(readOptions);
                bench.onLedgerUp = memory::ledgerUp;
                bench.onLedgerStopping = memory::ledgerStopping;
                bench.onPhase = memory::phase;
                read = bench.execute();
            }
        } finally {
            memory.stop();
        }
        Instant ended = Instant.now();

        List<String[]> table = new ArrayList<>();
        if (append != null) {
            table.add(appendRow(append));
        }
        if (read != null) {
            table.addAll(readRows(read));
        }
        table.add(memoryRow());
        printReport(started, ended, machineAtStart, table, append, read);

        List<String> failures = new ArrayList<>();
        if (append != null) {
            append.failures().forEach(f -> failures.add("append: " + f));
        }
        if (read != null) {
            read.failures().forEach(f -> failures.add("read: " + f));
        }
        memory.failures().forEach(f -> failures.add("memory: " + f));
        System.out.println();
        return AppendBenchmark.exitStatus(failures);
    }

    // ----------------------------------------------------------------------------------------------------------
    // Rows of the table: measure, figure, p50 ms, p99 ms, raw ceiling, ratio, goal, met

    private static String[] row(String measure, String figure, String p50, String p99, String ceiling, String ratio,
                                String goal, Boolean met) {
        return new String[] {measure, figure, p50, p99, ceiling, ratio, goal, met == null ? "-" : met ? "yes" : "no"};
    }

    static String ms(double millis) {
        return Double.isNaN(millis) ? "-" : String.format(Locale.ROOT, "%.1f", millis);
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private String[] appendRow(AppendBenchmark.Outcome outcome) {
        String measure = "command append through HTTP, " + appendOptions.clients() + " clients";
        List<AppendBenchmark.Result> results = outcome.results();
        AppendBenchmark.Result http = results.stream().filter(r -> r.scenario().startsWith("HTTP")).findFirst()
                .orElse(null);
        if (results.isEmpty() || http == null) {
            return row(measure, "not measured (see the failures)", "-", "-", "-", "-", "-", null);
        }
        AppendBenchmark.Result single = results.get(0);
        AppendBenchmark.Result batched = results.size() > 1 && results.get(1).scenario().startsWith("raw batched")
                ? results.get(1) : null;
        double ratio = http.opsPerSecond() / single.opsPerSecond();
        String ceiling = f("single-row INSERT (autocommit), %d threads: %,.0f rows/s, p99 %s ms", single.concurrency(),
                single.opsPerSecond(), ms(single.p99()))
                + (batched == null ? "" : f("; batched INSERT (%d rows per statement), %d threads: %,.0f rows/s",
                appendOptions.rawBatch(), batched.concurrency(), batched.opsPerSecond()));
        boolean met = http.opsPerSecond() >= APPEND_GOAL_PER_SECOND && http.p99() <= APPEND_GOAL_P99_MS
                && ratio >= APPEND_GOAL_RATIO;
        return row(measure, f("%,.0f commands/s (%d s measured)", http.opsPerSecond(), appendOptions.duration()),
                ms(http.p50()), ms(http.p99()), ceiling, f("%.2f of single-row", ratio)
                        + (batched == null ? "" : f(", %.3f of batched", http.opsPerSecond() / batched.opsPerSecond())),
                ">= 5,000/s at p99 <= 15 ms, ratio >= 0.5", met);
    }

    private List<String[]> readRows(ReadBenchmark.Outcome outcome) {
        List<String[]> rows = new ArrayList<>();
        long events = readOptions.events();
        ReadBenchmark.BulkLoad bulk = outcome.bulkLoad();
        if (bulk != null) {
            rows.add(row("bulk import of historical events (COPY into domain_event_entry)",
                    f("%,.0f events/s (%,d events in %.1f s)", bulk.rate(), bulk.events(), bulk.seconds()), "-", "-",
                    f("COPY into a plain table of the same shape: %,.0f rows/s", bulk.rawRate()),
                    f("%.2f", bulk.rate() / bulk.rawRate()), ">= 50,000 events/s",
                    bulk.rate() >= IMPORT_GOAL_PER_SECOND));
        }
        Double scan = outcome.scanSeconds();
        String scanText = scan == null ? "-" : f("raw full scan %.1f s (%,.0f rows/s)", scan, events / scan);
        if (outcome.catchUpSeconds() != null) {
            double s = outcome.catchUpSeconds();
            rows.add(row(f("live catch-up of %,d events (informational)", events),
                    f("%.1f s from the ledger's start (%,.0f events/s)", s, events / s), "-", "-", scanText,
                    scan == null ? "-" : f("%.3f of the scan's rate", scan / s), "-", null));
        }
        ReadBenchmark.Verification verification = outcome.verification();
        if (verification != null) {
            double median = verification.median();
            rows.add(row(f("full verification of %,d events", verification.events()),
                    f("median %.1f s of %d runs (min %.1f s)", median, verification.seconds().length,
                            verification.seconds()[0]), "-", "-",
                    f("JDBC scan of every column with SHA-256 per row: median %.1f s", verification.scanMedian()),
                    f("%.2f of the scan's rate", verification.scanMedian() / median), "<= 10 s",
                    median <= VERIFY_GOAL_SECONDS));
        }
        ReadBenchmark.Rebuild rebuild = outcome.rebuild();
        if (rebuild != null) {
            double s = rebuild.seconds();
            rows.add(Double.isNaN(s)
                    ? row(f("rebuild of %,d events", events), rebuild.ledgerSays(), "-", "-", scanText, "-",
                    "<= 30 s", null)
                    : row(f("rebuild of all read models, %,d events", events),
                    f("%.1f s (%,.0f events/s)", s, events / s), "-", "-", scanText,
                    scan == null ? "-" : f("%.3f of the scan's rate (%.1f times its time)", scan / s, s / scan),
                    "<= 30 s", s <= REBUILD_GOAL_SECONDS));
        }
        ReadBenchmark.Queries queries = outcome.queries();
        if (queries != null) {
            for (int axis = 0; axis < ReadBenchmark.AXES.length; axis++) {
                rows.add(queryRow(queries, axis, events));
            }
        }
        return rows;
    }

    /** One summary row of an axis: p50 and p99 of all its answers, the worst and best kind by p99. */
    private String[] queryRow(ReadBenchmark.Queries queries, int axis, long events) {
        int kinds = ReadBenchmark.QUERY_KINDS.length;
        IntFunction<Integer> bucket = kind -> kind * ReadBenchmark.AXES.length + axis;
        long[] http = merged(queries.http(), kinds, bucket);
        long[] jdbc = merged(queries.jdbc(), kinds, bucket);
        int worst = 0;
        int best = 0;
        for (int kind = 1; kind < kinds; kind++) {
            if (p99(queries.http()[bucket.apply(kind)]) > p99(queries.http()[bucket.apply(worst)])) {
                worst = kind;
            }
            if (p99(queries.http()[bucket.apply(kind)]) < p99(queries.http()[bucket.apply(best)])) {
                best = kind;
            }
        }
        double worstP99 = p99(queries.http()[bucket.apply(worst)]);
        String figure = f("%,d answers, %.0f/s; p99 by kind: worst %s ms (%s), best %s ms (%s)", http.length,
                http.length / queries.seconds(), ms(worstP99), ReadBenchmark.QUERY_KINDS[worst],
                ms(p99(queries.http()[bucket.apply(best)])), ReadBenchmark.QUERY_KINDS[best]);
        double[] jdbcByKind = new double[kinds];
        for (int kind = 0; kind < kinds; kind++) {
            jdbcByKind[kind] = p99(queries.jdbc()[bucket.apply(kind)]);
        }
        String ceiling = f("the same SQL over JDBC, %d threads: p50 %s, p99 %s ms; p99 by kind %s to %s ms",
                readOptions.clients(), ms(AppendBenchmark.Samples.percentileMillis(jdbc, 50)), ms(p99(jdbc)),
                ms(Arrays.stream(jdbcByKind).min().orElse(Double.NaN)),
                ms(Arrays.stream(jdbcByKind).max().orElse(Double.NaN)));
        return row(f("point-in-time query p99 (%s), %d clients, %,d events", ReadBenchmark.AXES[axis],
                        readOptions.clients(), events), figure, ms(AppendBenchmark.Samples.percentileMillis(http, 50)),
                ms(p99(http)), ceiling, f("p99 %.1f times JDBC", p99(http) / p99(jdbc)),
                "p99 <= 10 ms, every kind", worstP99 <= QUERY_GOAL_P99_MS);
    }

    private static long[] merged(long[][] buckets, int kinds, IntFunction<Integer> bucket) {
        List<long[]> parts = new ArrayList<>();
        for (int kind = 0; kind < kinds; kind++) {
            parts.add(buckets[bucket.apply(kind)]);
        }
        long[] all = parts.stream().flatMapToLong(Arrays::stream).toArray();
        Arrays.sort(all);
        return all;
    }

    private static double p99(long[] sorted) {
        return AppendBenchmark.Samples.percentileMillis(sorted, 99);
    }

    private String[] memoryRow() {
        long peak = memory.peakRssKb();
        long hwm = memory.peakHwmKb();
        if (peak < 0) {
            return row("resident memory of the ledger, peak", "not sampled (no ledger ran)", "-", "-", "-", "-",
                    "<= 512 MiB", null);
        }
        double mib = Math.max(peak, hwm) / 1024.0;
        return row("resident memory of the ledger under load, peak",
                f("VmRSS %.0f MiB sampled every 250 ms (%s); VmHWM %s", peak / 1024.0, memory.peakPhase(),
                        hwm < 0 ? "not read" : f("%.0f MiB", hwm / 1024.0)), "-", "-",
                "- (no PostgreSQL ceiling; JVM " + String.join(" ", appendOptions.jvmOpts()) + ")",
                f("%.2f of the goal", mib / MEMORY_GOAL_MIB), "<= 512 MiB (the higher of VmRSS peak and VmHWM)",
                mib <= MEMORY_GOAL_MIB);
    }

    // ----------------------------------------------------------------------------------------------------------
    // Report

    private void printReport(Instant started, Instant ended, String machineAtStart, List<String[]> table,
                             AppendBenchmark.Outcome append, ReadBenchmark.Outcome read) {
        System.out.println();
        System.out.println("Ledger benchmark, " + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                started.atOffset(ZoneOffset.UTC).withNano(0)) + (plan.smoke() ? ", SMOKE RUN (--smoke)" : "")
                + ", " + (plan.read() ? readOptions.events() + " events" : "read phases skipped")
                + (plan.append() ? "" : ", append phase skipped"));
        System.out.println();
        System.out.println("| measure | figure | p50 ms | p99 ms | raw PostgreSQL ceiling, same run | ratio | goal "
                + "| met |");
        System.out.println("|---|---|---:|---:|---|---|---|---|");
        for (String[] r : table) {
            System.out.println("| " + String.join(" | ", r) + " |");
        }
        System.out.println();
        System.out.println("- machine: " + AppendBenchmark.cpu() + ", " + AppendBenchmark.memTotal() + " of RAM; "
                + machineAtStart + " at the start, " + AppendBenchmark.loadAverage() + " at the end");
        System.out.println("- PostgreSQL: " + postgresSettings());
        System.out.println("- JDK " + System.getProperty("java.version") + "; ledger JVM options: "
                + String.join(" ", appendOptions.jvmOpts()));
        System.out.println("- commit: " + AppendBenchmark.gitCommit());
        Duration took = Duration.between(started, ended);
        System.out.println(f("- duration of the run: %d min %02d s (build excluded); command: bench/ledger.sh %s",
                took.toMinutes(), took.toSecondsPart(), String.join(" ", plan.command())));
        System.out.println("- goals not met are reported, not failed; the exit status is 0 only if every request "
                + "succeeded and every check held");
        if (append != null) {
            System.out.println("- append phase: " + append.server() + "; raw warm-up " + appendOptions.rawWarmup()
                    + " s, HTTP warm-up " + appendOptions.httpWarmup() + " s, each measured " + appendOptions.duration()
                    + " s; sealing " + (appendOptions.sealing() ? "on" : "off"));
            for (AppendBenchmark.Result r : append.results()) {
                System.out.println(f("  - %s, %d: %,.0f/s, p50 %s ms, p99 %s ms, %d errors %s; CPU %s", r.scenario(),
                        r.concurrency(), r.opsPerSecond(), ms(r.p50()), ms(r.p99()), r.errors(), r.details(),
                        r.cpu()));
            }
            append.notes().forEach(n -> System.out.println("  - " + n));
        }
        if (read != null) {
            System.out.println("- read phases: " + read.server() + "; query warm-up " + readOptions.queryWarmup()
                    + " s and " + readOptions.queryDuration() + " s measured, HTTP then JDBC; " + readOptions
                    .verifyRuns() + " verification runs" + (readOptions.skipLag() ? "; lag phase skipped" : "")
                    + (readOptions.skipProofs() ? "; proofs and history pages skipped" : ""));
            for (ReadBenchmark.Row r : read.rows()) {
                System.out.println("  - " + r.scenario() + ": " + r.figure() + "; p50 " + r.p50() + " ms, p99 "
                        + r.p99() + " ms; baseline " + r.baseline() + "; " + r.verdict());
            }
            read.notes().forEach(n -> System.out.println("  - " + n));
        }
        System.out.println("- resident memory of the ledger per phase (peak VmRSS of the samples, MiB): "
                + memory.describePhases());
        memory.ends().forEach(e -> System.out.println("  - " + e));
    }

    /** Version and the settings that weigh on these figures, read from the server itself. */
    private String postgresSettings() {
        Properties props = new Properties();
        props.setProperty("user", appendOptions.pgUser());
        props.setProperty("password", appendOptions.pgPassword());
        props.setProperty("ApplicationName", "ledger-benchmark");
        String url = "jdbc:postgresql://" + AppendBenchmark.LOOPBACK + ":" + appendOptions.pgPort() + "/postgres";
        try (Connection c = DriverManager.getConnection(url, props)) {
            StringBuilder text = new StringBuilder(AppendBenchmark.serverSetting(c, "server_version") + " on "
                    + AppendBenchmark.LOOPBACK);
            for (String name : List.of("shared_buffers", "work_mem", "max_connections", "synchronous_commit",
                    "fsync", "wal_level", "max_wal_size", "checkpoint_timeout")) {
                text.append(", ").append(name).append('=').append(AppendBenchmark.serverSetting(c, name));
            }
            return text.toString();
        } catch (SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    // ----------------------------------------------------------------------------------------------------------
    // Resident memory of the ledger processes, from /proc/<pid>/status

    /**
     * Samples VmRSS of the ledger process that is up, every 250 ms, under the name of the phase that runs; reads
     * VmHWM (the kernel's peak resident set) of each ledger process just before it is stopped.
     */
    static final class MemorySampler {
        private volatile Process ledger;
        private volatile String phase = "start";
        private final Map<String, long[]> byPhase = Collections.synchronizedMap(new LinkedHashMap<>());
        private final List<String> ends = Collections.synchronizedList(new ArrayList<>());
        private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        private volatile long peakHwm = -1;
        private volatile boolean running;
        private Thread thread;

        void start() {
            running = true;
            thread = new Thread(() -> {
                while (running) {
                    sample();
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "memory-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() {
            running = false;
            if (thread != null) {
                thread.interrupt();
            }
        }

        void phase(String name) {
            phase = name;
        }

        void ledgerUp(Process process) {
            ledger = process;
            sample();
        }

        void ledgerStopping(Process process) {
            sample();
            long hwm = statusKb(process.pid(), "VmHWM");
            long rss = statusKb(process.pid(), "VmRSS");
            if (hwm < 0) {
                failures.add("could not read VmHWM of ledger pid " + process.pid() + " from /proc");
            } else {
                peakHwm = Math.max(peakHwm, hwm);
            }
            ends.add(f("ledger pid %d, stopped in phase \"%s\": VmHWM %s, VmRSS %s at the stop", process.pid(),
                    phase, hwm < 0 ? "unknown" : f("%.0f MiB", hwm / 1024.0),
                    rss < 0 ? "unknown" : f("%.0f MiB", rss / 1024.0)));
            if (ledger == process) {
                ledger = null;
            }
        }

        private void sample() {
            Process p = ledger;
            if (p == null || !p.isAlive()) {
                return;
            }
            long kb = statusKb(p.pid(), "VmRSS");
            if (kb < 0) {
                return;
            }
            byPhase.compute(phase, (name, peak) -> peak == null ? new long[] {kb, 1}
                    : new long[] {Math.max(peak[0], kb), peak[1] + 1});
        }

        /** A "kB" line of /proc/<pid>/status, in kB; -1 when it cannot be read. */
        static long statusKb(long pid, String key) {
            try {
                for (String line : Files.readAllLines(Paths.get("/proc", Long.toString(pid), "status"))) {
                    if (line.startsWith(key + ":")) {
                        return Long.parseLong(line.substring(key.length() + 1).replace("kB", "").trim());
                    }
                }
            } catch (IOException | RuntimeException e) {
                return -1;
            }
            return -1;
        }

        long peakRssKb() {
            synchronized (byPhase) {
                return byPhase.values().stream().mapToLong(v -> v[0]).max().orElse(-1);
            }
        }

        String peakPhase() {
            synchronized (byPhase) {
                return byPhase.entrySet().stream().max((a, b) -> Long.compare(a.getValue()[0], b.getValue()[0]))
                        .map(e -> "in " + e.getKey()).orElse("-");
            }
        }

        long peakHwmKb() {
            return peakHwm;
        }

        String describePhases() {
            synchronized (byPhase) {
                if (byPhase.isEmpty()) {
                    return "no samples";
                }
                List<String> parts = new ArrayList<>();
                byPhase.forEach((name, v) -> parts.add(f("%s %.0f (%d samples)", name, v[0] / 1024.0, v[1])));
                return String.join("; ", parts);
            }
        }

        List<String> ends() {
            return List.copyOf(ends);
        }

        List<String> failures() {
            return List.copyOf(failures);
        }
    }
}
