package org.disputeledger.api.openapi;

import org.disputeledger.api.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class EveryWriteEndpointPostgresIT extends EveryWriteEndpointContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry);
    }
}
