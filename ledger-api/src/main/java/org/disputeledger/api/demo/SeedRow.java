package org.disputeledger.api.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One row of the demo data set (seed-timeline.csv) as read, before it becomes commands. {@code attributes} is the
 * row's {@code scope} column split into key=value pairs; {@code references} the row ids of its
 * {@code references} column.
 */
public record SeedRow(String id, String platform, String legalEntity, String jurisdiction, LocalDate effectiveDate,
                      String precision, String eventType, String authority, String legalBasis, Long amountMinor,
                      String currency, Long count, Map<String, String> attributes, List<String> references,
                      String summary, String sourceUrl, String confidence) {

    public Optional<String> attribute(String key) {
        return Optional.ofNullable(attributes.get(key)).filter(v -> !v.isBlank());
    }

    public Optional<String> authorityName() {
        return Optional.ofNullable(authority).filter(v -> !v.isBlank());
    }

    public Optional<String> legalBasisText() {
        return Optional.ofNullable(legalBasis).filter(v -> !v.isBlank());
    }

    /** The single row this one references; refused when there is none or more than one. */
    public String onlyReference() {
        if (references.size() != 1) {
            throw new SeedRowRefused(id + " must reference exactly one row, but references " + references);
        }
        return references.get(0);
    }
}
