package org.disputeledger.api.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.JsonNode;

@Tag(name = "History", description = "Every sealed event in one global order, from any position")
@RestController
@RequestMapping("/api/v1/events")
class HistoryController {

    static final String NDJSON = "application/x-ndjson";
    /** Rows a streamed read takes per query: each query is short, however long the stream. */
    private static final int CHUNK = 1000;

    private final History history;

    HistoryController(History history) {
        this.history = history;
    }

    /** A page of the history; continue with {@code after = nextAfter} while {@code more} is true. */
    record Page(List<JsonNode> events, long nextAfter, boolean more, long sealedUpTo) {
    }

    @Operation(summary = "Sealed events after a global position, in global order, with position, stream, sequence,"
            + " type, revision, effective and recorded time, recorder, sources and payload (at most 'limit' rows"
            + " scanned, up to 1000); filters by stream, platform, legal entity, event type and recorded-time range")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Page page(@RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "100") int limit,
              @RequestParam(required = false) String stream, @RequestParam(required = false) String platform,
              @RequestParam(required = false) String entity, @RequestParam(required = false) String type,
              @RequestParam(required = false) String recordedFrom, @RequestParam(required = false) String recordedTo) {
        AuditController.requireRange("after", after, 0, Long.MAX_VALUE);
        AuditController.requireRange("limit", limit, 1, 1000);
        History.Filter filter = filter(stream, platform, entity, type, recordedFrom, recordedTo);
        History.Page page = history.page(after, limit, filter);
        return new Page(page.events(), page.lastScanned(), page.lastScanned() < page.sealedUpTo(),
                page.sealedUpTo());
    }

    @Operation(summary = "The same events as NDJSON (one JSON object per line), streamed for bulk reads: every"
            + " sealed event after 'after' (at most 'limit' when given) with the same filters")
    @GetMapping(value = "/stream", produces = NDJSON)
    ResponseEntity<StreamingResponseBody> stream(@RequestParam(defaultValue = "0") long after,
                                                 @RequestParam(required = false) Long limit,
                                                 @RequestParam(required = false) String stream,
                                                 @RequestParam(required = false) String platform,
                                                 @RequestParam(required = false) String entity,
                                                 @RequestParam(required = false) String type,
                                                 @RequestParam(required = false) String recordedFrom,
                                                 @RequestParam(required = false) String recordedTo) {
        AuditController.requireRange("after", after, 0, Long.MAX_VALUE);
        if (limit != null) {
            AuditController.requireRange("limit", limit, 1, Long.MAX_VALUE);
        }
        History.Filter filter = filter(stream, platform, entity, type, recordedFrom, recordedTo);
        long sealedUpTo = history.sealedUpTo();
        StreamingResponseBody body = out -> write(out, after, limit == null ? Long.MAX_VALUE : limit, filter,
                sealedUpTo);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(NDJSON)).body(body);
    }

    private void write(OutputStream out, long after, long limit, History.Filter filter, long sealedUpTo) {
        long[] written = {0};
        long position = after;
        while (written[0] < limit && position < sealedUpTo) {
            long before = position;
            position = history.read(position, CHUNK, filter, sealedUpTo, event -> {
                if (written[0] < limit) {
                    try {
                        out.write(event.toString().getBytes(StandardCharsets.UTF_8));
                        out.write('\n');
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    written[0]++;
                }
            });
            if (position == before) {
                break;
            }
        }
    }

    private static History.Filter filter(String stream, String platform, String entity, String type,
                                         String recordedFrom, String recordedTo) {
        return new History.Filter(stream, platform, entity, type,
                History.Filter.instant(recordedFrom, "recordedFrom"), History.Filter.instant(recordedTo, "recordedTo"));
    }
}
