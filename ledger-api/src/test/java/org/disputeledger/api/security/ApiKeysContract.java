package org.disputeledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.disputeledger.api.support.LedgerHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * API keys end to end: an admin creates keys (the secret answered once, only its hash stored), each role does what
 * it may and is refused the rest with a 401 or 403 problem, writes record the key's holder, a revoked key stops
 * working at once on its node and within the cache's time to live on the others.
 */
abstract class ApiKeysContract extends LedgerHttp {

    static final String KEYS = "/api/v1/admin/keys";

    /** A key as created: its id and the key itself, and the whole answer. */
    record Issued(String id, String key, Response answer) {
    }

    Issued issue(String name, String role) {
        Response created = post(KEYS, """
                {"name":"%s","role":"%s"}""".formatted(name, role));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return new Issued(created.body().get("id").asString(), created.body().get("key").asString(), created);
    }

    String createKey(String name, String role) {
        return issue(name, role).key();
    }

    static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body().get("code").asString()).isEqualTo(code);
        assertThat(response.body().get("field").asString()).isEqualTo("Authorization");
        assertThat(response.body().get("rule").asString()).isNotBlank();
    }

    @Test
    void aWriteWithoutAKeyIsAProblem401NamingTheBearerScheme() {
        long before = eventCount();

        Response refused = anonymous().post("/api/v1/demands", demand(5, "2021-03-10"));

        assertProblem(refused, 401, "unauthenticated");
        assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void anUnknownKeyAnotherSchemeOrAForgedKeyAre401InvalidToken() {
        String forged = "ldk_0123456789abcdef_" + "A".repeat(43);
        for (String header : new String[] {"Bearer nonsense", "Basic YWRtaW46YWRtaW4=", "Bearer " + forged,
                "Bearer " + ADMIN_KEY + "x"}) {
            Response refused = anonymous().get("/api/v1/status?jurisdiction=RU", "Authorization", header);

            assertProblem(refused, 401, "unauthenticated");
            assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
        }
    }

    @Test
    void theSecretIsAnsweredOnceAndOnlyItsHashIsStored() {
        Issued issued = issue("analyst-1", "recorder");
        Response created = issued.answer();
        String secret = issued.key();
        String id = issued.id();

        assertThat(created.header("Cache-Control")).contains("no-store");
        assertThat(created.header("Location")).isEqualTo(KEYS + "/" + id);
        assertThat(secret).startsWith("ldk_" + id + "_");
        String stored = jdbc.queryForObject("SELECT secret_hash FROM api_key WHERE key_id = ?", String.class, id);
        assertThat(stored).hasSize(64).doesNotContain(secret.substring(21));
        Response listed = get(KEYS);
        assertThat(listed.raw()).doesNotContain(secret.substring(21)).doesNotContain(stored);
        JsonNode key = JSON.readTree(listed.raw()).get(0);
        assertThat(key.get("name").asString()).isEqualTo("analyst-1");
        assertThat(key.get("role").asString()).isEqualTo("recorder");
        assertThat(key.get("revoked").asBoolean()).isFalse();
        assertThat(key.get("createdBy").asString()).isEqualTo(ADMIN_RECORDER);
    }

    @Test
    void aKeyIsRefusedAnUnknownRoleOrAName() {
        Response role = post(KEYS, """
                {"name":"x","role":"superuser"}""");
        Response name = post(KEYS, """
                {"name":"<script>","role":"viewer"}""");

        assertThat(role.status()).isEqualTo(400);
        assertThat(role.body().get("field").asString()).isEqualTo("role");
        assertThat(name.status()).isEqualTo(400);
        assertThat(name.body().get("field").asString()).isEqualTo("name");
    }

    @Test
    void eachRoleDoesWhatItMayAndIsRefusedTheRestWith403() {
        String viewer = createKey("reader", "viewer");
        String recorder = createKey("analyst", "recorder");

        assertThat(as(viewer).get("/api/v1/status?jurisdiction=RU").status()).isEqualTo(200);
        assertProblem(as(viewer).post("/api/v1/demands", demand(5, "2021-03-10")), 403, "forbidden");
        assertProblem(as(recorder).get(KEYS), 403, "forbidden");
        assertProblem(as(recorder).post("/api/v1/admin/read-models/rebuild", ""), 403, "forbidden");
        assertThat(as(recorder).post("/api/v1/demands", demand(5, "2021-03-10")).status()).isEqualTo(201);
    }

    @Test
    void aWriteRecordsTheKeysHolderAndNoClientCanNameAnother() {
        Issued issued = issue("analyst-2", "recorder");
        String key = issued.key();
        String id = issued.id();

        Response written = as(key).post("/api/v1/demands", demand(5, "2021-03-10"), "X-Recorded-By", "someone");
        Response forged = as(key).post("/api/v1/demands", demand(5, "2021-03-10")
                .replaceFirst("\\{", "{\"recordedBy\":\"someone\","));

        String stream = written.body().get("streamId").asString();
        assertThat(get("/api/v1/streams/" + stream).body().get("events").get(0).get("recordedBy").asString())
                .isEqualTo("key:" + id + ":analyst-2");
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.body().get("rule").asString()).isEqualTo("unknown-field");
    }

    @Test
    void aRevokedKeyIsRefusedAtOnceOnItsNode() {
        Issued issued = issue("leaver", "viewer");
        String key = issued.key();
        String id = issued.id();
        assertThat(as(key).get("/api/v1/status?jurisdiction=RU").status()).isEqualTo(200);

        Response revoked = as(ADMIN_KEY).send("DELETE", KEYS + "/" + id, null);

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.body().get("revoked").asBoolean()).isTrue();
        assertProblem(as(key).get("/api/v1/status?jurisdiction=RU"), 401, "unauthenticated");
        assertThat(as(ADMIN_KEY).send("DELETE", KEYS + "/0000000000000000", null).status()).isEqualTo(404);
    }

    @Test
    void aRevocationOnAnotherNodeAppliesHereWithinTheCachesTimeToLive() throws InterruptedException {
        Issued issued = issue("elsewhere", "viewer");
        String key = issued.key();
        String id = issued.id();
        assertThat(as(key).get("/api/v1/status?jurisdiction=RU").status()).isEqualTo(200);

        // what another node's revocation leaves behind: the row, not this node's cache
        jdbc.update("UPDATE api_key SET revoked_at = CURRENT_TIMESTAMP, revoked_by = 'other-node' WHERE key_id = ?",
                id);
        Thread.sleep(1_500);

        assertProblem(as(key).get("/api/v1/status?jurisdiction=RU"), 401, "unauthenticated");
    }

    @Test
    void healthAndTheApiDocumentArePublicAndMetricsNeedAnAdmin() {
        String viewer = createKey("metrics-reader", "viewer");

        assertThat(anonymous().get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous().get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(anonymous().get("/swagger-ui/index.html").status()).isEqualTo(200);
        assertProblem(anonymous().get("/actuator/prometheus"), 401, "unauthenticated");
        assertProblem(as(viewer).get("/actuator/prometheus"), 403, "forbidden");
        assertThat(get("/actuator/prometheus").status()).isEqualTo(200);
    }
}
