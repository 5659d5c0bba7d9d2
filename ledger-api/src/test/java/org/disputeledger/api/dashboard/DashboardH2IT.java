package org.disputeledger.api.dashboard;

import org.disputeledger.api.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The dashboard on the embedded H2 default, which loads the demo data set on its first start. */
class DashboardH2IT extends DashboardContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
        registry.add("ledger.demo-data.load", () -> "auto");
    }
}
