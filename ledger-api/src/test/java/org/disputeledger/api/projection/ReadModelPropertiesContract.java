package org.disputeledger.api.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.disputeledger.api.support.LedgerHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A property of every read model: for a random history written through the API and any pair of points in time
 * ({@code at}, {@code knownAt}), the platform status (of one platform and of the jurisdiction), the penalty totals,
 * the demand compliance and the timelines (of a platform, a legal entity and an account) answer what a plain fold
 * of the stored events answers ({@link PlainFold}).
 * <p>
 * Each try records a history of its own (a fresh platform {@code p-<n>} and legal entity {@code e-<n>}): threats,
 * orders, throttlings with scope changes and lifts, blocks with scope expansions and lifts, observations; fines with
 * appeals, decisions, entry into force, partial payments and enforcement; demands with item counts by category,
 * compliances, refusals, deadline extensions and withdrawals; statistics and compliance assessments; account
 * suspensions and restorations; and further sources, retractions and corrections (of effective time, of confidence,
 * and of the fields behind the figures of fines, demands and claims) of all of these. Effective times are drawn at
 * random over 2016-2023 in every precision, so they are recorded late and out of order; commands the rules refuse
 * are simply not part of the history. Then, for random pairs ({@code knownAt} before, at, just before, between and
 * after the recorded times; {@code at} at, just before and around effective times, as instants or as dates meaning
 * the end of that UTC day), every answer is compared with the fold.
 * <p>
 * System properties: {@code ledger.properties.tries} (tries per database, default 15),
 * {@code ledger.properties.pairs} (pairs per try, default 20) and {@code ledger.properties.seed} (default random).
 * The seed is printed; a failing try names the seed that reproduces it alone, for example
 * {@code ./mvnw -B -o -pl ledger-api verify -Dtest='ReadModelPropertiesH2IT' -Dsurefire.failIfNoSpecifiedTests=false
 * -Dledger.properties.seed=42 -Dledger.properties.tries=1}; run longer with {@code -Dledger.properties.tries=200}.
 * The tries draw from a seeded {@link Random} inside one JUnit test rather than from a property-testing engine, so
 * that one Spring context and one database serve them all.
 */
abstract class ReadModelPropertiesContract extends LedgerHttp {

    static final int TRIES = Integer.getInteger("ledger.properties.tries", 15);
    static final int PAIRS = Integer.getInteger("ledger.properties.pairs", 20);
    static final long SEED = Long.getLong("ledger.properties.seed", ThreadLocalRandom.current().nextLong());

    private static final Duration CATCH_UP = Duration.ofSeconds(60);
    private static final LocalDate FIRST_DAY = LocalDate.of(2016, 1, 1);
    private static final int DAYS = 8 * 365;
    private static final String[] HANDLES = {"@h0", "@h1", "@h2", "@h3"};
    private static final String[] CATEGORIES = {"suicide", "drugs", "csam", "extremism"};

    private final Map<String, Integer> refusals = new TreeMap<>();

    @Test
    void everyReadModelAnswersWhatAPlainFoldOfTheEventsAnswers() throws InterruptedException {
        System.out.printf("%s: seed %d, %d tries of %d pairs%n", getClass().getSimpleName(), SEED, TRIES, PAIRS);
        long started = System.nanoTime();
        Map<String, Integer> coverage = new TreeMap<>();
        Map<String, Integer> curations = new TreeMap<>();
        int commands = 0;
        int refused = 0;
        int pairs = 0;
        for (int n = 0; n < TRIES; n++) {
            long seed = SEED + n;
            Try attempt = new Try(n, seed);
            try {
                attempt.run();
            } catch (AssertionError | RuntimeException e) {
                System.out.println(attempt.history());
                throw new AssertionError("try " + n + " failed; reproduce it alone with -Dledger.properties.seed="
                        + seed + " -Dledger.properties.tries=1", e);
            }
            attempt.events.forEach(event -> coverage.merge(event.type(), 1, Integer::sum));
            attempt.curations().forEach(curation -> curations.merge(curation, 1, Integer::sum));
            commands += attempt.sent;
            refused += attempt.refused;
            pairs += attempt.pairs;
        }
        System.out.printf("%s: %d tries, %d commands (%d refused by the rules), %d pairs in %d s; events %s%n",
                getClass().getSimpleName(), TRIES, commands, refused, pairs,
                Duration.ofNanos(System.nanoTime() - started).toSeconds(), coverage);
        System.out.printf("%s: curations by target %s%n", getClass().getSimpleName(), curations);
        System.out.printf("%s: refused %s%n", getClass().getSimpleName(), refusals);
    }

    /** A restriction, fine, demand or suspension as the generator tracks it, to send mostly valid commands. */
    private static final class Tracked {
        final String id;
        final String eventId;
        LocalDate date;
        String currency;
        long due;
        long paid;
        Long remaining;
        LocalDate deadline;
        boolean pending;
        boolean closed;
        boolean inForce;
        LocalDate appealed;
        String type;

        Tracked(String id, String eventId, LocalDate date) {
            this.id = id;
            this.eventId = eventId;
            this.date = date;
        }
    }

    /** One request accepted by the ledger, kept to show the history of a failing try. */
    private record Sent(String path, String body, List<String> eventIds) {
    }

    /** One try: a history of its own, then the pairs of points in time. */
    private final class Try {

        final int number;
        final long seed;
        final Random random;
        final String platform;
        final String entity;
        final List<Sent> accepted = new ArrayList<>();
        final Set<String> streams = new LinkedHashSet<>();
        final List<Tracked> throttlings = new ArrayList<>();
        final List<Tracked> blocks = new ArrayList<>();
        final List<Tracked> fines = new ArrayList<>();
        final List<Tracked> demands = new ArrayList<>();
        final List<Tracked> suspensions = new ArrayList<>();
        final List<Tracked> curatable = new ArrayList<>();
        final Set<String> retracted = new HashSet<>();
        final Set<String> handles = new LinkedHashSet<>();
        List<RecordedEvent> events = List.of();
        int sent;
        int refused;
        int pairs;

        Try(int number, long seed) {
            this.number = number;
            this.seed = seed;
            this.random = new Random(seed);
            this.platform = "p-" + number;
            this.entity = "e-" + number;
        }

