package org.disputeledger.api.projection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * What each read model should answer, computed the plainest way from the events the ledger stored: take the events
 * recorded at or before {@code knownAt}, apply the curations recorded by then (those the read model applies: the
 * table in the Curation section of docs/api-guide.md), keep those effective at or before {@code at}, and fold them in
 * effective order (then stream order). Written from DOMAIN.md, docs/architecture.md and docs/api-guide.md,
 * independently of the read models' own rules and curation classes. Each answer is a few lines of text, so that a
 * difference with the read model's answer shows as a readable diff.
 */
final class PlainFold {

    static final String JURISDICTION = "RU";
    static final String REPORTED_METRIC = "fines_total_imposed";

    private static final Set<String> OUTCOMES = Set.of("UPHELD", "REDUCED", "ANNULLED");
    private static final Set<String> QUALIFIERS = Set.of("EXACT", "MORE_THAN", "LESS_THAN", "APPROXIMATE");
    private static final Set<String> SCOPES = Set.of("FULL", "PARTIAL");
    private static final Set<String> DEMAND_KINDS = Set.of("REMOVE_CONTENT", "DELETE_ACCOUNT", "RESTRICT_ACCESS",
            "RESTORE_CONTENT", "REMOVE_LABEL", "REMOVE_APP", "LOCALISE_DATA", "PROVIDE_INFORMATION",
            "PROVIDE_DECRYPTION_KEYS", "OTHER");
    private static final String CATEGORY = "itemsByCategory.";

    private static final Set<String> STATUS_TYPES = Set.of("RestrictionThreatened", "RestrictionOrdered",
            "ThrottlingImposed", "ThrottlingScopeChanged", "ThrottlingLifted", "BlockImposed", "BlockScopeExpanded",
            "BlockLifted", "InterferenceObserved");
    private static final Set<String> FINE_TYPES = Set.of("FineImposed", "FineAppealed", "AppealDecided",
            "FineEnteredIntoForce", "FinePaid", "EnforcementReferred", "EnforcementProceedingOpened");
    private static final Set<String> DEMAND_TYPES = Set.of("DemandIssued", "DemandDeadlineExtended",
            "DemandComplied", "DemandRefused", "DemandWithdrawn");

    private static final Comparator<Fact> IN_EFFECT_ORDER = Comparator.comparing(Fact::start)
            .thenComparingLong(fact -> fact.event().sequence());

    /**
     * A fact as known at some moment: the stored event, with its effective time as last corrected by then and each
     * corrected field (a dotted path) at its last corrected value by then, as text. Which corrected fields count, and
     * how a value is read, is up to each read model.
     */
    record Fact(RecordedEvent event, JsonNode effective, Map<String, String> fields) {

        Instant start() {
            return RecordedEvent.start(effective);
        }

        String type() {
            return event.type();
        }

        String text(String field) {
            return event.text(field);
        }

        /** The field as recorded, by its dotted path; null when absent or null. */
        JsonNode recorded(String path) {
            JsonNode node = event.payload();
            for (String name : path.split("\\.")) {
                node = node == null || node.isNull() ? null : node.get(name);
            }
            return node == null || node.isNull() ? null : node;
        }

        /** A whole non-negative number: the corrected value when it reads as one, else as recorded. */
        Long whole(String path) {
            Long corrected = wholeNumber(fields.get(path));
            if (corrected != null) {
                return corrected;
            }
            JsonNode recorded = recorded(path);
            return recorded == null ? null : recorded.asLong();
        }

        /** The value as a whole non-negative number; null when it reads as none. */
        static Long wholeNumber(String value) {
            if (value == null) {
                return null;
            }
            String digits = value.strip();
            return !digits.isEmpty() && digits.length() <= 18 && digits.chars().allMatch(c -> c >= '0' && c <= '9')
                    ? Long.valueOf(digits) : null;
        }

        /** One of the names given: the corrected value when it is one, else as recorded. */
        String constant(String path, Set<String> names) {
            String corrected = fields.get(path) == null ? null : fields.get(path).strip();
            if (corrected != null && names.contains(corrected)) {
                return corrected;
            }
            JsonNode recorded = recorded(path);
            return recorded == null ? null : recorded.asString();
        }

