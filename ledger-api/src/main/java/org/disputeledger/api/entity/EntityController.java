package org.disputeledger.api.entity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.disputeledger.api.web.WriteRequests;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.Recorded;
import org.disputeledger.entity.command.DesignateEntity;
import org.disputeledger.entity.command.RecordAssetSeizure;
import org.disputeledger.entity.command.RenameEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Legal entities", description = "Legal entities: their names, designations and seized assets")
@RestController
@RequestMapping("/api/v1/entities/{legalEntityId}")
class EntityController {

    private final WriteRequests writes;

    EntityController(WriteRequests writes) {
        this.writes = writes;
    }

    record RenamingRequest(String oldName, String newName, Envelope envelope) {
    }

    record DesignationRequest(String authority, String designation, String jurisdiction, String subject,
                              Envelope envelope) {
    }

    record AssetSeizureRequest(String authority, String jurisdiction, String description, Envelope envelope) {
    }

    @Operation(summary = "Record that the legal entity changed its name")
    @PostMapping("/renamings")
    ResponseEntity<Recorded> rename(@PathVariable String legalEntityId, @RequestBody RenamingRequest body,
                                    HttpServletRequest request) {
        var command = new RenameEntity(legalEntityId, body.oldName(), body.newName(), body.envelope());
        return writes.record(command, body, request);
    }

    @Operation(summary = "Record that an authority designated the entity (extremist, undesirable, a register ...)")
    @PostMapping("/designations")
    ResponseEntity<Recorded> designate(@PathVariable String legalEntityId, @RequestBody DesignationRequest body,
                                       HttpServletRequest request) {
        var command = new DesignateEntity(legalEntityId, body.authority(), body.designation(), body.jurisdiction(),
                body.subject(), body.envelope());
        return writes.record(command, body, request);
    }

    @Operation(summary = "Record that an authority seized assets of the entity")
    @PostMapping("/asset-seizures")
    ResponseEntity<Recorded> seizeAssets(@PathVariable String legalEntityId, @RequestBody AssetSeizureRequest body,
                                         HttpServletRequest request) {
        var command = new RecordAssetSeizure(legalEntityId, body.authority(), body.jurisdiction(),
                body.description(), body.envelope());
        return writes.record(command, body, request);
    }
}
