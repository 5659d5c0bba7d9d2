import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Several ledger nodes over one PostgreSQL, with faults: SIGKILL of one node and a restart of PostgreSQL under load.
 *
 * <p>In a fresh database it starts three ledger JVMs on loopback (same database, same checkpoint key file, same
 * bootstrap admin key, each its own data directory), sends commands round-robin to all of them from several client
 * threads (new demands, compliances, fines and throttlings, so that every read model gets rows, each with its own
 * Idempotency-Key; a request that fails with no answer, a 5xx or a 409 is sent again with the same key to the next
 * node), kills the node holding the most processor segments with SIGKILL, restarts PostgreSQL once, keeps loading,
 * and then checks that
 * (a) every acknowledged command's event is in the event store exactly once and nothing else was appended,
 * (b) the segments the killed node held were claimed by a surviving node within 15 s,
 * (c) every read model's live table set equals, row for row, the set a fresh rebuild makes, and
 * (d) the audit log still verifies. It prints a Markdown report, stops the nodes, drops the database and exits
 * non-zero when a check fails.
 *
 * <p>It is compiled together with AppendBenchmark.java, whose request bodies and small helpers it uses. Run from the
 * repository root as root (it restarts the PostgreSQL server): bench/faults.sh [options].
 */
public final class FaultTest {

    static final String ADMIN_KEY = "faults-" + UUID.randomUUID() + "-" + UUID.randomUUID();
    static final String LOOPBACK = AppendBenchmark.LOOPBACK;
    static final long TAKEOVER_LIMIT_MS = 15_000;

    static final String USAGE = String.join("\n",
            "usage: bench/faults.sh [options]",
            "  --jar PATH          ledger jar (default ledger-api/target/ledger-api.jar)",
            "  --nodes N           ledger nodes (default 3, at least 2)",
            "  --clients N         client threads (default 6)",
            "  --before-kill S     seconds of load before the SIGKILL (default 15)",
            "  --after-restart S   seconds of load after PostgreSQL is back (default 15)",
            "  --pg-port N         PostgreSQL port on 127.0.0.1 (default 5432)",
            "  --pg-user NAME      PostgreSQL user allowed to create databases (default postgres)",
            "  --out DIR           where the node logs go (default target/bench)",
            "  --start-timeout S   how long to wait for a node's health UP (default 180)",
            "  --help              this text");

