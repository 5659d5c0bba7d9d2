package org.disputeledger.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.disputeledger.LedgerApplication;
import org.disputeledger.api.support.LedgerHttp;
import org.disputeledger.api.support.TestDatabases;
import org.disputeledger.audit.ExportVerifier;
import org.disputeledger.audit.MerkleHash;
import org.disputeledger.audit.MerkleProofs;
import org.disputeledger.audit.SigningKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A first run of the ledger records and seals events and is shut down; the application under test is the restart
 * on the same database and key file. Its export verifies offline with the public key from the key file, its new
 * checkpoints are consistent with the ones signed before the restart, and the command-line verifier agrees.
 */
class AuditExportAfterRestartPostgresIT extends LedgerHttp {

    private static final TestDatabases.SharedPostgres DATABASE = TestDatabases.SharedPostgres.create();
    private static JsonNode checkpointBeforeRestart;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.register(registry, "never");
    }

    @BeforeAll
    static void firstRun() throws Exception {
        try (ConfigurableApplicationContext first = new SpringApplicationBuilder(LedgerApplication.class).run(
                DATABASE.nodeArguments("--server.port=0", "--ledger.demo-data.load=never"))) {
            String base = "http://localhost:" + first.getEnvironment().getProperty("local.server.port");
            HttpClient client = HttpClient.newHttpClient();
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> created = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/demands"))
                        .header("Content-Type", "application/json").header("Authorization", "Bearer " + ADMIN_KEY)
                        .POST(HttpRequest.BodyPublishers.ofString(demand(10 + i, "2021-03-10"))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(created.statusCode()).isEqualTo(201);
            }
            for (int i = 0; i < 600 && checkpointBeforeRestart == null; i++) {
                HttpResponse<String> latest = client.send(HttpRequest.newBuilder(URI.create(base
                        + "/api/v1/audit/checkpoints/latest")).header("Authorization", "Bearer " + ADMIN_KEY).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (latest.statusCode() == 200 && JSON.readTree(latest.body()).get("treeSize").asLong() == 5) {
                    checkpointBeforeRestart = JSON.readTree(latest.body());
                }
                Thread.sleep(50);
            }
        }
        assertThat(checkpointBeforeRestart).as("sealed before the restart").isNotNull();
    }

    @Test
    void theExportVerifiesOfflineAfterARestartAndLaterCheckpointsAreConsistentWithEarlierOnes() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(post("/api/v1/demands", demand(20 + i, "2021-04-10")).status()).isEqualTo(201);
        }
        JsonNode latest = null;
        for (int i = 0; i < 600 && latest == null; i++) {
            Response response = get("/api/v1/audit/checkpoints/latest");
            if (response.status() == 200 && response.body().get("treeSize").asLong() == 8) {
                latest = response.body();
            }
            AuditLogContract.sleep(50);
        }
        assertThat(latest).as("sealed after the restart").isNotNull();

        String keyFile = Files.readString(Path.of(DATABASE.keyFile()));
        String publicPem = keyFile.substring(keyFile.indexOf("-----BEGIN PUBLIC KEY-----"));
        SigningKeys.PublicKeyInfo key = SigningKeys.publicKey(publicPem);
        assertThat(latest.get("keyId").asString()).isEqualTo(key.keyId())
                .isEqualTo(checkpointBeforeRestart.get("keyId").asString());

        Response consistency = get("/api/v1/audit/proofs/consistency?from=5&to=8");
        List<byte[]> proof = new ArrayList<>();
        consistency.body().get("proof").forEach(hash -> proof.add(MerkleHash.fromHex(hash.asString())));
        assertThat(MerkleProofs.verifyConsistency(5, 8,
                MerkleHash.fromHex(checkpointBeforeRestart.get("rootHash").asString()),
                MerkleHash.fromHex(latest.get("rootHash").asString()), proof)).isTrue();

        Path export = Files.createTempFile("ledger-export", ".ndjson");
        Path publicKey = Files.createTempFile("ledger-key", ".pem");
        try {
            Files.writeString(export, get("/api/v1/exports/history").raw());
            Files.writeString(publicKey, publicPem);
            ExportVerifier.Result result = ExportVerifier.verify(export, key);
            assertThat(result.ok()).as(result.summary()).isTrue();
            assertThat(result.events()).isEqualTo(8);
            assertThat(result.rootHash()).isEqualTo(latest.get("rootHash").asString());
            assertThat(ExportVerifier.run(export.toString(), publicKey.toString())).isZero();
            assertThat(ExportVerifier.run(export.toString(), SigningKeys.generate().publicKey().base64()))
                    .as("another key").isEqualTo(1);
        } finally {
            Files.delete(export);
            Files.delete(publicKey);
        }
    }
}
