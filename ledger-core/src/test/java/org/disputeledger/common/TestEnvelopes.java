package org.disputeledger.common;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Envelopes for specifications: a day-precision fact with one confirmed source. */
public final class TestEnvelopes {

    public static final String SOURCE_URL = "https://tass.com/economy/1273479";

    private TestEnvelopes() {
    }

    public static Envelope on(String isoDate) {
        return new Envelope(EffectiveTime.day(LocalDate.parse(isoDate)), List.of(Source.url(SOURCE_URL)),
                Confidence.CONFIRMED, List.of(), null, Map.of());
    }

    public static Envelope with(EffectiveTime effective) {
        return new Envelope(effective, List.of(Source.url(SOURCE_URL)), Confidence.CONFIRMED, List.of(), null,
                Map.of());
    }

    /** A fully populated envelope, as pinned in the JSON contract tests. */
    public static Envelope full(String isoDate) {
        return new Envelope(EffectiveTime.day(LocalDate.parse(isoDate)),
                List.of(new Source(SOURCE_URL, "TASS", LocalDate.parse(isoDate))), Confidence.REPORTED,
                List.of(new Link(LinkRelation.FOLLOWS, "0b9f6c1e-3f0a-4a4e-9d7e-5a1f2f0c9b11")),
                "One-line summary of the fact.", Map.of("seedRow", "W19a"));
    }
}
