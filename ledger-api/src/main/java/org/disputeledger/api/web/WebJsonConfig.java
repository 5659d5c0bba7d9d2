package org.disputeledger.api.web;

import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Strict reading of request bodies: unknown fields, numbers for enums, strings for numbers and fractions for
 * integer amounts are all refused, so a malformed request never reaches a command. (The stored event format has
 * its own mapper, EventJson, untouched by any of this.) Nesting, numbers and strings are bounded while the body is
 * tokenised, before any value is built.
 */
@Configuration(proxyBeanMethods = false)
public class WebJsonConfig {

    @Bean
    public JsonMapperBuilderCustomizer strictRequests() {
        return builder -> builder
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .addModule(new SimpleModule("ledger-strings").addDeserializer(String.class, new NoNulStrings()));
    }

    /**
     * Refuses a NUL character in any string of a request: PostgreSQL cannot hold one in text, so such a value
     * would fail a query as a server error, or stop a read model that tried to store it.
     */
    static final class NoNulStrings extends StdScalarDeserializer<String> {

        NoNulStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && value.indexOf('\u0000') >= 0) {
                return (String) context.handleWeirdStringValue(String.class, value, "a NUL character is not allowed");
            }
            return value;
        }
    }

    @Bean
    public JsonFactoryBuilderCustomizer boundedRequests(RequestLimits limits) {
        // strings and documents are bounded by the body size limit already (BodySizeLimit)
        return builder -> builder.streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxJsonDepth())
                .maxNumberLength(64)
                .build());
    }
}