        /** An ISO 4217 code: the corrected value when it is one, else as recorded. */
        String currency(String path) {
            String corrected = fields.get(path) == null ? null : fields.get(path).strip();
            if (corrected != null && corrected.matches("[A-Z]{3}")) {
                try {
                    return Currency.getInstance(corrected).getCurrencyCode();
                } catch (IllegalArgumentException e) {
                    // not a currency: as recorded
                }
            }
            JsonNode recorded = recorded(path);
            return recorded == null ? null : recorded.asString();
        }

        /** An ISO date: the corrected value when it reads as one, else as recorded. */
        String date(String path) {
            String corrected = fields.get(path) == null ? null : fields.get(path).strip();
            if (corrected != null) {
                try {
                    return LocalDate.parse(corrected).toString();
                } catch (DateTimeParseException e) {
                    // not a date: as recorded
                }
            }
            JsonNode recorded = recorded(path);
            return recorded == null ? null : recorded.asString();
        }
    }

    /** Whom a timeline entry concerns: its platform, legal entity, jurisdiction and accounts. */
    record Subject(String platform, String legalEntity, String jurisdiction, Set<String> accounts) {
    }

    private final List<RecordedEvent> events;
    private final Map<String, String> fineEntity = new HashMap<>();
    private final Map<String, RecordedEvent> demandIssue = new HashMap<>();
    private final Map<String, Subject> subjects = new HashMap<>();

    /** The events in the order of the log. */
    PlainFold(List<RecordedEvent> events) {
        this.events = events.stream().sorted(Comparator.comparingLong(RecordedEvent::position)).toList();
        Map<String, Subject> streamSubject = new HashMap<>();
        Map<String, String> suspendedAccount = new HashMap<>();
        for (RecordedEvent event : this.events) {
            if (event.type().equals("FineImposed")) {
                fineEntity.put(event.streamId(), event.text("legalEntityId"));
            }
            if (event.type().equals("DemandIssued")) {
                demandIssue.put(event.streamId(), event);
            }
            if (event.isCuration()) {
                continue;
            }
            String platform = event.text("platform") != null ? event.text("platform") : event.text("service");
            String legalEntity = event.text("legalEntityId");
            String jurisdiction = event.text("jurisdiction");
            Subject first = streamSubject.get(event.streamId());
            if (first == null) {
                streamSubject.put(event.streamId(), new Subject(platform, legalEntity, jurisdiction, Set.of()));
            } else {
                if (platform == null && legalEntity == null) {
                    platform = first.platform();
                    legalEntity = first.legalEntity();
                }
                jurisdiction = jurisdiction == null ? first.jurisdiction() : jurisdiction;
            }
            Set<String> accounts = new HashSet<>();
            if (platform != null) {
                if (event.type().equals("AccountSuspended")) {
                    accounts.add(event.text("account"));
                    suspendedAccount.putIfAbsent(platform + "/" + event.text("suspensionId"), event.text("account"));
                }
                if (event.type().equals("AccountRestored")) {
                    String account = suspendedAccount.get(platform + "/" + event.text("suspensionId"));
                    if (account != null) {
                        accounts.add(account);
                    }
                }
                JsonNode many = event.payload().get("accounts");
                if (many != null && many.isArray()) {
                    many.forEach(name -> accounts.add(name.asString()));
                }
                String named = RecordedEvent.text(event.payload().get("envelope").get("details"), "account");
                if (named != null) {
                    accounts.add(named.strip());
                }
            }
            subjects.put(event.eventId(), new Subject(platform, legalEntity, jurisdiction, accounts));
        }
    }

