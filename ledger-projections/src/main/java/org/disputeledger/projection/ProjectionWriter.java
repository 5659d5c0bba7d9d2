package org.disputeledger.projection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The writes of the projections, held until their transaction commits and then sent in JDBC batches, one batch per
 * statement in the order the statements were first used: a processor's batch of events or a rebuild's costs a few
 * round trips to the database instead of several per event. Rows are inserted unless a row with the same key is
 * there, so a replayed event adds nothing without reading first. A handler that must read what it wrote in the same
 * transaction calls {@link #flush()} before reading. Outside a transaction a write is executed at once.
 */
public final class ProjectionWriter {

    /** The SQL dialects the read models run on. */
    public enum Dialect {
        POSTGRESQL, H2
    }

    private final JdbcTemplate jdbc;
    private final Dialect dialect;
    private final Object transactionKey = new Object();

    public ProjectionWriter(JdbcTemplate jdbc, Dialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public Dialect dialect() {
        return dialect;
    }

    /**
     * The statement inserting a row into {@code table} (named as in table set A) unless a row with the same
     * {@code key} is there; each column's value is a parameter.
     */
    public String insertIfAbsent(String table, List<String> key, List<String> columns) {
        return insertIfAbsent(table, key, columns, Collections.nCopies(columns.size(), "?"));
    }

    /** The same, with an SQL expression for each column's value (a parameter, or a scalar subquery). */
    public String insertIfAbsent(String table, List<String> key, List<String> columns, List<String> values) {
        if (columns.size() != values.size()) {
            throw new IllegalArgumentException("one value per column of " + table);
        }
        String names = String.join(", ", columns);
        String expressions = String.join(", ", values);
        return switch (dialect) {
            case POSTGRESQL -> "INSERT INTO " + table + " (" + names + ") VALUES (" + expressions
                    + ") ON CONFLICT DO NOTHING";
            case H2 -> "MERGE INTO " + table + " (" + names + ") KEY (" + String.join(", ", key) + ") VALUES ("
                    + expressions + ")";
        };
    }

    /** Queues the statement with its arguments for the end of the transaction. */
    public void queue(String sql, Object... arguments) {
        Map<String, List<Object[]>> queued = queued();
        if (queued == null) {
            jdbc.update(sql, arguments);
        } else {
            queued.computeIfAbsent(sql, statement -> new ArrayList<>()).add(arguments);
        }
    }

    /** Executes what this transaction has queued so far. */
    public void flush() {
        Map<String, List<Object[]>> queued = queued();
        if (queued == null || queued.isEmpty()) {
            return;
        }
        for (Map.Entry<String, List<Object[]>> statement : queued.entrySet()) {
            jdbc.batchUpdate(statement.getKey(), statement.getValue());
        }
        queued.clear();
    }

    /** The statements queued in the current transaction, sent before it commits; null outside a transaction. */
    private Map<String, List<Object[]>> queued() {
        return TransactionScoped.get(transactionKey, LinkedHashMap::new, statements -> flush());
    }
}
