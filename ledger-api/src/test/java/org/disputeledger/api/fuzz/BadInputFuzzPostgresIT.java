package org.disputeledger.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.disputeledger.api.support.LedgerHttp;
import org.disputeledger.api.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Sends generated bad requests to every operation of the API document, in turn: no answer may be a 5xx, every
 * 4xx must be a problem naming the field (or parameter) and the rule without leaking a stack trace or SQL, and a
 * refused request must leave the event store as it was (its event count and last global position). Reproducible:
 * {@code -Dledger.fuzz.seed=} and {@code -Dledger.fuzz.requests=} (default 10,000).
 */
class BadInputFuzzPostgresIT extends LedgerHttp {

    private static final long SEED = Long.getLong("ledger.fuzz.seed", 20_261_121L);
    private static final int REQUESTS = Integer.getInteger("ledger.fuzz.requests", 10_000);
    private static final List<String> LEAKS = List.of("Exception", "at org.", "at java.", "SQLState", "SELECT ",
            "INSERT ", "org.postgresql", "PSQL", "ERROR:");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry);
    }

    @Test
    void noBadRequestIsA5xxEveryRefusalNamesItsFieldAndRuleAndNoneChangesTheStore() {
        String demand = issueDemand(10);
        String demandEvent = get("/api/v1/streams/" + demand).body().get("events").get(0).get("eventId")
                .asString();
        JsonNode document = anonymous().get("/v3/api-docs").body();
        List<RequestFuzzer.Operation> operations = RequestFuzzer.operations(document).stream()
                .filter(operation -> operation.path().startsWith("/api/v1/")).toList();
        RequestFuzzer fuzzer = new RequestFuzzer(SEED, document, JSON, List.of(demand, demandEvent));
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long events = eventCount();
        long position = lastPosition();
        long started = System.nanoTime();

        for (int i = 0; i < REQUESTS; i++) {
            RequestFuzzer.FuzzRequest request = fuzzer.next(operations.get(i % operations.size()));
            Response response = request.contentType() == null
                    ? as(ADMIN_KEY).send(request.method(), request.uri(), request.body())
                    : as(ADMIN_KEY).send(request.method(), request.uri(), request.body(), "Content-Type",
                            request.contentType());
            int status = response.status();
            statuses.merge(status, 1, Integer::sum);
            String wrong = judge(response, java.net.URLDecoder.decode(request.uri().replace("+", "%2B"),
                    java.nio.charset.StandardCharsets.UTF_8) + request.body());
            if (status >= 200 && status < 300) {
                events = eventCount();
                position = lastPosition();
            } else if (eventCount() != events || lastPosition() != position) {
                wrong = "a refused request changed the event store";
                events = eventCount();
                position = lastPosition();
            }
            if (wrong != null && failures.size() < 50) {
                String body = request.body() == null ? "" : request.body();
                failures.add("#" + i + " " + request.method() + " " + abbreviate(request.uri()) + " ["
                        + request.mutation() + "] body " + abbreviate(body) + " -> " + status + ": " + wrong
                        + " " + abbreviate(response.raw()));
            }
        }

        System.out.printf("fuzz: seed %d, %d requests over %d operations in %d ms, statuses %s%n", SEED, REQUESTS,
                operations.size(), (System.nanoTime() - started) / 1_000_000, statuses);
        assertThat(failures).isEmpty();
        assertTheReadModelsFollowedEveryAcceptedEvent();
    }

    /** What was accepted must not stop a read model: every processor reaches the head, none in error. */
    private void assertTheReadModelsFollowedEveryAcceptedEvent() {
        long deadline = System.nanoTime() + 30_000_000_000L;
        JsonNode processors = null;
        while (System.nanoTime() < deadline) {
            processors = get("/actuator/health").body().get("components").get("readModels").get("details")
                    .get("processors");
            boolean caughtUp = true;
            for (JsonNode processor : processors) {
                assertThat(processor.get("state").asString()).as(processors.toString()).isNotEqualTo("error");
                caughtUp &= processor.get("lag").asLong() == 0;
            }
            if (caughtUp) {
                return;
            }
            sleep();
        }
        throw new AssertionError("the read models did not catch up: " + processors);
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What is wrong with an answer to a bad request, or null; {@code sent} is what the request itself said. */
    private static String judge(Response response, String sent) {
        int status = response.status();
        if (status >= 500) {
            return "server error";
        }
        if (status < 400) {
            return null;
        }
        String type = response.header("Content-Type");
        if (type == null || !type.startsWith("application/problem+json") || response.body() == null) {
            return "not a problem";
        }
        JsonNode body = response.body();
        if (!body.hasNonNull("field") || body.get("field").asString().isBlank() || !body.hasNonNull("rule")
                || body.get("rule").asString().isBlank()) {
            return "names no field or rule";
        }
        for (String leak : LEAKS) {
            // a value the request sent may be named back; anything else of the kind is a leak
            if (response.raw().contains(leak) && !sent.contains(leak)) {
                return "leaks " + leak;
            }
        }
        return null;
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
