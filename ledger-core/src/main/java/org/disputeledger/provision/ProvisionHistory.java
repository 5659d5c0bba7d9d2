package org.disputeledger.provision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.disputeledger.provision.event.ProvisionVersionEnacted;

/** Every version of one provision the ledger holds, in the order they take effect. */
public record ProvisionHistory(List<ProvisionVersion> versions) {

    public static final ProvisionHistory EMPTY = new ProvisionHistory(List.of());

    public ProvisionHistory {
        versions = versions.stream().sorted(Comparator.comparing(ProvisionVersion::effectiveFrom)).toList();
    }

    public ProvisionHistory with(ProvisionVersionEnacted event) {
        List<ProvisionVersion> all = new ArrayList<>(versions);
        all.add(ProvisionVersion.of(event));
        return new ProvisionHistory(all);
    }

    /** The version in force on the date: the latest one that took effect on or before it. */
    public Optional<ProvisionVersion> inForceOn(LocalDate date) {
        ProvisionVersion inForce = null;
        for (ProvisionVersion version : versions) {
            if (!version.effectiveFrom().isAfter(date)) {
                inForce = version;
            }
        }
        return Optional.ofNullable(inForce);
    }

    public boolean hasVersionFrom(LocalDate effectiveFrom) {
        return versions.stream().anyMatch(version -> version.effectiveFrom().equals(effectiveFrom));
    }
}
