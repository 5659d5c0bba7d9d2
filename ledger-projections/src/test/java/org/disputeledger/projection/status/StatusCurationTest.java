package org.disputeledger.projection.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.disputeledger.common.EffectiveTime;
import org.disputeledger.projection.status.PlatformStatus.State;
import org.disputeledger.projection.status.StatusFact.Kind;
import org.disputeledger.restriction.RestrictionKind;
import org.junit.jupiter.api.Test;

class StatusCurationTest {

    private static final Instant RECORDED = Instant.parse("2023-01-01T00:00:00Z");
    private static final Instant CURATED = Instant.parse("2023-03-01T00:00:00Z");
    private static final Instant LATER = Instant.parse("2023-06-01T00:00:00Z");
    private static final StatusFact BLOCK = new StatusFact("block-1", "RU", "x", 0, Kind.BLOCK, RestrictionKind.BLOCK,
            "r-1", EffectiveTime.day("2021-01-01"), RECORDED, "Roskomnadzor", null, null, null, null, null, null,
            null, "[]");

    @Test
    void aRetractionKnownByThenRemovesTheFact() {
        var retraction = new StatusCuration("c-1", "block-1", StatusCuration.Kind.RETRACTION, null, CURATED);

        assertThat(stateOn("2021-02-01", List.of(retraction), LATER)).isEqualTo(State.NORMAL);
        assertThat(stateOn("2021-02-01", List.of(retraction), CURATED.minusMillis(1))).isEqualTo(State.BLOCKED);
    }

    @Test
    void aCorrectionMovesTheFactToItsCorrectedTimeForKnowledgeAfterIt() {
        var correction = new StatusCuration("c-1", "block-1", StatusCuration.Kind.CORRECTION,
                EffectiveTime.day("2021-03-01"), CURATED);

        assertThat(stateOn("2021-02-01", List.of(correction), LATER)).isEqualTo(State.NORMAL);
        assertThat(stateOn("2021-03-01", List.of(correction), LATER)).isEqualTo(State.BLOCKED);
        assertThat(stateOn("2021-02-01", List.of(correction), CURATED.minusMillis(1))).isEqualTo(State.BLOCKED);
    }

    @Test
    void theLatestKnownCorrectionWins() {
        var first = new StatusCuration("c-1", "block-1", StatusCuration.Kind.CORRECTION,
                EffectiveTime.day("2021-03-01"), CURATED);
        var second = new StatusCuration("c-2", "block-1", StatusCuration.Kind.CORRECTION,
                EffectiveTime.day("2021-05-01"), CURATED.plusSeconds(60));

        assertThat(stateOn("2021-04-01", List.of(second, first), LATER)).isEqualTo(State.NORMAL);
        assertThat(stateOn("2021-04-01", List.of(second, first), CURATED.plusSeconds(1))).isEqualTo(State.BLOCKED);
    }

    private static State stateOn(String isoDate, List<StatusCuration> curations, Instant knownAt) {
        Instant at = LocalDate.parse(isoDate).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1);
        return StatusRules.evaluate("RU", "x", StatusCuration.apply(List.of(BLOCK), curations, knownAt), at, knownAt)
                .state();
    }
}
