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

    private static final TestDatabases.SharedPostgres DATABASE = TestDatabases.SharedPostgres.create();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.register(registry, "auto");
    }

    @BeforeAll
    static void runTheImportCommand() {
        int exit = LedgerApplication.importDemoData(DATABASE.nodeArguments());
        assertThat(exit).isZero();
    }

    @Override
    void load() {
        // loaded by the import command before the application under test started
    }
}