    /**
     * The selected facts recorded at or before {@code knownAt}, without those retracted by then, with the effective
     * time of the latest correction recorded by then and each field at its latest corrected value recorded by then
     * (corrections apply in the order of the log).
     */
    List<Fact> known(Predicate<RecordedEvent> selected, Instant knownAt) {
        Set<String> retracted = new HashSet<>();
        Map<String, JsonNode> corrected = new HashMap<>();
        Map<String, Map<String, String>> fields = new HashMap<>();
        for (RecordedEvent event : events) {
            if (event.recordedAt().isAfter(knownAt)) {
                continue;
            }
            String target = event.text("targetEventId");
            if (event.type().equals("EventRetracted")) {
                retracted.add(target);
            }
            if (event.type().equals("EventCorrected")) {
                JsonNode correctedEffective = event.payload().get("correctedEffective");
                if (correctedEffective != null && !correctedEffective.isNull()) {
                    corrected.put(target, correctedEffective);
                }
                JsonNode correctedFields = event.payload().get("correctedFields");
                if (correctedFields != null && correctedFields.isObject()) {
                    correctedFields.properties().forEach(field -> fields.computeIfAbsent(target, t -> new HashMap<>())
                            .put(field.getKey(), field.getValue().asString()));
                }
            }
        }
        return events.stream().filter(event -> !event.isCuration() && selected.test(event))
                .filter(event -> !event.recordedAt().isAfter(knownAt) && !retracted.contains(event.eventId()))
                .map(event -> new Fact(event, corrected.getOrDefault(event.eventId(), event.effective()),
                        fields.getOrDefault(event.eventId(), Map.of()))).toList();
    }

    /** The facts that had taken effect by {@code at}, in effective order, then stream order. */
    private static List<Fact> inEffect(List<Fact> facts, Instant at) {
        return facts.stream().filter(fact -> !fact.start().isAfter(at)).sorted(IN_EFFECT_ORDER).toList();
    }

    static String accessStream(String platform) {
        return "access-" + JURISDICTION.toLowerCase() + "-" + platform;
    }


    /** True when the ledger knew at least one access fact of the platform at {@code knownAt}. */
    boolean listedInJurisdiction(String platform, Instant knownAt) {
        return events.stream().anyMatch(event -> event.streamId().equals(accessStream(platform))
                && STATUS_TYPES.contains(event.type()) && !event.recordedAt().isAfter(knownAt));
    }

    String status(String platform, Instant at, Instant knownAt) {
        List<Fact> facts = inEffect(known(event -> event.streamId().equals(accessStream(platform))
                && STATUS_TYPES.contains(event.type()), knownAt), at);
        Set<String> lifted = new HashSet<>();
        Map<String, Fact> latestScope = new HashMap<>();
        List<Fact> imposed = new ArrayList<>();
        List<Fact> threats = new ArrayList<>();
        Fact lastLift = null;
        Fact lastObservation = null;
        for (Fact fact : facts) {
            switch (fact.type()) {
                case "ThrottlingLifted", "BlockLifted" -> {
                    lifted.add(fact.text("restrictionId"));
                    lastLift = fact;
                }
                case "ThrottlingScopeChanged", "BlockScopeExpanded" ->
                        latestScope.put(fact.text("restrictionId"), fact);
                case "ThrottlingImposed", "BlockImposed" -> imposed.add(fact);
                case "RestrictionThreatened" -> threats.add(fact);
                case "InterferenceObserved" -> lastObservation = fact;
                default -> {
                }
            }
        }
        List<Fact> inForce = imposed.stream().filter(fact -> !lifted.contains(fact.text("restrictionId"))).toList();
        List<Fact> pending = threats.stream().filter(threat -> imposed.stream()
                .noneMatch(restriction -> answers(restriction, threat))).toList();
        List<Fact> blocks = inForce.stream().filter(fact -> fact.type().equals("BlockImposed")).toList();
        List<Fact> throttlings = inForce.stream().filter(fact -> fact.type().equals("ThrottlingImposed")).toList();
        String state;
        JsonNode since;
        if (!blocks.isEmpty()) {
            state = "BLOCKED";
            since = blocks.get(0).effective();
        } else if (!throttlings.isEmpty()) {
            state = "THROTTLED";
            since = throttlings.get(0).effective();
        } else if (!pending.isEmpty()) {
            state = "THREATENED";
            since = pending.get(0).effective();
        } else {
            state = "NORMAL";
            since = lastLift == null ? null : lastLift.effective();
        }
        List<String> lines = new ArrayList<>();
        lines.add("state=" + state + " since=" + RecordedEvent.describe(since));
        inForce.stream().map(fact -> restriction(fact, latestScope.get(fact.text("restrictionId")))).sorted()
                .forEach(lines::add);
        pending.stream().map(fact -> threat(fact.text("threatId"), fact.text("kind"), fact.effective())).sorted()
                .forEach(lines::add);
        lines.add(lastObservation == null ? "deFacto=none" : deFacto(lastObservation.text("observedState"),
                lastObservation.effective()));
        return String.join("\n", lines);
    }

