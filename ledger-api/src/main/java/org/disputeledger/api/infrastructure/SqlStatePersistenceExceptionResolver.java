package org.disputeledger.api.infrastructure;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells Axon that an append failed on a unique key (SQLState 23505 on PostgreSQL and H2), so a concurrent
 * write to the same stream becomes a ConcurrencyException. Axon's own JDBC resolver only recognises
 * SQLIntegrityConstraintViolationException, which the PostgreSQL driver never throws.
 */
public class SqlStatePersistenceExceptionResolver implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
