package org.disputeledger.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.disputeledger.api.support.LedgerHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Walks every write operation of the OpenAPI document with malformed requests: each must be refused with a 4xx
 * problem naming a field, and none may change the event store.
 */
abstract class EveryWriteEndpointContract extends LedgerHttp {

    private static final List<String> MALFORMED = List.of("", "{}", "[]", "null", "{\"envelope\":5}",
            "{\"envelope\":{\"effective\":{\"date\":\"yesterday\",\"precision\":\"DAY\"}}}", "{\"x\":",
            "{\"jurisdiction\":\"RU'; DROP TABLE domain_event_entry; --\",\"envelope\":{}}",
            "{\"amount\":{\"minor\":1.5,\"currency\":\"RUB\"}}", "{\"amount\":{\"minor\":100,\"currency\":\"XYZ\"}}");

    /** The commands: every POST under /api/v1 but the admin operations, which take no body and append no event. */
    List<String> writePaths() {
        JsonNode paths = get("/v3/api-docs").body().get("paths");
        List<String> writes = new ArrayList<>();
        paths.properties().forEach(entry -> {
            if (entry.getValue().has("post") && entry.getKey().startsWith("/api/v1/")
                    && !entry.getKey().startsWith("/api/v1/admin/")) {
                writes.add(entry.getKey());
            }
        });
        return writes;
    }

    @Test
    void theApiDocumentDescribesEveryWriteWithASummary() {
        JsonNode paths = get("/v3/api-docs").body().get("paths");
        assertThat(writePaths()).hasSizeGreaterThanOrEqualTo(5);
        for (String path : writePaths()) {
            assertThat(paths.get(path).get("post").get("summary")).as(path).isNotNull();
        }
        JsonNode schemas = get("/v3/api-docs").body().get("components").get("schemas");
        for (String valueType : List.of("Envelope", "EffectiveTime", "Source", "Link", "Money")) {
            assertThat(schemas.get(valueType).get("example")).as(valueType + " example").isNotNull();
        }
        assertThat(schemas.get("Envelope").get("example").get("sources").get(0).get("url").asString())
                .startsWith("https://");
    }

    @Test
    void theApiDocumentGivesEveryWriteItsConditionalHeaders() {
        JsonNode paths = get("/v3/api-docs").body().get("paths");
        for (String path : writePaths()) {
            JsonNode post = paths.get(path).get("post");
            List<String> headers = new ArrayList<>();
            post.get("parameters").forEach(parameter -> {
                if ("header".equals(parameter.get("in").asString())) {
                    headers.add(parameter.get("name").asString());
                }
            });
            assertThat(headers).as(path).contains("If-Match", "Idempotency-Key");
            assertThat(post.get("responses").has("412")).as(path).isTrue();
        }
    }

    @Test
    void everyWriteRefusesMalformedBodiesWithAProblemAndWritesNothing() {
        String demand = issueDemand(3);
        long before = eventCount();
        long position = lastPosition();
        List<String> failures = new ArrayList<>();
        for (String path : writePaths()) {
            String concrete = path.replaceAll("\\{jurisdiction}", "RU").replaceAll("\\{demandId}", demand)
                    .replaceAll("\\{[A-Za-z]+}", "twitter");
            for (String body : MALFORMED) {
                Response response = post(concrete, body);
                boolean problem = response.status() >= 400 && response.status() < 500
                        && "application/problem+json".equals(response.header("Content-Type"))
                        && response.body() != null && response.body().has("code");
                boolean namesField = response.status() != 400 || response.body().has("field");
                if (!problem || !namesField) {
                    failures.add(response.status() + " " + concrete + " <- " + body + " : " + response.raw());
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(eventCount()).isEqualTo(before);
        assertThat(lastPosition()).isEqualTo(position);
    }
}
