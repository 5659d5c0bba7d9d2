package org.disputeledger.api.sanction;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import org.disputeledger.api.web.Identifiers;
import org.disputeledger.api.web.WriteRequests;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.Money;
import org.disputeledger.common.Recorded;
import org.disputeledger.sanction.AppealOutcome;
import org.disputeledger.sanction.command.AppealFine;
import org.disputeledger.sanction.command.DecideAppeal;
import org.disputeledger.sanction.command.EnterFineIntoForce;
import org.disputeledger.sanction.command.ImposeFine;
import org.disputeledger.sanction.command.OpenEnforcementProceeding;
import org.disputeledger.sanction.command.PayFine;
import org.disputeledger.sanction.command.ReferFineForEnforcement;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Fines", description = "Fines and their lifecycle: imposition, appeal, entry into force, payment")
@RestController
@RequestMapping("/api/v1/fines")
class FineController {

    private final WriteRequests writes;
    private final Identifiers ids;

    FineController(WriteRequests writes, Identifiers ids) {
        this.writes = writes;
        this.ids = ids;
    }

    record ImposeFineRequest(String jurisdiction, String authority, String legalEntityId, String platform,
                             String provisionCode, LocalDate offenceDate, Money amount, Integer rulingCount,
                             Boolean rulingCountUnknown, String repeatOfFineId, Money revenue, Envelope envelope) {

        /** 1 when not given; null only when the client says the number of rulings is unknown. */
        Integer effectiveRulingCount() {
            if (Boolean.TRUE.equals(rulingCountUnknown)) {
                if (rulingCount != null) {
                    throw new org.disputeledger.common.InvalidValueException("rulingCountUnknown", "exclusive",
                            "give either rulingCount or rulingCountUnknown, not both");
                }
                return null;
            }
            return rulingCount == null ? Integer.valueOf(1) : rulingCount;
        }
    }

    record AppealRequest(String appellant, Envelope envelope) {
    }

    record AppealDecisionRequest(String court, AppealOutcome outcome, Money newAmount, Envelope envelope) {
    }

    record EntryIntoForceRequest(Envelope envelope) {
    }

    record PaymentRequest(Money amount, String payer, Envelope envelope) {
    }

    record EnforcementReferralRequest(String to, Envelope envelope) {
    }

    record EnforcementProceedingRequest(String bailiffService, Integer proceedings, Envelope envelope) {
    }

    @Operation(summary = "Record a fine imposed on a legal entity; opens the fine's stream",
            description = "The amount is checked against the provision version in force on the offence date "
                    + "(default: the effective date). rulingCount is 1 for one ruling and n for a bundle of n rulings, "
                    + "checked as n fines (default 1); rulingCountUnknown=true marks a bundle of unknown size, which is not checked. "
                    + "A turnover fine needs the revenue; a repeat offence needs repeatOfFineId.")
    @PostMapping
    ResponseEntity<Recorded> impose(@RequestBody ImposeFineRequest body, HttpServletRequest request) {
        var command = new ImposeFine(ids.next(), body.jurisdiction(), body.authority(), body.legalEntityId(),
                body.platform(), body.provisionCode(), body.offenceDate(), body.amount(), body.effectiveRulingCount(),
                body.repeatOfFineId(), body.revenue(), body.envelope());
        return writes.record(command, body, request);
    }

    @Operation(summary = "Record an appeal against the fine")
    @PostMapping("/{fineId}/appeals")
    ResponseEntity<Recorded> appeal(@PathVariable String fineId, @RequestBody AppealRequest body,
                                    HttpServletRequest request) {
        return writes.record(new AppealFine(fineId, body.appellant(), body.envelope()), body, request);
    }

    @Operation(summary = "Record a court's decision on the fine's pending appeal: upheld, reduced or annulled")
    @PostMapping("/{fineId}/appeal-decisions")
    ResponseEntity<Recorded> decideAppeal(@PathVariable String fineId, @RequestBody AppealDecisionRequest body,
                                          HttpServletRequest request) {
        var command = new DecideAppeal(fineId, body.court(), body.outcome(), body.newAmount(), body.envelope());
        return writes.record(command, body, request);
    }

    @Operation(summary = "Record that the fine became final")
    @PostMapping("/{fineId}/entry-into-force")
    ResponseEntity<Recorded> enterIntoForce(@PathVariable String fineId, @RequestBody EntryIntoForceRequest body,
                                            HttpServletRequest request) {
        return writes.record(new EnterFineIntoForce(fineId, body.envelope()), body, request);
    }

    @Operation(summary = "Record a payment on the fine, at most the amount still outstanding")
    @PostMapping("/{fineId}/payments")
    ResponseEntity<Recorded> pay(@PathVariable String fineId, @RequestBody PaymentRequest body,
                                 HttpServletRequest request) {
        var command = new PayFine(fineId, ids.next(), body.amount(), body.payer(), body.envelope());
        return writes.record(command, body, request);
    }

    @Operation(summary = "Record that the unpaid fine was passed to an enforcement service such as FSSP")
    @PostMapping("/{fineId}/enforcement-referrals")
    ResponseEntity<Recorded> referForEnforcement(@PathVariable String fineId,
                                                 @RequestBody EnforcementReferralRequest body,
                                                 HttpServletRequest request) {
        return writes.record(new ReferFineForEnforcement(fineId, body.to(), body.envelope()), body, request);
    }

    @Operation(summary = "Record that bailiffs opened enforcement proceedings on the fine")
    @PostMapping("/{fineId}/enforcement-proceedings")
    ResponseEntity<Recorded> openEnforcementProceeding(@PathVariable String fineId,
                                                       @RequestBody EnforcementProceedingRequest body,
                                                       HttpServletRequest request) {
        var command = new OpenEnforcementProceeding(fineId, body.bailiffService(), body.proceedings(),
                body.envelope());
        return writes.record(command, body, request);
    }
}