    /** A restriction answers a threat when it is at least as severe and took effect at or after it. */
    private static boolean answers(Fact restriction, Fact threat) {
        boolean severeEnough = restriction.type().equals("BlockImposed") || !"BLOCK".equals(threat.text("kind"));
        return severeEnough && !restriction.start().isBefore(threat.start());
    }

    private static String restriction(Fact imposed, Fact scopeChange) {
        Fact scope = scopeChange == null ? imposed : scopeChange;
        JsonNode throttlingScope = scope.event().payload().get("scope");
        Long mobile = number(throttlingScope, "mobilePercent");
        Long fixed = number(throttlingScope, "fixedPercent");
        Long addresses = scope.event().number("addressesBlocked");
        String description = throttlingScope != null && !throttlingScope.isNull()
                ? RecordedEvent.text(throttlingScope, "description") : scope.text("description");
        if (scope.type().equals("BlockImposed")) {
            description = null;
        }
        String kind = imposed.type().equals("BlockImposed") ? "BLOCK" : "THROTTLING";
        boolean stated = mobile != null || fixed != null || addresses != null || description != null;
        return restriction(kind, imposed.text("restrictionId"), imposed.effective(), stated
                ? scope(mobile, fixed, addresses, description, scope.effective()) : "scope=none");
    }

    static String restriction(String kind, String id, JsonNode since, String scope) {
        return "restriction " + kind + " " + id + " since=" + RecordedEvent.describe(since) + " " + scope;
    }

    static String scope(Long mobile, Long fixed, Long addresses, String description, JsonNode since) {
        return "scope=" + mobile + "/" + fixed + "/" + addresses + "/" + description + " since="
                + RecordedEvent.describe(since);
    }

    static String threat(String id, String kind, JsonNode since) {
        return "threat " + id + " " + kind + " since=" + RecordedEvent.describe(since);
    }

    static String deFacto(String state, JsonNode since) {
        return "deFacto=" + state + " since=" + RecordedEvent.describe(since);
    }

    private static Long number(JsonNode node, String field) {
        JsonNode value = node == null || node.isNull() ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asLong();
    }


    /** One fine as folded: what is due, paid and outstanding, and where it stands. */
    private record FineFold(String fineId, String currency, long due, long paid, long outstanding, String status,
                            boolean underAppeal, boolean inForce, boolean referred) {
    }

