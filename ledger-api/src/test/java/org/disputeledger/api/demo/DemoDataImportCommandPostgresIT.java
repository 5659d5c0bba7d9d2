package org.disputeledger.api.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.disputeledger.LedgerApplication;
import org.disputeledger.api.support.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * On PostgreSQL nothing is loaded on start-up ({@code auto}); the import command loads the data set into the
 * database, and the running application then sees it.
 */
class DemoDataImportCommandPostgresIT extends DemoDataContract {

    private static final String URL = TestDatabases.newPostgres();
    private static final String KEY_FILE = TestDatabases.newCheckpointKeyFile();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> URL);
        registry.add("spring.datasource.username", () -> TestDatabases.POSTGRES_USER);
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> TestDatabases.POOL_SIZE);
        registry.add("ledger.demo-data.load", () -> "auto");
        registry.add("ledger.audit.key-file", () -> KEY_FILE);
    }

    @BeforeAll
    static void runTheImportCommand() {
        int exit = LedgerApplication.importDemoData("--spring.datasource.url=" + URL,
                "--spring.datasource.username=" + TestDatabases.POSTGRES_USER, "--spring.datasource.password=",
                "--spring.datasource.hikari.maximum-pool-size=" + TestDatabases.POOL_SIZE,
                "--ledger.audit.key-file=" + KEY_FILE);
        assertThat(exit).isZero();
    }

    @Override
    void load() {
        // loaded by the import command before the application under test started
    }
}
