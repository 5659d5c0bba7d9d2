package org.disputeledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.disputeledger.api.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** On PostgreSQL nothing is anonymous: not even a read. */
class ApiKeysPostgresIT extends ApiKeysContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry);
        registry.add("ledger.security.api-keys.cache-ttl", () -> "1s");
    }

    @Test
    void aReadWithoutAKeyIs401() {
        assertProblem(anonymous().get("/api/v1/status?jurisdiction=RU"), 401, "unauthenticated");
        assertThat(anonymous().get("/api/v1/status?jurisdiction=RU").header("WWW-Authenticate")).isEqualTo("Bearer");
    }
}