    String penalties(String legalEntity, Instant at, Instant knownAt) {
        List<Fact> facts = inEffect(known(event -> (FINE_TYPES.contains(event.type())
                && legalEntity.equals(fineEntity.get(event.streamId()))) || isReportedTotal(event, legalEntity),
                knownAt), at);
        Map<String, List<FineFold>> fines = new TreeMap<>();
        facts.stream().filter(fact -> fact.type().equals("FineImposed")).forEach(imposed -> {
            FineFold fine = fine(imposed, facts.stream()
                    .filter(fact -> fact.event().streamId().equals(imposed.event().streamId())).toList());
            fines.computeIfAbsent(fine.currency(), currency -> new ArrayList<>()).add(fine);
        });
        Map<String, Fact> reported = new TreeMap<>();
        facts.stream().filter(fact -> fact.type().equals("StatisticReported"))
                .sorted(Comparator.comparing(Fact::start).thenComparing(fact -> fact.event().recordedAt())
                        .thenComparingLong(fact -> fact.event().position()))
                .forEach(report -> reported.put(report.currency("amount.currency"), report));
        reported.keySet().forEach(currency -> fines.computeIfAbsent(currency, c -> new ArrayList<>()));
        List<String> lines = new ArrayList<>();
        fines.forEach((currency, ofCurrency) -> {
            lines.add(currency + " imposed=" + figure(ofCurrency, fine -> true, FineFold::due)
                    + " underAppeal=" + figure(ofCurrency, FineFold::underAppeal, FineFold::due)
                    + " inForce=" + figure(ofCurrency, FineFold::inForce, FineFold::due)
                    + " paid=" + figure(ofCurrency, fine -> fine.paid() > 0, FineFold::paid)
                    + " outstanding=" + figure(ofCurrency, fine -> fine.outstanding() > 0, FineFold::outstanding)
                    + " referred=" + figure(ofCurrency, FineFold::referred, FineFold::outstanding));
            ofCurrency.stream().map(fine -> fine(fine.fineId(), fine.due(), fine.paid(), fine.outstanding(),
                    fine.status())).sorted().forEach(lines::add);
            Fact report = reported.get(currency);
            long itemised = ofCurrency.stream().mapToLong(FineFold::due).sum();
            if (report == null) {
                lines.add("reported=none");
            } else {
                long claimed = report.whole("amount.minor");
                lines.add(reported(report.event().eventId(), claimed, report.constant("qualifier", QUALIFIERS),
                        itemised, claimed != itemised));
            }
        });
        return String.join("\n", lines);
    }

    private static boolean isReportedTotal(RecordedEvent event, String legalEntity) {
        JsonNode amount = event.payload().get("amount");
        return event.type().equals("StatisticReported") && REPORTED_METRIC.equals(event.text("metric"))
                && amount != null && !amount.isNull() && legalEntity.equals(event.text("legalEntityId"));
    }

    private static FineFold fine(Fact imposed, List<Fact> facts) {
        long due = imposed.whole("amount.minor");
        long paid = 0;
        boolean annulled = false;
        boolean pending = false;
        boolean inForce = false;
        boolean referred = false;
        for (Fact fact : facts) {
            switch (fact.type()) {
                case "FineAppealed" -> pending = true;
                case "AppealDecided" -> {
                    pending = false;
                    String outcome = fact.constant("outcome", OUTCOMES);
                    Long newAmount = fact.whole("newAmount.minor");
                    if (outcome.equals("ANNULLED")) {
                        annulled = true;
                    } else if (outcome.equals("REDUCED") && !annulled && newAmount != null) {
                        due = newAmount;
                    }
                }
                case "FineEnteredIntoForce" -> inForce = true;
                case "FinePaid" -> paid += fact.whole("amount.minor");
                case "EnforcementReferred", "EnforcementProceedingOpened" -> referred = true;
                default -> {
                }
            }
        }
        if (annulled) {
            due = 0;
        }
        long outstanding = Math.max(0, due - paid);
        String status = annulled ? "ANNULLED" : outstanding == 0 ? "PAID" : referred ? "REFERRED_TO_ENFORCEMENT"
                : pending ? "UNDER_APPEAL" : inForce ? "IN_FORCE" : "IMPOSED";
        return new FineFold(imposed.event().streamId(), imposed.currency("amount.currency"), due, paid, outstanding,
                status, pending, inForce && !annulled, referred && !annulled);
    }

    private static String figure(List<FineFold> fines, Predicate<FineFold> counted,
                                 java.util.function.ToLongFunction<FineFold> amount) {
        List<FineFold> behind = fines.stream().filter(counted).toList();
        return figure(behind.stream().mapToLong(amount).sum(), behind.stream().map(FineFold::fineId).toList());
    }

    static String figure(long minor, List<String> fineIds) {
        return minor + fineIds.stream().sorted().toList().toString();
    }

    static String fine(String id, long due, long paid, long outstanding, String status) {
        return "fine " + id + " due=" + due + " paid=" + paid + " outstanding=" + outstanding + " " + status;
    }

    static String reported(String eventId, long claimed, String qualifier, long itemised, boolean disagrees) {
        return "reported=" + eventId + " " + claimed + " " + qualifier + " itemised=" + itemised + " disagrees="
                + disagrees;
    }


