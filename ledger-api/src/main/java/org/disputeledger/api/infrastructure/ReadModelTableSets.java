package org.disputeledger.api.infrastructure;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.disputeledger.projection.ProjectionWriter;
import org.disputeledger.projection.ReadModel;
import org.disputeledger.projection.ReadModelTables;
import org.disputeledger.projection.TableSet;
import org.disputeledger.projection.TransactionScoped;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which table set of each read model is live, as table {@code read_model_table_set} records it. A processor's batch
 * reads its read model's row once per transaction with a shared lock (an exclusive one on H2, which has no shared row
 * locks), and a switch takes the exclusive lock: so a batch writes all its rows to one set, and a switch waits for
 * the batches in flight and holds back the next ones until it commits. Queries read the row without a lock; the set
 * they were given stays intact until the next rebuild starts.
 */
@Component
public class ReadModelTableSets {

    private static final Object TRANSACTION_KEY = new Object();

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String sharedLock;

    ReadModelTableSets(ProjectionWriter writer, Clock clock) {
        this.jdbc = writer.jdbc();
        this.clock = clock;
        this.sharedLock = writer.dialect() == ProjectionWriter.Dialect.POSTGRESQL ? " FOR SHARE" : " FOR UPDATE";
    }

    /** The live set of the read model, found afresh for each transaction (and each statement outside one). */
    public ReadModelTables live(ReadModel readModel) {
        return tables(readModel, () -> liveInTransaction(readModel.name()));
    }

    /**
     * The live set of the read model as another copy of the database records it (a read replica, which may lag the
     * primary's switch: both sets exist there, so either answer is a complete set). Read without a lock, which a
     * read-only copy refuses.
     */
    public static ReadModelTables liveOn(JdbcTemplate copy, ReadModel readModel) {
        return tables(readModel, () -> read(copy, readModel.name(), ""));
    }

    private static ReadModelTables tables(ReadModel readModel, Supplier<TableSet> current) {
        return new ReadModelTables() {
            @Override
            public ReadModel readModel() {
                return readModel;
            }

            @Override
            public TableSet current() {
                return current.get();
            }
        };
    }

    /** The live set as committed now, without a lock. */
    public TableSet liveSet(String readModel) {
        return read(readModel, "");
    }

    /**
     * Locks the rows of these read models for a switch, in a stable order so two switches cannot deadlock, and
     * answers their live sets; the caller must be in a transaction, which the lock lasts for.
     */
    public Map<String, TableSet> lockForSwitch(Iterable<ReadModel> readModels) {
        requireTransaction();
        Map<String, TableSet> live = new HashMap<>();
        java.util.List<String> names = new java.util.ArrayList<>();
        readModels.forEach(model -> names.add(model.name()));
        names.sort(null);
        for (String name : names) {
            live.put(name, read(name, " FOR UPDATE"));
        }
        return live;
    }

    /** Makes {@code set} the live set of the read model, in the caller's transaction. */
    public void switchTo(String readModel, TableSet set) {
        requireTransaction();
        jdbc.update("UPDATE read_model_table_set SET live_set = ?, switched_at = ? WHERE read_model = ?", set.name(),
                clock.instant().atOffset(ZoneOffset.UTC), readModel);
    }

    private TableSet liveInTransaction(String readModel) {
        Map<String, TableSet> held = TransactionScoped.get(TRANSACTION_KEY, HashMap::new);
        return held == null ? read(readModel, "") : held.computeIfAbsent(readModel, name -> read(name, sharedLock));
    }

    private TableSet read(String readModel, String lock) {
        return read(jdbc, readModel, lock);
    }

    private static TableSet read(JdbcTemplate jdbc, String readModel, String lock) {
        String live = jdbc.queryForObject("SELECT live_set FROM read_model_table_set WHERE read_model = ?" + lock,
                String.class, readModel);
        return TableSet.valueOf(live);
    }

    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a switch of table sets needs a transaction");
        }
    }
}