        void run() throws InterruptedException {
            int commands = 20 + random.nextInt(41);
            long t0 = System.nanoTime();
            while (sent < commands) {
                step();
            }
            long t1 = System.nanoTime();
            events = readBack();
            awaitCaughtUp();
            long t2 = System.nanoTime();
            PlainFold fold = new PlainFold(events);
            for (int i = 0; i < PAIRS; i++) {
                check(fold, knownAt(), at());
                pairs++;
            }
            System.out.printf("try %d: %d commands, %d events, writes %d ms, catch-up %d ms, %d pairs %d ms%n", number,
                    sent, events.size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, pairs,
                    (System.nanoTime() - t2) / 1_000_000);
        }

        /** Each curation written, as its kind (a correction of effective time and/or fields) and its target's type. */
        List<String> curations() {
            Map<String, String> types = new TreeMap<>();
            events.forEach(event -> types.put(event.eventId(), event.type()));
            List<String> kinds = new ArrayList<>();
            for (RecordedEvent event : events) {
                String target = event.isCuration() ? types.get(event.text("targetEventId")) : null;
                if (event.type().equals("EventRetracted")) {
                    kinds.add("retraction of " + target);
                } else if (event.type().equals("EventCorrected")) {
                    JsonNode effective = event.payload().get("correctedEffective");
                    JsonNode fields = event.payload().get("correctedFields");
                    boolean moved = effective != null && !effective.isNull();
                    boolean figures = fields != null && fields.isObject() && !fields.isEmpty();
                    kinds.add((moved ? figures ? "effective+fields" : "effective" : figures ? "fields"
                            : "confidence") + " of " + target);
                }
            }
            return kinds;
        }

        String history() {
            StringBuilder text = new StringBuilder("history of try " + number + " (seed " + seed + "):\n");
            accepted.forEach(request -> text.append("  POST ").append(request.path()).append(' ')
                    .append(request.body().replaceAll("\\s+", " ")).append(" -> ").append(request.eventIds())
                    .append('\n'));
            events.forEach(event -> text.append("  ").append(event.position()).append(' ').append(event.eventId())
                    .append(' ').append(event.type()).append(" recorded ").append(event.recordedAt())
                    .append(" effective ").append(RecordedEvent.describe(event.effective())).append('\n'));
            return text.toString();
        }

        private void step() {
            int kind = random.nextInt(100);
            if (kind < 5) {
                threaten();
            } else if (kind < 6) {
                order();
            } else if (kind < 11) {
                throttle();
            } else if (kind < 15) {
                changeScope();
            } else if (kind < 18) {
                lift(throttlings, "throttlings");
            } else if (kind < 21) {
                block();
            } else if (kind < 23) {
                expandBlock();
            } else if (kind < 26) {
                lift(blocks, "blocks");
            } else if (kind < 29) {
                observe();
            } else if (kind < 34) {
                fine();
            } else if (kind < 38) {
                appeal();
            } else if (kind < 43) {
                decideAppeal();
            } else if (kind < 46) {
                enterIntoForce();
            } else if (kind < 51) {
                pay();
            } else if (kind < 54) {
                enforce();
            } else if (kind < 59) {
                demand();
            } else if (kind < 64) {
                comply();
            } else if (kind < 67) {
                refuse();
            } else if (kind < 68) {
                withdraw();
            } else if (kind < 70) {
                extendDeadline();
            } else if (kind < 74) {
                statistic();
            } else if (kind < 76) {
                assess();
            } else if (kind < 79) {
                suspend();
            } else if (kind < 80) {
                suspendBatch();
            } else if (kind < 82) {
                restore();
            } else if (kind < 92) {
                correct();
            } else if (kind < 94) {
                attachSource();
            } else {
                retract();
            }
        }

        private void threaten() {
            LocalDate date = someDate();
            String kind = random.nextBoolean() ? "BLOCK" : "THROTTLING";
            JsonNode answer = send(access("threats"), """
                    {"authority":"Roskomnadzor","kind":"%s","condition":"remove content","envelope":%s}"""
                    .formatted(kind, envelope(date)));
            curatable(answer, date);
        }

        private void order() {
            LocalDate date = someDate();
            curatable(send(access("orders"), """
                    {"authority":"Prosecutor General's Office","measure":"block","envelope":%s}"""
                    .formatted(envelope(date))), date);
        }

        private void throttle() {
            LocalDate date = someDate();
            JsonNode answer = send(access("throttlings"), """
                    {"authority":"Roskomnadzor","scope":%s,"envelope":%s}""".formatted(scope(true), envelope(date)));
            track(answer, date, "restrictionId", throttlings);
        }

        private void changeScope() {
            Tracked throttling = any(throttlings);
            if (throttling != null) {
                LocalDate date = after(throttling.date);
                curatable(send(access("throttlings/" + throttling.id + "/scope-changes"), """
                        {"scope":%s,"envelope":%s}""".formatted(scope(false),
                        linked(date, "FOLLOWS", throttling.eventId))), date);
            }
        }

        private void block() {
            LocalDate date = someDate();
            JsonNode answer = send(access("blocks"), """
                    {"authority":"Roskomnadzor","legalBasis":"149-FZ art. 15.3","envelope":%s}"""
                    .formatted(envelope(date)));
            track(answer, date, "restrictionId", blocks);
        }

        private void expandBlock() {
            Tracked block = any(blocks);
            if (block != null) {
                LocalDate date = after(block.date);
                String addresses = random.nextBoolean() ? "\"addressesBlocked\":" + (1 + random.nextInt(100000))
                        + "," : "";
                curatable(send(access("blocks/" + block.id + "/scope-expansions"), """
                        {%s"description":"more addresses","envelope":%s}""".formatted(addresses,
                        linked(date, "FOLLOWS", block.eventId))), date);
            }
        }

        private void lift(List<Tracked> restrictions, String path) {
            Tracked restriction = any(restrictions);
            if (restriction != null) {
                LocalDate date = after(restriction.date);
                JsonNode answer = send(access(path + "/" + restriction.id + "/lifting"), """
                        {"envelope":%s}""".formatted(linked(date, "REVERSES", restriction.eventId)));
                if (answer != null) {
                    restrictions.remove(restriction);
                }
                curatable(answer, date);
            }
        }

        private void observe() {
            LocalDate date = someDate();
            String[] states = {"ACCESSIBLE", "PARTIALLY_ACCESSIBLE", "THROTTLED", "BLOCKED"};
            curatable(send(access("observations"), """
                    {"observer":"OONI","observedState":"%s","envelope":%s}"""
                    .formatted(states[random.nextInt(states.length)], envelope(date))), date);
        }

