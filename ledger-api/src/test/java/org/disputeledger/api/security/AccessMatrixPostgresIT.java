package org.disputeledger.api.security;

import org.disputeledger.api.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** On PostgreSQL every operation needs a credential. */
class AccessMatrixPostgresIT extends AccessMatrixContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry);
    }

    @Override
    Role anonymousRole() {
        return null;
    }
}
