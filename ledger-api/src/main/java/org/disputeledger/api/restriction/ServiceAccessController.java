package org.disputeledger.api.restriction;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import org.disputeledger.api.web.Identifiers;
import org.disputeledger.api.web.WriteRequests;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.Recorded;
import org.disputeledger.restriction.ObservedState;
import org.disputeledger.restriction.RestrictionKind;
import org.disputeledger.restriction.ThrottlingScope;
import org.disputeledger.restriction.command.ChangeThrottlingScope;
import org.disputeledger.restriction.command.ExpandBlockScope;
import org.disputeledger.restriction.command.ExtendThreatDeadline;
import org.disputeledger.restriction.command.ImposeBlock;
import org.disputeledger.restriction.command.ImposeThrottling;
import org.disputeledger.restriction.command.LiftBlock;
import org.disputeledger.restriction.command.LiftThrottling;
import org.disputeledger.restriction.command.ObserveInterference;
import org.disputeledger.restriction.command.OrderRestriction;
import org.disputeledger.restriction.command.RecordAppStoreRemoval;
import org.disputeledger.restriction.command.ThreatenRestriction;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Access restrictions",
        description = "Threats, orders, throttlings, blocks and measurements of a service in a jurisdiction")
@RestController
@RequestMapping("/api/v1/access/{jurisdiction}/{service}")
class ServiceAccessController {

    private final WriteRequests writes;
    private final Identifiers ids;

    ServiceAccessController(WriteRequests writes, Identifiers ids) {
        this.writes = writes;
        this.ids = ids;
    }

    record ThreatRequest(String authority, RestrictionKind kind, String condition, LocalDate deadline,
                         Envelope envelope) {
    }

    record DeadlineExtensionRequest(LocalDate newDeadline, Envelope envelope) {
    }

    record OrderRequest(String authority, String measure, String legalBasis, Envelope envelope) {
    }

    record ThrottlingRequest(String authority, String legalBasis, ThrottlingScope scope, Envelope envelope) {
    }

    record ScopeChangeRequest(ThrottlingScope scope, Envelope envelope) {
    }

    record BlockRequest(String authority, String legalBasis, String method, Envelope envelope) {
    }

    record ScopeExpansionRequest(Long addressesBlocked, String description, Envelope envelope) {
    }

    record LiftingRequest(Envelope envelope) {
    }

    record ObservationRequest(String observer, ObservedState observedState, String technique, Envelope envelope) {
    }

    record AppStoreRemovalRequest(List<String> stores, String requestedBy, Envelope envelope) {
    }

    @Operation(summary = "Record that an authority threatened to throttle or block the service")
    @PostMapping("/threats")
    ResponseEntity<Recorded> threaten(@PathVariable String jurisdiction, @PathVariable String service,
                                      @RequestBody ThreatRequest body, HttpServletRequest request) {
        var command = new ThreatenRestriction(jurisdiction, service, ids.next(), body.authority(), body.kind(),
                body.condition(), body.deadline(), body.envelope());
        return writes.record(command, body, request);
    }

    @Operation(summary = "Record that the deadline of a standing threat was moved to a later date")
    @PostMapping("/threats/{threatId}/deadline-extensions")
    ResponseEntity<Recorded> extendThreat(@PathVariable String jurisdiction, @PathVariable String service,
                                          @PathVariable String threatId, @RequestBody DeadlineExtensionRequest body,
                                          HttpServletRequest request) {
        var command = new ExtendThreatDeadline(jurisdiction, service, threatId, body.newDeadline(), body.envelope());
        return writes.record(command, body, request);
    }

    @Operation(summary = "Record a court's or prosecutor's order to restrict the service, before its execution")
    @PostMapping("/orders")
    ResponseEntity<Recorded> order(@PathVariable String jurisdiction, @PathVariable String service,
                                   @RequestBody OrderRequest body, HttpServletRequest request) {
        var command = new OrderRestriction(jurisdiction, service, ids.next(), body.authority(), body.measure(),
                body.legalBasis(), body.envelope());
        return writes.record(command, body, request);
    }

