package org.disputeledger.api.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.disputeledger.api.support.LedgerHttp;
import org.junit.jupiter.api.Test;

/**
 * Writes conditioned on the stream's version with If-Match: a stale ETag is refused with 412 and appends nothing, a
 * current one is recorded and answered with the new ETag, and of two writers sending the same ETag at once exactly
 * one is recorded. A stream that does not exist has no version, so no If-Match matches it.
 */
abstract class ConditionalWritesContract extends LedgerHttp {

    private static final String IF_MATCH = "If-Match";

    @Test
    void aStaleIfMatchIsRefusedWith412AndAppendsNothing() {
        String demand = issueDemand(20);
        assertThat(comply(demand, 1, "\"0\"").status()).isEqualTo(201);
        long events = eventCount();
        long position = lastPosition();

        Response stale = comply(demand, 1, "\"0\"");

        assertStaleVersion(stale);
        assertThat(stale.body().get("detail").asString()).contains("version 1");
        assertThat(eventCount()).isEqualTo(events);
        assertThat(lastPosition()).isEqualTo(position);
        assertThat(get("/api/v1/streams/" + demand).header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void aMatchingIfMatchIsRecordedAndAnsweredWithTheNewVersion() {
        String demand = issueDemand(20);
        String etag = get("/api/v1/streams/" + demand).header("ETag");
        assertThat(etag).isEqualTo("\"0\"");

        Response first = comply(demand, 1, etag);
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        assertThat(first.header("ETag")).isEqualTo("\"1\"");

        Response chained = comply(demand, 1, first.header("ETag"));
        assertThat(chained.status()).as(chained.raw()).isEqualTo(201);
        assertThat(chained.header("ETag")).isEqualTo("\"2\"");
        assertThat(get("/api/v1/streams/" + demand).header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    void anyOfSeveralETagsAndTheWildcardMatchAnExistingStream() {
        String demand = issueDemand(20);

        assertThat(comply(demand, 1, "\"7\", \"0\"").status()).isEqualTo(201);
        assertThat(comply(demand, 1, "*").header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    void withoutIfMatchAWriteIsRecordedWhateverTheVersionAndCarriesTheNewETag() {
        String demand = issueDemand(20);
        comply(demand, 1, null);

        Response unconditional = comply(demand, 1, null);

        assertThat(unconditional.status()).isEqualTo(201);
        assertThat(unconditional.header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    void aStaleIfMatchIsAnsweredBeforeTheRulesJudgeAStateTheClientNeverRead() {
        String demand = issueDemand(1);
        assertThat(comply(demand, 1, null).status()).isEqualTo(201);

        assertStaleVersion(comply(demand, 1, "\"0\""));
        assertThat(comply(demand, 1, "\"1\"").status()).isEqualTo(409);
    }

    @Test
    void twoClientsRacingWithTheSameETagRecordExactlyOne() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String demand = issueDemand(20);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Response>> answers = new ArrayList<>();
                for (int client = 0; client < 2; client++) {
                    answers.add(clients.submit(() -> {
                        start.await();
                        return comply(demand, 1, "\"0\"");
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Response> answer : answers) {
                    statuses.add(answer.get().status());
                }

                assertThat(statuses).containsExactlyInAnyOrder(201, 412);
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                        Long.class, demand)).isEqualTo(2);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aCommandThatOpensANewStreamMeetsNoIfMatch() {
        long events = eventCount();

        assertStaleVersion(post("/api/v1/demands", demand(5, "2021-03-10"), IF_MATCH, "*"));
        assertStaleVersion(post("/api/v1/demands", demand(5, "2021-03-10"), IF_MATCH, "\"0\""));

        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aStreamOpenedByItsFirstFactMatchesTheWildcardOnlyOnceItExists() {
        String path = "/api/v1/access/RU/ifmatch-service/blocks";
        String block = "{\"authority\":\"Roskomnadzor\",\"envelope\":" + envelope("2021-01-01") + "}";

        assertStaleVersion(post(path, block, IF_MATCH, "*"));
        assertThat(get("/api/v1/streams/access-ru-ifmatch-service").status()).isEqualTo(404);

        assertThat(post(path, block).header("ETag")).isEqualTo("\"0\"");
        Response conditional = post(path, block, IF_MATCH, "*");
        assertThat(conditional.status()).as(conditional.raw()).isEqualTo(201);
        assertThat(conditional.header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void aStreamThatMustExistIsStillNotFoundWithIfMatch() {
        assertThat(comply("no-such-demand", 1, "\"0\"").status()).isEqualTo(404);
    }

    @Test
    void aMalformedIfMatchIsRefusedWith400() {
        String demand = issueDemand(20);
        long events = eventCount();

        for (String malformed : List.of("0", "W/\"0\"", "\"zero\"", "\"0\",", "")) {
            Response refused = comply(demand, 1, malformed);
            assertThat(refused.status()).as(malformed).isEqualTo(400);
            assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(refused.body().get("code").asString()).isEqualTo("invalid-request");
            assertThat(refused.body().get("field").asString()).isEqualTo(IF_MATCH);
        }
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void anIdempotentReplayAnswersTheFirstAnswerThoughItsIfMatchIsNowStale() {
        String demand = issueDemand(20);
        Response first = post("/api/v1/demands/" + demand + "/compliances", compliance(1, "2021-03-11"),
                IF_MATCH, "\"0\"", "Idempotency-Key", "if-match-replay-" + demand);
        assertThat(first.status()).isEqualTo(201);

        Response replay = post("/api/v1/demands/" + demand + "/compliances", compliance(1, "2021-03-11"),
                IF_MATCH, "\"0\"", "Idempotency-Key", "if-match-replay-" + demand);

        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.header("ETag")).isEqualTo("\"1\"");
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(get("/api/v1/streams/" + demand).header("ETag")).isEqualTo("\"1\"");
    }

    private Response comply(String demand, long items, String ifMatch) {
        String path = "/api/v1/demands/" + demand + "/compliances";
        return ifMatch == null ? post(path, compliance(items, "2021-03-11"))
                : post(path, compliance(items, "2021-03-11"), IF_MATCH, ifMatch);
    }

    private static void assertStaleVersion(Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(412);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.body().get("code").asString()).isEqualTo("stale-version");
        assertThat(response.body().get("field").asString()).isEqualTo(IF_MATCH);
        assertThat(response.body().get("rule").asString()).isNotBlank();
    }
}
