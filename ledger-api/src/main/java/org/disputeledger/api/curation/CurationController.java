package org.disputeledger.api.curation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.disputeledger.api.web.WriteRequests;
import org.disputeledger.common.Confidence;
import org.disputeledger.common.EffectiveTime;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.Recorded;
import org.disputeledger.curation.command.AttachSource;
import org.disputeledger.curation.command.CorrectEvent;
import org.disputeledger.curation.command.RetractEvent;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Curation", description = "Corrections, retractions and further sources of recorded events")
@RestController
@RequestMapping("/api/v1/events/{eventId}")
class CurationController {

    private final WriteRequests writes;

    CurationController(WriteRequests writes) {
        this.writes = writes;
    }

    record CorrectionRequest(EffectiveTime correctedEffective, Confidence correctedConfidence,
                             Map<String, String> correctedFields, String reason, Envelope envelope) {
    }

    record RetractionRequest(String reason, Envelope envelope) {
    }

    record SourceRequest(Envelope envelope) {
    }

    @Operation(summary = "Correct an event's effective time, confidence or fields; the event itself stays as recorded")
    @PostMapping("/corrections")
    ResponseEntity<Recorded> correct(@PathVariable String eventId, @RequestBody CorrectionRequest body,
                                     HttpServletRequest request) {
        var command = new CorrectEvent(eventId, body.correctedEffective(), body.correctedConfidence(),
                body.correctedFields(), body.reason(), body.envelope());
        return writes.record(command, body, request);
    }

    @Operation(summary = "Retract an event as not having happened as recorded")
    @PostMapping("/retraction")
    ResponseEntity<Recorded> retract(@PathVariable String eventId, @RequestBody RetractionRequest body,
                                     HttpServletRequest request) {
        return writes.record(new RetractEvent(eventId, body.reason(), body.envelope()), body, request);
    }

    @Operation(summary = "Attach further sources to an event")
    @PostMapping("/sources")
    ResponseEntity<Recorded> attach(@PathVariable String eventId, @RequestBody SourceRequest body,
                                    HttpServletRequest request) {
        return writes.record(new AttachSource(eventId, body.envelope()), body, request);
    }
}
