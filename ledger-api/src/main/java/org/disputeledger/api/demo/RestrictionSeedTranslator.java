package org.disputeledger.api.demo;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.common.LinkRelation;
import org.disputeledger.demand.command.ExtendDemandDeadline;
import org.disputeledger.restriction.ObservedState;
import org.disputeledger.restriction.RestrictionKind;
import org.disputeledger.restriction.ThrottlingScope;
import org.disputeledger.restriction.command.ChangeThrottlingScope;
import org.disputeledger.restriction.command.ExpandBlockScope;
import org.disputeledger.restriction.command.ExtendThreatDeadline;
import org.disputeledger.restriction.command.ImposeBlock;
import org.disputeledger.restriction.command.ImposeThrottling;
import org.disputeledger.restriction.command.LiftBlock;
import org.disputeledger.restriction.command.ObserveInterference;
import org.disputeledger.restriction.command.OrderRestriction;
import org.disputeledger.restriction.command.RecordAppStoreRemoval;
import org.disputeledger.restriction.command.ThreatenRestriction;
import org.springframework.stereotype.Component;

/**
 * Turns the seed's access-restriction rows into commands on the service's stream in the row's jurisdiction. A
 * row that changes, widens or lifts a restriction names it by the id computed from the row that imposed it.
 */
@Component
class RestrictionSeedTranslator implements SeedTranslator {

    static final String THREAT = "threat";
    static final String ORDER = "order";
    static final String RESTRICTION = "restriction";
    static final String OBSERVATION = "observation";
    static final String APP_STORE_REMOVAL = "app-store-removal";

    private static final String THROTTLING_IMPOSED = "ThrottlingImposed";
    private static final String THROTTLING_SCOPE_CHANGED = "ThrottlingScopeChanged";
    private static final String BLOCK_IMPOSED = "BlockImposed";
    private static final String BLOCK_SCOPE_EXPANDED = "BlockScopeExpanded";

    /** A deadline stated relative to the threat, such as {@code in_one_month} or {@code in_15_days}. */
    private static final Pattern RELATIVE_DEADLINE = Pattern.compile("in_(one|\\d+)_(day|week|month)s?");

    /** What a restriction row makes of the service, to compare a measurement with. */
    private static final Map<String, ObservedState> IMPOSED_STATES = Map.of(
            THROTTLING_IMPOSED, ObservedState.THROTTLED,
            THROTTLING_SCOPE_CHANGED, ObservedState.THROTTLED,
            BLOCK_IMPOSED, ObservedState.BLOCKED,
            BLOCK_SCOPE_EXPANDED, ObservedState.BLOCKED);

    /** Interference techniques that leave the service unreachable rather than slow. */
    private static final Set<String> BLOCKING_TECHNIQUES =
            Set.of("rst_injection", "tcp_reset", "dns_tampering", "ip_blocking", "sni_blocking", "http_blocking");

    @Override
    public Set<String> eventTypes() {
        return Set.of("RestrictionThreatened", "DemandDeadlineExtended", "RestrictionOrdered", THROTTLING_IMPOSED,
                THROTTLING_SCOPE_CHANGED, BLOCK_IMPOSED, BLOCK_SCOPE_EXPANDED, "BlockLifted", "InterferenceObserved",
                "AppRemovedFromStore");
    }

    @Override
    public List<LedgerCommand> translate(SeedRow row, SeedContext context) {
        LedgerCommand command = switch (row.eventType()) {
            case "RestrictionThreatened" -> threaten(row, context);
            case "DemandDeadlineExtended" -> extendDeadline(row, context);
            case "RestrictionOrdered" -> order(row, context);
            case THROTTLING_IMPOSED -> throttle(row, context);
            case THROTTLING_SCOPE_CHANGED -> changeThrottlingScope(row, context);
            case BLOCK_IMPOSED -> block(row, context);
            case BLOCK_SCOPE_EXPANDED -> expandBlock(row, context);
            case "BlockLifted" -> liftBlock(row, context);
            case "InterferenceObserved" -> observe(row, context);
            case "AppRemovedFromStore" -> removeFromStores(row, context);
            default -> throw new SeedRowRefused(row.id() + ": " + row.eventType() + " is not an access restriction");
        };
        return List.of(command);
    }

