package org.disputeledger.api.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.disputeledger.api.infrastructure.AxonInfrastructureConfig;
import org.disputeledger.api.infrastructure.LedgerStoreProperties;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.disputeledger.common.EventJson;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.common.LedgerRuleViolation;
import org.disputeledger.common.Recorded;
import org.disputeledger.common.RuleCode;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends a command the way every write of the ledger is sent, from the API and from imports alike: retried when
 * it lost a race on its stream, and answered with what it appended. Each attempt is one Axon unit of work that
 * owns its transaction, so the stream's lock is held until the events are committed; the idempotency record of a
 * keyed write is written in that same transaction (by {@code RecordingInterceptors}). A repeated
 * Idempotency-Key returns the first answer and appends nothing.
 */
@Component
public class CommandExecutor {

    /** Metadata of a keyed command: the fingerprint of the request that the key first answered. */
    public static final String REQUEST_FINGERPRINT = "requestFingerprint";
    /** Metadata of a conditional command: the If-Match its stream's version must meet when the events are stored. */
    public static final String IF_MATCH = "ifMatch";

    private static final ObjectMapper JSON = EventJson.objectMapper();

    private final CommandGateway gateway;
    private final JdbcTemplate jdbc;
    private final int retries;
    private final io.micrometer.core.instrument.Counter lostRaces;
    private final io.micrometer.core.instrument.MeterRegistry meters;

    public CommandExecutor(CommandGateway gateway, JdbcTemplate jdbc, LedgerStoreProperties properties,
                           io.micrometer.core.instrument.MeterRegistry meters) {
        this.gateway = gateway;
        this.jdbc = jdbc;
        this.retries = properties.commandRetries();
        this.lostRaces = meters.counter("ledger.commands.lost.races");
        this.meters = meters;
    }

    /** What became of a command, as {@code ledger.commands} counts it (tags {@code command} and {@code outcome}). */
    enum Result {
        ACCEPTED, REPLAYED, REFUSED, CONFLICT, FAILED;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Result of(RuntimeException e) {
            if (e instanceof ConcurrentModificationException) {
                return CONFLICT;
            }
            if (e instanceof LedgerRuleViolation || e instanceof IdempotencyKeyReusedException
                    || e instanceof InvalidValueException || e instanceof AggregateNotFoundException) {
                return REFUSED;
            }
            return FAILED;
        }
    }

    /** The answer to a write: what was recorded, and whether it is the replay of an earlier identical request. */
    public record Outcome(Recorded recorded, boolean replayed) {
    }

    /**
     * Who writes, under which idempotency key (null for none), a fingerprint of the request as sent, so a key
     * reused for another request is caught, and the versions of the stream the write may apply to (null: any).
     */
    public record Write(String recorder, String idempotencyKey, String fingerprint, IfMatch ifMatch) {

        public Write(String recorder, String idempotencyKey, String fingerprint) {
            this(recorder, idempotencyKey, fingerprint, null);
        }

        public static String fingerprintOf(String... parts) {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                for (String part : parts) {
                    digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                }
                return HexFormat.of().formatHex(digest.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public Outcome execute(LedgerCommand command, Write write) {
        Outcome outcome;
        try {
            outcome = attempt(command, write);
        } catch (RuntimeException e) {
            count(command, Result.of(e));
            throw e;
        }
        count(command, outcome.replayed() ? Result.REPLAYED : Result.ACCEPTED);
        return outcome;
    }

    private void count(LedgerCommand command, Result result) {
        io.micrometer.core.instrument.Counter.builder("ledger.commands")
                .description("Commands sent, by command type and outcome")
                .tag("command", command.getClass().getSimpleName()).tag("outcome", result.tag())
                .register(meters).increment();
    }

    private Outcome attempt(LedgerCommand command, Write write) {
        if (write.idempotencyKey() == null) {
            return new Outcome(withRetries(command, () -> dispatch(command, write)), false);
        }
        Optional<Outcome> earlier = earlierOutcome(write);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            return new Outcome(withRetries(command, () -> dispatch(command, write)), false);
        } catch (DuplicateKeyException concurrentTwin) {
            return earlierOutcome(write).orElseThrow(() -> concurrentTwin);
        }
    }

    private Optional<Outcome> earlierOutcome(Write write) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT request_fingerprint, response_body FROM idempotency_record WHERE idempotency_key = ?",
                write.idempotencyKey());
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        if (!write.fingerprint().equals(rows.get(0).get("request_fingerprint"))) {
            throw new IdempotencyKeyReusedException(write.idempotencyKey());
        }
        return Optional.of(new Outcome(read(String.valueOf(rows.get(0).get("response_body"))), true));
    }

    /**
     * Runs an attempt until it no longer loses a race on its stream. A stream that another writer created first is
     * retried once: a command that creates the stream if missing then applies to it; a command that must open a
     * new stream meets the same conflict again, and its id is a duplicate.
     */
    private Recorded withRetries(LedgerCommand command, Supplier<Recorded> attempt) {
        RuntimeException last = null;
        boolean streamCreatedConcurrently = false;
        for (int i = 0; i <= retries; i++) {
            try {
                return attempt.get();
            } catch (AggregateStreamCreationException streamExists) {
                if (streamCreatedConcurrently) {
                    throw new LedgerRuleViolation(RuleCode.DUPLICATE_IDENTIFIER, "id",
                            "stream " + command.streamId() + " already exists");
                }
                streamCreatedConcurrently = true;
                lostRaces.increment();
                last = streamExists;
            } catch (ConcurrencyException lostRace) {
                lostRaces.increment();
                last = lostRace;
                backOff(i);
            }
        }
        throw new ConcurrentModificationException(command.streamId(), last);
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep((long) (Math.random() * 5 * (attempt + 1)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Recorded dispatch(LedgerCommand command, Write write) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(AxonInfrastructureConfig.RECORDED_BY, write.recorder());
        if (write.idempotencyKey() != null) {
            metadata.put(AxonInfrastructureConfig.IDEMPOTENCY_KEY, write.idempotencyKey());
            metadata.put(REQUEST_FINGERPRINT, write.fingerprint());
        }
        if (write.ifMatch() != null) {
            metadata.put(IF_MATCH, write.ifMatch().toString());
        }
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metadata));
    }

    /** The stored form of an answer, as the idempotency record keeps it. */
    public static String write(Recorded recorded) {
        try {
            return JSON.writeValueAsString(recorded);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Recorded read(String json) {
        try {
            return JSON.readValue(json, Recorded.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
