package org.disputeledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.disputeledger.api.support.LedgerHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Walks every operation of the API document with no credential and with each role, and checks each answer
 * against the access rules written here by path prefix and method (independently of the application's own
 * configuration): allowed means neither 401 nor 403 (a 400 or 404 for a dummy request is fine), refused means
 * 401 without a credential and 403 with one. An operation no rule covers fails the walk, so an endpoint added
 * later cannot go unchecked.
 */
abstract class AccessMatrixContract extends LedgerHttp {

    private static final List<String> METHODS = List.of("get", "head", "post", "put", "patch", "delete");

    /** The role anonymous callers read with on this database; null where nothing is anonymous. */
    abstract Role anonymousRole();

    /** The role an operation needs, by path prefix and method; null when no rule covers it. */
    static Role required(String method, String path) {
        boolean read = method.equals("GET") || method.equals("HEAD");
        boolean write = List.of("POST", "PUT", "PATCH", "DELETE").contains(method);
        if (path.startsWith("/api/v1/admin/")) {
            return Role.ADMIN;
        }
        if (path.startsWith("/api/v1/audit/") || path.startsWith("/api/v1/exports/")
                || path.equals("/api/v1/audit") || path.equals("/api/v1/exports")) {
            return Role.AUDITOR;
        }
        if (path.startsWith("/api/v1/events/") || path.equals("/api/v1/events")) {
            return read ? Role.AUDITOR : write ? Role.RECORDER : null;
        }
        if (path.startsWith("/api/v1/")) {
            return read ? Role.VIEWER : write ? Role.RECORDER : null;
        }
        return null;
    }

    @Test
    void everyOperationAnswersEachRoleAsTheRulesSay() {
        Map<Role, String> keys = new LinkedHashMap<>();
        for (Role role : List.of(Role.VIEWER, Role.AUDITOR, Role.RECORDER)) {
            Response created = post("/api/v1/admin/keys", """
                    {"name":"matrix-%s","role":"%s"}""".formatted(role.label(), role.label()));
            keys.put(role, created.body().get("key").asString());
        }
        keys.put(Role.ADMIN, ADMIN_KEY);
        JsonNode paths = anonymous().get("/v3/api-docs").body().get("paths");
        List<String> wrong = new ArrayList<>();
        int operations = 0;
        for (var path : paths.properties()) {
            for (String method : METHODS) {
                if (!path.getValue().has(method)) {
                    continue;
                }
                operations++;
                String verb = method.toUpperCase(Locale.ROOT);
                Role needed = required(verb, path.getKey());
                if (needed == null) {
                    wrong.add(verb + " " + path.getKey() + ": no access rule covers it");
                    continue;
                }
                String uri = path.getKey().replaceAll("\\{[^}]+}", "x1");
                String body = verb.equals("GET") || verb.equals("HEAD") || verb.equals("DELETE") ? null : "{}";
                check(wrong, verb + " " + path.getKey() + " as anonymous", needed, anonymousRole(), 401,
                        anonymous().send(verb, uri, body).status());
                for (var key : keys.entrySet()) {
                    check(wrong, verb + " " + path.getKey() + " as " + key.getKey().label(), needed, key.getKey(),
                            403, as(key.getValue()).send(verb, uri, body).status());
                }
            }
        }
        assertThat(operations).as("operations walked").isGreaterThan(50);
        assertThat(wrong).isEmpty();
    }

    private static void check(List<String> wrong, String call, Role needed, Role caller, int refusal, int status) {
        boolean allowed = caller != null && caller.compareTo(needed) >= 0;
        if (allowed ? status == 401 || status == 403 : status != refusal) {
            wrong.add(call + ": " + status + ", expected " + (allowed ? "allowed" : String.valueOf(refusal))
                    + " (needs " + needed.label() + ")");
        }
    }
}
