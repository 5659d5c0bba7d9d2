package org.disputeledger.api.web;

import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Describes the API and gives the value types that every write carries (envelope, effective time, source, link,
 * money) an example taken from the demo data, so each request body in the OpenAPI document shows a real one.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiExamples {

    static final Map<String, Object> EFFECTIVE = Map.of("date", "2021-03-10", "precision", "DAY");
    static final Map<String, Object> SOURCE = Map.of("url", "https://censoredplanet.org/throttling",
            "publisher", "Censored Planet", "publishedOn", "2021-04-06");
    static final Map<String, Object> LINK = Map.of("relation", "FOLLOWS",
            "eventId", "0b9f6c1e-3f0a-4a4e-9d7e-5a1f2f0c9b11");
    static final Map<String, Object> MONEY = Map.of("minor", 320000000, "currency", "RUB");

    @Bean
    public OpenApiCustomizer ledgerExamples() {
        return openApi -> {
            openApi.info(new Info().title("Regulatory-dispute ledger API").version("v1")
                    .description("Record and read the facts of disputes between regulators and platforms. Every "
                            + "write answers 201 with the events it appended; refusals are RFC 9457 problem details "
                            + "with a stable code, the field and the rule. See docs/api-guide.md."));
            if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
                return;
            }
            Map<String, Object> envelope = new LinkedHashMap<>();
            envelope.put("effective", EFFECTIVE);
            envelope.put("sources", List.of(SOURCE));
            envelope.put("confidence", "CONFIRMED");
            envelope.put("links", List.of(LINK));
            envelope.put("summary", "Roskomnadzor slowed Twitter on every mobile and half of fixed connections.");
            envelope.put("details", Map.of("technique", "SNI_throttling"));
            example(openApi.getComponents().getSchemas(), "Envelope", envelope);
            example(openApi.getComponents().getSchemas(), "EffectiveTime", EFFECTIVE);
            example(openApi.getComponents().getSchemas(), "Source", SOURCE);
            example(openApi.getComponents().getSchemas(), "Link", LINK);
            example(openApi.getComponents().getSchemas(), "Money", MONEY);
        };
    }

    @SuppressWarnings("rawtypes")
    private static void example(Map<String, Schema> schemas, String name, Object example) {
        Schema schema = schemas.get(name);
        if (schema != null) {
            schema.setExample(example);
        }
    }
}
