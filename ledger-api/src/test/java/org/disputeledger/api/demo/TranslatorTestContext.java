package org.disputeledger.api.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.disputeledger.common.Confidence;
import org.disputeledger.common.EffectiveTime;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.Link;
import org.disputeledger.common.LinkRelation;
import org.disputeledger.common.Recorded;
import org.disputeledger.common.Slug;
import org.disputeledger.common.Source;

/**
 * A seed context for translator tests: ids are {@code rowId/purpose}, a referenced row's first event is
 * {@code event-of-rowId}, legal entities are the slugs of their names (Facebook Inc. renamed keeps its id).
 */
final class TranslatorTestContext implements SeedContext {

    private final Map<String, SeedRow> rows = new HashMap<>();
    private final List<SeedRow> recorded = new ArrayList<>();

    TranslatorTestContext with(SeedRow... known) {
        for (SeedRow row : known) {
            rows.put(row.id(), row);
            recorded.add(row);
        }
        return this;
    }

    /** A seed row as the importer reads it; {@code scope} is the seed's {@code key=value;...} column. */
    static SeedRow row(String id, String platform, String legalEntity, String date, String eventType,
                       String authority, Long amountMinor, String currency, Long count, String scope,
                       String references) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (!scope.isEmpty()) {
            for (String pair : scope.split(";")) {
                int equals = pair.indexOf('=');
                attributes.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        List<String> refs = references.isEmpty() ? List.of() : Arrays.asList(references.split(";"));
        return new SeedRow(id, platform, legalEntity, "RU", LocalDate.parse(date), "day", eventType, authority, null,
                amountMinor, currency, count, attributes, refs, "Summary of " + id + ".", null, "confirmed");
    }

    static Envelope envelopeOf(SeedRow row, LinkRelation relation) {
        List<Link> links = row.references().stream().map(ref -> new Link(relation, "event-of-" + ref)).toList();
        return new Envelope(EffectiveTime.day(row.effectiveDate()), List.of(new Source(null, "seed", null)),
                Confidence.CONFIRMED, links, row.summary(), row.attributes());
    }

    @Override
    public Envelope envelope(SeedRow row, LinkRelation relationToReferences) {
        return envelopeOf(row, relationToReferences);
    }

    @Override
    public String idFor(String rowId, String purpose) {
        return rowId + "/" + purpose;
    }

    @Override
    public List<Recorded> recorded(String rowId) {
        if (!rows.containsKey(rowId)) {
            throw new SeedRowRefused(rowId + " was not recorded");
        }
        return List.of(new Recorded("stream-of-" + rowId,
                List.of(new Recorded.RecordedEvent("event-of-" + rowId, "Event", 0))));
    }

    @Override
    public String legalEntityId(String name) {
        return "Meta Platforms Inc.".equals(name) ? "facebook-inc" : Slug.of(name);
    }

    @Override
    public SeedRow row(String rowId) {
        SeedRow row = rows.get(rowId);
        if (row == null) {
            throw new SeedRowRefused("no row " + rowId);
        }
        return row;
    }

    @Override
    public List<SeedRow> recordedRows() {
        return List.copyOf(recorded);
    }
}
