package org.disputeledger.api.admin;

import org.disputeledger.api.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class ReadModelRebuildPostgresIT extends ReadModelRebuildContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry);
        registry.add("ledger.demo-data.load", () -> "always");
    }
}
