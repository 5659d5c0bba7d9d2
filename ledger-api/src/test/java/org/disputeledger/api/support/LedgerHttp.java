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
 * connections) instead of being cached. The application gets a known bootstrap admin key, which {@link #get} and
 * {@link #post} send unless the request names its own {@code Authorization}; {@link #as(String)} and
 * {@link #anonymous()} call with another key or none.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledger.security.admin-api-key=" + LedgerHttp.ADMIN_KEY)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class LedgerHttp {

    /** The bootstrap admin key of every application under test; its writes are recorded by this name. */
    public static final String ADMIN_KEY = "test-bootstrap-admin-key-0123456789abcdef";
    public static final String ADMIN_RECORDER = "admin-key:bootstrap";

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
        return as(ADMIN_KEY).post(path, json, headers);
    }

    protected Response get(String path) {
        return as(ADMIN_KEY).get(path);
    }

    /** Calls with {@code key} as the bearer credential. */
    protected Caller as(String key) {
        return new Caller(key);
    }

    /** Calls with no credential at all. */
    protected Caller anonymous() {
        return new Caller(null);
    }

    /** Requests with one credential (or none), to this test's application. */
    protected final class Caller {

        private final String key;

        private Caller(String key) {
            this.key = key;
        }

        public Response get(String path, String... headers) {
            return send("GET", path, null, headers);
        }

        public Response post(String path, String json, String... headers) {
            return send("POST", path, json, headers);
        }

        /** Any method, with a JSON body or none, and header name-value pairs. */
        public Response send(String method, String path, String json, String... headers) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json));
            boolean ownAuthorization = false;
            boolean ownContentType = false;
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
                ownAuthorization |= headers[i].equalsIgnoreCase("Authorization");
                ownContentType |= headers[i].equalsIgnoreCase("Content-Type");
            }
            if (json != null && !ownContentType) {
                request.header("Content-Type", "application/json");
            }
            if (key != null && !ownAuthorization) {
                request.header("Authorization", "Bearer " + key);
            }
            return LedgerHttp.send(request.build());
        }
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

    /** Waits until the read answer at {@code readPath} says its read model has caught up with the event store. */
    protected void awaitCaughtUp(String readPath, java.time.Duration limit) {
        awaitUntil(limit, () -> get(readPath).body().get("projection"),
                projection -> projection.get("caughtUp").asBoolean());
    }

    /** Waits until every read model has caught up with the event store, as the admin endpoint reports them. */
    protected void awaitReadModelsCaughtUp(java.time.Duration limit) {
        awaitUntil(limit, () -> get("/api/v1/admin/read-models").body(), state -> {
            for (JsonNode readModel : state.get("readModels")) {
                if (!readModel.get("caughtUp").asBoolean()) {
                    return false;
                }
            }
            return true;
        });
    }

    private static void awaitUntil(java.time.Duration limit, java.util.function.Supplier<JsonNode> read,
                                   java.util.function.Predicate<JsonNode> done) {
        awaitUntil(limit, read, done, "the read models did not catch up");
    }

    /** Reads until what is read is done, every 50 ms; fails saying {@code notDone} and the last reading after limit. */
    protected static <T> T awaitUntil(java.time.Duration limit, java.util.function.Supplier<T> read,
                                      java.util.function.Predicate<T> done, String notDone) {
        long deadline = System.nanoTime() + limit.toNanos();
        T last = read.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(notDone + " in " + limit + ": " + last);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            last = read.get();
        }
        return last;
    }
}