        private void fine() {
            LocalDate date = someDate();
            String currency = random.nextInt(4) == 0 ? "USD" : "RUB";
            long amount = (1 + random.nextInt(400)) * 100_000L;
            JsonNode answer = send("/api/v1/fines", """
                    {"jurisdiction":"RU","authority":"Magistrate court","legalEntityId":"%s","platform":"%s",
                     "amount":{"minor":%d,"currency":"%s"},"envelope":%s}"""
                    .formatted(entity, platform, amount, currency, envelope(date)));
            curatable(answer, date, "FineImposed");
            if (answer != null) {
                Tracked fine = new Tracked(answer.get("streamId").asString(), eventId(answer), date);
                fine.currency = currency;
                fine.due = amount;
                fines.add(fine);
            }
        }

        private void appeal() {
            Tracked fine = any(fines, one -> !one.pending && !one.closed && !one.inForce);
            LocalDate date = fine == null ? null : after(fine.date);
            if (fine != null && curatable(send(fineStep(fine, "appeals"), """
                    {"appellant":"the platform","envelope":%s}""".formatted(linked(date, "FOLLOWS", fine.eventId))),
                    date, "FineAppealed") != null) {
                fine.pending = true;
                fine.appealed = date;
            }
        }

        private void decideAppeal() {
            Tracked fine = any(fines, one -> one.pending);
            if (fine == null) {
                return;
            }
            int outcome = random.nextInt(3);
            String body;
            if (outcome == 1 && fine.due - Math.max(fine.paid, 1) >= 2) {
                long floor = Math.max(fine.paid, 1);
                long reduced = floor + (long) (random.nextDouble() * (fine.due - floor - 1));
                body = """
                        {"court":"District court","outcome":"REDUCED","newAmount":{"minor":%d,"currency":"%s"},
                         "envelope":%s}""".formatted(reduced, fine.currency, decision(fine));
                if (curatable(send(fineStep(fine, "appeal-decisions"), body), fine.appealed, "AppealDecided")
                        != null) {
                    fine.due = reduced;
                    fine.pending = false;
                }
                return;
            }
            String decided = outcome == 2 ? "ANNULLED" : "UPHELD";
            body = """
                    {"court":"District court","outcome":"%s","envelope":%s}"""
                    .formatted(decided, decision(fine));
            if (curatable(send(fineStep(fine, "appeal-decisions"), body), fine.appealed, "AppealDecided") != null) {
                fine.pending = false;
                fine.closed = decided.equals("ANNULLED");
            }
        }

        /** An appeal decision follows the appeal, not only the fine. */
        private String decision(Tracked fine) {
            return linked(after(fine.appealed), "FOLLOWS", fine.eventId);
        }

        private void enterIntoForce() {
            Tracked fine = any(fines, one -> !one.pending && !one.closed && !one.inForce);
            if (fine != null) {
                if (curatable(send(fineStep(fine, "entry-into-force"), """
                        {"envelope":%s}""".formatted(follow(fine, "FOLLOWS"))), fine.date, "FineEnteredIntoForce")
                        != null) {
                    fine.inForce = true;
                }
            }
        }

        private void pay() {
            Tracked fine = any(fines, one -> !one.closed && one.due > one.paid);
            if (fine == null) {
                return;
            }
            long outstanding = fine.due - fine.paid;
            long amount = random.nextInt(3) == 0 ? outstanding : 1 + (long) (random.nextDouble() * outstanding);
            amount = Math.min(amount, outstanding);
            if (curatable(send(fineStep(fine, "payments"), """
                    {"amount":{"minor":%d,"currency":"%s"},"payer":"the platform","envelope":%s}"""
                    .formatted(amount, fine.currency, follow(fine, "FOLLOWS"))), fine.date, "FinePaid") != null) {
                fine.paid += amount;
            }
        }

        private void enforce() {
            Tracked fine = any(fines, one -> !one.closed && one.due > one.paid);
            if (fine == null) {
                return;
            }
            if (random.nextBoolean()) {
                curatable(send(fineStep(fine, "enforcement-referrals"), """
                        {"to":"FSSP","envelope":%s}""".formatted(follow(fine, "FOLLOWS"))), fine.date,
                        "EnforcementReferred");
            } else {
                curatable(send(fineStep(fine, "enforcement-proceedings"), """
                        {"bailiffService":"FSSP","proceedings":1,"envelope":%s}"""
                        .formatted(follow(fine, "FOLLOWS"))), fine.date, "EnforcementProceedingOpened");
            }
        }

        private void demand() {
            LocalDate date = someDate();
            Long items = random.nextInt(10) < 7 ? Long.valueOf(1 + random.nextInt(500)) : null;
            StringBuilder fields = new StringBuilder();
            if (items != null) {
                fields.append("\"itemCount\":").append(items).append(',');
                if (random.nextBoolean()) {
                    fields.append("\"itemsByCategory\":").append(categories(items)).append(',');
                }
            }
            LocalDate deadline = null;
            if (random.nextBoolean()) {
                deadline = date.plusDays(10 + random.nextInt(50));
                fields.append("\"deadline\":\"").append(deadline).append("\",");
            }
            String[] kinds = {"REMOVE_CONTENT", "DELETE_ACCOUNT", "RESTRICT_ACCESS", "LOCALISE_DATA"};
            String details = random.nextInt(4) == 0 ? "{\"account\":\"" + handle() + "\"}" : null;
            JsonNode answer = send("/api/v1/demands", """
                    {"jurisdiction":"RU","authority":"Roskomnadzor","platform":"%s","legalEntityId":"%s",
                     "kind":"%s",%s"envelope":%s}""".formatted(platform, entity, kinds[random.nextInt(kinds.length)],
                    fields, envelope(date, details)));
            curatable(answer, date, "DemandIssued");
            if (answer != null) {
                Tracked demand = new Tracked(answer.get("streamId").asString(), eventId(answer), date);
                demand.remaining = items;
                demand.deadline = deadline;
                demands.add(demand);
            }
        }

        private String categories(long items) {
            StringBuilder json = new StringBuilder("{");
            long left = items;
            for (String category : CATEGORIES) {
                if (left > 0 && random.nextBoolean()) {
                    long count = 1 + random.nextInt((int) Math.min(left, Integer.MAX_VALUE));
                    json.append(json.length() > 1 ? "," : "").append('"').append(category).append("\":").append(count);
                    left -= count;
                }
            }
            return json.append('}').toString();
        }

