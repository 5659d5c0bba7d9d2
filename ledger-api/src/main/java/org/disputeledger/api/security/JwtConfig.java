package org.disputeledger.api.security;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.util.StringUtils;

/**
 * The JWT resource-server mode, on when an identity provider is named: its JWK set directly (tokens then also
 * need the issuer if one is named), or its issuer, whose discovery document is read at the first token rather
 * than at start-up, so the ledger starts while the provider is down.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(JwtConfig.Configured.class)
class JwtConfig {

    @Bean
    JwtDecoder jwtDecoder(LedgerSecurityProperties properties, Clock clock) {
        LedgerSecurityProperties.Jwt jwt = properties.jwt();
        if (jwt.jwkSetUri() == null) {
            return new SupplierJwtDecoder(() -> {
                JwtDecoder discovered = JwtDecoders.fromIssuerLocation(jwt.issuerUri());
                if (discovered instanceof NimbusJwtDecoder nimbus) {
                    nimbus.setJwtValidator(validator(clock, jwt.issuerUri()));
                }
                return discovered;
            });
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwt.jwkSetUri()).build();
        decoder.setJwtValidator(validator(clock, jwt.issuerUri()));
        return decoder;
    }

    /**
     * Spring Security's default checks of a token (its expiry and not-before times among them), judged by the ledger's
     * clock rather than the system's, and its issuer when one is named.
     */
    static OAuth2TokenValidator<Jwt> validator(Clock clock, String issuer) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        return issuer == null ? JwtValidators.createDefaultWithValidators(timestamps)
                : JwtValidators.createDefaultWithValidators(timestamps, new JwtIssuerValidator(issuer));
    }

    static final class Configured implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            var environment = context.getEnvironment();
            return StringUtils.hasText(environment.getProperty("ledger.security.jwt.issuer-uri"))
                    || StringUtils.hasText(environment.getProperty("ledger.security.jwt.jwk-set-uri"));
        }
    }
}