    /** The figures of a set of demands, as one line. */
    private static String figures(List<DemandFold> demands) {
        long items = 0;
        long complied = 0;
        long refused = 0;
        long outstanding = 0;
        long withoutCount = 0;
        for (DemandFold demand : demands) {
            if (demand.items() == null) {
                withoutCount++;
            } else {
                items += demand.items();
                outstanding += demand.outstanding();
            }
            complied += demand.complied();
            refused += demand.refused();
        }
        return figures(demands.size(), items, complied, refused, outstanding, withoutCount);
    }

    static String figures(long demands, long items, long complied, long refused, long outstanding,
                          long withoutCount) {
        return "demands=" + demands + " items=" + items + " complied=" + complied + " refused=" + refused
                + " outstanding=" + outstanding + " withoutCount=" + withoutCount;
    }

    private record DemandFold(String demandId, String kind, Long items, long complied, long refused,
                              Long outstanding, String status, String deadline, Map<String, Long> categories) {
    }

    String compliance(String platform, LocalDate from, LocalDate to, Instant at, Instant knownAt) {
        List<Fact> facts = inEffect(known(event -> DEMAND_TYPES.contains(event.type())
                && isDemandOf(event.streamId(), platform), knownAt), at);
        Map<String, List<Fact>> byDemand = new LinkedHashMap<>();
        facts.stream().filter(fact -> fact.type().equals("DemandIssued"))
                .filter(issue -> inPeriod(RecordedEvent.date(issue.effective()), from, to))
                .forEach(issue -> byDemand.put(issue.event().streamId(), new ArrayList<>()));
        facts.stream().filter(fact -> byDemand.containsKey(fact.event().streamId()))
                .forEach(fact -> byDemand.get(fact.event().streamId()).add(fact));
        List<DemandFold> demands = byDemand.values().stream().map(PlainFold::demand).toList();
        List<DemandFold> counted = demands.stream().filter(demand -> !demand.status().equals("WITHDRAWN")).toList();

        List<String> lines = new ArrayList<>();
        lines.add("totals " + figures(counted) + " withdrawn=" + (demands.size() - counted.size()));
        counted.stream().collect(Collectors.groupingBy(DemandFold::kind, TreeMap::new, Collectors.toList()))
                .forEach((kind, ofKind) -> lines.add("kind " + kind + " " + figures(ofKind)));
        Map<String, Long> categories = new TreeMap<>();
        counted.forEach(demand -> demand.categories().forEach((category, items) -> categories.merge(category, items,
                Long::sum)));
        categories.forEach((category, items) -> lines.add("category " + category + " " + items));
        demands.stream().map(demand -> demand(demand.demandId(), demand.status(), demand.items(), demand.complied(),
                demand.refused(), demand.outstanding(), demand.deadline())).sorted().forEach(lines::add);

        List<Fact> claims = known(event -> isClaimAbout(event, platform), knownAt).stream()
                .filter(fact -> !fact.start().isAfter(at))
                .filter(fact -> inPeriod(RecordedEvent.date(fact.effective()), from, to))
                .sorted(Comparator.comparing(Fact::start).thenComparing(fact -> fact.event().recordedAt())
                        .thenComparing(fact -> fact.event().eventId())).toList();
        for (Fact claim : claims) {
            List<String> disagreesWith = !claim.type().equals("StatisticReported") ? List.of()
                    : claims.stream().filter(other -> other != claim && other.type().equals("StatisticReported")
                    && Objects.equals(claim.text("metric"), other.text("metric"))
                    && Objects.equals(claim.text("period"), other.text("period"))
                    && Objects.equals(unit(claim), unit(other)) && !Objects.equals(value(claim), value(other)))
                    .map(other -> other.text("claimId")).toList();
            lines.add(claim(claim.event().eventId(), claim.type().equals("StatisticReported") ? "STATISTIC_REPORTED"
                    : "COMPLIANCE_ASSESSED", claimFigures(claim), disagreesWith));
        }
        return String.join("\n", lines);
    }

    private boolean isDemandOf(String streamId, String platform) {
        RecordedEvent issue = demandIssue.get(streamId);
        return issue != null && platform.equals(issue.text("platform"))
                && JURISDICTION.equals(issue.text("jurisdiction"));
    }