    private static ThreatenRestriction threaten(SeedRow row, SeedContext context) {
        return new ThreatenRestriction(row.jurisdiction(), row.platform(), context.idFor(row.id(), THREAT),
                authority(row), threatenedKind(row), row.attribute("condition").orElse(null), deadline(row),
                context.envelope(row));
    }

    /**
     * The seed's one deadline extension moves the deadline of a threat; an extension of a demand's deadline goes
     * to the demand's stream, named by what its row recorded.
     */
    private static LedgerCommand extendDeadline(SeedRow row, SeedContext context) {
        String reference = row.onlyReference();
        SeedRow antecedent = context.row(reference);
        LocalDate newDeadline = date(row, "new_deadline");
        return switch (antecedent.eventType()) {
            case "RestrictionThreatened" -> {
                requireSameService(row, antecedent);
                yield new ExtendThreatDeadline(antecedent.jurisdiction(), antecedent.platform(),
                        context.idFor(reference, THREAT), newDeadline, context.envelope(row));
            }
            case "DemandIssued" -> new ExtendDemandDeadline(context.recorded(reference).get(0).streamId(),
                    newDeadline, context.envelope(row));
            default -> throw new SeedRowRefused(row.id() + " extends a deadline, but its reference " + reference
                    + " is a " + antecedent.eventType() + ", neither a threat nor a demand");
        };
    }

    private static OrderRestriction order(SeedRow row, SeedContext context) {
        String measure = row.attribute("measure")
                .orElseThrow(() -> new SeedRowRefused(row.id() + " orders a restriction but states no measure"));
        return new OrderRestriction(row.jurisdiction(), row.platform(), context.idFor(row.id(), ORDER), authority(row),
                measure, row.legalBasisText().orElse(null), context.envelope(row));
    }

    private static ImposeThrottling throttle(SeedRow row, SeedContext context) {
        return new ImposeThrottling(row.jurisdiction(), row.platform(), context.idFor(row.id(), RESTRICTION),
                authority(row), row.legalBasisText().orElse(null), scope(row), context.envelope(row));
    }

    private static ChangeThrottlingScope changeThrottlingScope(SeedRow row, SeedContext context) {
        SeedRow imposing = imposingRow(row, context, THROTTLING_IMPOSED, THROTTLING_SCOPE_CHANGED);
        return new ChangeThrottlingScope(row.jurisdiction(), row.platform(), context.idFor(imposing.id(), RESTRICTION),
                scope(row), context.envelope(row));
    }

    private static ImposeBlock block(SeedRow row, SeedContext context) {
        return new ImposeBlock(row.jurisdiction(), row.platform(), context.idFor(row.id(), RESTRICTION),
                authority(row), row.legalBasisText().orElse(null), row.attribute("method").orElse(null),
                context.envelope(row));
    }

    /** The seed's count is the number of addresses blocked in all once the block was widened. */
    private static ExpandBlockScope expandBlock(SeedRow row, SeedContext context) {
        SeedRow imposing = imposingRow(row, context, BLOCK_IMPOSED, BLOCK_SCOPE_EXPANDED);
        String description = row.attribute("description").orElse(null);
        if (row.count() == null && description == null) {
            throw new SeedRowRefused(row.id() + " widens a block but states neither a count of addresses nor a "
                    + "description");
        }
        return new ExpandBlockScope(row.jurisdiction(), row.platform(), context.idFor(imposing.id(), RESTRICTION),
                row.count(), description, context.envelope(row));
    }

    private static LiftBlock liftBlock(SeedRow row, SeedContext context) {
        SeedRow imposing = imposingRow(row, context, BLOCK_IMPOSED, BLOCK_SCOPE_EXPANDED);
        return new LiftBlock(row.jurisdiction(), row.platform(), context.idFor(imposing.id(), RESTRICTION),
                context.envelope(row, LinkRelation.REVERSES));
    }

