package org.disputeledger.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.disputeledger.api.web.ProblemHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 as the same RFC 9457 problem details the API answers everywhere else. They are decided in the
 * security filter chain, before any controller, so the one {@code ProblemHandler} never sees them; its
 * {@code problem(...)} builds them all the same. A 401 names the Bearer scheme in {@code WWW-Authenticate}.
 * Nothing of the presented credential is ever written back or logged.
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String FIELD = HttpHeaders.AUTHORIZATION;
    private static final Logger log = LoggerFactory.getLogger(SecurityProblems.class);

    private final JsonMapper json;

    SecurityProblems(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        boolean presented = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, presented
                ? "Bearer error=\"invalid_token\", error_description=\"The key or token is not valid\""
                : "Bearer");
        log.debug("refused unauthenticated {} {} (credential presented: {})", request.getMethod(),
                request.getRequestURI(), presented);
        write(request, response, ProblemHandler.problem(HttpStatus.UNAUTHORIZED, "unauthenticated",
                "Authentication required", presented
                        ? "the API key or token presented is unknown, revoked, expired or malformed"
                        : "this endpoint needs an API key or token: Authorization: Bearer <key>",
                FIELD, "A caller proves who it is with Authorization: Bearer and a valid API key or token"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        log.info("refused {} {}: role too low", request.getMethod(), request.getRequestURI());
        write(request, response, ProblemHandler.problem(HttpStatus.FORBIDDEN, "forbidden", "Role not allowed",
                "the caller's role does not allow " + request.getMethod() + " " + request.getRequestURI(), FIELD,
                "viewer reads, auditor also reads history, audit and exports, recorder also writes, "
                        + "admin also operates the ledger"));
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        ProblemHandler.write(problem, request, response, json);
    }
}
