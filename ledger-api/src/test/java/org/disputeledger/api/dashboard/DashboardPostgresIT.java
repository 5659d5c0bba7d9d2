package org.disputeledger.api.dashboard;

import org.disputeledger.api.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The dashboard on PostgreSQL, with the demo data set loaded on start-up. */
class DashboardPostgresIT extends DashboardContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry);
        registry.add("ledger.demo-data.load", () -> "always");
    }
}
