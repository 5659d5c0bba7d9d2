package org.disputeledger.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransparencyCsvCellTest {

    @Test
    void quotesWhatWouldBreakARowAndDisarmsFormulas() {
        assertThat(ExportController.cell("twitter")).isEqualTo("twitter");
        assertThat(ExportController.cell(null)).isEmpty();
        assertThat(ExportController.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(ExportController.cell("say \"no\"")).isEqualTo("\"say \"\"no\"\"\"");
        assertThat(ExportController.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(ExportController.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(ExportController.cell("+1")).isEqualTo("'+1");
        assertThat(ExportController.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    }
}