        private void comply() {
            Tracked demand = any(demands, one -> !one.closed);
            if (demand == null) {
                return;
            }
            boolean full = random.nextInt(3) == 0;
            Long actioned = null;
            if (demand.remaining != null && demand.remaining > 0 && random.nextInt(4) > 0) {
                actioned = 1 + (long) (random.nextDouble() * demand.remaining);
                actioned = Math.min(actioned, demand.remaining);
            } else if (demand.remaining == null && random.nextBoolean()) {
                actioned = 1L + random.nextInt(50);
            }
            String items = actioned == null ? "" : "\"itemsActioned\":" + actioned + ",";
            if (curatable(send(demandStep(demand, "compliances"), """
                    {"scope":"%s",%s"envelope":%s}""".formatted(full ? "FULL" : "PARTIAL", items,
                    follow(demand, "ANSWERS"))), demand.date, "DemandComplied") != null) {
                demand.closed = full;
                if (demand.remaining != null && actioned != null) {
                    demand.remaining -= actioned;
                }
            }
        }

        private void refuse() {
            Tracked demand = any(demands, one -> !one.closed);
            if (demand == null) {
                return;
            }
            Long refusedItems = demand.remaining != null && demand.remaining > 0 && random.nextBoolean()
                    ? Long.valueOf(1 + (long) (random.nextDouble() * (demand.remaining - 1))) : null;
            String items = refusedItems == null ? "" : "\"itemsRefused\":" + refusedItems + ",";
            if (curatable(send(demandStep(demand, "refusals"), """
                    {%s"reason":"unlawful demand","envelope":%s}""".formatted(items,
                    follow(demand, "ANSWERS"))), demand.date, "DemandRefused") != null && refusedItems != null) {
                demand.remaining -= refusedItems;
            }
        }

        private void withdraw() {
            Tracked demand = any(demands, one -> !one.closed);
            if (demand != null && curatable(send(demandStep(demand, "withdrawal"), """
                    {"envelope":%s}""".formatted(follow(demand, "ANSWERS"))), demand.date, "DemandWithdrawn") != null) {
                demand.closed = true;
            }
        }

        private void extendDeadline() {
            Tracked demand = any(demands, one -> !one.closed);
            if (demand == null) {
                return;
            }
            LocalDate newDeadline = (demand.deadline == null ? demand.date : demand.deadline)
                    .plusDays(1 + random.nextInt(60));
            if (curatable(send(demandStep(demand, "deadline-extensions"), """
                    {"newDeadline":"%s","envelope":%s}""".formatted(newDeadline,
                    follow(demand, "ANSWERS"))), demand.date, "DemandDeadlineExtended") != null) {
                demand.deadline = newDeadline;
            }
        }

        private void statistic() {
            LocalDate date = someDate();
            String figure;
            if (random.nextBoolean()) {
                String currency = random.nextInt(3) == 0 ? "USD" : "RUB";
                figure = "\"metric\":\"fines_total_imposed\",\"amount\":{\"minor\":%d,\"currency\":\"%s\"}"
                        .formatted((1 + random.nextInt(800)) * 100_000L, currency);
            } else {
                figure = "\"metric\":\"undeleted_items\",\"count\":" + (2862 + 306 * random.nextInt(3));
            }
            String period = random.nextBoolean() ? "\"period\":\"2021-H1\"," : "";
            curatable(send("/api/v1/claims/statistics", """
                    {"claimant":"Roskomnadzor","jurisdiction":"RU","platform":"%s","legalEntityId":"%s",%s,%s
                     "qualifier":"EXACT","envelope":%s}""".formatted(platform, entity, figure, period,
                    envelope(date))), date, figure.contains("amount") ? "StatisticReported/amount"
                    : "StatisticReported/count");
        }

        private void assess() {
            LocalDate date = someDate();
            String more = switch (random.nextInt(3)) {
                case 0 -> "\"itemsRemaining\":%d,".formatted(random.nextInt(1000));
                case 1 -> "\"shareComplied\":{\"numerator\":%d,\"denominator\":3},".formatted(random.nextInt(4));
                default -> "";
            };
            curatable(send("/api/v1/claims/compliance-assessments", """
                    {"authority":"Roskomnadzor","jurisdiction":"RU","platform":"%s","itemsFlagged":%d,
                     "itemsRemoved":%d,%s"envelope":%s}""".formatted(platform, 3100, random.nextInt(3100), more,
                    envelope(date))), date, "ComplianceAssessed");
        }

        private void suspend() {
            LocalDate date = someDate();
            String handle = handle();
            JsonNode answer = send(actions("account-suspensions"), """
                    {"account":"%s","action":"SUSPENDED","envelope":%s}""".formatted(handle, envelope(date)));
            track(answer, date, "suspensionId", suspensions);
        }

        private void suspendBatch() {
            LocalDate date = someDate();
            curatable(send(actions("batch-suspensions"), """
                    {"count":5,"accounts":["%s","%s"],"action":"SUSPENDED","envelope":%s}"""
                    .formatted(handle(), "@batch-" + random.nextInt(9), envelope(date))), date);
        }

        private void restore() {
            Tracked suspension = any(suspensions);
            if (suspension != null) {
                LocalDate date = after(suspension.date);
                JsonNode answer = send(actions("account-suspensions/" + suspension.id + "/restoration"), """
                        {"envelope":%s}""".formatted(linked(date, "REVERSES", suspension.eventId)));
                if (answer != null) {
                    suspensions.remove(suspension);
                }
                curatable(answer, date);
            }
        }

        /**
         * Corrects an event not retracted, half the time one of a fine, demand or claim: its confidence (which changes
         * no figure), its effective time, or the fields of its figures (with or without its effective time), now and
         * then with a value that reads as nothing the field holds or a field no read model applies.
         */
        private void correct() {
            Tracked target = random.nextBoolean() ? null
                    : any(curatable, one -> one.type != null && !retracted.contains(one.eventId));
            target = target != null ? target : any(curatable, one -> !retracted.contains(one.eventId));
            if (target == null) {
                return;
            }
            String fields = target.type == null || random.nextInt(3) == 0 ? null : correctedFields(target.type);
            if (fields == null && random.nextInt(4) == 0) {
                send("/api/v1/events/" + target.eventId + "/corrections", """
                        {"correctedConfidence":"DISPUTED","reason":"sources disagree","envelope":%s}"""
                        .formatted(envelope(someDate())));
                return;
            }
            LocalDate date = fields == null || random.nextInt(3) == 0
                    ? target.date.plusDays(random.nextInt(801) - 400) : null;
            String body = (date == null ? "" : "\"correctedEffective\":" + effective(date) + ",")
                    + (fields == null ? "" : "\"correctedFields\":" + fields + ",");
            if (send("/api/v1/events/" + target.eventId + "/corrections", """
                    {%s"reason":"a better source","envelope":%s}""".formatted(body, envelope(someDate()))) != null
                    && date != null) {
                target.date = date;
            }
        }

