package org.disputeledger.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.disputeledger.api.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dashboard on PostgreSQL, with the demo data set loaded on start-up. Nothing is anonymous there: the page reads
 * with a key of the lowest role, viewer, created through the API.
 */
class DashboardPostgresIT extends DashboardContract {

    private String viewerKey;

    @Override
    String readerKey() {
        if (viewerKey == null) {
            Response created = post("/api/v1/admin/keys", "{\"name\":\"dashboard\",\"role\":\"viewer\"}");
            assertThat(created.status()).isEqualTo(201);
            viewerKey = created.body().get("key").asString();
        }
        return viewerKey;
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry);
        registry.add("ledger.demo-data.load", () -> "always");
    }
}
