package org.disputeledger.api.accountaction;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.disputeledger.accountaction.AccountAction;
import org.disputeledger.accountaction.command.ApplyLabel;
import org.disputeledger.accountaction.command.RemoveLabel;
import org.disputeledger.accountaction.command.RestoreAccount;
import org.disputeledger.accountaction.command.SuspendAccount;
import org.disputeledger.accountaction.command.SuspendAccounts;
import org.disputeledger.accountaction.command.WithholdContent;
import org.disputeledger.api.web.Identifiers;
import org.disputeledger.api.web.WriteRequests;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.Recorded;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Platform actions",
        description = "Platforms' actions against state-linked actors: suspensions, labels and withheld content")
@RestController
@RequestMapping("/api/v1/platforms/{platform}/actions")
class PlatformActionController {

    private final WriteRequests writes;
    private final Identifiers ids;

    PlatformActionController(WriteRequests writes, Identifiers ids) {
        this.writes = writes;
        this.ids = ids;
    }

    record SuspensionRequest(String account, String holder, AccountAction action, String policy, Envelope envelope) {
    }

    record RestorationRequest(Envelope envelope) {
    }

    record BatchSuspensionRequest(Long count, List<String> accounts, Map<String, Long> breakdown, AccountAction action,
                                  String policy, Envelope envelope) {
    }

    /** {@code deamplified} may be left out when the platform only labelled. */
    record LabelRequest(String label, List<String> subjects, Boolean deamplified, Envelope envelope) {
    }

    record LabelRemovalRequest(Envelope envelope) {
    }

    record WithholdingRequest(String description, List<String> features, String territory, Envelope envelope) {
    }

    @Operation(summary = "Record that the platform suspended, terminated or restricted one account")
    @PostMapping("/account-suspensions")
    ResponseEntity<Recorded> suspend(@PathVariable String platform, @RequestBody SuspensionRequest body,
                                     HttpServletRequest request) {
        var command = new SuspendAccount(platform, ids.next(), body.account(), body.holder(), body.action(),
                body.policy(), body.envelope());
        return writes.record(command, body, request);
    }

    @Operation(summary = "Record that the platform restored the account of an active suspension")
    @PostMapping("/account-suspensions/{suspensionId}/restoration")
    ResponseEntity<Recorded> restore(@PathVariable String platform, @PathVariable String suspensionId,
                                     @RequestBody RestorationRequest body, HttpServletRequest request) {
        var command = new RestoreAccount(platform, suspensionId, body.envelope());
        return writes.record(command, body, request);
    }

    @Operation(summary = "Record that the platform acted on a batch of accounts, with the number per network")
    @PostMapping("/batch-suspensions")
    ResponseEntity<Recorded> suspendBatch(@PathVariable String platform, @RequestBody BatchSuspensionRequest body,
                                          HttpServletRequest request) {
        var command = new SuspendAccounts(platform, ids.next(), body.count(), body.accounts(), body.breakdown(),
                body.action(), body.policy(), body.envelope());
        return writes.record(command, body, request);
    }

    @Operation(summary = "Record that the platform labelled accounts or outlets, and whether it de-amplified them")
    @PostMapping("/labels")
    ResponseEntity<Recorded> label(@PathVariable String platform, @RequestBody LabelRequest body,
                                   HttpServletRequest request) {
        var command = new ApplyLabel(platform, ids.next(), body.label(), body.subjects(),
                Boolean.TRUE.equals(body.deamplified()), body.envelope());
        return writes.record(command, body, request);
    }

    @Operation(summary = "Record that the platform took off a label it had applied")
    @PostMapping("/labels/{labelId}/removal")
    ResponseEntity<Recorded> removeLabel(@PathVariable String platform, @PathVariable String labelId,
                                         @RequestBody LabelRemovalRequest body, HttpServletRequest request) {
        var command = new RemoveLabel(platform, labelId, body.envelope());
        return writes.record(command, body, request);
    }

    @Operation(summary = "Record that the platform withheld content or switched off features in a territory")
    @PostMapping("/content-withholdings")
    ResponseEntity<Recorded> withhold(@PathVariable String platform, @RequestBody WithholdingRequest body,
                                      HttpServletRequest request) {
        var command = new WithholdContent(platform, ids.next(), body.description(), body.features(),
                body.territory(), body.envelope());
        return writes.record(command, body, request);
    }
}
