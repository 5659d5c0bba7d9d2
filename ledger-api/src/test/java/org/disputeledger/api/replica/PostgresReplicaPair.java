package org.disputeledger.api.replica;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL primary and a streaming replica of it made with {@code pg_basebackup -R}, each its own cluster on a
 * free port in a temporary directory: the shared server on 5432 allows no replication and is left alone. PostgreSQL
 * refuses to run as root, so as root (CI) every command runs as user {@code postgres}, which owns the directory.
 * Missing binaries fail the test: a skipped replica test would pass on a machine that never ran it.
 */
final class PostgresReplicaPair implements AutoCloseable {

    static final Path BIN = Path.of(System.getProperty("ledger.test.postgres.bin", "/usr/lib/postgresql/15/bin"));
    private static final String USER = "postgres";
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));
    private static final long COMMAND_SECONDS = 60;

    private final Path dir;
    private final int primaryPort;
    private final int replicaPort;
    private boolean closed;

    private PostgresReplicaPair(Path dir, int primaryPort, int replicaPort) {
        this.dir = dir;
        this.primaryPort = primaryPort;
        this.replicaPort = replicaPort;
    }

    /** Creates and starts both clusters; whatever was made is removed again if anything fails. */
    static PostgresReplicaPair start() {
        if (!Files.isExecutable(BIN.resolve("initdb")) || !Files.isExecutable(BIN.resolve("pg_basebackup"))) {
            throw new IllegalStateException("PostgreSQL binaries not found in " + BIN
                    + " (set -Dledger.test.postgres.bin to their directory)");
        }
        int[] ports = freePorts();
        PostgresReplicaPair pair;
        try {
            pair = new PostgresReplicaPair(Files.createTempDirectory("ledger-replica-"), ports[0], ports[1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(pair::close));
        try {
            pair.create();
        } catch (RuntimeException | Error e) {
            pair.close();
            throw e;
        }
        return pair;
    }

    String primaryUrl() {
        return "jdbc:postgresql://127.0.0.1:" + primaryPort + "/postgres";
    }

    String replicaUrl() {
        return "jdbc:postgresql://127.0.0.1:" + replicaPort + "/postgres";
    }

    String user() {
        return USER;
    }

    /** Stops the replica at once, as a crash would. */
    void stopReplica() {
        run("pg_ctl", "-D", dir.resolve("replica").toString(), "-m", "immediate", "-w", "stop");
    }

    private void create() {
        try {
            if (ROOT) {
                UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
                Files.setOwner(dir, users.lookupPrincipalByName(USER));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String primary = dir.resolve("primary").toString();
        run("initdb", "-D", primary, "-U", USER, "--auth=trust", "--no-sync", "--no-instructions");
        // initdb's pg_hba.conf lets trusted local users replicate from 127.0.0.1; wal_level replica is the default.
        run("pg_ctl", "-D", primary, "-l", dir.resolve("primary.log").toString(), "-w", "-o",
                options(primaryPort) + " -c wal_level=replica -c max_wal_senders=4", "start");
        String replica = dir.resolve("replica").toString();
        run("pg_basebackup", "-h", "127.0.0.1", "-p", Integer.toString(primaryPort), "-U", USER, "-D", replica,
                "-R", "-X", "stream", "--checkpoint=fast", "--no-sync");
        run("pg_ctl", "-D", replica, "-l", dir.resolve("replica.log").toString(), "-w", "-o",
                options(replicaPort) + " -c hot_standby=on", "start");
    }

    /** Loopback only, sockets in the pair's own directory, and no fsync: the clusters live for one test class. */
    private String options(int port) {
        return "-p " + port + " -c listen_addresses=127.0.0.1 -k " + dir + " -c fsync=off";
    }

    /** Stops both clusters at once and deletes them; safe to call more than once. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (String cluster : List.of("replica", "primary")) {
            if (Files.exists(dir.resolve(cluster).resolve("postmaster.pid"))) {
                try {
                    run("pg_ctl", "-D", dir.resolve(cluster).toString(), "-m", "immediate", "-w", "stop");
                } catch (RuntimeException e) {
                    System.err.println("could not stop the test cluster " + cluster + ": " + e.getMessage());
                }
            }
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }

    private void run(String program, String... arguments) {
        List<String> command = new ArrayList<>();
        if (ROOT) {
            command.addAll(List.of("runuser", "-u", USER, "--"));
        }
        command.add(BIN.resolve(program).toString());
        command.addAll(List.of(arguments));
        Path output = dir.resolve(program + ".out");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish in " + COMMAND_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command + " failed (" + process.exitValue() + "): "
                        + Files.readString(output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Two ports free now, held open together so they differ. */
    private static int[] freePorts() {
        try (ServerSocket first = new ServerSocket(0); ServerSocket second = new ServerSocket(0)) {
            return new int[] {first.getLocalPort(), second.getLocalPort()};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
