package org.disputeledger.api.infrastructure;

import java.util.function.Function;
import org.disputeledger.projection.ReadModel;
import org.disputeledger.projection.ReadModelTables;

/**
 * A read model the ledger runs: what it is, and how to make its projection (the event handlers that fill it) over a
 * given table set. The live processor gets a projection over the live set; a rebuild, one over the other set.
 */
public record ReadModelDefinition(ReadModel readModel, Function<ReadModelTables, Object> projection) {

    public String name() {
        return readModel.name();
    }
}
