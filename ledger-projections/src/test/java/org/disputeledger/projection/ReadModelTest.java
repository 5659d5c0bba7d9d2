package org.disputeledger.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReadModelTest {

    private final ReadModel readModel = new ReadModel("timeline", List.of("timeline_entry", "timeline_link"));

    @Test
    void aStatementOverSetAIsUnchanged() {
        String sql = "SELECT * FROM timeline_entry WHERE event_id = ?";

        assertThat(readModel.sql(TableSet.A, sql)).isSameAs(sql);
    }

    @Test
    void aStatementOverSetBNamesEveryTableOfTheReadModelWithItsSuffix() {
        String sql = "SELECT l.target_event_id FROM timeline_link l JOIN timeline_entry e ON e.event_id = l.event_id";

        assertThat(readModel.sql(TableSet.B, sql)).isEqualTo(
                "SELECT l.target_event_id FROM timeline_link_b l JOIN timeline_entry_b e ON e.event_id = l.event_id");
    }

    @Test
    void onlyWholeNamesOfItsOwnTablesAreRewritten() {
        String sql = "SELECT timeline_entry_count, x.timeline_links FROM domain_event_entry, status_fact x"
                + " WHERE timeline_entry.id = 1";

        assertThat(readModel.sql(TableSet.B, sql)).isEqualTo(
                "SELECT timeline_entry_count, x.timeline_links FROM domain_event_entry, status_fact x"
                        + " WHERE timeline_entry_b.id = 1");
    }

    @Test
    void theSetsAreEachOthersOther() {
        assertThat(TableSet.A.other()).isEqualTo(TableSet.B);
        assertThat(TableSet.B.other()).isEqualTo(TableSet.A);
        assertThat(TableSet.B.table("status_fact")).isEqualTo("status_fact_b");
        assertThat(ReadModelTables.fixed(readModel, TableSet.B).sql("DELETE FROM timeline_link"))
                .isEqualTo("DELETE FROM timeline_link_b");
    }

    @Test
    void aReadModelOwnsAtLeastOneTable() {
        assertThatThrownBy(() -> new ReadModel("empty", List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
