package org.disputeledger.api.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.disputeledger.claim.Fraction;
import org.disputeledger.claim.Qualifier;
import org.disputeledger.claim.command.AssessCompliance;
import org.disputeledger.claim.command.RecordPlatformResponse;
import org.disputeledger.claim.command.ReportStatistic;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.common.Link;
import org.disputeledger.common.LinkRelation;
import org.disputeledger.common.Money;
import org.disputeledger.common.Recorded;
import org.springframework.stereotype.Component;

/**
 * Turns the seed's claims into one claim stream each: figures someone stated, an authority's assessment of a
 * platform's compliance, a platform's answer. Every figure is kept as its claimant said it (DOMAIN rule 6).
 */
@Component
public class ClaimSeedTranslator implements SeedTranslator {

    static final String CLAIM = "claim";

    /** Whole-number attributes of statistic rows that are not figures of the claim (a year, a day of the month). */
    private static final Set<String> NOT_FIGURES = Set.of("since", "approx_day");
    /** Attributes a statistic row spends on the claim's own fields. */
    private static final Set<String> CLAIM_FIELDS = Set.of("metric", "qualifier", "period");
    /** The figure the seed gives with an amount that also has a count, such as 11 unpaid fines worth 44m. */
    static final String COUNT_BESIDE_AMOUNT = "count";

    @Override
    public Set<String> eventTypes() {
        return Set.of("StatisticReported", "ComplianceAssessed", "DemandAcknowledged");
    }

    @Override
    public List<LedgerCommand> translate(SeedRow row, SeedContext context) {
        return List.of(switch (row.eventType()) {
            case "StatisticReported" -> statistic(row, context);
            case "ComplianceAssessed" -> assessment(row, context);
            case "DemandAcknowledged" -> response(row, context);
            default -> throw new SeedRowRefused(row.id() + ": " + row.eventType() + " is not a claim");
        });
    }

    /**
     * A row with an amount and a currency states money, otherwise a count. Its other whole-number attributes are
     * the figures given alongside; a figure stated on a day, for no period, is as of that day. A figure about
     * several platforms together ({@code subjects=google,facebook,twitter}) is about none of them alone.
     */
    private static ReportStatistic statistic(SeedRow row, SeedContext context) {
        String claimant = row.authorityName()
                .orElseThrow(() -> new SeedRowRefused(row.id() + " names no claimant in its authority column"));
        String metric = row.attribute("metric")
                .orElseThrow(() -> new SeedRowRefused(row.id() + " names no metric in its metric attribute"));
        Map<String, Long> breakdown = figures(row);
        Long count = null;
        Money amount = null;
        if (row.amountMinor() != null) {
            if (row.currency() == null || row.currency().isBlank()) {
                throw new SeedRowRefused(row.id() + " states an amount without a currency");
            }
            amount = Money.of(row.amountMinor(), row.currency());
            if (row.count() != null) {
                breakdown.put(COUNT_BESIDE_AMOUNT, row.count());
            }
        } else if (row.count() != null) {
            count = row.count();
        } else {
            throw new SeedRowRefused(row.id() + " states neither a count nor an amount");
        }
        String period = row.attribute("period").orElse(null);
        LocalDate asOf = period == null && "day".equals(row.precision()) ? row.effectiveDate() : null;
        boolean joint = row.attribute("subjects").isPresent();
        return new ReportStatistic(context.idFor(row.id(), CLAIM), claimant, row.jurisdiction(),
                joint ? null : platform(row), joint ? null : legalEntityId(row, context), metric, count, amount,
                qualifier(row), period, asOf, breakdown, comparedEnvelope(row, context));
    }

    private static Map<String, Long> figures(SeedRow row) {
        Map<String, Long> figures = new TreeMap<>();
        row.attributes().forEach((key, value) -> {
            if (value.matches("\\d{1,18}") && !NOT_FIGURES.contains(key) && !CLAIM_FIELDS.contains(key)) {
                figures.put(key, Long.parseLong(value));
            }
        });
        return figures;
    }

    private static Qualifier qualifier(SeedRow row) {
        return row.attribute("qualifier").map(value -> switch (value) {
            case "exact" -> Qualifier.EXACT;
            case "more_than" -> Qualifier.MORE_THAN;
            case "less_than" -> Qualifier.LESS_THAN;
            case "approx" -> Qualifier.APPROXIMATE;
            default -> throw new SeedRowRefused(row.id() + ": unknown qualifier " + value);
        }).orElse(Qualifier.EXACT);
    }