        /** One to three corrected fields of an event of the type given, as a JSON object. */
        private String correctedFields(String type) {
            List<String> paths = switch (type) {
                case "FineImposed" -> List.of("amount.minor", "amount.currency");
                case "FinePaid" -> List.of("amount.minor", "amount.currency");
                case "AppealDecided" -> List.of("outcome", "newAmount.minor");
                case "StatisticReported/amount" -> List.of("amount.minor", "amount.currency", "qualifier", "count");
                case "StatisticReported/count" -> List.of("count", "amount.minor", "qualifier");
                case "DemandIssued" -> List.of("itemCount", "itemsByCategory." + CATEGORIES[random.nextInt(4)],
                        "itemsByCategory.gambling", "kind", "deadline");
                case "DemandDeadlineExtended" -> List.of("newDeadline");
                case "DemandComplied" -> List.of("itemsActioned", "scope");
                case "DemandRefused" -> List.of("itemsRefused");
                case "ComplianceAssessed" -> List.of("itemsFlagged", "itemsRemoved", "itemsRemaining",
                        "shareComplied.numerator", "shareComplied.denominator");
                default -> List.of("reason", "authority");
            };
            Map<String, String> fields = new TreeMap<>();
            int count = 1 + random.nextInt(Math.min(3, paths.size()));
            for (int i = 0; i < count; i++) {
                String path = paths.get(random.nextInt(paths.size()));
                fields.put(path, correctedValue(path));
            }
            if (random.nextInt(8) == 0) {
                fields.put(random.nextBoolean() ? "legalEntityId" : "authority", "someone else");
            }
            StringBuilder json = new StringBuilder("{");
            fields.forEach((path, value) -> json.append(json.length() > 1 ? "," : "").append('"').append(path)
                    .append("\":\"").append(value).append('"'));
            return json.append('}').toString();
        }

        /** A new value of the field, now and then one that cannot be read as what the field holds. */
        private String correctedValue(String path) {
            String[] unreadable = {"-5", "1.5", "n/a", "1e3", "RUBLES", "2021-02-30", "QUASHED"};
            if (random.nextInt(8) == 0) {
                return unreadable[random.nextInt(unreadable.length)];
            }
            String[] kinds = {"REMOVE_CONTENT", "DELETE_ACCOUNT", "RESTRICT_ACCESS", "LOCALISE_DATA", "OTHER"};
            String[] outcomes = {"UPHELD", "REDUCED", "ANNULLED"};
            String[] qualifiers = {"EXACT", "MORE_THAN", "LESS_THAN", "APPROXIMATE"};
            String[] currencies = {"RUB", "USD", "EUR"};
            return switch (path) {
                case "amount.minor", "newAmount.minor" -> String.valueOf((1 + random.nextInt(800)) * 100_000L
                        - random.nextInt(2) * random.nextInt(100_000));
                case "amount.currency" -> currencies[random.nextInt(currencies.length)];
                case "outcome" -> outcomes[random.nextInt(outcomes.length)];
                case "qualifier" -> qualifiers[random.nextInt(qualifiers.length)];
                case "kind" -> kinds[random.nextInt(kinds.length)];
                case "scope" -> random.nextBoolean() ? "FULL" : "PARTIAL";
                case "deadline", "newDeadline" -> someDate().toString();
                case "count" -> String.valueOf(2862 + 306 * random.nextInt(3));
                case "itemsFlagged", "itemsRemoved", "itemsRemaining" -> String.valueOf(random.nextInt(4000));
                case "shareComplied.numerator", "shareComplied.denominator" -> String.valueOf(random.nextInt(5));
                default -> String.valueOf(random.nextInt(600));
            };
        }

        /** Further sources change no read model's figures; the timeline lists them among the curations. */
        private void attachSource() {
            Tracked target = any(curatable);
            if (target != null) {
                send("/api/v1/events/" + target.eventId + "/sources", """
                        {"envelope":%s}""".formatted(envelope(someDate())));
            }
        }

        private void retract() {
            Tracked target = any(curatable, one -> !retracted.contains(one.eventId));
            if (target != null && send("/api/v1/events/" + target.eventId
                    + "/retraction", """
                    {"reason":"not as recorded","envelope":%s}""".formatted(envelope(someDate()))) != null) {
                retracted.add(target.eventId);
            }
        }

        private String access(String path) {
            return "/api/v1/access/RU/" + platform + "/" + path;
        }

        private String actions(String path) {
            return "/api/v1/platforms/" + platform + "/actions/" + path;
        }

        private String fineStep(Tracked fine, String path) {
            return "/api/v1/fines/" + fine.id + "/" + path;
        }

        private String demandStep(Tracked demand, String path) {
            return "/api/v1/demands/" + demand.id + "/" + path;
        }

        private String handle() {
            String handle = HANDLES[random.nextInt(HANDLES.length)];
            handles.add(handle);
            return handle;
        }

        private String scope(boolean mayBeEmpty) {
            int shape = random.nextInt(mayBeEmpty ? 4 : 3);
            return switch (shape) {
                case 0 -> "{\"mobilePercent\":%d,\"fixedPercent\":%d}".formatted(random.nextInt(101),
                        random.nextInt(101));
                case 1 -> "{\"mobilePercent\":%d,\"description\":\"mobile only\"}".formatted(random.nextInt(101));
                case 2 -> "{\"description\":\"Wi-Fi %d%%\"}".formatted(random.nextInt(101));
                default -> "{}";
            };
        }

        /**
         * Sends a command; the answer when the ledger accepted it, null when its rules refused it. A step with
         * nothing to follow up sends nothing, and the next step is drawn instead.
         */
        private JsonNode send(String path, String body) {
            sent++;
            Response response = post(path, body);
            if (response.status() == 409) {
                refused++;
                refusals.merge(path.replaceAll("[0-9a-f-]{36}", "{id}").replace(platform, "{p}") + " "
                        + response.body().get("code").asString(), 1, Integer::sum);
                return null;
            }
            assertThat(response.status()).as("POST %s %s: %s", path, body, response.raw()).isEqualTo(201);
            streams.add(response.body().get("streamId").asString());
            List<String> ids = new ArrayList<>();
            response.body().get("events").forEach(event -> ids.add(event.get("eventId").asString()));
            accepted.add(new Sent(path, body, ids));
            return response.body();
        }

