package org.disputeledger.api.proceeding;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.disputeledger.api.web.Identifiers;
import org.disputeledger.api.web.WriteRequests;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.Recorded;
import org.disputeledger.proceeding.ChallengeOutcome;
import org.disputeledger.proceeding.command.DecideChallenge;
import org.disputeledger.proceeding.command.DrawUpProtocol;
import org.disputeledger.proceeding.command.FileCase;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Proceedings", description = "Cases, administrative protocols and decisions on challenges to orders")
@RestController
@RequestMapping("/api/v1/proceedings")
class ProceedingController {

    private final WriteRequests writes;
    private final Identifiers ids;

    ProceedingController(WriteRequests writes, Identifiers ids) {
        this.writes = writes;
        this.ids = ids;
    }

    record FileCaseRequest(String jurisdiction, String claimant, String platform, String legalEntityId,
                           String legalBasis, String court, String relief, Envelope envelope) {
    }

    record DrawUpProtocolRequest(String jurisdiction, String authority, String legalEntityId, String platform,
                                 String legalBasis, String topic, Envelope envelope) {
    }

    record ChallengeDecisionRequest(String jurisdiction, String court, ChallengeOutcome outcome, String challenged,
                                    Envelope envelope) {
    }

    @Operation(summary = "Record a case an authority brought against a platform; opens the proceeding's stream")
    @PostMapping("/cases")
    ResponseEntity<Recorded> fileCase(@RequestBody FileCaseRequest body, HttpServletRequest request) {
        var command = new FileCase(ids.next(), body.jurisdiction(), body.claimant(), body.platform(),
                body.legalEntityId(), body.legalBasis(), body.court(), body.relief(), body.envelope());
        return writes.record(command, body, request);
    }

    @Operation(summary = "Record an administrative-offence protocol drawn up against a legal entity")
    @PostMapping("/protocols")
    ResponseEntity<Recorded> drawUpProtocol(@RequestBody DrawUpProtocolRequest body, HttpServletRequest request) {
        var command = new DrawUpProtocol(ids.next(), body.jurisdiction(), body.authority(), body.legalEntityId(),
                body.platform(), body.legalBasis(), body.topic(), body.envelope());
        return writes.record(command, body, request);
    }

    @Operation(summary = "Record a court's decision on a challenge to an order or demand",
            description = "Appeals against fines are decided on the fine: "
                    + "POST /api/v1/fines/{fineId}/appeal-decisions.")
    @PostMapping("/challenge-decisions")
    ResponseEntity<Recorded> decideChallenge(@RequestBody ChallengeDecisionRequest body,
                                             HttpServletRequest request) {
        var command = new DecideChallenge(ids.next(), body.jurisdiction(), body.court(), body.outcome(),
                body.challenged(), body.envelope());
        return writes.record(command, body, request);
    }
}
