package org.disputeledger.api.web;

import java.net.URI;
import org.disputeledger.common.Recorded;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The answer to an accepted write: 201 with what was appended, where the stream can be read and, as the ETag, the
 * stream's version after the write.
 */
public final class RecordedResponse {

    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private RecordedResponse() {
    }

    public static ResponseEntity<Recorded> of(CommandExecutor.Outcome outcome) {
        Recorded recorded = outcome.recorded();
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/streams/" + recorded.streamId()))
                .header(REPLAYED_HEADER, Boolean.toString(outcome.replayed()));
        if (!recorded.events().isEmpty()) {
            // the stream's version once this write was appended, for a client that chains writes with If-Match
            answer.eTag("\"" + recorded.events().get(recorded.events().size() - 1).sequence() + "\"");
        }
        return answer.body(recorded);
    }
}
