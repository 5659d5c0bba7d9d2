package org.disputeledger.api.security;

import org.disputeledger.api.support.LedgerHttp;
import org.disputeledger.api.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** LEDGER_ANONYMOUS_READS=never closes the reads of the embedded demo database too. */
class AnonymousReadsClosedH2IT extends LedgerHttp {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
        registry.add("ledger.security.anonymous-reads", () -> "never");
    }

    @Test
    void anAnonymousReadIs401() {
        ApiKeysContract.assertProblem(anonymous().get("/api/v1/status?jurisdiction=RU"), 401, "unauthenticated");
    }
}
