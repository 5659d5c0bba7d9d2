package org.disputeledger.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectionWriterTest {

    @Test
    void onPostgresqlARowIsInsertedUnlessItsKeyIsThere() {
        ProjectionWriter writer = new ProjectionWriter(null, ProjectionWriter.Dialect.POSTGRESQL);

        assertThat(writer.insertIfAbsent("status_fact", List.of("event_id"), List.of("event_id", "kind")))
                .isEqualTo("INSERT INTO status_fact (event_id, kind) VALUES (?, ?) ON CONFLICT DO NOTHING");
    }

    @Test
    void onH2ARowIsMergedOnItsKey() {
        ProjectionWriter writer = new ProjectionWriter(null, ProjectionWriter.Dialect.H2);

        assertThat(writer.insertIfAbsent("timeline_link", List.of("event_id", "relation"),
                List.of("event_id", "relation", "target_event_id")))
                .isEqualTo("MERGE INTO timeline_link (event_id, relation, target_event_id) KEY (event_id, relation)"
                        + " VALUES (?, ?, ?)");
    }

    @Test
    void aColumnMayTakeItsValueFromAnExpression() {
        ProjectionWriter writer = new ProjectionWriter(null, ProjectionWriter.Dialect.POSTGRESQL);

        assertThat(writer.insertIfAbsent("timeline_entry", List.of("event_id"), List.of("event_id", "global_position"),
                List.of("?", "(SELECT 1)")))
                .isEqualTo("INSERT INTO timeline_entry (event_id, global_position) VALUES (?, (SELECT 1))"
                        + " ON CONFLICT DO NOTHING");
        assertThatThrownBy(() -> writer.insertIfAbsent("timeline_entry", List.of("event_id"),
                List.of("event_id"), List.of("?", "?"))).isInstanceOf(IllegalArgumentException.class);
    }
}
