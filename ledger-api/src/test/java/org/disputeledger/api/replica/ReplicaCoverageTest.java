package org.disputeledger.api.replica;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReplicaCoverageTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void knowsNothingBeforeTheFirstCheck() {
        assertThat(new ReplicaCoverage().coveredAt()).isNull();
    }

    @Test
    void aReplicaThatReplayedThePrimarysPositionIsCompleteAsOfTheCheck() {
        ReplicaCoverage coverage = new ReplicaCoverage();
        coverage.observe(T0, 100, 100);
        coverage.observe(T0.plusSeconds(1), 100, 100);
        assertThat(coverage.coveredAt()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void aReplicaBehindStaysCoveredAtTheLastSampleItHasReplayed() {
        ReplicaCoverage coverage = new ReplicaCoverage();
        coverage.observe(T0, 100, 100);
        coverage.observe(T0.plusSeconds(1), 200, 150);
        coverage.observe(T0.plusSeconds(2), 300, 150);
        assertThat(coverage.coveredAt()).isEqualTo(T0);
    }

    @Test
    void catchingUpCoversEverySampleReplayedSince() {
        ReplicaCoverage coverage = new ReplicaCoverage();
        coverage.observe(T0, 100, 50);
        coverage.observe(T0.plusSeconds(1), 200, 50);
        assertThat(coverage.coveredAt()).isNull();
        coverage.observe(T0.plusSeconds(2), 300, 250);
        assertThat(coverage.coveredAt()).isEqualTo(T0.plusSeconds(1));
        coverage.observe(T0.plusSeconds(3), 300, 300);
        assertThat(coverage.coveredAt()).isEqualTo(T0.plusSeconds(3));
    }

    @Test
    void forgettingOldSamplesOnlyMakesTheCoverageOlder() {
        ReplicaCoverage coverage = new ReplicaCoverage();
        for (int i = 0; i <= ReplicaCoverage.MAX_PENDING; i++) {
            coverage.observe(T0.plusSeconds(i), 1_000 + i, 0);
        }
        coverage.observe(T0.plusSeconds(ReplicaCoverage.MAX_PENDING + 1), 5_000, 1_000);
        assertThat(coverage.coveredAt()).isNull();
        coverage.observe(T0.plusSeconds(ReplicaCoverage.MAX_PENDING + 2), 5_000, 1_003);
        assertThat(coverage.coveredAt()).isEqualTo(T0.plusSeconds(3));
    }
}
