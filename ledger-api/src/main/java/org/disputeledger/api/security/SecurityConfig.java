package org.disputeledger.api.security;

import java.sql.Connection;
import java.sql.SQLException;
import jakarta.servlet.DispatcherType;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.disputeledger.api.web.ProblemHandler;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what, by path prefix and method, so endpoints added later under a prefix are covered by its rule:
 * the dashboard's static assets, the API document, its UI and the health check are public; every read under
 * {@code /api/v1} needs a viewer; the history, audit and exports need an auditor; every write needs a recorder;
 * operating the ledger ({@code /api/v1/admin}, metrics) needs an admin. Anything else is refused. On the embedded
 * demo database the reads are open to anonymous callers (see {@link LedgerSecurityProperties.AnonymousReads}).
 * Sessions are never created and CSRF does not apply: every call carries its own bearer credential.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfig {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

    static final String[] PUBLIC = {"/", "/index.html", "/favicon.ico", "/dashboard/**", "/webjars/**", "/css/**",
            "/js/**", "/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**", "/actuator/health",
            "/actuator/health/**", "/error"};
    static final String[] AUDIT = {"/api/v1/events/**", "/api/v1/audit/**", "/api/v1/exports/**"};
    /** Under these the auditor may also post: a verification or an export asked for records nothing. */
    static final String[] AUDIT_REQUESTS = {"/api/v1/audit/**", "/api/v1/exports/**"};

    @Bean
    RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(Role.ADMIN.name()).implies(Role.RECORDER.name())
                .role(Role.RECORDER.name()).implies(Role.AUDITOR.name())
                .role(Role.AUDITOR.name()).implies(Role.VIEWER.name())
                .build();
    }

    /**
     * A URL the firewall refuses (encoded slashes or percent signs, {@code ..}, {@code //}, control characters)
     * is a 400 problem naming the path, like any other malformed request.
     */
    @Bean
    RequestRejectedHandler rejectedUrls(JsonMapper json) {
        return (request, response, e) -> ProblemHandler.write(ProblemHandler.problem(HttpStatus.BAD_REQUEST,
                "invalid-request", "The request is invalid", "the URL holds a character or sequence the ledger "
                        + "refuses: an encoded slash, backslash or percent sign, '..', '//' or a control character",
                "path", "url-characters"), request, response, json);
    }

    @Bean
    SecurityFilterChain ledgerSecurity(HttpSecurity http, ApiKeys keys, LedgerSecurityProperties properties,
                                       ObjectProvider<JwtDecoder> jwtDecoder, DataSource dataSource, JsonMapper json)
            throws Exception {
        SecurityProblems problems = new SecurityProblems(json);
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        boolean anonymousReads = anonymousReads(properties, dataSource);
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys, properties.adminApiKey(), decoder != null,
                        problems), BearerTokenAuthenticationFilter.class)
                .authorizeHttpRequests(rules -> rules
                        // a streamed answer (NDJSON, exports) goes on in an async dispatch of a request already
                        // authorised; checking it again without the request's credentials would cut it off
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .requestMatchers(PUBLIC).permitAll()
                        .requestMatchers("/actuator/**", "/api/v1/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, AUDIT).hasRole(Role.AUDITOR.name())
                        .requestMatchers(HttpMethod.HEAD, AUDIT).hasRole(Role.AUDITOR.name())
                        .requestMatchers(AUDIT_REQUESTS).hasRole(Role.AUDITOR.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/**").hasRole(Role.VIEWER.name())
                        .requestMatchers(HttpMethod.HEAD, "/api/v1/**").hasRole(Role.VIEWER.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/**").hasRole(Role.RECORDER.name())
                        .requestMatchers(HttpMethod.PUT, "/api/v1/**").hasRole(Role.RECORDER.name())
                        .requestMatchers(HttpMethod.PATCH, "/api/v1/**").hasRole(Role.RECORDER.name())
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/**").hasRole(Role.RECORDER.name())
                        .anyRequest().denyAll());
        if (anonymousReads) {
            http.anonymous(anonymous -> anonymous.principal("anonymous")
                    .authorities("ROLE_ANONYMOUS", Role.VIEWER.authority()));
        }
        if (decoder != null) {
            http.oauth2ResourceServer(jwt -> jwt
                    .bearerTokenResolver(jwtTokens())
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems)
                    .jwt(config -> config.decoder(decoder).jwtAuthenticationConverter(
                            new JwtRoles(properties.jwt().rolesClaim(), properties.jwt().principalClaim()))));
        }
        log.info("security: API keys{}{}{}", properties.adminApiKey() != null ? ", bootstrap admin key" : "",
                decoder != null ? ", JWT resource server" : "", anonymousReads ? ", anonymous reads" : "");
        return http.build();
    }

    /** The bearer tokens left to the JWT reader: those the API key filter did not take. */
    private static BearerTokenResolver jwtTokens() {
        DefaultBearerTokenResolver standard = new DefaultBearerTokenResolver();
        return request -> request.getAttribute(ApiKeyAuthenticationFilter.HANDLED) != null
                ? null : standard.resolve(request);
    }

    /**
     * Anonymous reads only on the zero-configuration path: an embedded H2 database. A newcomer can browse the
     * demo data and the API document without a key; any server database stays closed.
     */
    private static boolean anonymousReads(LedgerSecurityProperties properties, DataSource dataSource)
            throws SQLException {
        if (properties.anonymousReads() == LedgerSecurityProperties.AnonymousReads.NEVER) {
            return false;
        }
        try (Connection connection = dataSource.getConnection()) {
            var metadata = connection.getMetaData();
            String url = metadata.getURL();
            boolean embedded = "H2".equals(metadata.getDatabaseProductName()) && url != null
                    && (url.startsWith("jdbc:h2:file:") || url.startsWith("jdbc:h2:mem:"));
            if (embedded) {
                log.warn("""

                        *************************************************************************************
                        * ANONYMOUS READS ARE OPEN: on the embedded demo database anyone who can reach this *
                        * port reads every read model and stream as a viewer, without a key. Writes and     *
                        * admin still need a key (LEDGER_ADMIN_API_KEY). Never expose this to a network;    *
                        * set LEDGER_ANONYMOUS_READS=never, or use PostgreSQL, to close it.                 *
                        *************************************************************************************""");
            }
            return embedded;
        }
    }
}
