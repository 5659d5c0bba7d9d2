package org.disputeledger.api.web;

import java.net.URI;
import org.disputeledger.common.Recorded;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The answer to an accepted write: 201 with what was appended, and where the stream can be read. */
public final class RecordedResponse {

    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private RecordedResponse() {
    }

    public static ResponseEntity<Recorded> of(CommandExecutor.Outcome outcome) {
        Recorded recorded = outcome.recorded();
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/streams/" + recorded.streamId()))
                .header(REPLAYED_HEADER, Boolean.toString(outcome.replayed()))
                .body(recorded);
    }
}
