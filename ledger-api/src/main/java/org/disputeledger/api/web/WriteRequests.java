package org.disputeledger.api.web;

import jakarta.servlet.http.HttpServletRequest;
import org.disputeledger.api.security.Recorders;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.common.Recorded;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records an HTTP write: takes the recorder (the authenticated caller, never the request), the Idempotency-Key,
 * a fingerprint of the request and the If-Match precondition, sends the command through the
 * {@link CommandExecutor} and answers 201 with what was appended.
 */
@Component
public class WriteRequests {

    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

    private final JsonMapper json;
    private final CommandExecutor executor;

    public WriteRequests(JsonMapper json, CommandExecutor executor) {
        this.json = json;
        this.executor = executor;
    }

    /** Sends the command built from {@code body} and answers as every write of the API does. */
    public ResponseEntity<Recorded> record(LedgerCommand command, Object body, HttpServletRequest request) {
        return RecordedResponse.of(executor.execute(command, of(request, body)));
    }

    public CommandExecutor.Write of(HttpServletRequest request, Object body) {
        String key = request.getHeader(IDEMPOTENCY_KEY_HEADER);
        if (key != null) {
            if (key.isBlank() || key.length() > 200 || !key.matches("[\\x21-\\x7E]+")) {
                throw new InvalidValueException(IDEMPOTENCY_KEY_HEADER, "idempotency-key",
                        "Idempotency-Key must be 1 to 200 visible ASCII characters");
            }
        }
        String ifMatchHeader = request.getHeader(IfMatch.HEADER);
        IfMatch ifMatch = ifMatchHeader == null ? null : IfMatch.parse(ifMatchHeader);
        String recorder = Recorders.current();
        if (key == null) {
            return new CommandExecutor.Write(recorder, null, null, ifMatch);
        }
        // If-Match is left out of the fingerprint: a retry after success replays the answer whatever it sends
        String fingerprint = CommandExecutor.Write.fingerprintOf(request.getMethod(), request.getRequestURI(),
                json.writeValueAsString(body));
        return new CommandExecutor.Write(recorder, key, fingerprint, ifMatch);
    }
}