    /** A row that says which earlier claim it is compared with ({@code compare=W11b}) links to it as contradicting. */
    private static Envelope comparedEnvelope(SeedRow row, SeedContext context) {
        Envelope envelope = context.envelope(row);
        Optional<String> compared = row.attribute("compare");
        if (compared.isEmpty()) {
            return envelope;
        }
        List<Recorded> recorded = context.recorded(compared.get());
        if (recorded.isEmpty() || recorded.get(0).events().isEmpty()) {
            throw new SeedRowRefused(row.id() + " is compared with " + compared.get() + ", which recorded no event");
        }
        List<Link> links = new ArrayList<>(envelope.links());
        links.add(new Link(LinkRelation.CONTRADICTS, recorded.get(0).events().get(0).eventId()));
        return envelope.withLinks(links);
    }

    /**
     * The seed gives the figures of an assessment as attributes ({@code flagged_approx}, {@code remaining},
     * {@code share_complied=1/3}, {@code share_complied_pct_min}); how each was qualified is said in the
     * assessment text, beside the authority's own verdict ({@code pace}).
     */
    private static AssessCompliance assessment(SeedRow row, SeedContext context) {
        String authority = row.authorityName()
                .orElseThrow(() -> new SeedRowRefused(row.id() + " names no authority"));
        List<String> notes = new ArrayList<>();
        row.attribute("pace").ifPresent(pace -> notes.add("pace: " + pace));
        Long flagged = figure(row, "flagged", "itemsFlagged", notes);
        Long removed = figure(row, "removed", "itemsRemoved", notes);
        Long remaining = figure(row, "remaining", "itemsRemaining", notes);
        if (remaining == null) {
            remaining = row.count();
        }
        Fraction share = row.attribute("share_complied").map(Fraction::parse).orElse(null);
        if (share == null) {
            Long percent = figure(row, "share_complied_pct", "shareComplied", notes);
            share = percent == null ? null : Fraction.of(percent, 100);
        }
        return new AssessCompliance(context.idFor(row.id(), CLAIM), authority, row.jurisdiction(), platform(row), null,
                flagged, removed, remaining, share, notes.isEmpty() ? null : String.join("; ", notes),
                context.envelope(row));
    }

    /** The figure under {@code name}, {@code name_approx} or {@code name_min}, noting how it was qualified. */
    private static Long figure(SeedRow row, String name, String field, List<String> notes) {
        Optional<String> exact = row.attribute(name);
        Optional<String> approximate = row.attribute(name + "_approx");
        Optional<String> minimum = row.attribute(name + "_min");
        String value;
        if (exact.isPresent()) {
            value = exact.get();
        } else if (approximate.isPresent()) {
            value = approximate.get();
            notes.add(field + " is approximate");
        } else if (minimum.isPresent()) {
            value = minimum.get();
            notes.add(field + " is a lower bound");
        } else {
            return null;
        }
        if (!value.matches("\\d{1,18}")) {
            throw new SeedRowRefused(row.id() + ": " + name + " must be a whole number, not " + value);
        }
        return Long.parseLong(value);
    }

    /** The platform's answer is addressed to the authority of the row it answers, unless the row names one. */
    private static RecordPlatformResponse response(SeedRow row, SeedContext context) {
        Optional<String> addressee = row.attribute("addressee");
        if (addressee.isEmpty() && !row.references().isEmpty()) {
            addressee = context.row(row.onlyReference()).authorityName();
        }
        if (row.summary() == null || row.summary().isBlank()) {
            throw new SeedRowRefused(row.id() + " has no summary to record as the platform's statement");
        }
        return new RecordPlatformResponse(context.idFor(row.id(), CLAIM), platform(row), row.jurisdiction(),
                addressee.orElseThrow(() -> new SeedRowRefused(row.id() + " names no authority it answers")),
                row.attribute("channel").orElse(null), row.summary(), context.envelope(row, LinkRelation.ANSWERS));
    }

    private static String platform(SeedRow row) {
        return row.platform() == null || row.platform().isBlank() ? null : row.platform();
    }

    private static String legalEntityId(SeedRow row, SeedContext context) {
        return row.legalEntity() == null || row.legalEntity().isBlank()
                ? null : context.legalEntityId(row.legalEntity());
    }
}
