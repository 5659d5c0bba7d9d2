package org.disputeledger.api.security;

import org.disputeledger.api.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** On the embedded demo database anonymous callers read as viewers. */
class AccessMatrixH2IT extends AccessMatrixContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    @Override
    Role anonymousRole() {
        return Role.VIEWER;
    }
}
