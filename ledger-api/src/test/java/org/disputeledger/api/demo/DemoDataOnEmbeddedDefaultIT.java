package org.disputeledger.api.demo;

import org.disputeledger.api.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** On the embedded H2 default the demo data set is loaded by the first start itself. */
class DemoDataOnEmbeddedDefaultIT extends DemoDataContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
        registry.add("ledger.demo-data.load", () -> "auto");
    }

    @Override
    void load() {
        // the application loaded it on start-up; nothing to do
    }
}