    @Operation(summary = "Record that the service was throttled over a scope of mobile and fixed-line connections")
    @PostMapping("/throttlings")
    ResponseEntity<Recorded> throttle(@PathVariable String jurisdiction, @PathVariable String service,
                                      @RequestBody ThrottlingRequest body, HttpServletRequest request) {
        var command = new ImposeThrottling(jurisdiction, service, ids.next(), body.authority(), body.legalBasis(),
                body.scope(), body.envelope());
        return writes.record(command, body, request);
    }

    @Operation(summary = "Record that a throttling in force now covers a different scope")
    @PostMapping("/throttlings/{restrictionId}/scope-changes")
    ResponseEntity<Recorded> changeThrottlingScope(@PathVariable String jurisdiction, @PathVariable String service,
                                                   @PathVariable String restrictionId,
                                                   @RequestBody ScopeChangeRequest body, HttpServletRequest request) {
        var command = new ChangeThrottlingScope(jurisdiction, service, restrictionId, body.scope(), body.envelope());
        return writes.record(command, body, request);
    }

    @Operation(summary = "Record that a throttling in force was lifted")
    @PostMapping("/throttlings/{restrictionId}/lifting")
    ResponseEntity<Recorded> liftThrottling(@PathVariable String jurisdiction, @PathVariable String service,
                                            @PathVariable String restrictionId, @RequestBody LiftingRequest body,
                                            HttpServletRequest request) {
        var command = new LiftThrottling(jurisdiction, service, restrictionId, body.envelope());
        return writes.record(command, body, request);
    }

    @Operation(summary = "Record that the service was blocked")
    @PostMapping("/blocks")
    ResponseEntity<Recorded> block(@PathVariable String jurisdiction, @PathVariable String service,
                                   @RequestBody BlockRequest body, HttpServletRequest request) {
        var command = new ImposeBlock(jurisdiction, service, ids.next(), body.authority(), body.legalBasis(),
                body.method(), body.envelope());
        return writes.record(command, body, request);
    }

    @Operation(summary = "Record that a block in force was widened")
    @PostMapping("/blocks/{restrictionId}/scope-expansions")
    ResponseEntity<Recorded> expandBlock(@PathVariable String jurisdiction, @PathVariable String service,
                                         @PathVariable String restrictionId, @RequestBody ScopeExpansionRequest body,
                                         HttpServletRequest request) {
        var command = new ExpandBlockScope(jurisdiction, service, restrictionId, body.addressesBlocked(),
                body.description(), body.envelope());
        return writes.record(command, body, request);
    }

    @Operation(summary = "Record that a block in force was lifted")
    @PostMapping("/blocks/{restrictionId}/lifting")
    ResponseEntity<Recorded> liftBlock(@PathVariable String jurisdiction, @PathVariable String service,
                                       @PathVariable String restrictionId, @RequestBody LiftingRequest body,
                                       HttpServletRequest request) {
        var command = new LiftBlock(jurisdiction, service, restrictionId, body.envelope());
        return writes.record(command, body, request);
    }

    @Operation(summary = "Record a measurement of how reachable the service really was")
    @PostMapping("/observations")
    ResponseEntity<Recorded> observe(@PathVariable String jurisdiction, @PathVariable String service,
                                     @RequestBody ObservationRequest body, HttpServletRequest request) {
        var command = new ObserveInterference(jurisdiction, service, ids.next(), body.observer(),
                body.observedState(), body.technique(), body.envelope());
        return writes.record(command, body, request);
    }

    @Operation(summary = "Record that the service's app was removed from app stores in the jurisdiction")
    @PostMapping("/app-store-removals")
    ResponseEntity<Recorded> removeFromStores(@PathVariable String jurisdiction, @PathVariable String service,
                                              @RequestBody AppStoreRemovalRequest body, HttpServletRequest request) {
        var command = new RecordAppStoreRemoval(jurisdiction, service, ids.next(), body.stores(), body.requestedBy(),
                body.envelope());
        return writes.record(command, body, request);
    }
}
