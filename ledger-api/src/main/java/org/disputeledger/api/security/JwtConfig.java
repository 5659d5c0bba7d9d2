package org.disputeledger.api.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
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
    JwtDecoder jwtDecoder(LedgerSecurityProperties properties) {
        LedgerSecurityProperties.Jwt jwt = properties.jwt();
        if (jwt.jwkSetUri() == null) {
            return new SupplierJwtDecoder(() -> JwtDecoders.fromIssuerLocation(jwt.issuerUri()));
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwt.jwkSetUri()).build();
        decoder.setJwtValidator(jwt.issuerUri() == null ? JwtValidators.createDefault()
                : JwtValidators.createDefaultWithIssuer(jwt.issuerUri()));
        return decoder;
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
