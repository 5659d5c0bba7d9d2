package org.disputeledger.api.demo;

import java.util.List;

/**
 * What an import of a data set did: how many rows it read and recorded, and every row it refused, with the rule
 * or reason. {@code alreadyImported} says the data set had been imported before and nothing was done.
 */
public record ImportReport(String dataSet, boolean alreadyImported, int rows, int recorded, List<RefusedRow> refused) {

    public ImportReport {
        refused = List.copyOf(refused);
    }

    /** A row the ledger did not record: its id, its event type, the stable code and the reason. */
    public record RefusedRow(String rowId, String eventType, String code, String reason) {
    }

    static ImportReport skipped(String dataSet) {
        return new ImportReport(dataSet, true, 0, 0, List.of());
    }
}
