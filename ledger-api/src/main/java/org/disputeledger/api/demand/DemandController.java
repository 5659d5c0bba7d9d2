package org.disputeledger.api.demand;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.Map;
import org.disputeledger.api.web.Identifiers;
import org.disputeledger.api.web.WriteRequests;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.Recorded;
import org.disputeledger.demand.ComplianceScope;
import org.disputeledger.demand.DemandKind;
import org.disputeledger.demand.command.ComplyWithDemand;
import org.disputeledger.demand.command.ExtendDemandDeadline;
import org.disputeledger.demand.command.IssueDemand;
import org.disputeledger.demand.command.RefuseDemand;
import org.disputeledger.demand.command.WithdrawDemand;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Demands", description = "Demands of authorities to platforms and the platforms' answers")
@RestController
@RequestMapping("/api/v1/demands")
class DemandController {

    private final WriteRequests writes;
    private final Identifiers ids;

    DemandController(WriteRequests writes, Identifiers ids) {
        this.writes = writes;
        this.ids = ids;
    }

    record IssueDemandRequest(String jurisdiction, String authority, String platform, String legalEntityId,
                              DemandKind kind, String legalBasis, Long itemCount, Map<String, Long> itemsByCategory,
                              LocalDate deadline, Envelope envelope) {
    }

    record ExtendDeadlineRequest(LocalDate newDeadline, Envelope envelope) {
    }

    record ComplianceRequest(ComplianceScope scope, Long itemsActioned, Envelope envelope) {
    }

    record RefusalRequest(Long itemsRefused, String reason, Envelope envelope) {
    }

    record WithdrawalRequest(Envelope envelope) {
    }

    @Operation(summary = "Record a demand issued by an authority; opens the demand's stream")
    @PostMapping
    ResponseEntity<Recorded> issue(@RequestBody IssueDemandRequest body, HttpServletRequest request) {
        var command = new IssueDemand(ids.next(), body.jurisdiction(), body.authority(), body.platform(),
                body.legalEntityId(), body.kind(), body.legalBasis(), body.itemCount(), body.itemsByCategory(),
                body.deadline(), body.envelope());
        return writes.record(command, body, request);
    }

    @Operation(summary = "Record that the demand's deadline was moved to a later date")
    @PostMapping("/{demandId}/deadline-extensions")
    ResponseEntity<Recorded> extend(@PathVariable String demandId, @RequestBody ExtendDeadlineRequest body,
                                    HttpServletRequest request) {
        var command = new ExtendDemandDeadline(demandId, body.newDeadline(), body.envelope());
        return writes.record(command, body, request);
    }

    @Operation(summary = "Record a full or partial compliance with the demand")
    @PostMapping("/{demandId}/compliances")
    ResponseEntity<Recorded> comply(@PathVariable String demandId, @RequestBody ComplianceRequest body,
                                    HttpServletRequest request) {
        var command = new ComplyWithDemand(demandId, body.scope(), body.itemsActioned(), body.envelope());
        return writes.record(command, body, request);
    }

    @Operation(summary = "Record the platform's refusal of the demand or of some of its items")
    @PostMapping("/{demandId}/refusals")
    ResponseEntity<Recorded> refuse(@PathVariable String demandId, @RequestBody RefusalRequest body,
                                    HttpServletRequest request) {
        var command = new RefuseDemand(demandId, body.itemsRefused(), body.reason(), body.envelope());
        return writes.record(command, body, request);
    }

    @Operation(summary = "Record that the authority withdrew the demand")
    @PostMapping("/{demandId}/withdrawal")
    ResponseEntity<Recorded> withdraw(@PathVariable String demandId, @RequestBody WithdrawalRequest body,
                                      HttpServletRequest request) {
        var command = new WithdrawDemand(demandId, body.envelope());
        return writes.record(command, body, request);
    }
}
