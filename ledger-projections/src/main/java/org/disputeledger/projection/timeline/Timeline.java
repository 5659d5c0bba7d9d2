package org.disputeledger.projection.timeline;

import java.time.Instant;
import java.util.List;
import org.disputeledger.common.Confidence;
import org.disputeledger.common.EffectiveTime;
import org.disputeledger.common.Link;
import org.disputeledger.common.Source;

/**
 * One page of the timeline of a subject (a platform, a legal entity or an account) at a point of effective time,
 * as the ledger knew it at a point of recorded time, in effective order then log order; {@code next} is the
 * cursor of the following page, null on the last one.
 */
public record Timeline(List<Entry> entries, String next) {

    public Timeline {
        entries = List.copyOf(entries);
    }

    /**
     * One event of the ledger: its type (the simple class name), its effective time with the precision as given,
     * when it was recorded, how sure the ledger is, its summary and sources, the events it links to and the events
     * linking to it, the curations of it known at knownAt, and whether one of them retracts it.
     */
    public record Entry(String eventId, String streamId, long sequence, long position, String type,
                        String platform, String legalEntity, String jurisdiction, List<String> accounts,
                        EffectiveTime effective, Instant recordedAt, Confidence confidence, String summary,
                        List<Source> sources, List<Link> links, List<Link> linkedFrom, List<Curation> curations,
                        boolean retracted) {

        public Entry {
            accounts = List.copyOf(accounts);
            sources = List.copyOf(sources);
            links = List.copyOf(links);
            linkedFrom = List.copyOf(linkedFrom);
            curations = List.copyOf(curations);
        }
    }

    /**
     * A curation of an entry, in recorded order: a correction (of effective time and/or confidence, each null when
     * not corrected), a retraction, or further sources attached.
     */
    public record Curation(String eventId, CurationKind kind, Instant recordedAt, Confidence confidence,
                           String reason, EffectiveTime correctedEffective, Confidence correctedConfidence,
                           String summary, List<Source> sources) {

        public Curation {
            sources = List.copyOf(sources);
        }
    }

    /** What a curation does to its target. */
    public enum CurationKind {
        CORRECTION, RETRACTION, SOURCES_ATTACHED
    }
}