    private static boolean isClaimAbout(RecordedEvent event, String platform) {
        return (event.type().equals("StatisticReported") || event.type().equals("ComplianceAssessed"))
                && platform.equals(event.text("platform")) && JURISDICTION.equals(event.text("jurisdiction"));
    }

    private static boolean inPeriod(LocalDate date, LocalDate from, LocalDate to) {
        return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
    }

    private static DemandFold demand(List<Fact> facts) {
        Fact issue = facts.stream().filter(fact -> fact.type().equals("DemandIssued")).findFirst().orElseThrow();
        String deadline = issue.date("deadline");
        long actioned = 0;
        long refusedStated = 0;
        boolean refusedWhole = false;
        boolean full = false;
        boolean partial = false;
        boolean withdrawn = false;
        for (Fact fact : facts) {
            switch (fact.type()) {
                case "DemandDeadlineExtended" -> deadline = fact.date("newDeadline");
                case "DemandComplied" -> {
                    Long items = fact.whole("itemsActioned");
                    actioned += items == null ? 0 : items;
                    String scope = fact.constant("scope", SCOPES);
                    full |= "FULL".equals(scope);
                    partial |= "PARTIAL".equals(scope);
                }
                case "DemandRefused" -> {
                    Long items = fact.whole("itemsRefused");
                    if (items == null) {
                        refusedWhole = true;
                    } else {
                        refusedStated += items;
                    }
                }
                case "DemandWithdrawn" -> withdrawn = true;
                default -> {
                }
            }
        }
        Long items = issue.whole("itemCount");
        long complied = actioned;
        long refused = refusedStated;
        if (items != null && full) {
            complied = Math.max(actioned, items - refusedStated);
        }
        if (items != null && refusedWhole) {
            refused = Math.max(refusedStated, items - complied);
        }
        Long outstanding = items == null ? null : Math.max(0, items - complied - refused);
        String status = withdrawn ? "WITHDRAWN" : full ? "COMPLIED" : partial ? "PARTIALLY_COMPLIED" : "OPEN";
        Map<String, Long> categories = new TreeMap<>();
        JsonNode byCategory = issue.event().payload().get("itemsByCategory");
        if (byCategory != null && byCategory.isObject()) {
            byCategory.properties().forEach(entry -> categories.put(entry.getKey(), entry.getValue().asLong()));
        }
        issue.fields().forEach((path, value) -> {
            Long count = Fact.wholeNumber(value);
            if (path.startsWith(CATEGORY) && path.length() > CATEGORY.length() && count != null) {
                categories.put(path.substring(CATEGORY.length()), count);
            }
        });
        return new DemandFold(issue.event().streamId(), issue.constant("kind", DEMAND_KINDS), items, complied,
                refused, outstanding,
                status, deadline, categories);
    }

    static String demand(String id, String status, Long items, long complied, long refused, Long outstanding,
                         String deadline) {
        return "demand " + id + " " + status + " items=" + items + " complied=" + complied + " refused=" + refused
                + " outstanding=" + outstanding + " deadline=" + deadline;
    }

    static String claim(String eventId, String type, String figures, List<String> disagreesWith) {
        return "claim " + eventId + " " + type + " " + figures + " disagreesWith="
                + disagreesWith.stream().sorted().toList();
    }

    static String claimFigures(Long count, Long amountMinor, String currency, Long flagged, Long removed,
                               Long remaining, Long shareNumerator, Long shareDenominator) {
        return "count=" + count + " amount=" + amountMinor + " " + currency + " flagged=" + flagged + " removed="
                + removed + " remaining=" + remaining + " share=" + shareNumerator + "/" + shareDenominator;
    }

