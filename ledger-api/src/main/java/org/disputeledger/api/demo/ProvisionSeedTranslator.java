package org.disputeledger.api.demo;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.common.Money;
import org.disputeledger.provision.FixedRange;
import org.disputeledger.provision.Fraction;
import org.disputeledger.provision.Penalty;
import org.disputeledger.provision.TurnoverBand;
import org.disputeledger.provision.command.EnactProvisionVersion;
import org.springframework.stereotype.Component;

/**
 * Versions of legal provisions: the code is the row's legal basis, the fine range comes from min_minor and
 * max_minor, or from turnover_fraction_min, turnover_fraction_max and floor_minor for a share of revenue.
 */
@Component
public class ProvisionSeedTranslator implements SeedTranslator {

    static final String PROVISION_ENACTED = "LegalProvisionVersionEnacted";

    @Override
    public Set<String> eventTypes() {
        return Set.of(PROVISION_ENACTED);
    }

    @Override
    public List<LedgerCommand> translate(SeedRow row, SeedContext context) {
        String code = row.legalBasisText().orElseThrow(() -> new SeedRowRefused(
                row.id() + " enacts a provision but names no code in legal_basis"));
        return List.of(new EnactProvisionVersion(row.jurisdiction(), code, row.attribute("subject").orElse(null),
                row.effectiveDate(), penalty(row), row.attribute("repeat_of").orElse(null), null,
                row.attribute("enacting_act").orElse(null), context.envelope(row)));
    }

    /**
     * The fine the row's text sets, or null when it sets none. A maximum stated alone (fine_max_minor, as for
     * 482-FZ) is a range from zero: the law sets no minimum, so no amount it allows is refused.
     */
    private static Penalty penalty(SeedRow row) {
        Optional<Long> min = minor(row, "min_minor");
        Optional<Long> max = minor(row, "max_minor");
        Optional<Fraction> shareMin = fraction(row, "turnover_fraction_min");
        Optional<Fraction> shareMax = fraction(row, "turnover_fraction_max");
        Optional<Long> floor = minor(row, "floor_minor");
        Optional<Long> maxAlone = minor(row, "fine_max_minor");
        if (min.isPresent() && max.isPresent()) {
            return new FixedRange(money(row, min.get()), money(row, max.get()));
        }
        if (shareMin.isPresent() && shareMax.isPresent() && floor.isPresent()) {
            return new TurnoverBand(shareMin.get(), shareMax.get(), money(row, floor.get()));
        }
        if (maxAlone.isPresent() && min.isEmpty() && shareMin.isEmpty()) {
            return new FixedRange(money(row, 0), money(row, maxAlone.get()));
        }
        if (min.isPresent() || max.isPresent() || shareMin.isPresent() || shareMax.isPresent() || floor.isPresent()) {
            throw new SeedRowRefused(row.id() + " states only part of a fine range: min_minor and max_minor, or "
                    + "turnover_fraction_min, turnover_fraction_max and floor_minor, go together");
        }
        return null;
    }

    private static Money money(SeedRow row, long minor) {
        if (row.currency() == null || row.currency().isBlank()) {
            throw new SeedRowRefused(row.id() + " states an amount but no currency");
        }
        return Money.of(minor, row.currency());
    }

    /** An attribute holding an amount in minor units. */
    static Optional<Long> minor(SeedRow row, String key) {
        Optional<String> value = row.attribute(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!value.get().matches("\\d{1,18}")) {
            throw new SeedRowRefused(row.id() + ": " + key + "=" + value.get() + " is not an amount in minor units");
        }
        return Optional.of(Long.parseLong(value.get()));
    }

    /** An attribute holding an exact share written as numerator/denominator, such as 1/20. */
    static Optional<Fraction> fraction(SeedRow row, String key) {
        Optional<String> value = row.attribute(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!value.get().matches("\\d{1,18}/[1-9]\\d{0,17}")) {
            throw new SeedRowRefused(row.id() + ": " + key + "=" + value.get() + " is not a fraction such as 1/20");
        }
        String[] parts = value.get().split("/");
        return Optional.of(Fraction.of(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
    }
}
