package org.disputeledger.api.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to the running application over real HTTP, and reads the event store directly to check what was written.
 * Each test class has a database of its own, so its application is closed after the class (releasing its
 * connections) instead of being cached.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class LedgerHttp {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    /** A response: status, headers and the body parsed as JSON (null when empty). */
    public record Response(int status, Map<String, java.util.List<String>> headers, JsonNode body, String raw) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    protected Response post(String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    protected Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build());
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            boolean ndjson = response.headers().firstValue("Content-Type").orElse("").contains("ndjson");
            JsonNode json = body == null || body.isBlank() || !body.trim().startsWith("{") || ndjson ? null
                    : JSON.readTree(body);
            return new Response(response.statusCode(), response.headers().map(), json, body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** How many events the store holds, and the last global position: what a refused request must not change. */
    protected long eventCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }

    protected long lastPosition() {
        Long max = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        return max == null ? 0 : max;
    }

    /** A JSON envelope with one confirmed source, effective on the given ISO date. */
    protected static String envelope(String isoDate) {
        return """
                {"effective":{"date":"%s","precision":"DAY"},"sources":[{"url":"https://tass.com/economy/1273479",
                "publisher":"TASS"}],"confidence":"CONFIRMED"}""".formatted(isoDate);
    }

    protected static String demand(long itemCount, String isoDate) {
        return """
                {"jurisdiction":"RU","authority":"Roskomnadzor","platform":"twitter","legalEntityId":"twitter-inc",
                 "kind":"REMOVE_CONTENT","itemCount":%d,"envelope":%s}""".formatted(itemCount, envelope(isoDate));
    }

    protected static String compliance(long items, String isoDate) {
        return """
                {"scope":"PARTIAL","itemsActioned":%d,"envelope":%s}""".formatted(items, envelope(isoDate));
    }

    /** Records a demand and returns its stream id. */
    protected String issueDemand(long itemCount) {
        Response response = post("/api/v1/demands", demand(itemCount, "2021-03-10"));
        if (response.status() != 201) {
            throw new IllegalStateException("demand not recorded: " + response.raw());
        }
        return response.body().get("streamId").asString();
    }
}