        private void curatable(JsonNode answer, LocalDate date) {
            curatable(answer, date, null);
        }

        /** Keeps an accepted event as one to curate, with its type where its figures can be corrected; the answer. */
        private JsonNode curatable(JsonNode answer, LocalDate date, String type) {
            if (answer != null) {
                Tracked target = new Tracked(null, eventId(answer), date);
                target.type = type;
                curatable.add(target);
            }
            return answer;
        }

        /** Keeps a new restriction or suspension with the id the ledger gave it, read back from its stream. */
        private void track(JsonNode answer, LocalDate date, String idField, List<Tracked> into) {
            if (answer == null) {
                return;
            }
            String eventId = eventId(answer);
            Response stream = get("/api/v1/streams/" + answer.get("streamId").asString());
            for (JsonNode event : stream.body().get("events")) {
                if (event.get("eventId").asString().equals(eventId)) {
                    into.add(new Tracked(event.get("payload").get(idField).asString(), eventId, date));
                }
            }
            curatable.add(new Tracked(null, eventId, date));
        }

        private static String eventId(JsonNode answer) {
            return answer.get("events").get(0).get("eventId").asString();
        }

        private Tracked any(List<Tracked> tracked) {
            return any(tracked, one -> true);
        }

        private Tracked any(List<Tracked> tracked, Predicate<Tracked> eligible) {
            List<Tracked> candidates = tracked.stream().filter(eligible).toList();
            return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
        }

        private LocalDate someDate() {
            return FIRST_DAY.plusDays(random.nextInt(DAYS));
        }

        /** Mostly after the antecedent, sometimes shortly before it (the rules may or may not refuse it). */
        private LocalDate after(LocalDate antecedent) {
            return random.nextInt(10) == 0 ? antecedent.minusDays(random.nextInt(40))
                    : antecedent.plusDays(random.nextInt(600));
        }

        private String envelope(LocalDate date) {
            return envelope(date, null);
        }

        private String envelope(LocalDate date, String details) {
            return envelope(date, details, null);
        }

        /** Mostly linked to the event it follows, answers or reverses: links only matter to the timelines. */
        private String linked(LocalDate date, String relation, String eventId) {
            return envelope(date, null, random.nextInt(10) < 7 ? relation + ":" + eventId : null);
        }

        private String follow(Tracked antecedent, String relation) {
            return linked(after(antecedent.date), relation, antecedent.eventId);
        }

        private String envelope(LocalDate date, String details, String link) {
            String[] relationAndEvent = link == null ? null : link.split(":");
            return """
                    {"effective":%s,"sources":[{"publisher":"TASS"}],"confidence":"REPORTED"%s%s}"""
                    .formatted(effective(date), details == null ? "" : ",\"details\":" + details,
                            link == null ? "" : ",\"links\":[{\"relation\":\"%s\",\"eventId\":\"%s\"}]"
                                    .formatted(relationAndEvent[0], relationAndEvent[1]));
        }

        /** An effective time on or about the date, in a random precision. */
        private String effective(LocalDate date) {
            int precision = random.nextInt(100);
            if (precision < 55) {
                return "{\"date\":\"%s\",\"precision\":\"DAY\"}".formatted(date);
            } else if (precision < 70) {
                return "{\"date\":\"%s\",\"precision\":\"MONTH\"}".formatted(date.withDayOfMonth(1));
            } else if (precision < 74) {
                return "{\"date\":\"%s\",\"precision\":\"YEAR\"}".formatted(date.withDayOfYear(1));
            } else if (precision < 90) {
                return "{\"date\":\"%s\",\"precision\":\"APPROXIMATE\"}".formatted(date);
            }
            Instant instant = date.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(random.nextInt(86_400));
            return "{\"instant\":\"%s\",\"precision\":\"INSTANT\"}".formatted(instant);
        }

        /** Every event of the streams this try wrote, as stored, with its global position. */
        private List<RecordedEvent> readBack() {
            List<RecordedEvent> stored = new ArrayList<>();
            for (String stream : streams) {
                Map<String, Long> positions = new TreeMap<>();
                jdbc.queryForList("SELECT event_identifier, global_index FROM domain_event_entry"
                        + " WHERE aggregate_identifier = ?", stream).forEach(row -> positions.put(
                        (String) row.get("event_identifier"), ((Number) row.get("global_index")).longValue()));
                Response response = get("/api/v1/streams/" + stream);
                assertThat(response.status()).as(response.raw()).isEqualTo(200);
                for (JsonNode event : response.body().get("events")) {
                    String eventId = event.get("eventId").asString();
                    stored.add(new RecordedEvent(eventId, stream, event.get("sequence").asLong(),
                            positions.get(eventId), event.get("type").asString(),
                            Instant.parse(event.get("recordedAt").asString()), event.get("payload")));
                }
            }
            return stored;
        }

