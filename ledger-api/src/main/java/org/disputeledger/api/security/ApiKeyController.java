package org.disputeledger.api.security;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.disputeledger.api.web.ProblemHandler;
import org.disputeledger.common.InvalidValueException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Key management for admins: create a key (its secret is in this answer and nowhere else, ever), list the keys
 * (never a secret), revoke one. The admin who acts is recorded on the key's row.
 */
@RestController
class ApiKeyController {

    static final String KEYS = "/api/v1/admin/keys";

    /** What a new key is for: whose it is, and its role (viewer, auditor, recorder or admin). */
    record CreateKey(String name, String role) {
    }

    /** A key as listed. */
    record KeyView(String id, String name, String role, Instant createdAt, String createdBy, boolean revoked,
                   Instant revokedAt, String revokedBy) {

        static KeyView of(ApiKeys.ApiKey key) {
            return new KeyView(key.id(), key.name(), key.role().label(), key.createdAt(), key.createdBy(),
                    key.revoked(), key.revokedAt(), key.revokedBy());
        }
    }

    /** A key just created, with its secret: {@code Authorization: Bearer <key>}. */
    record CreatedKeyView(String id, String name, String role, Instant createdAt, String createdBy, String key) {
    }

    private final ApiKeys keys;

    ApiKeyController(ApiKeys keys) {
        this.keys = keys;
    }

    @Operation(summary = "Create an API key for a role; the secret is answered once and never stored")
    @PostMapping(KEYS)
    ResponseEntity<CreatedKeyView> create(@RequestBody CreateKey request) {
        Role role = Role.parse(request.role()).orElseThrow(() -> new InvalidValueException("role", "enum",
                "role must be one of viewer, auditor, recorder, admin"));
        ApiKeys.CreatedKey created = keys.create(request.name(), role, Recorders.current());
        ApiKeys.ApiKey key = created.key();
        return ResponseEntity.created(URI.create(KEYS + "/" + key.id()))
                .cacheControl(CacheControl.noStore())
                .body(new CreatedKeyView(key.id(), key.name(), role.label(), key.createdAt(), key.createdBy(),
                        created.secret()));
    }

    @Operation(summary = "Every API key, revoked ones included: id, name, role, creation and revocation")
    @GetMapping(KEYS)
    List<KeyView> list() {
        return keys.list().stream().map(KeyView::of).toList();
    }

    @Operation(summary = "Revoke an API key for good; within the key cache's time to live on every node")
    @DeleteMapping(KEYS + "/{keyId}")
    ResponseEntity<?> revoke(@PathVariable String keyId) {
        return keys.revoke(keyId, Recorders.current())
                .<ResponseEntity<?>>map(key -> ResponseEntity.ok(KeyView.of(key)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(ProblemHandler.problem(HttpStatus.NOT_FOUND, "key-not-found", "No such key",
                                "the ledger holds no API key with this id", "keyId", "The key must exist")));
    }
}