    /**
     * What a claim states, corrected: the count and amount of a statistic (not its currency), the items flagged,
     * removed and remaining and the share complied of an assessment (a share whose corrected parts make no fraction
     * stays as recorded).
     */
    private static String claimFigures(Fact claim) {
        if (claim.type().equals("StatisticReported")) {
            boolean money = claim.recorded("amount") != null;
            return claimFigures(claim.whole("count"), money ? claim.whole("amount.minor") : null,
                    money ? claim.recorded("amount.currency").asString() : null, null, null, null, null, null);
        }
        Long numerator = claim.whole("shareComplied.numerator");
        Long denominator = claim.whole("shareComplied.denominator");
        if (numerator == null || denominator == null || denominator == 0) {
            JsonNode recorded = claim.recorded("shareComplied");
            numerator = recorded == null ? null : recorded.get("numerator").asLong();
            denominator = recorded == null ? null : recorded.get("denominator").asLong();
        }
        return claimFigures(null, null, null, claim.whole("itemsFlagged"), claim.whole("itemsRemoved"),
                claim.whole("itemsRemaining"), numerator, denominator);
    }

    private static String unit(Fact claim) {
        JsonNode amount = claim.recorded("amount");
        return amount == null ? "count" : amount.get("currency").asString();
    }

    /** The value a statistic states: its corrected amount when it states one, else its corrected count. */
    private static Long value(Fact claim) {
        return claim.recorded("amount") == null ? claim.whole("count") : claim.whole("amount.minor");
    }


    /**
     * The timeline of the subjects accepted: every event that is no curation, recorded by {@code knownAt} and
     * effective (as recorded, whatever its corrections) by {@code at}, in effective order then log order, with the
     * curations of it recorded by {@code knownAt}.
     */
    List<String> timeline(Predicate<Subject> of, Instant at, Instant knownAt) {
        return timeline(of, at, knownAt, Instant.MIN, Instant.MAX);
    }

    /** The same, of the entries that took effect (their start) between {@code from} and {@code to}, both included. */
    List<String> timeline(Predicate<Subject> of, Instant at, Instant knownAt, Instant from, Instant to) {
        return events.stream().filter(event -> !event.isCuration() && of.test(subjects.get(event.eventId())))
                .filter(event -> !event.recordedAt().isAfter(knownAt)
                        && !RecordedEvent.start(event.effective()).isAfter(at)
                        && !RecordedEvent.start(event.effective()).isBefore(from)
                        && !RecordedEvent.start(event.effective()).isAfter(to))
                .sorted(Comparator.comparing((RecordedEvent event) -> RecordedEvent.start(event.effective()))
                        .thenComparingLong(RecordedEvent::position))
                .map(event -> {
                    List<RecordedEvent> curations = events.stream().filter(RecordedEvent::isCuration)
                            .filter(curation -> event.eventId().equals(curation.text("targetEventId"))
                                    && !curation.recordedAt().isAfter(knownAt))
                            .sorted(Comparator.comparing(RecordedEvent::recordedAt)
                                    .thenComparing(RecordedEvent::eventId)).toList();
                    boolean retracted = curations.stream().anyMatch(c -> c.type().equals("EventRetracted"));
                    return entry(event.eventId(), event.type(), retracted,
                            curations.stream().map(RecordedEvent::eventId).toList(), linkedFrom(event, at, knownAt));
                }).toList();
    }

    /** The links to an event from the events that count at (at, knownAt), in effective order then log order. */
    private List<String> linkedFrom(RecordedEvent target, Instant at, Instant knownAt) {
        List<String> links = new ArrayList<>();
        events.stream().filter(event -> !event.isCuration() && !event.recordedAt().isAfter(knownAt)
                        && !RecordedEvent.start(event.effective()).isAfter(at))
                .sorted(Comparator.comparing((RecordedEvent event) -> RecordedEvent.start(event.effective()))
                        .thenComparingLong(RecordedEvent::position))
                .forEach(event -> {
                    JsonNode eventLinks = event.payload().get("envelope").get("links");
                    if (eventLinks != null && eventLinks.isArray()) {
                        eventLinks.forEach(link -> {
                            if (target.eventId().equals(link.get("eventId").asString())) {
                                links.add(link.get("relation").asString() + ":" + event.eventId());
                            }
                        });
                    }
                });
        return links;
    }

    static String entry(String eventId, String type, boolean retracted, List<String> curations,
                        List<String> linkedFrom) {
        return eventId + " " + type + (retracted ? " retracted" : "") + " curations=" + curations + " linkedFrom="
                + linkedFrom;
    }
}
