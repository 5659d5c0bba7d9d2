package org.disputeledger.api.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import org.disputeledger.api.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class AxonInfrastructurePostgresIT extends AxonInfrastructureContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry);
    }

    @Test
    void runsOnPostgres() throws java.sql.SQLException {
        try (var connection = jdbc.getDataSource().getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
    }

    @Test
    void sendsTheReadModelsBatchesAsMultiRowInserts() {
        var pool = (com.zaxxer.hikari.HikariDataSource) jdbc.getDataSource();
        assertThat(pool.getDataSourceProperties()).containsEntry(PostgresBatching.REWRITE, "true");
    }

    @Test
    void storesPayloadsInByteaColumnsNeverLargeObjects() {
        var types = jdbc.queryForList("SELECT table_name || '.' || column_name AS col, data_type FROM "
                + "information_schema.columns WHERE column_name IN ('payload', 'meta_data', 'token') "
                + "AND table_schema = current_schema()");
        assertThat(types).isNotEmpty().allSatisfy(column -> assertThat(column.get("data_type")).isEqualTo("bytea"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pg_largeobject_metadata", Long.class)).isZero();
    }

    @Test
    void refusesToUpdateOrDeleteAStoredEvent() {
        anAppendJoinsTheSpringTransactionAndRollsBackWithIt();
        jdbc.update("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, "
                + "time_stamp, payload_type, payload) VALUES ('e-trigger', 's-trigger', 0, 'now', 't', '\\x7b7d')");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(
                "UPDATE domain_event_entry SET payload = '\\x00' WHERE event_identifier = 'e-trigger'"))
                .hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(
                "DELETE FROM domain_event_entry WHERE event_identifier = 'e-trigger'"))
                .hasMessageContaining("append-only");
    }

    @Test
    void recognisesAUniqueViolationOfPostgresAsADuplicateKey() {
        var resolver = new SqlStatePersistenceExceptionResolver();
        var duplicate = org.assertj.core.api.Assertions.catchException(() -> jdbc.getDataSource().getConnection()
                .createStatement().execute("INSERT INTO data_set_import (data_set, started_at) VALUES "
                        + "('dup', now()), ('dup', now())"));
        assertThat(resolver.isDuplicateKeyViolation(duplicate)).isTrue();
        assertThat(new org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver()
                .isDuplicateKeyViolation(duplicate)).as("Axon's own resolver misses it").isFalse();
    }
}
