package org.disputeledger.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: Bearer <key>}: the bootstrap admin key, or an API key ({@code ldk_...}). Any other
 * bearer token is left to the JWT mode when it is on, and refused otherwise; any other scheme is refused, so a
 * client never silently falls back to anonymous with credentials it believed valid.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    /** Set on a request whose bearer value was an API key, so the JWT reader leaves it alone. */
    static final String HANDLED = ApiKeyAuthenticationFilter.class.getName() + ".handled";
    static final String BOOTSTRAP_PRINCIPAL = "admin-key:bootstrap";
    private static final String BEARER = "bearer ";

    private final ApiKeys keys;
    private final byte[] bootstrapHash;
    private final boolean jwtMode;
    private final SecurityProblems problems;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    ApiKeyAuthenticationFilter(ApiKeys keys, String bootstrapKey, boolean jwtMode, SecurityProblems problems) {
        this.keys = keys;
        this.bootstrapHash = bootstrapKey == null ? null : ApiKeys.sha256(bootstrapKey);
        this.jwtMode = jwtMode;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!header.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            problems.commence(request, response, new BadCredentialsException("only the Bearer scheme is accepted"));
            return;
        }
        String token = header.substring(BEARER.length()).trim();
        Optional<ApiKeyAuthentication> caller = authenticate(token);
        if (caller.isPresent()) {
            request.setAttribute(HANDLED, Boolean.TRUE);
            var context = contexts.createEmptyContext();
            context.setAuthentication(caller.get());
            contexts.setContext(context);
            chain.doFilter(request, response);
            return;
        }
        if (jwtMode && !token.startsWith(ApiKeys.PREFIX)) {
            chain.doFilter(request, response);
            return;
        }
        problems.commence(request, response, new BadCredentialsException("unknown or revoked key"));
    }

    private Optional<ApiKeyAuthentication> authenticate(String token) {
        if (bootstrapHash != null && MessageDigest.isEqual(bootstrapHash, ApiKeys.sha256(token))) {
            return Optional.of(new ApiKeyAuthentication(BOOTSTRAP_PRINCIPAL, Role.ADMIN));
        }
        return keys.authenticate(token);
    }
}
