package org.disputeledger.api.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Fresh databases for tests: each call creates a PostgreSQL database of its own on the local server (dropped when
 * the JVM exits) or an H2 file database in a new temporary directory. Nothing depends on what an earlier run left.
 */
public final class TestDatabases {

    public static final String POSTGRES_HOST = System.getProperty("ledger.test.postgres",
            "jdbc:postgresql://127.0.0.1:5432/");
    public static final String POSTGRES_USER = System.getProperty("ledger.test.postgres.user", "postgres");

    /** Connections per application under test: PostgreSQL allows 100 in all, and several tests run applications. */
    public static final String POOL_SIZE = "8";

    private TestDatabases() {
    }

    /** Creates an empty PostgreSQL database and returns its JDBC URL. */
    public static String newPostgres() {
        String name = "ledger_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("CREATE DATABASE " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> execute("DROP DATABASE IF EXISTS " + name
                + " WITH (FORCE)")));
        return POSTGRES_HOST + name;
    }

    /** Creates the URL of an H2 file database in a new temporary directory. */
    public static String newH2() {
        try {
            Path dir = Files.createTempDirectory("ledger-h2-");
            return "jdbc:h2:file:" + dir.resolve("ledger") + ";DB_CLOSE_ON_EXIT=FALSE";
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Points the application under test at a new PostgreSQL database, with no demo data. */
    public static void postgres(org.springframework.test.context.DynamicPropertyRegistry registry) {
        String url = newPostgres();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> POSTGRES_USER);
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> POOL_SIZE);
        registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
        registry.add("ledger.demo-data.load", () -> "never");
        checkpointKey(registry);
    }

    /** Points the application under test at a new embedded H2 database, with no demo data. */
    public static void h2(org.springframework.test.context.DynamicPropertyRegistry registry) {
        String url = newH2();
        registry.add("spring.datasource.url", () -> url);
        registry.add("ledger.demo-data.load", () -> "never");
        checkpointKey(registry);
    }

    /** A checkpoint key of the test's own, created on first start in a new temporary directory. */
    public static void checkpointKey(org.springframework.test.context.DynamicPropertyRegistry registry) {
        String file = newCheckpointKeyFile();
        registry.add("ledger.audit.key-file", () -> file);
    }

    /** Where a new checkpoint key will be created: a file not yet there in a new temporary directory. */
    public static String newCheckpointKeyFile() {
        try {
            return Files.createTempDirectory("ledger-key-").resolve("audit-signing-key.pem").toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(POSTGRES_HOST + "postgres", POSTGRES_USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + POSTGRES_HOST + " refused: " + sql
                    + " (is the server running? .ci/run starts it)", e);
        }
    }

    /**
     * A new PostgreSQL database and checkpoint key shared by the application under test and the further nodes a test
     * starts itself, as nodes of one deployment share them.
     */
    public record SharedPostgres(String url, String keyFile) {

        public static SharedPostgres create() {
            return new SharedPostgres(newPostgres(), newCheckpointKeyFile());
        }

        /** The application under test's properties; {@code demoData} is its {@code ledger.demo-data.load}. */
        public void register(org.springframework.test.context.DynamicPropertyRegistry registry, String demoData) {
            registry.add("spring.datasource.url", this::url);
            registry.add("spring.datasource.username", () -> POSTGRES_USER);
            registry.add("spring.datasource.password", () -> "");
            registry.add("spring.datasource.hikari.maximum-pool-size", () -> POOL_SIZE);
            registry.add("ledger.demo-data.load", () -> demoData);
            registry.add("ledger.audit.key-file", this::keyFile);
        }

        /**
         * The command-line arguments of another node on this database, checkpoint key and bootstrap admin key,
         * followed by {@code extra}.
         */
        public String[] nodeArguments(String... extra) {
            java.util.List<String> arguments = new java.util.ArrayList<>(java.util.List.of(
                    "--spring.datasource.url=" + url, "--spring.datasource.username=" + POSTGRES_USER,
                    "--spring.datasource.password=", "--spring.datasource.hikari.maximum-pool-size=" + POOL_SIZE,
                    "--ledger.audit.key-file=" + keyFile, "--ledger.security.admin-api-key=" + LedgerHttp.ADMIN_KEY));
            arguments.addAll(java.util.List.of(extra));
            return arguments.toArray(String[]::new);
        }
    }
}
