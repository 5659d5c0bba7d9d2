package org.disputeledger.api.provision;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import org.disputeledger.api.web.WriteRequests;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.Recorded;
import org.disputeledger.provision.Penalty;
import org.disputeledger.provision.command.EnactProvisionVersion;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Provisions", description = "Legal provisions of each jurisdiction, versioned in time")
@RestController
@RequestMapping("/api/v1/provisions")
class ProvisionController {

    private final WriteRequests writes;

    ProvisionController(WriteRequests writes) {
        this.writes = writes;
    }

    /**
     * A version of a provision; penalty is {@code {"kind": "FIXED_RANGE", "min": ..., "max": ...}} or
     * {@code {"kind": "TURNOVER_BAND", "min": {"numerator": 1, "denominator": 20}, "max": ..., "floor": ...}},
     * or null when the text sets no fine range.
     */
    record EnactVersionRequest(String code, String subject, LocalDate effectiveFrom, Penalty penalty, String repeatOf,
                               Integer repeatWindowDays, String enactingAct, Envelope envelope) {
    }

    @Operation(summary = "Record a version of a legal provision taking effect on a date",
            description = "The provision's stream is named after the jurisdiction and the code (e.g. "
                    + "provision-ru-koap-13-41-p-2) and is opened by its first version. A repeat-offence provision "
                    + "names its base provision in repeatOf; the repeat window defaults to 365 days.")
    @PostMapping("/{jurisdiction}/versions")
    ResponseEntity<Recorded> enact(@PathVariable String jurisdiction, @RequestBody EnactVersionRequest body,
                                   HttpServletRequest request) {
        var command = new EnactProvisionVersion(jurisdiction, body.code(), body.subject(), body.effectiveFrom(),
                body.penalty(), body.repeatOf(), body.repeatWindowDays(), body.enactingAct(), body.envelope());
        return writes.record(command, body, request);
    }
}
