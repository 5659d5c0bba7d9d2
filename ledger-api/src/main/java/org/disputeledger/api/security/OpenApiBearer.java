package org.disputeledger.api.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API document names the bearer credential every operation takes, so its UI offers to send a key
 * ("Authorize") and generated clients send one.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiBearer {

    static final String SCHEME = "bearer";

    @Bean
    OpenApiCustomizer bearerCredential() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSecuritySchemes(SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("bearer").description("An API key (ldk_...) created under /api/v1/admin/keys, the "
                            + "bootstrap admin key, or in JWT mode a token of the identity provider"));
            openApi.addSecurityItem(new SecurityRequirement().addList(SCHEME));
        };
    }
}
