package org.disputeledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** The JWT mode is on exactly when an identity provider is named, and starting it asks the provider nothing. */
class JwtConfigTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(LedgerSecurityProperties.class)
    static class Properties {

        /** The ledger's clock, by which tokens' times are judged. */
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        }
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, JwtConfig.class);

    @Test
    void isOffWithoutAProviderOrWithEmptySettings() {
        context.run(started -> assertThat(started).doesNotHaveBean(JwtDecoder.class));
        context.withPropertyValues("ledger.security.jwt.issuer-uri=", "ledger.security.jwt.jwk-set-uri=")
                .run(started -> assertThat(started).doesNotHaveBean(JwtDecoder.class));
    }

    @Test
    void isOnWithAnIssuerOrAJwkSetAndStartsWhileTheProviderIsUnreachable() {
        context.withPropertyValues("ledger.security.jwt.issuer-uri=http://127.0.0.1:9/realms/ledger")
                .run(started -> assertThat(started).hasSingleBean(JwtDecoder.class));
        context.withPropertyValues("ledger.security.jwt.jwk-set-uri=http://127.0.0.1:9/jwks")
                .run(started -> assertThat(started).hasSingleBean(JwtDecoder.class));
    }
}
