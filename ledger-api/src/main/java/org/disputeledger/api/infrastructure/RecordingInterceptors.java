package org.disputeledger.api.infrastructure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.disputeledger.api.web.CommandExecutor;
import org.disputeledger.api.web.IfMatch;
import org.disputeledger.api.web.StaleVersionException;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.common.LedgerRuleViolation;
import org.disputeledger.common.Link;
import org.disputeledger.common.Recorded;
import org.disputeledger.common.RuleCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Interceptors around every command, inside its unit of work and transaction: before handling, every link of the
 * envelope must name an event the ledger holds, a keyed command claims its idempotency key, the command's stream
 * is evicted from the aggregate caches should the transaction not commit, and a conditional command's stream must be
 * at an If-Match version; after handling, the command's result is what it appended (event ids and sequences),
 * stored as the key's answer in the same transaction, and a conditional command must have been decided on an
 * If-Match version.
 */
@Component
public class RecordingInterceptors {

    private static final String APPENDED = RecordingInterceptors.class.getName() + ".appended";

    private final JdbcTemplate jdbc;
    private final java.time.Clock clock;

    public RecordingInterceptors(CommandBus commandBus, EventStore eventStore, JdbcTemplate jdbc,
                                 AggregateCaches caches, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        eventStore.registerDispatchInterceptor(messages -> {
            if (CurrentUnitOfWork.isStarted()) {
                List<Recorded.RecordedEvent> appended = CurrentUnitOfWork.get().root().getResource(APPENDED);
                if (appended != null) {
                    for (var message : messages) {
                        long sequence = message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : 0;
                        appended.add(new Recorded.RecordedEvent(message.getIdentifier(),
                                message.getPayloadType().getSimpleName(), sequence));
                    }
                }
            }
            return (index, message) -> message;
        });
        commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            Object payload = unitOfWork.getMessage().getPayload();
            if (!(payload instanceof LedgerCommand command)) {
                return chain.proceed();
            }
            requireKnownLinks(command.envelope().links());
            caches.evictUnlessCommitted(List.of(command.streamId()));
            Object key = unitOfWork.getMessage().getMetaData().get(AxonInfrastructureConfig.IDEMPOTENCY_KEY);
            if (key != null) {
                claimIdempotencyKey(key.toString(),
                        String.valueOf(unitOfWork.getMessage().getMetaData().get(CommandExecutor.REQUEST_FINGERPRINT)));
            }
            Object ifMatchValue = unitOfWork.getMessage().getMetaData().get(CommandExecutor.IF_MATCH);
            IfMatch ifMatch = ifMatchValue == null ? null : IfMatch.parse(ifMatchValue.toString());
            if (ifMatch != null) {
                requireVersionBeforeDeciding(command.streamId(), ifMatch);
            }
            List<Recorded.RecordedEvent> appended = Collections.synchronizedList(new ArrayList<>());
            unitOfWork.root().resources().put(APPENDED, appended);
            try {
                chain.proceed();
            } catch (LedgerRuleViolation refused) {
                if (ifMatch != null) {
                    requireVersionBeforeDeciding(command.streamId(), ifMatch);
                }
                throw refused;
            }
            Recorded recorded = new Recorded(command.streamId(), appended);
            if (ifMatch != null) {
                // runs after the events were staged with their sequence numbers, before the transaction commits
                unitOfWork.onPrepareCommit(u -> requireDecidedOnVersion(command.streamId(), ifMatch, appended));
            }
            if (key != null) {
                // runs after the events were appended (registered after them), in the same transaction
                unitOfWork.onPrepareCommit(u -> jdbc.update("UPDATE idempotency_record SET response_status = 201, "
                        + "response_body = ? WHERE idempotency_key = ?", CommandExecutor.write(recorded), key));
            }
            return recorded;
        });
    }

    /**
     * Refuses a stale If-Match before the command decides, so that a client who saw an older version learns that
     * rather than a rule's verdict on a state it never read. A stream that does not exist is left to the command:
     * one that must exist answers 404, one that creates it is refused when it is stored.
     */
    private void requireVersionBeforeDeciding(String streamId, IfMatch ifMatch) {
        Long current = currentVersion(streamId);
        if (current != null && !ifMatch.matches(current)) {
            throw new StaleVersionException(streamId, ifMatch, current);
        }
    }

    /**
     * The check that holds at append time: the events' sequence numbers say which version of the stream the
     * command was decided on. Should another writer have appended that version's successor meanwhile, the store's
     * unique (stream, sequence) key refuses these events and the retried command meets this check on the new version.
     */
    private void requireDecidedOnVersion(String streamId, IfMatch ifMatch, List<Recorded.RecordedEvent> appended) {
        Long decidedOn;
        if (appended.isEmpty()) {
            decidedOn = currentVersion(streamId);
        } else {
            long first = appended.get(0).sequence();
            decidedOn = first == 0 ? null : first - 1;
        }
        if (!ifMatch.matches(decidedOn)) {
            throw new StaleVersionException(streamId, ifMatch, decidedOn);
        }
    }

    /** The sequence number of the stream's last stored event; null when the stream has none. */
    private Long currentVersion(String streamId) {
        return jdbc.queryForObject("SELECT MAX(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, streamId);
    }

    /**
     * Inserts the key before the command decides anything: a concurrent twin blocks on the key's unique index until
     * this transaction ends, then fails with a duplicate key and reads the answer stored here.
     */
    private void claimIdempotencyKey(String key, String fingerprint) {
        jdbc.update("INSERT INTO idempotency_record (idempotency_key, request_fingerprint, response_status, "
                + "response_body, recorded_at) VALUES (?, ?, 0, '', ?)", key, fingerprint,
                java.sql.Timestamp.from(clock.instant()));
    }

    private void requireKnownLinks(List<Link> links) {
        if (links.isEmpty()) {
            return;
        }
        Set<String> wanted = new HashSet<>();
        links.forEach(link -> wanted.add(link.eventId()));
        String placeholders = String.join(",", Collections.nCopies(wanted.size(), "?"));
        List<String> found = jdbc.queryForList(
                "SELECT event_identifier FROM domain_event_entry WHERE event_identifier IN (" + placeholders + ")",
                String.class, wanted.toArray());
        for (int i = 0; i < links.size(); i++) {
            if (!found.contains(links.get(i).eventId())) {
                throw new LedgerRuleViolation(RuleCode.UNKNOWN_EVENT, "envelope.links[" + i + "].eventId",
                        "the ledger holds no event " + links.get(i).eventId());
            }
        }
    }
}