    /** A measurement that finds other than what the referenced restriction imposed contradicts it. */
    private static ObserveInterference observe(SeedRow row, SeedContext context) {
        String observer = row.attribute("observer").or(row::authorityName)
                .orElseThrow(() -> new SeedRowRefused(row.id() + " names no observer"));
        ObservedState state = observedState(row);
        boolean contradicts = row.references().stream()
                .map(context::row)
                .map(antecedent -> IMPOSED_STATES.get(antecedent.eventType()))
                .anyMatch(imposed -> imposed != null && imposed != state);
        return new ObserveInterference(row.jurisdiction(), row.platform(), context.idFor(row.id(), OBSERVATION),
                observer, state, row.attribute("technique").orElse(null),
                context.envelope(row, contradicts ? LinkRelation.CONTRADICTS : LinkRelation.FOLLOWS));
    }

    /** A removal made at the request of a recorded demand answers it. */
    private static RecordAppStoreRemoval removeFromStores(SeedRow row, SeedContext context) {
        List<String> stores = row.attribute("stores")
                .map(value -> Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .filter(list -> !list.isEmpty())
                .orElseThrow(() -> new SeedRowRefused(row.id() + " names no app store"));
        boolean answersDemand = !row.references().isEmpty() && row.references().stream()
                .allMatch(reference -> "DemandIssued".equals(context.row(reference).eventType()));
        return new RecordAppStoreRemoval(row.jurisdiction(), row.platform(), context.idFor(row.id(), APP_STORE_REMOVAL),
                stores, row.attribute("requested_by").orElse(null),
                context.envelope(row, answersDemand ? LinkRelation.ANSWERS : LinkRelation.FOLLOWS));
    }

    /**
     * The row that imposed the restriction a row acts on, found by following references through earlier changes
     * of the same restriction (T10b widens what T10a widened, which is the block T9 imposed).
     */
    private static SeedRow imposingRow(SeedRow row, SeedContext context, String imposingType, String changeType) {
        Set<String> visited = new HashSet<>();
        SeedRow current = row;
        while (visited.add(current.id())) {
            String reference = current.onlyReference();
            SeedRow antecedent = context.row(reference);
            if (imposingType.equals(antecedent.eventType())) {
                requireSameService(row, antecedent);
                return antecedent;
            }
            if (!changeType.equals(antecedent.eventType())) {
                throw new SeedRowRefused(row.id() + " must lead by its references to a " + imposingType
                        + " row, but " + reference + " is a " + antecedent.eventType());
            }
            current = antecedent;
        }
        throw new SeedRowRefused(row.id() + ": the references from " + current.id() + " form a cycle");
    }

    private static void requireSameService(SeedRow row, SeedRow antecedent) {
        if (!row.jurisdiction().equals(antecedent.jurisdiction()) || !row.platform().equals(antecedent.platform())) {
            throw new SeedRowRefused(row.id() + " is about " + row.platform() + " in " + row.jurisdiction()
                    + ", but its antecedent " + antecedent.id() + " is about " + antecedent.platform() + " in "
                    + antecedent.jurisdiction());
        }
    }

    private static String authority(SeedRow row) {
        return row.authorityName().orElseThrow(() -> new SeedRowRefused(row.id() + " names no authority"));
    }

    private static RestrictionKind threatenedKind(SeedRow row) {
        String kind = row.attribute("kind")
                .orElseThrow(() -> new SeedRowRefused(row.id() + " does not say what was threatened (kind)"));
        return switch (kind) {
            case "block" -> RestrictionKind.BLOCK;
            case "throttling", "slowdown" -> RestrictionKind.THROTTLING;
            default -> throw new SeedRowRefused(row.id() + " threatens a " + kind + ", neither a block nor a "
                    + "throttling");
        };
    }

    /**
     * The threat's deadline: a date, {@code none}, or a period after the threat such as {@code in_one_month},
     * counted from its effective date.
     */
    private static LocalDate deadline(SeedRow row) {
        Optional<String> stated = row.attribute("deadline").filter(value -> !value.equals("none"));
        if (stated.isEmpty()) {
            return null;
        }
        Matcher relative = RELATIVE_DEADLINE.matcher(stated.get());
        if (relative.matches()) {
            int amount = relative.group(1).equals("one") ? 1 : Integer.parseInt(relative.group(1));
            return switch (relative.group(2)) {
                case "day" -> row.effectiveDate().plusDays(amount);
                case "week" -> row.effectiveDate().plusWeeks(amount);
                default -> row.effectiveDate().plusMonths(amount);
            };
        }
        return date(row, "deadline");
    }

    private static LocalDate date(SeedRow row, String attribute) {
        String value = row.attribute(attribute)
                .orElseThrow(() -> new SeedRowRefused(row.id() + " states no " + attribute));
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new SeedRowRefused(row.id() + ": " + attribute + " " + value + " is not a date (yyyy-mm-dd)");
        }
    }

