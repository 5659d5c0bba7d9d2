package org.disputeledger.api.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a verified JWT into a caller: its roles are the ledger roles named in the configured claim (a list or a
 * space- or comma-separated string, reached by a dotted path such as {@code realm_access.roles}, in any case;
 * other values are ignored), and its name, recorded on every write, is {@code jwt:} and the principal claim.
 */
final class JwtRoles implements Converter<Jwt, AbstractAuthenticationToken> {

    static final String PRINCIPAL_PREFIX = "jwt:";

    private final String[] rolesPath;
    private final String principalClaim;

    JwtRoles(String rolesClaim, String principalClaim) {
        this.rolesPath = rolesClaim.split("\\.");
        this.principalClaim = principalClaim;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (String value : values(claim(jwt.getClaims()))) {
            Role.parse(value).ifPresent(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        }
        String principal = jwt.getClaimAsString(principalClaim);
        if (principal == null || principal.isBlank()) {
            // every write records who made it, so a token that names nobody is no credential
            throw new InvalidBearerTokenException("the token has no " + principalClaim + " claim");
        }
        return new JwtAuthenticationToken(jwt, authorities, PRINCIPAL_PREFIX + principal);
    }

    private Object claim(Map<String, Object> claims) {
        Object value = claims;
        for (String step : rolesPath) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(step);
        }
        return value;
    }

    private static List<String> values(Object claim) {
        if (claim instanceof String text) {
            return List.of(text.split("[\\s,]+"));
        }
        if (claim instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
