package org.disputeledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

class JwtRolesTest {

    private static final Instant ISSUED = Instant.parse("2026-01-01T00:00:00Z");

    private static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").issuedAt(ISSUED)
                .expiresAt(ISSUED.plusSeconds(60));
        claims.forEach(builder::claim);
        return builder.build();
    }

    private static List<String> authorities(JwtRoles roles, Map<String, Object> claims) {
        return roles.convert(jwt(claims)).getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }

    @Test
    void readsTheLedgersRolesFromANestedListInAnyCaseAndIgnoresOthers() {
        JwtRoles roles = new JwtRoles("realm_access.roles", "sub");

        assertThat(authorities(roles, Map.of("sub", "u1", "realm_access",
                Map.of("roles", List.of("Recorder", "offline_access", "VIEWER")))))
                .containsExactly("ROLE_RECORDER", "ROLE_VIEWER");
    }

    @Test
    void readsASpaceOrCommaSeparatedString() {
        JwtRoles roles = new JwtRoles("scope", "sub");

        assertThat(authorities(roles, Map.of("sub", "u1", "scope", "openid auditor,admin")))
                .containsExactly("ROLE_AUDITOR", "ROLE_ADMIN");
    }

    @Test
    void aMissingClaimGrantsNothing() {
        JwtRoles roles = new JwtRoles("realm_access.roles", "sub");

        assertThat(authorities(roles, Map.of("sub", "u1", "realm_access", "not an object"))).isEmpty();
        assertThat(authorities(roles, Map.of("sub", "u1"))).isEmpty();
    }

    @Test
    void theCallerIsNamedByThePrincipalClaimAndATokenNamingNobodyIsRefused() {
        JwtRoles roles = new JwtRoles("roles", "preferred_username");

        assertThat(roles.convert(jwt(Map.of("preferred_username", "maria", "sub", "x"))).getName())
                .isEqualTo("jwt:maria");
        assertThatThrownBy(() -> roles.convert(jwt(Map.of("sub", "x"))))
                .isInstanceOf(InvalidBearerTokenException.class);
    }
}