    /**
     * The throttling scope in the seed's words: {@code mobile=100;fixed=50} are percentages; anything the two
     * percentages cannot hold (a share left unknown, Wi-Fi, a partial restriction) goes into the description.
     */
    private static ThrottlingScope scope(SeedRow row) {
        List<String> notes = new ArrayList<>();
        Integer mobile = percent(row, "mobile", "mobile", notes);
        Integer fixed = percent(row, "fixed", "fixed-line", notes);
        row.attribute("wifi").ifPresent(value -> notes.add(isInteger(value) ? "Wi-Fi " + value + "%"
                : "Wi-Fi throttling " + words(value)));
        row.attribute("kind").ifPresent(value -> notes.add(words(value)));
        row.attribute("network_scope").ifPresent(value -> notes.add("network scope " + words(value)));
        return new ThrottlingScope(mobile, fixed, notes.isEmpty() ? null : String.join(", ", notes));
    }

    private static Integer percent(SeedRow row, String network, String label, List<String> notes) {
        Integer percent = null;
        Optional<String> value = row.attribute(network);
        if (value.isPresent()) {
            if (isInteger(value.get())) {
                percent = Integer.valueOf(value.get());
            } else {
                notes.add(label + " throttling " + words(value.get()));
            }
        }
        Optional<String> share = row.attribute(network + "_pct");
        if (share.isPresent()) {
            if (!isInteger(share.get())) {
                notes.add(label + " share " + words(share.get()));
            } else if (percent != null && !percent.equals(Integer.valueOf(share.get()))) {
                throw new SeedRowRefused(row.id() + " gives two shares for " + label + ": " + percent + " and "
                        + share.get());
            } else {
                percent = Integer.valueOf(share.get());
            }
        }
        return percent;
    }

    private static ObservedState observedState(SeedRow row) {
        Optional<String> stated = row.attribute("observed_state");
        if (stated.isPresent()) {
            return switch (stated.get()) {
                case "accessible" -> ObservedState.ACCESSIBLE;
                case "largely_accessible", "partially_accessible" -> ObservedState.PARTIALLY_ACCESSIBLE;
                case "throttled" -> ObservedState.THROTTLED;
                case "blocked" -> ObservedState.BLOCKED;
                default -> throw new SeedRowRefused(row.id() + ": observed_state " + stated.get() + " is not one of "
                        + Arrays.toString(ObservedState.values()));
            };
        }
        String technique = row.attribute("technique").map(value -> value.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new SeedRowRefused(row.id() + " states neither observed_state nor technique"));
        if (technique.contains("throttl")) {
            return ObservedState.THROTTLED;
        }
        if (BLOCKING_TECHNIQUES.contains(technique)) {
            return ObservedState.BLOCKED;
        }
        throw new SeedRowRefused(row.id() + ": technique " + technique + " does not say whether the service was "
                + "throttled or blocked");
    }

    private static boolean isInteger(String value) {
        return value.matches("\\d{1,3}");
    }

    private static String words(String value) {
        return value.replace('_', ' ');
    }
}
