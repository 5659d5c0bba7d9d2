package org.disputeledger.api.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How callers prove who they are. {@code adminApiKey} is the bootstrap admin key (never stored, compared by hash);
 * {@code anonymousReads} opens the reads to anonymous callers as viewers, on the embedded demo database only;
 * {@code apiKeys} bounds the per-node cache of verified keys and how long a revocation made on another node may
 * take to be seen here; {@code jwt} turns on the OAuth2/JWT resource-server mode.
 */
@Validated
@ConfigurationProperties("ledger.security")
public record LedgerSecurityProperties(
        @Size(min = 32, max = 512, message = "the bootstrap admin key must be 32 to 512 characters") String adminApiKey,
        @NotNull @DefaultValue("auto") AnonymousReads anonymousReads,
        @Valid @NotNull @DefaultValue ApiKeys apiKeys,
        @Valid @NotNull @DefaultValue Jwt jwt) {

    public LedgerSecurityProperties {
        adminApiKey = adminApiKey == null || adminApiKey.isBlank() ? null : adminApiKey;
    }

    /** When anonymous callers may read: {@code auto} on the embedded H2 demo database only, or {@code never}. */
    public enum AnonymousReads {
        AUTO,
        NEVER
    }

    /**
     * {@code cacheSize} verified keys are kept per node; a cached key is read again from the database after
     * {@code cacheTtl}, which bounds how long another node's revocation takes to apply here.
     */
    public record ApiKeys(@Min(1) @Max(1_000_000) @DefaultValue("10000") int cacheSize,
                          @NotNull @DefaultValue("30s") Duration cacheTtl) {
    }

    /**
     * The identity provider: its {@code issuerUri} (keys found through its discovery document) or its
     * {@code jwkSetUri}; the roles are read from {@code rolesClaim} (a dotted path such as
     * {@code realm_access.roles}) and the recorder from {@code principalClaim}.
     */
    public record Jwt(String issuerUri, String jwkSetUri, @NotBlank @DefaultValue("roles") String rolesClaim,
                      @NotBlank @DefaultValue("sub") String principalClaim) {

        public Jwt {
            issuerUri = issuerUri == null || issuerUri.isBlank() ? null : issuerUri;
            jwkSetUri = jwkSetUri == null || jwkSetUri.isBlank() ? null : jwkSetUri;
        }

        boolean enabled() {
            return issuerUri != null || jwkSetUri != null;
        }
    }
}
