package org.disputeledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.disputeledger.api.support.LedgerHttp;
import org.disputeledger.api.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The JWT resource-server mode with an identity provider played by a locally generated RSA key: the decoder
 * trusts its public key (no network), roles come from a nested claim, the recorder is the token's subject, and API
 * keys keep working beside tokens.
 */
class JwtModePostgresIT extends LedgerHttp {

    private static final KeyPair PROVIDER = rsa();
    private static final KeyPair STRANGER = rsa();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry);
        registry.add("ledger.security.jwt.roles-claim", () -> "realm_access.roles");
    }

    @TestConfiguration
    static class IdentityProvider {

        @Bean
        JwtDecoder jwtDecoder(Clock clock) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey((RSAPublicKey) PROVIDER.getPublic()).build();
            decoder.setJwtValidator(JwtConfig.validator(clock, null));
            return decoder;
        }
    }

    @Autowired
    private Clock clock;

    private Instant now() {
        return clock.instant();
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token(KeyPair signer, String subject, List<String> roles, Instant expires) {
        var encoder = NimbusJwtEncoder.withKeyPair((RSAPublicKey) signer.getPublic(),
                (RSAPrivateKey) signer.getPrivate()).build();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().issuer("https://idp.example")
                .issuedAt(expires.minusSeconds(3600)).expiresAt(expires)
                .claim("realm_access", Map.of("roles", roles));
        if (subject != null) {
            claims.subject(subject);
        }
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(),
                claims.build())).getTokenValue();
    }

    private String valid(String subject, String... roles) {
        return token(PROVIDER, subject, List.of(roles), now().plusSeconds(600));
    }

    @Test
    void aRecordersTokenWritesAndTheEventRecordsItsSubject() {
        Response written = as(valid("alice", "recorder")).post("/api/v1/demands", demand(3, "2021-03-10"));

        assertThat(written.status()).as(written.raw()).isEqualTo(201);
        String stream = written.body().get("streamId").asString();
        assertThat(get("/api/v1/streams/" + stream).body().get("events").get(0).get("recordedBy").asString())
                .isEqualTo("jwt:alice");
    }

    @Test
    void rolesAreHierarchicalAndUnknownRolesGrantNothing() {
        String auditor = valid("bob", "AUDITOR", "coffee-maker");
        String nobody = valid("carol", "coffee-maker");

        assertThat(as(auditor).get("/api/v1/status?jurisdiction=RU").status()).isEqualTo(200);
        ApiKeysContract.assertProblem(as(auditor).post("/api/v1/demands", demand(3, "2021-03-10")), 403,
                "forbidden");
        ApiKeysContract.assertProblem(as(nobody).get("/api/v1/status?jurisdiction=RU"), 403, "forbidden");
        assertThat(as(valid("dora", "admin")).get("/api/v1/admin/keys").status()).isEqualTo(200);
    }

    @Test
    void anExpiredForeignOrSubjectlessTokenIs401() {
        String expired = token(PROVIDER, "erin", List.of("admin"), now().minusSeconds(600));
        String foreign = token(STRANGER, "frank", List.of("admin"), now().plusSeconds(600));
        String subjectless = token(PROVIDER, null, List.of("admin"), now().plusSeconds(600));

        for (String token : List.of(expired, foreign, subjectless, "not.a.jwt")) {
            Response refused = as(token).get("/api/v1/status?jurisdiction=RU");
            ApiKeysContract.assertProblem(refused, 401, "unauthenticated");
            assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
        }
    }

    @Test
    void apiKeysWorkBesideTokens() {
        assertThat(get("/api/v1/admin/keys").status()).isEqualTo(200);
        ApiKeysContract.assertProblem(as("ldk_0123456789abcdef_" + "B".repeat(43))
                .get("/api/v1/status?jurisdiction=RU"), 401, "unauthenticated");
    }
}
