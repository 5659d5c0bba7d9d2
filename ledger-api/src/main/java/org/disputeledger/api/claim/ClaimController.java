package org.disputeledger.api.claim;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.Map;
import org.disputeledger.api.web.Identifiers;
import org.disputeledger.api.web.WriteRequests;
import org.disputeledger.claim.Fraction;
import org.disputeledger.claim.Qualifier;
import org.disputeledger.claim.command.AssessCompliance;
import org.disputeledger.claim.command.RecordPlatformResponse;
import org.disputeledger.claim.command.ReportStatistic;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.Money;
import org.disputeledger.common.Recorded;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Claims", description = "Figures and statements as each party made them; conflicting claims are all kept")
@RestController
@RequestMapping("/api/v1/claims")
class ClaimController {

    private final WriteRequests writes;
    private final Identifiers ids;

    ClaimController(WriteRequests writes, Identifiers ids) {
        this.writes = writes;
        this.ids = ids;
    }

    record StatisticRequest(String claimant, String jurisdiction, String platform, String legalEntityId,
                            String metric, Long count, Money amount, Qualifier qualifier, String period,
                            LocalDate asOf, Map<String, Long> breakdown, Envelope envelope) {
    }

    record ComplianceAssessmentRequest(String authority, String jurisdiction, String platform, String demandId,
                                       Long itemsFlagged, Long itemsRemoved, Long itemsRemaining,
                                       Fraction shareComplied, String assessment, Envelope envelope) {
    }

    record PlatformResponseRequest(String platform, String jurisdiction, String addressee, String channel,
                                   String statement, Envelope envelope) {
    }

    @Operation(summary = "Record a figure someone stated (a count or an amount); opens the claim's stream")
    @PostMapping("/statistics")
    ResponseEntity<Recorded> reportStatistic(@RequestBody StatisticRequest body, HttpServletRequest request) {
        var command = new ReportStatistic(ids.next(), body.claimant(), body.jurisdiction(), body.platform(),
                body.legalEntityId(), body.metric(), body.count(), body.amount(), body.qualifier(), body.period(),
                body.asOf(), body.breakdown(), body.envelope());
        return writes.record(command, body, request);
    }

    @Operation(summary = "Record an authority's claim about a platform's compliance; opens the claim's stream")
    @PostMapping("/compliance-assessments")
    ResponseEntity<Recorded> assessCompliance(@RequestBody ComplianceAssessmentRequest body,
                                              HttpServletRequest request) {
        var command = new AssessCompliance(ids.next(), body.authority(), body.jurisdiction(), body.platform(),
                body.demandId(), body.itemsFlagged(), body.itemsRemoved(), body.itemsRemaining(),
                body.shareComplied(), body.assessment(), body.envelope());
        return writes.record(command, body, request);
    }

    @Operation(summary = "Record a platform's statement to an authority; opens the claim's stream")
    @PostMapping("/platform-responses")
    ResponseEntity<Recorded> recordResponse(@RequestBody PlatformResponseRequest body, HttpServletRequest request) {
        var command = new RecordPlatformResponse(ids.next(), body.platform(), body.jurisdiction(), body.addressee(),
                body.channel(), body.statement(), body.envelope());
        return writes.record(command, body, request);
    }
}
