package org.disputeledger.api.stream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Revision;
import org.disputeledger.api.infrastructure.AxonInfrastructureConfig;
import org.disputeledger.api.web.ProblemHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Streams", description = "The events of one stream, in order, with their envelope")
@RestController
@RequestMapping("/api/v1/streams")
class StreamController {

    private final EventStore eventStore;

    StreamController(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** One stored event as the API shows it: the ledger's envelope fields and the event's own payload. */
    record StoredEvent(String eventId, String streamId, long sequence, String type, String revision,
                       Instant recordedAt, String recordedBy, Object payload) {
    }

    record StreamEvents(String streamId, long version, List<StoredEvent> events) {
    }

    @Operation(summary = "Read every event of a stream; the ETag is the stream's version")
    @GetMapping("/{streamId}")
    ResponseEntity<?> read(@PathVariable String streamId) {
        DomainEventStream stream = eventStore.readEvents(streamId);
        List<StoredEvent> events = new ArrayList<>();
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            Revision revision = message.getPayloadType().getAnnotation(Revision.class);
            events.add(new StoredEvent(message.getIdentifier(), message.getAggregateIdentifier(),
                    message.getSequenceNumber(), message.getPayloadType().getSimpleName(),
                    revision == null ? null : revision.value(), message.getTimestamp(),
                    String.valueOf(message.getMetaData().get(AxonInfrastructureConfig.RECORDED_BY)),
                    message.getPayload()));
        }
        if (events.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ProblemHandler.problem(HttpStatus.NOT_FOUND,
                    "stream-not-found", "No such stream", "the ledger holds no stream " + streamId, "streamId",
                    "The stream must exist"));
        }
        long version = events.get(events.size() - 1).sequence();
        return ResponseEntity.ok().eTag("\"" + version + "\"").body(new StreamEvents(streamId, version, events));
    }
}
