package org.disputeledger.projection;

/**
 * Which table set of a read model a projection writes to and a query reads from: the live one, as the ledger's
 * switch records it, or a fixed one (the set a rebuild fills).
 */
public interface ReadModelTables {

    ReadModel readModel();

    /** The table set to use now; within a transaction, the same answer until it ends. */
    TableSet current();

    /** The statement {@code sql}, written over table set A, over the current table set. */
    default String sql(String sql) {
        return readModel().sql(current(), sql);
    }

    /** The set current now, kept: a query reads all its statements from one set even if a switch happens. */
    default ReadModelTables pinned() {
        return fixed(readModel(), current());
    }

    /** Always the given set: how a rebuild writes into the set that is not live. */
    static ReadModelTables fixed(ReadModel readModel, TableSet set) {
        return new ReadModelTables() {
            @Override
            public ReadModel readModel() {
                return readModel;
            }

            @Override
            public TableSet current() {
                return set;
            }
        };
    }
}