    record Options(Path jar, int nodes, int clients, int beforeKill, int afterRestart, int pgPort, String pgUser,
                   Path out, int startTimeout) {
        static Options parse(String[] args) {
            Map<String, String> v = new HashMap<>();
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--help") || args[i].equals("-h")) {
                    throw new IllegalArgumentException("");
                }
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("bad argument " + args[i]);
                }
                v.put(args[i], args[++i]);
            }
            for (String k : v.keySet()) {
                if (!USAGE.contains(k + " ")) {
                    throw new IllegalArgumentException("unknown argument " + k);
                }
            }
            return new Options(Paths.get(v.getOrDefault("--jar", "ledger-api/target/ledger-api.jar")),
                    Math.max(2, Integer.parseInt(v.getOrDefault("--nodes", "3"))),
                    Integer.parseInt(v.getOrDefault("--clients", "6")),
                    Integer.parseInt(v.getOrDefault("--before-kill", "15")),
                    Integer.parseInt(v.getOrDefault("--after-restart", "15")),
                    Integer.parseInt(v.getOrDefault("--pg-port", "5432")),
                    v.getOrDefault("--pg-user", "postgres"),
                    Paths.get(v.getOrDefault("--out", "target/bench")),
                    Integer.parseInt(v.getOrDefault("--start-timeout", "180")));
        }
    }

    /** A failure that ends the run with a message (no stack trace). */
    static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message);
        }
    }

    /** One ledger JVM. */
    static final class Node {
        final int index;
        final int port;
        final Path log;
        volatile Process process;
        volatile boolean killed;

        Node(int index, int port, Path log) {
            this.index = index;
            this.port = port;
            this.log = log;
        }

        String base() {
            return "http://" + LOOPBACK + ":" + port;
        }

        String owner() {
            return process.pid() + "@";
        }
    }

    /** An acknowledged command: its key, the node that answered 201, its stream and event. */
    enum Kind { NEW_DEMAND, COMPLIANCE, FINE, THROTTLING }

    record Ack(String key, Kind kind, String streamId, List<String> eventIds, int attempts, boolean replayed) {
    }

    private final Options options;
    private volatile long loadStarted;
    private final String database = "ledger_faults_" + System.currentTimeMillis() + "_" + ProcessHandle.current().pid();
    private final Path runDir;
    private final List<Node> nodes = new ArrayList<>();
    private final AtomicBoolean cleanedUp = new AtomicBoolean();
    private volatile boolean databaseCreated;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();

    // load state
    private final List<Ack> acks = Collections.synchronizedList(new ArrayList<>());
    private final List<String> streams = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger roundRobin = new AtomicInteger();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong retriedCommands = new AtomicLong();
    private final AtomicLong gaveUp = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final Map<String, AtomicLong> failuresSeen = new ConcurrentHashMap<>();
    private final List<String> refusals = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean loadStopping;

    FaultTest(Options options) {
        this.options = options;
        this.runDir = options.out().resolve(database).toAbsolutePath();
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println("fault test: " + e.getMessage());
            }
            System.err.println(USAGE);
            System.exit(e.getMessage().isEmpty() ? 0 : 2);
            return;
        }
        System.exit(new FaultTest(options).run());
    }

    int run() {
        Map<String, String> phases = new LinkedHashMap<>();
        List<String> figures = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Thread hook = new Thread(this::cleanUp, "fault-test-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        Instant started = Instant.now();
        try {
            if (!"0".equals(AppendBenchmark.run("id", "-u"))) {
                throw new Failure("the fault test restarts the PostgreSQL server with pg_ctlcluster and must run as "
                        + "root (it runs as uid " + AppendBenchmark.run("id", "-u") + ")");
            }
            if (!Files.isRegularFile(options.jar())) {
                throw new Failure("ledger jar " + options.jar() + " not found (bench/faults.sh builds it)");
            }
            Files.createDirectories(runDir);
            long t = System.nanoTime();
            createDatabase();
            startNodes();
            phases.put("start " + options.nodes() + " nodes", seconds(t));

            long baseRows = scalar("SELECT count(*) FROM domain_event_entry");
            long baseKeys = scalar("SELECT count(*) FROM idempotency_record");

            // Load, then the faults while it runs.
            t = System.nanoTime();
            loadStarted = t;
            List<Thread> clients = new ArrayList<>();
            for (int i = 0; i < options.clients(); i++) {
                Thread c = new Thread(this::clientLoop, "client-" + i);
                clients.add(c);
                c.start();
            }
            Thread.sleep(TimeUnit.SECONDS.toMillis(options.beforeKill()));
            phases.put("load before the kill", seconds(t));
            long spread = waitForSpread();
            if (spread < 0) {
                failures.add("the segments were not spread over all " + options.nodes() + " nodes within 60 s of the"
                        + " load's start; owners: " + describeOwners(tokenOwners()));
            } else {
                figures.add(String.format(Locale.ROOT, "every node held at least one processor segment before the kill"
                        + " (checked %.1f s into the load)", spread / 1000.0));
            }
            Map<String, String> ownersBefore = tokenOwners();
            figures.add("segment owners before the kill: " + describeOwners(ownersBefore));
            Node victim = mostSegments(ownersBefore);
            long acksAtKill = acks.size();
            t = System.nanoTime();
            AppendBenchmark.log("SIGKILL to node " + victim.index + " (pid " + victim.process.pid() + ")");
            victim.killed = true;
            victim.process.destroyForcibly();
            victim.process.waitFor(10, TimeUnit.SECONDS);
            List<String> victimSegments = new ArrayList<>();
            ownersBefore.forEach((segment, owner) -> {
                if (owner != null && owner.startsWith(victim.owner())) {
                    victimSegments.add(segment);
                }
            });
            long takeover = waitForTakeover(victimSegments, victim, t);
            Map<String, String> ownersAfter = tokenOwners();
            figures.add("node " + victim.index + " killed (SIGKILL) after " + acksAtKill + " acknowledged commands; it"
                    + " held " + (victimSegments.isEmpty() ? "no segment" : String.join(", ", victimSegments)));
            if (victimSegments.isEmpty()) {
                figures.add("takeover: nothing to take over");
            } else if (takeover < 0) {
                failures.add("the segments of the killed node (" + victimSegments + ") were not all claimed by a "
                        + "surviving node within 60 s; owners: " + describeOwners(tokenOwners()));
            } else {
                figures.add(String.format(Locale.ROOT, "takeover: every segment of the killed node claimed by a "
                        + "surviving node %.1f s after the SIGKILL (limit 15 s)", takeover / 1000.0));
                if (takeover > TAKEOVER_LIMIT_MS) {
                    failures.add(String.format(Locale.ROOT, "takeover took %.1f s, more than 15 s",
                            takeover / 1000.0));
                }
            }
            figures.add("segment owners after the takeover: " + describeOwners(ownersAfter));
            phases.put("SIGKILL to takeover", seconds(t));

            Thread.sleep(2000);
            t = System.nanoTime();
            String version = AppendBenchmark.run("ls", "/etc/postgresql");
            AppendBenchmark.log("restarting PostgreSQL " + version);
            long acksAtRestart = acks.size();
            restartPostgres(version);
            waitForPostgres();
            phases.put("PostgreSQL restart", seconds(t));
            figures.add("PostgreSQL restarted after " + acksAtRestart + " acknowledged commands");
            t = System.nanoTime();
            Thread.sleep(TimeUnit.SECONDS.toMillis(options.afterRestart()));
            loadStopping = true;
            for (Thread c : clients) {
                c.join(TimeUnit.SECONDS.toMillis(180));
                if (c.isAlive()) {
                    throw new Failure(c.getName() + " still retrying 180 s after the load ended");
                }
            }
            phases.put("load after the restart (and the last retries)", seconds(t));

            // Checks.
            t = System.nanoTime();
            List<Node> alive = survivors();
            for (Node n : alive) {
                waitForHealth(n, 120);
            }
            checkEventStore(baseRows, baseKeys, figures, failures);
            phases.put("check the event store", seconds(t));

            t = System.nanoTime();
            waitForCatchUp(alive, 120);
            phases.put("processors catch up", seconds(t));
            figures.add("segment owners at the end: " + describeOwners(tokenOwners()));

            t = System.nanoTime();
            compareWithRebuild(alive.get(0), figures, failures);
            phases.put("rebuild and compare", seconds(t));

            t = System.nanoTime();
            checkAudit(alive.get(alive.size() - 1), figures, failures);
            phases.put("audit seal and verify", seconds(t));
        } catch (Failure e) {
            failures.add(e.getMessage());
        } catch (Exception e) {
            failures.add("unexpected " + e);
            e.printStackTrace();
        } finally {
            loadStopping = true;
            cleanUp();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs already
            }
        }
        report(started, phases, figures, failures);
        return failures.isEmpty() ? 0 : 1;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Nodes

    private void startNodes() throws Exception {
        Path keyFile = runDir.resolve("audit-signing-key.pem");
        int port = 18180;
        for (int i = 0; i < options.nodes(); i++) {
            while (!AppendBenchmark.portFree(port)) {
                port++;
            }
            nodes.add(new Node(i, port, runDir.resolve("node-" + i + ".log")));
            port++;
        }
        // The first node creates the checkpoint key file the others read.
        start(nodes.get(0), keyFile);
        waitForHealth(nodes.get(0), options.startTimeout());
        for (Node n : nodes.subList(1, nodes.size())) {
            start(n, keyFile);
        }
        for (Node n : nodes.subList(1, nodes.size())) {
            waitForHealth(n, options.startTimeout());
        }
    }

    private void start(Node node, Path keyFile) throws IOException {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xmx512m", "-jar",
                options.jar().toAbsolutePath().toString());
        Map<String, String> env = builder.environment();
        env.put("SPRING_DATASOURCE_URL", jdbcUrl(database));
        env.put("SPRING_DATASOURCE_USERNAME", options.pgUser());
        env.put("SPRING_DATASOURCE_PASSWORD", "");
        env.put("PORT", Integer.toString(node.port));
        env.put("SERVER_ADDRESS", LOOPBACK);
        env.put("LEDGER_DATA_DIR", runDir.resolve("node-" + node.index + "-data").toString());
        env.put("LEDGER_ADMIN_API_KEY", ADMIN_KEY);
        env.put("LEDGER_AUDIT_KEY_FILE", keyFile.toString());
        env.remove("LEDGER_AUDIT_SIGNING_KEY");
        env.remove("LEDGER_AUDIT_PUBLIC_KEY");
        builder.redirectErrorStream(true);
        builder.redirectOutput(node.log.toFile());
        node.process = builder.start();
        AppendBenchmark.log("node " + node.index + ": port " + node.port + ", pid " + node.process.pid() + ", log "
                + node.log);
    }

    private void waitForHealth(Node node, int timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!node.process.isAlive()) {
                throw new Failure("node " + node.index + " exited with status " + node.process.exitValue()
                        + "; see " + node.log);
            }
            try {
                HttpResponse<String> answer = get(node, "/actuator/health");
                String body = answer.body();
                int readModels = body.indexOf("\"readModels\"");
                last = answer.statusCode() + " " + (readModels < 0 ? shorten(body) : body.substring(readModels));
                if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                    AppendBenchmark.log("node " + node.index + " is UP");
                    return;
                }
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(250);
        }
        Path threads = node.log.resolveSibling("node-" + node.index + "-threads.txt");
        String dump = AppendBenchmark.run("jcmd", Long.toString(node.process.pid()), "Thread.print");
        try {
            Files.writeString(threads, dump == null ? "jcmd gave no thread dump" : dump);
        } catch (IOException e) {
            threads = null;
        }
        throw new Failure("node " + node.index + " not UP within " + timeoutSeconds + " s (last: " + last + "); see "
                + node.log + (threads == null ? "" : " and its threads in " + threads));
    }

    private List<Node> survivors() {
        return nodes.stream().filter(n -> !n.killed).toList();
    }

    private HttpResponse<String> get(Node node, String path) throws IOException, InterruptedException {
        return http.send(authorized(node, path).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder authorized(Node node, String path) {
        return HttpRequest.newBuilder(URI.create(node.base() + path)).header("Authorization", "Bearer " + ADMIN_KEY)
                .header("Accept", "application/json");
    }

    // ------------------------------------------------------------------------------------------------------------
    // Load

    static final Pattern EVENT_ID = Pattern.compile("\"eventId\"\\s*:\\s*\"([^\"]+)\"");

    static final String FINE = "{\"jurisdiction\":\"RU\",\"authority\":\"Magistrate court\",\"legalEntityId\":\"%s\","
            + "\"platform\":\"twitter\",\"amount\":{\"minor\":320000000,\"currency\":\"RUB\"},"
            + String.format(Locale.ROOT, AppendBenchmark.ENVELOPE, "2021-04-02") + "}";
    static final String THROTTLING = "{\"authority\":\"Roskomnadzor\",\"scope\":{\"mobilePercent\":100,"
            + "\"fixedPercent\":50}," + String.format(Locale.ROOT, AppendBenchmark.ENVELOPE, "2021-03-10") + "}";

    /** Sends a mix of commands that feeds every read model: new demands, compliances, fines and throttlings. */
    private void clientLoop() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (!loadStopping) {
            int pick = random.nextInt(10);
            String stream = null;
            if (pick >= 3 && pick < 6) {
                synchronized (streams) {
                    if (!streams.isEmpty()) {
                        stream = streams.get(random.nextInt(streams.size()));
                    }
                }
            }
            String unique = Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
            if (pick >= 8) {
                send("/api/v1/access/RU/service-" + unique + "/throttlings", THROTTLING, Kind.THROTTLING);
            } else if (pick >= 6) {
                send("/api/v1/fines", String.format(Locale.ROOT, FINE, "entity-" + unique), Kind.FINE);
            } else if (stream != null) {
                send("/api/v1/demands/" + stream + "/compliances", AppendBenchmark.COMPLIANCE, Kind.COMPLIANCE);
            } else {
                send("/api/v1/demands", AppendBenchmark.NEW_DEMAND, Kind.NEW_DEMAND);
            }
        }
    }

    /** Sends one command until a node answers 201 (retrying with the same key on the next node) or 120 s pass. */
    private void send(String path, String body, Kind kind) {
        String key = "faults-" + UUID.randomUUID();
        int node = Math.floorMod(roundRobin.getAndIncrement(), nodes.size());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        sent.incrementAndGet();
        for (int attempt = 1; ; attempt++) {
            Node target = nodes.get(node);
            String failure;
            try {
                HttpResponse<String> answer = http.send(authorized(target, path).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json").header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                int status = answer.statusCode();
                if (status == 201) {
                    Matcher s = AppendBenchmark.STREAM_ID.matcher(answer.body());
                    List<String> events = new ArrayList<>();
                    Matcher e = EVENT_ID.matcher(answer.body());
                    while (e.find()) {
                        events.add(e.group(1));
                    }
                    String streamId = s.find() ? s.group(1) : null;
                    boolean replayed = answer.headers().firstValue("Idempotent-Replayed").map("true"::equals)
                            .orElse(false);
                    acks.add(new Ack(key, kind, streamId, events, attempt, replayed));
                    if (kind == Kind.NEW_DEMAND && streamId != null) {
                        streams.add(streamId);
                    }
                    if (attempt > 1) {
                        retriedCommands.incrementAndGet();
                    }
                    return;
                }
                if (status < 500 && status != 409) {
                    refused.incrementAndGet();
                    if (refusals.size() < 5) {
                        refusals.add(status + " " + shorten(answer.body()));
                    }
                    return;
                }
                failure = "HTTP " + status;
            } catch (IOException e) {
                failure = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            failuresSeen.computeIfAbsent(failure, f -> new AtomicLong()).incrementAndGet();
            if (System.nanoTime() > deadline) {
                gaveUp.incrementAndGet();
                return;
            }
            retries.incrementAndGet();
            node = (node + 1) % nodes.size();
            try {
                Thread.sleep(Math.min(1000, 100L * attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Segments

    /** Owner of every processor segment, "processor/segment" to owner (null when unclaimed). */
    private Map<String, String> tokenOwners() {
        Map<String, String> owners = new TreeMap<>();
        try (Connection c = connect(database); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT processor_name, segment, owner FROM token_entry")) {
            while (rs.next()) {
                owners.put(rs.getString(1) + "/" + rs.getInt(2), rs.getString(3));
            }
        } catch (SQLException e) {
            throw new Failure("cannot read token_entry: " + e);
        }
        return owners;
    }

    private String describeOwners(Map<String, String> owners) {
        List<String> parts = new ArrayList<>();
        owners.forEach((segment, owner) -> parts.add(segment + " -> " + nodeName(owner)));
        return String.join(", ", parts);
    }

    private String nodeName(String owner) {
        if (owner == null) {
            return "unclaimed";
        }
        for (Node n : nodes) {
            if (owner.startsWith(n.owner())) {
                return "node " + n.index + (n.killed ? " (killed)" : "");
            }
        }
        return owner;
    }

    private Node mostSegments(Map<String, String> owners) {
        Node best = nodes.get(0);
        long most = -1;
        for (Node n : nodes) {
            long held = owners.values().stream().filter(o -> o != null && o.startsWith(n.owner())).count();
            if (held > most) {
                most = held;
                best = n;
            }
        }
        return best;
    }

    /**
     * Waits until every node holds at least one processor segment (the nodes' balancers hand over segments the first
     * node claimed); the milliseconds since the load started, or -1 after 60 s.
     */
    private long waitForSpread() throws InterruptedException {
        while (System.nanoTime() - loadStarted < TimeUnit.SECONDS.toNanos(60)) {
            Collection<String> owners = tokenOwners().values();
            if (nodes.stream().allMatch(n -> owners.stream().anyMatch(o -> o != null && o.startsWith(n.owner())))) {
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - loadStarted);
            }
            Thread.sleep(100);
        }
        return -1;
    }

    /** Milliseconds from {@code since} until a surviving node holds every one of the segments, -1 after 60 s. */
    private long waitForTakeover(List<String> segments, Node victim, long since) throws InterruptedException {
        if (segments.isEmpty()) {
            return 0;
        }
        while (System.nanoTime() - since < TimeUnit.SECONDS.toNanos(60)) {
            Map<String, String> owners;
            try {
                owners = tokenOwners();
            } catch (Failure e) {
                Thread.sleep(100);
                continue;
            }
            boolean all = true;
            for (String segment : segments) {
                String owner = owners.get(segment);
                boolean survivor = owner != null && !owner.startsWith(victim.owner())
                        && survivors().stream().anyMatch(n -> owner.startsWith(n.owner()));
                all &= survivor;
            }
            if (all) {
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
                AppendBenchmark.log("segments taken over after " + ms + " ms: " + describeOwners(owners));
                return ms;
            }
            Thread.sleep(100);
        }
        return -1;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Checks

    private void checkEventStore(long baseRows, long baseKeys, List<String> figures, List<String> failures) {
        List<Ack> acknowledged = List.copyOf(acks);
        long replayed = acknowledged.stream().filter(Ack::replayed).count();
        Map<Kind, Long> byKind = new TreeMap<>();
        acknowledged.forEach(a -> byKind.merge(a.kind(), 1L, Long::sum));
        figures.add("commands sent: " + sent.get() + "; acknowledged (201): " + acknowledged.size() + " " + byKind
                + "; acknowledged after a retry: " + retriedCommands.get() + ", of which answered from the idempotency"
                + " record (committed before the failure): " + replayed + "; retries sent: " + retries.get()
                + "; failures seen: " + failuresSeen + "; refused (4xx): " + refused.get() + "; given up after 120 s: "
                + gaveUp.get());
        if (refused.get() > 0) {
            failures.add(refused.get() + " commands were refused: " + refusals);
        }
        if (gaveUp.get() > 0) {
            failures.add(gaveUp.get() + " commands got no 201 within 120 s of retries");
        }
        Map<String, String> stored = new HashMap<>();
        Map<String, Integer> copies = new HashMap<>();
        try (Connection c = connect(database); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT event_identifier, aggregate_identifier FROM domain_event_entry")) {
            while (rs.next()) {
                stored.put(rs.getString(1), rs.getString(2));
                copies.merge(rs.getString(1), 1, Integer::sum);
            }
        } catch (SQLException e) {
            throw new Failure("cannot read domain_event_entry: " + e);
        }
        Map<String, String> recorded = new HashMap<>();
        try (Connection c = connect(database); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT idempotency_key, response_status, response_body "
                     + "FROM idempotency_record")) {
            while (rs.next()) {
                recorded.put(rs.getString(1), rs.getInt(2) + " " + rs.getString(3));
            }
        } catch (SQLException e) {
            throw new Failure("cannot read idempotency_record: " + e);
        }
        long rows = stored.size() - baseRows;
        long keys = recorded.size() - baseKeys;
        List<String> problems = new ArrayList<>();
        java.util.Set<String> ackedEvents = new java.util.HashSet<>();
        for (Ack ack : acknowledged) {
            if (ack.eventIds().size() != 1 || ack.streamId() == null) {
                problems.add(ack.key() + ": answer names " + ack.eventIds().size() + " events, stream "
                        + ack.streamId());
                continue;
            }
            String id = ack.eventIds().get(0);
            ackedEvents.add(id);
            Integer n = copies.get(id);
            if (n == null) {
                problems.add(ack.key() + ": acknowledged event " + id + " is NOT in the event store");
            } else if (n != 1) {
                problems.add(ack.key() + ": event " + id + " is stored " + n + " times");
            } else if (!ack.streamId().equals(stored.get(id))) {
                problems.add(ack.key() + ": event " + id + " stored in stream " + stored.get(id) + ", not "
                        + ack.streamId());
            }
            String record = recorded.get(ack.key());
            if (record == null || !record.startsWith("201 ") || !record.contains(id)) {
                problems.add(ack.key() + ": idempotency record " + (record == null ? "missing" : shorten(record)));
            }
        }
        long extra = stored.keySet().stream().filter(id -> !ackedEvents.contains(id)).count() - baseRows;
        figures.add("event store: " + rows + " events appended, " + keys + " idempotency records; every acknowledged "
                + "command's event found exactly once: " + (problems.isEmpty() ? "yes" : "NO (" + problems.size()
                + " problems)") + "; events not acknowledged to any client: " + extra);
        if (ackedEvents.size() != acknowledged.size()) {
            problems.add(acknowledged.size() + " acknowledged commands name only " + ackedEvents.size()
                    + " distinct events (two commands answered with one event)");
        }
        if (rows != keys) {
            problems.add(rows + " events appended but " + keys + " idempotency records: a command ran twice or "
                    + "without its key");
        }
        if (extra != 0) {
            problems.add(extra + " events in the store belong to no acknowledged command");
        }
        if (!problems.isEmpty()) {
            failures.add("event store: " + problems.subList(0, Math.min(10, problems.size())));
        }
    }

    static final Pattern PROCESSOR = Pattern.compile(
            "\"([a-z-]+)\"\\s*:\\s*\\{[^{}]*?\"segments\"\\s*:\\s*(\\d+)[^{}]*?\"lag\"\\s*:\\s*(-?\\d+)");

    /** Waits until, for every processor, a surviving node holding its segment reports lag 0. */
    private void waitForCatchUp(List<Node> alive, int timeoutSeconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        String last = "";
        while (System.nanoTime() < deadline) {
            Map<String, Long> lagBy = new TreeMap<>();
            StringBuilder seen = new StringBuilder();
            for (Node n : alive) {
                String body = get(n, "/actuator/health").body();
                Matcher m = PROCESSOR.matcher(body);
                while (m.find()) {
                    if (Integer.parseInt(m.group(2)) > 0) {
                        lagBy.merge(m.group(1), Long.parseLong(m.group(3)), Math::min);
                        seen.append(m.group(1)).append("@node").append(n.index).append(" lag ").append(m.group(3))
                                .append("; ");
                    }
                }
            }
            last = seen.toString();
            if (lagBy.size() == 4 && lagBy.values().stream().allMatch(l -> l == 0)) {
                AppendBenchmark.log("every processor caught up: " + last);
                return;
            }
            Thread.sleep(250);
        }
        throw new Failure("the processors did not catch up within " + timeoutSeconds + " s: " + last);
    }

    private void compareWithRebuild(Node node, List<String> figures, List<String> failures) throws Exception {
        Map<String, String> liveBefore = liveSets();
        HttpResponse<String> start = http.send(authorized(node, "/api/v1/admin/read-models/rebuild")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (start.statusCode() != 202) {
            throw new Failure("POST /api/v1/admin/read-models/rebuild answered " + start.statusCode() + " "
                    + shorten(start.body()));
        }
        long t0 = System.nanoTime();
        String state = "";
        String body = "";
        while (System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(180)) {
            body = get(node, "/api/v1/admin/read-models/rebuild").body();
            Matcher m = Pattern.compile("\"state\"\\s*:\\s*\"([A-Z]+)\"").matcher(body);
            state = m.find() ? m.group(1) : "?";
            if (!state.equals("RUNNING")) {
                break;
            }
            Thread.sleep(250);
        }
        if (!state.equals("SWITCHED")) {
            throw new Failure("the rebuild ended " + state + ": " + shorten(body));
        }
        Map<String, String> liveAfter = liveSets();
        figures.add(String.format(Locale.ROOT, "rebuild: SWITCHED after %.1f s; live sets before %s, after %s",
                (System.nanoTime() - t0) / 1e9, liveBefore, liveAfter));
        // Every read model switched together; compare the former live set with the rebuilt one table by table.
        List<String> tables = new ArrayList<>();
        try (Connection c = connect(database); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT b.table_name FROM information_schema.tables b "
                     + "JOIN information_schema.tables a ON a.table_schema = b.table_schema "
                     + "AND a.table_name || '_b' = b.table_name "
                     + "WHERE b.table_schema = 'public' ORDER BY 1")) {
            while (rs.next()) {
                String b = rs.getString(1);
                tables.add(b.substring(0, b.length() - 2));
            }
        }
        boolean allAToB = liveBefore.values().stream().allMatch("A"::equals)
                && liveAfter.values().stream().allMatch("B"::equals);
        if (!allAToB) {
            throw new Failure("expected every read model to switch from set A to set B: " + liveBefore + " -> "
                    + liveAfter);
        }
        List<String> compared = new ArrayList<>();
        long rowsCompared = 0;
        for (String table : tables) {
            String columns = columns(table);
            long before = scalar("SELECT count(*) FROM " + table);
            long after = scalar("SELECT count(*) FROM " + table + "_b");
            long missing = scalar("SELECT count(*) FROM (SELECT " + columns + " FROM " + table + " EXCEPT ALL SELECT "
                    + columns + " FROM " + table + "_b) d");
            long added = scalar("SELECT count(*) FROM (SELECT " + columns + " FROM " + table + "_b EXCEPT ALL SELECT "
                    + columns + " FROM " + table + ") d");
            compared.add(table + " " + before + (missing == 0 && added == 0 && before == after ? " equal"
                    : " DIFFERENT (" + after + " rebuilt, " + missing + " only live, " + added + " only rebuilt)"));
            rowsCompared += before;
            if (missing != 0 || added != 0 || before != after) {
                failures.add("read model table " + table + " differs from its rebuild: " + before + " live rows, "
                        + after + " rebuilt, " + missing + " only in the live set, " + added
                        + " only in the rebuilt set; e.g. " + sampleDifference(table, columns));
            }
        }
        figures.add("projection against a fresh rebuild, every column compared: " + tables.size() + " tables, "
                + rowsCompared + " rows: " + String.join("; ", compared));
    }

    private String sampleDifference(String table, String columns) {
        StringBuilder out = new StringBuilder();
        for (String[] sides : new String[][] {{table, table + "_b"}, {table + "_b", table}}) {
            String sql = "SELECT " + columns + " FROM " + sides[0] + " EXCEPT ALL SELECT " + columns + " FROM "
                    + sides[1] + " LIMIT 2";
            try (Connection c = connect(database); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    StringBuilder row = new StringBuilder(sides[0] + ": ");
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.append(rs.getMetaData().getColumnName(i)).append('=').append(rs.getString(i)).append(' ');
                    }
                    out.append(shorten(row.toString())).append(" | ");
                }
            } catch (SQLException e) {
                out.append(e.getMessage());
            }
        }
        return out.toString();
    }

    private String columns(String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = connect(database); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT column_name FROM information_schema.columns WHERE table_schema = "
                     + "'public' AND table_name = '" + table + "' ORDER BY ordinal_position")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return String.join(", ", names);
    }

    private Map<String, String> liveSets() throws SQLException {
        Map<String, String> sets = new TreeMap<>();
        try (Connection c = connect(database); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT read_model, live_set FROM read_model_table_set")) {
            while (rs.next()) {
                sets.put(rs.getString(1), rs.getString(2));
            }
        }
        return sets;
    }

    private void checkAudit(Node node, List<String> figures, List<String> failures) throws Exception {
        long t0 = System.nanoTime();
        long head = scalar("SELECT coalesce(max(global_index), 0) FROM domain_event_entry");
        long sealed = 0;
        while (System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(120)) {
            sealed = scalar("SELECT last_position FROM audit_state WHERE id = 1");
            if (sealed >= head) {
                break;
            }
            Thread.sleep(100);
        }
        if (sealed < head) {
            failures.add("the sealer covered only position " + sealed + " of " + head + " after 120 s");
        }
        HttpResponse<String> verify = get(node, "/api/v1/audit/verify");
        boolean ok = verify.statusCode() == 200 && verify.body().replace(" ", "").contains("\"ok\":true");
        figures.add(String.format(Locale.ROOT, "audit: sealer covered position %d of %d %.1f s after the checks "
                + "began; GET /api/v1/audit/verify on node %d: %d %s", sealed, head, (System.nanoTime() - t0) / 1e9,
                node.index, verify.statusCode(), shorten(verify.body())));
        if (!ok) {
            failures.add("GET /api/v1/audit/verify did not answer ok: " + verify.statusCode() + " "
                    + shorten(verify.body()));
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // PostgreSQL

    private String jdbcUrl(String db) {
        return "jdbc:postgresql://" + LOOPBACK + ":" + options.pgPort() + "/" + db;
    }

    private Connection connect(String db) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", options.pgUser());
        props.setProperty("password", "");
        props.setProperty("ApplicationName", "fault-test");
        props.setProperty("connectTimeout", "10");
        return DriverManager.getConnection(jdbcUrl(db), props);
    }

    private void createDatabase() throws SQLException {
        try (Connection admin = connect("postgres"); Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + database);
            databaseCreated = true;
        }
        AppendBenchmark.log("database " + database + " created");
    }

    private void dropDatabase() {
        if (!databaseCreated) {
            return;
        }
        for (int attempt = 0; attempt < 30; attempt++) {
            try (Connection admin = connect("postgres"); Statement st = admin.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                databaseCreated = false;
                AppendBenchmark.log("database " + database + " dropped");
                return;
            } catch (SQLException e) {
                sleepQuietly(1000);
            }
        }
        System.err.println("fault test: could not drop database " + database + "; drop it by hand");
    }

    private void waitForPostgres() throws InterruptedException {
        for (int i = 0; i < 120; i++) {
            try (Connection c = connect(database)) {
                return;
            } catch (SQLException notYet) {
                Thread.sleep(500);
            }
        }
        throw new Failure("PostgreSQL did not accept connections within 60 s of its restart");
    }

    /** pg_ctlcluster restart, its output into this program's; it may take longer than run()'s 10 s. */
    private static void restartPostgres(String version) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new Failure("pg_ctlcluster " + version + " main restart failed or took more than 120 s");
        }
    }

    private long scalar(String sql) {
        try (Connection c = connect(database); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new Failure("query failed: " + sql + ": " + e.getMessage());
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Helpers

    private void cleanUp() {
        if (!cleanedUp.compareAndSet(false, true)) {
            return;
        }
        for (Node n : nodes) {
            Process p = n.process;
            if (p != null && p.isAlive()) {
                p.destroy();
            }
        }
        for (Node n : nodes) {
            Process p = n.process;
            try {
                if (p != null && !p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    p.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        }
        dropDatabase();
    }

    private void report(Instant started, Map<String, String> phases, List<String> figures, List<String> failures) {
        System.out.println();
        System.out.println("Fault test, " + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                started.atOffset(ZoneOffset.UTC).withNano(0)));
        System.out.println();
        System.out.println("- commit: " + AppendBenchmark.run("git", "rev-parse", "--short=12", "HEAD") + "; "
                + options.nodes() + " nodes (-Xmx512m), " + options.clients() + " client threads, "
                + AppendBenchmark.run("nproc") + " cores; node logs in " + runDir);
        figures.forEach(f -> System.out.println("- " + f));
        System.out.println();
        System.out.println("| phase | seconds |");
        System.out.println("|---|---:|");
        phases.forEach((phase, s) -> System.out.println("| " + phase + " | " + s + " |"));
        System.out.println();
        if (failures.isEmpty()) {
            System.out.println("PASSED: every check held.");
        } else {
            System.out.println("FAILED:");
            failures.forEach(f -> System.out.println("- " + f));
        }
    }

    private static String seconds(long since) {
        return String.format(Locale.ROOT, "%.1f", (System.nanoTime() - since) / 1e9);
    }

    private static String shorten(String text) {
        return text == null ? "null" : text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