        private void awaitCaughtUp() throws InterruptedException {
            List<String> reads = List.of("/api/v1/platforms/" + platform + "/status?jurisdiction=RU",
                    "/api/v1/entities/" + entity + "/penalties", "/api/v1/platforms/" + platform
                            + "/compliance?jurisdiction=RU", "/api/v1/platforms/" + platform + "/timeline");
            long deadline = System.nanoTime() + CATCH_UP.toNanos();
            for (String read : reads) {
                while (!get(read).body().get("projection").get("caughtUp").asBoolean()) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("the read models did not catch up in " + CATCH_UP + ": " + read);
                    }
                    Thread.sleep(50);
                }
            }
        }

        /** A recorded time: before, exactly at, just before, between or after the recordings. */
        private String knownAt() {
            List<Instant> recorded = events.stream().map(RecordedEvent::recordedAt).sorted().toList();
            Instant some = recorded.get(random.nextInt(recorded.size()));
            int choice = random.nextInt(10);
            if (choice == 0) {
                return random.nextBoolean() ? recorded.get(0).minusMillis(1 + random.nextInt(1000)).toString()
                        : recorded.get(0).atOffset(ZoneOffset.UTC).toLocalDate().minusDays(1 + random.nextInt(400))
                        .toString();
            } else if (choice < 4) {
                return some.toString();
            } else if (choice < 6) {
                return some.minusMillis(1).toString();
            } else if (choice < 8) {
                Instant next = recorded.stream().filter(instant -> instant.isAfter(some)).findFirst().orElse(some);
                return some.plusMillis(Duration.between(some, next).toMillis() / 2).toString();
            } else if (choice == 8) {
                return recorded.get(recorded.size() - 1).plusSeconds(1).toString();
            }
            // the day of the latest recording, which a date-only knownAt takes to its end
            return recorded.get(recorded.size() - 1).atOffset(ZoneOffset.UTC).toLocalDate().toString();
        }

        /** An effective time: at, just before or around an effective time of the history, or far from all. */
        private String at() {
            RecordedEvent event = events.get(random.nextInt(events.size()));
            JsonNode effective = event.effective();
            JsonNode corrected = event.payload().get("correctedEffective");
            if (corrected != null && !corrected.isNull() && random.nextBoolean()) {
                effective = corrected;
            }
            Instant start = RecordedEvent.start(effective);
            LocalDate date = RecordedEvent.date(effective);
            return switch (random.nextInt(10)) {
                case 0, 1 -> start.toString();
                case 2 -> start.minusMillis(1).toString();
                case 3 -> date.toString();
                case 4 -> date.minusDays(1).toString();
                case 5 -> date.plusDays(random.nextInt(5) - 2).toString();
                case 6 -> someDate().toString();
                case 7 -> "2030-01-01";
                case 8 -> "2010-06-01";
                default -> FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant()
                        .plusSeconds((long) (random.nextDouble() * DAYS * 86_400L)).toString();
            };
        }

        private void check(PlainFold fold, String knownAtParameter, String atParameter) {
            Instant knownAt = pointInTime(knownAtParameter);
            Instant at = pointInTime(atParameter);
            String when = "at=" + atParameter + "&knownAt=" + knownAtParameter;
            String pair = "try " + number + " (seed " + seed + "), " + when;

            JsonNode status = read("/api/v1/platforms/" + platform + "/status?jurisdiction=RU&" + when);
            assertThat(statusText(status.get("status"))).as("platform status, " + pair)
                    .isEqualTo(fold.status(platform, at, knownAt));
            JsonNode listed = null;
            for (JsonNode one : read("/api/v1/status?jurisdiction=RU&" + when).get("platforms")) {
                if (one.get("platform").asString().equals(platform)) {
                    listed = one;
                }
            }
            assertThat(listed != null).as("platform listed in the jurisdiction's status, " + pair)
                    .isEqualTo(fold.listedInJurisdiction(platform, knownAt));
            if (listed != null) {
                assertThat(statusText(listed)).as("jurisdiction status, " + pair)
                        .isEqualTo(fold.status(platform, at, knownAt));
            }

            JsonNode penalties = read("/api/v1/entities/" + entity + "/penalties?" + when);
            assertThat(penaltiesText(penalties.get("penalties"))).as("penalty totals, " + pair)
                    .isEqualTo(fold.penalties(entity, at, knownAt));

            LocalDate from = null;
            LocalDate to = null;
            if (random.nextInt(10) < 3) {
                from = random.nextBoolean() ? someDate() : null;
                to = random.nextBoolean() ? (from == null ? someDate() : from.plusDays(random.nextInt(1500))) : null;
            }
            String period = (from == null ? "" : "&from=" + from) + (to == null ? "" : "&to=" + to);
            JsonNode compliance = read("/api/v1/platforms/" + platform + "/compliance?jurisdiction=RU&" + when
                    + period);
            assertThat(complianceText(compliance.get("compliance"))).as("demand compliance " + period + ", " + pair)
                    .isEqualTo(fold.compliance(platform, from, to, at, knownAt));

            boolean inRussia = random.nextInt(4) == 0;
            String platformWhen = when + (inRussia ? "&jurisdiction=RU" : "");
            List<String> platformTimeline = fold.timeline(subject -> platform.equals(subject.platform())
                    && (!inRussia || "RU".equals(subject.jurisdiction())), at, knownAt);
            assertThat(timelineText(read("/api/v1/platforms/" + platform + "/timeline?limit=1000&" + platformWhen)))
                    .as("platform timeline" + (inRussia ? " in RU" : "") + ", " + pair).isEqualTo(platformTimeline);
            if (random.nextInt(3) == 0) {
                int limit = 1 + random.nextInt(5);
                assertThat(pages("/api/v1/platforms/" + platform + "/timeline?limit=" + limit + "&" + platformWhen))
                        .as("platform timeline in pages of " + limit + ", " + pair).isEqualTo(platformTimeline);
            }
            String window = "";
            Instant windowFrom = Instant.MIN;
            Instant windowTo = Instant.MAX;
            if (random.nextInt(10) < 3) {
                LocalDate first = someDate();
                LocalDate last = first.plusDays(random.nextInt(1000));
                window = "&from=" + first + "&to=" + last;
                windowFrom = first.atStartOfDay(ZoneOffset.UTC).toInstant();
                windowTo = pointInTime(last.toString());
            }
            assertThat(timelineText(read("/api/v1/entities/" + entity + "/timeline?limit=1000&" + when + window)))
                    .as("legal entity timeline " + window + ", " + pair)
                    .isEqualTo(fold.timeline(subject -> entity.equals(subject.legalEntity()), at, knownAt,
                            windowFrom, windowTo));
            for (String handle : handles.stream().skip(handles.isEmpty() ? 0 : random.nextInt(handles.size()))
                    .limit(1).toList()) {
                assertThat(timelineText(read("/api/v1/accounts/" + platform + "/"
                        + URLEncoder.encode(handle, StandardCharsets.UTF_8) + "?limit=1000&" + when)))
                        .as("account timeline of " + handle + ", " + pair)
                        .isEqualTo(fold.timeline(subject -> platform.equals(subject.platform())
                                && subject.accounts().contains(handle), at, knownAt));
            }
        }

        /** Every page of a timeline, each after the cursor of the one before. */
        private List<String> pages(String path) {
            List<String> entries = new ArrayList<>();
            String after = null;
            do {
                JsonNode timeline = read(path + (after == null ? "" : "&after="
                        + URLEncoder.encode(after, StandardCharsets.UTF_8))).get("timeline");
                timeline.get("entries").forEach(entry -> entries.add(entry(entry)));
                after = RecordedEvent.text(timeline, "next");
            } while (after != null);
            return entries;
        }

        private JsonNode read(String path) {
            Response response = get(path);
            assertThat(response.status()).as("GET %s: %s", path, response.raw()).isEqualTo(200);
            return response.body();
        }
    }

    /** As the read endpoints take them: a date is the end of that UTC day, anything else an instant. */
    static Instant pointInTime(String value) {
        return value.length() == 10
                ? LocalDate.parse(value).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1)
                : Instant.parse(value);
    }

    static String statusText(JsonNode status) {
        List<String> lines = new ArrayList<>();
        lines.add("state=" + status.get("state").asString() + " since=" + RecordedEvent.describe(status.get("since")));
        List<String> restrictions = new ArrayList<>();
        for (JsonNode restriction : status.get("restrictions")) {
            JsonNode scope = restriction.get("scope");
            restrictions.add(PlainFold.restriction(restriction.get("kind").asString(),
                    restriction.get("restrictionId").asString(), restriction.get("since"),
                    scope == null || scope.isNull() ? "scope=none" : PlainFold.scope(number(scope, "mobilePercent"),
                            number(scope, "fixedPercent"), number(scope, "addressesBlocked"),
                            RecordedEvent.text(scope, "description"), scope.get("since"))));
        }
        restrictions.stream().sorted().forEach(lines::add);
        List<String> threats = new ArrayList<>();
        for (JsonNode threat : status.get("threats")) {
            threats.add(PlainFold.threat(threat.get("threatId").asString(), threat.get("kind").asString(),
                    threat.get("since")));
        }
        threats.stream().sorted().forEach(lines::add);
        JsonNode deFacto = status.get("deFacto");
        lines.add(deFacto == null || deFacto.isNull() ? "deFacto=none"
                : PlainFold.deFacto(deFacto.get("observedState").asString(), deFacto.get("since")));
        return String.join("\n", lines);
    }

    static String penaltiesText(JsonNode penalties) {
        List<String> lines = new ArrayList<>();
        for (JsonNode currency : penalties.get("currencies")) {
            lines.add(currency.get("currency").asString() + " imposed=" + figure(currency.get("imposed"))
                    + " underAppeal=" + figure(currency.get("underAppeal")) + " inForce="
                    + figure(currency.get("inForce")) + " paid=" + figure(currency.get("paid")) + " outstanding="
                    + figure(currency.get("outstanding")) + " referred="
                    + figure(currency.get("referredToEnforcement")));
            List<String> fines = new ArrayList<>();
            for (JsonNode fine : currency.get("fines")) {
                fines.add(PlainFold.fine(fine.get("fineId").asString(), fine.get("dueMinor").asLong(),
                        fine.get("paidMinor").asLong(), fine.get("outstandingMinor").asLong(),
                        fine.get("status").asString()));
            }
            fines.stream().sorted().forEach(lines::add);
            JsonNode reported = currency.get("reported");
            lines.add(reported == null || reported.isNull() ? "reported=none"
                    : PlainFold.reported(reported.get("eventId").asString(), reported.get("reportedMinor").asLong(),
                    reported.get("qualifier").asString(), reported.get("itemisedMinor").asLong(),
                    reported.get("disagrees").asBoolean()));
        }
        return String.join("\n", lines);
    }

    private static String figure(JsonNode figure) {
        return PlainFold.figure(figure.get("minor").asLong(), texts(figure.get("fineIds")));
    }

    static String complianceText(JsonNode compliance) {
        List<String> lines = new ArrayList<>();
        lines.add("totals " + figures(compliance.get("totals")) + " withdrawn=" + compliance.get("withdrawn").asLong());
        List<String> kinds = new ArrayList<>();
        compliance.get("byKind").forEach(kind -> kinds.add("kind " + kind.get("kind").asString() + " "
                + figures(kind.get("figures"))));
        kinds.stream().sorted().forEach(lines::add);
        compliance.get("byCategory").forEach(category -> lines.add("category " + category.get("category").asString()
                + " " + category.get("itemsDemanded").asLong()));
        List<String> demands = new ArrayList<>();
        for (JsonNode demand : compliance.get("demands")) {
            demands.add(PlainFold.demand(demand.get("demandId").asString(), demand.get("status").asString(),
                    number(demand, "items"), demand.get("complied").asLong(), demand.get("refused").asLong(),
                    number(demand, "outstanding"), RecordedEvent.text(demand, "deadline")));
        }
        demands.stream().sorted().forEach(lines::add);
        compliance.get("claims").forEach(claim -> {
            JsonNode amount = claim.get("amount");
            JsonNode share = claim.get("shareComplied");
            boolean money = amount != null && !amount.isNull();
            boolean shared = share != null && !share.isNull();
            lines.add(PlainFold.claim(claim.get("eventId").asString(), claim.get("type").asString(),
                    PlainFold.claimFigures(number(claim, "count"), money ? number(amount, "minor") : null,
                            money ? amount.get("currency").asString() : null, number(claim, "itemsFlagged"),
                            number(claim, "itemsRemoved"), number(claim, "itemsRemaining"),
                            shared ? number(share, "numerator") : null, shared ? number(share, "denominator") : null),
                    texts(claim.get("disagreesWith"))));
        });
        return String.join("\n", lines);
    }

    private static String figures(JsonNode figures) {
        return PlainFold.figures(figures.get("demands").asLong(), figures.get("itemsDemanded").asLong(),
                figures.get("itemsComplied").asLong(), figures.get("itemsRefused").asLong(),
                figures.get("itemsOutstanding").asLong(), figures.get("demandsWithoutItemCount").asLong());
    }

    static List<String> timelineText(JsonNode answer) {
        JsonNode timeline = answer.get("timeline");
        assertThat(timeline.get("next").isNull()).as("one page holds the whole timeline").isTrue();
        List<String> entries = new ArrayList<>();
        timeline.get("entries").forEach(entry -> entries.add(entry(entry)));
        return entries;
    }

    static String entry(JsonNode entry) {
        List<String> curations = new ArrayList<>();
        entry.get("curations").forEach(curation -> curations.add(curation.get("eventId").asString()));
        List<String> linkedFrom = new ArrayList<>();
        entry.get("linkedFrom").forEach(link -> linkedFrom.add(link.get("relation").asString() + ":"
                + link.get("eventId").asString()));
        return PlainFold.entry(entry.get("eventId").asString(), entry.get("type").asString(),
                entry.get("retracted").asBoolean(), curations, linkedFrom);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(value -> texts.add(value.asString()));
        return texts;
    }

    private static Long number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asLong();
    }
}
