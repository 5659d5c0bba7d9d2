package org.disputeledger.api.replica;

import java.util.function.Function;
import org.disputeledger.api.operations.ProcessorStates;
import org.disputeledger.api.operations.ProcessorStates.ProcessorState;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The queries of one read model on the primary and, when a replica is configured, on the replica; each answer is
 * read from one of them, with the freshness that is true where it was read.
 *
 * @param <Q> the read model's queries
 */
public final class ReadModelReads<Q> {

    /** An answer computed from the queries of one database, and how far that database's read model has got. */
    @FunctionalInterface
    public interface Answer<Q, R> {

        R answer(Q queries, Served served);
    }

    /**
     * Where an answer is read: the processor's state with the position of the database read (the replica's
     * committed token, or this node's processor on the primary) against the head of the store on the primary, and
     * which database it is.
     */
    public record Served(ProcessorState progress, ReadSource source) {
    }

    private final String processor;
    private final Q primary;
    private final ProcessorStates states;
    private final ReadReplica replica;
    private final Q onReplica;

    private ReadModelReads(String processor, Q primary, ProcessorStates states, ReadReplica replica, Q onReplica) {
        this.processor = processor;
        this.primary = primary;
        this.states = states;
        this.replica = replica;
        this.onReplica = onReplica;
    }

    /** Reads of the processor's read model; {@code overReplica} makes its queries over the replica, if any. */
    static <Q> ReadModelReads<Q> of(String processor, Q primary, ProcessorStates states, ReadReplica replica,
                                    Function<JdbcTemplate, Q> overReplica) {
        return new ReadModelReads<>(processor, primary, states, replica,
                replica == null ? null : overReplica.apply(replica.jdbc()));
    }

    /**
     * The answer from the replica when it is within the staleness bound, else (or when the replica fails while
     * answering) from the primary. The position is read before the answer, so the answer is at least as fresh as it
     * says.
     */
    public <R> R read(Answer<Q, R> answer) {
        ProcessorState progress = states.of(processor);
        if (replica != null) {
            ReadReplica.Route route = replica.route();
            if (route.onReplica()) {
                try {
                    return answer.answer(onReplica, new Served(progress.at(replica.processorPosition(processor)),
                            ReadSource.replica(route.lag())));
                } catch (DataAccessException e) {
                    replica.failed(e);
                    replica.fellBack(ReadReplica.Fallback.QUERY_FAILED);
                }
            } else {
                replica.fellBack(route.fallback());
            }
        }
        return answer.answer(primary, new Served(progress, ReadSource.PRIMARY));
    }
}
