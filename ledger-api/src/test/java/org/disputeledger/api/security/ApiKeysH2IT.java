package org.disputeledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.disputeledger.api.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** On the embedded demo database anonymous callers read as viewers, and still write nothing. */
class ApiKeysH2IT extends ApiKeysContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
        registry.add("ledger.security.api-keys.cache-ttl", () -> "1s");
    }

    @Test
    void anonymousCallersReadAsViewersButNeitherAuditNorAdminister() {
        assertThat(anonymous().get("/api/v1/status?jurisdiction=RU").status()).isEqualTo(200);
        assertProblem(anonymous().get(KEYS), 401, "unauthenticated");
        assertProblem(anonymous().get("/api/v1/events"), 401, "unauthenticated");
    }
}
