package org.disputeledger.projection.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.disputeledger.common.EffectiveTime;
import org.disputeledger.common.Precision;
import org.disputeledger.projection.status.PlatformStatus.State;
import org.disputeledger.projection.status.StatusFact.Kind;
import org.disputeledger.restriction.ObservedState;
import org.disputeledger.restriction.RestrictionKind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The bitemporal rules of the platform status, on facts given directly. */
class StatusRulesTest {

    private static final Instant RECORDED = Instant.parse("2023-01-01T00:00:00Z");
    private static final Instant LATER = Instant.parse("2023-06-01T00:00:00Z");

    private final List<StatusFact> facts = new ArrayList<>();

    @Nested
    class EffectiveTimeAxis {

        @Test
        void aPlatformWithoutFactsIsNormalSinceNever() {
            PlatformStatus status = statusOn("2021-03-15");

            assertThat(status.state()).isEqualTo(State.NORMAL);
            assertThat(status.since()).isNull();
            assertThat(status.restrictions()).isEmpty();
            assertThat(status.deFacto()).isNull();
        }

        @Test
        void aFactEffectiveOnTheDayAskedForCounts() {
            fact(Kind.THROTTLING, RestrictionKind.THROTTLING, "t1", "2021-03-10", RECORDED, 100, 50);

            assertThat(statusOn("2021-03-09").state()).isEqualTo(State.NORMAL);
            PlatformStatus status = statusOn("2021-03-10");
            assertThat(status.state()).isEqualTo(State.THROTTLED);
            assertThat(status.since()).isEqualTo(EffectiveTime.day("2021-03-10"));
            assertThat(status.restrictions()).singleElement().satisfies(r -> {
                assertThat(r.restrictionId()).isEqualTo("t1");
                assertThat(r.scope().mobilePercent()).isEqualTo(100);
                assertThat(r.scope().fixedPercent()).isEqualTo(50);
            });
        }

        @Test
        void theLatestScopeChangeInEffectGivesTheScope() {
            fact(Kind.THROTTLING, RestrictionKind.THROTTLING, "t1", "2021-03-10", RECORDED, 100, 50);
            fact(Kind.SCOPE_CHANGE, RestrictionKind.THROTTLING, "t1", "2021-05-17", RECORDED, 100, 0);

            assertThat(statusOn("2021-05-16").restrictions().get(0).scope().fixedPercent()).isEqualTo(50);
            PlatformStatus status = statusOn("2021-06-01");
            assertThat(status.restrictions().get(0).scope().fixedPercent()).isZero();
            assertThat(status.restrictions().get(0).scope().since()).isEqualTo(EffectiveTime.day("2021-05-17"));
            assertThat(status.since()).isEqualTo(EffectiveTime.day("2021-03-10"));
        }

        @Test
        void aBlockOutranksAThrottlingAndALiftEndsIt() {
            fact(Kind.THROTTLING, RestrictionKind.THROTTLING, "t1", "2021-03-10", RECORDED, 100, 50);
            fact(Kind.BLOCK, RestrictionKind.BLOCK, "b1", "2022-03-04", RECORDED, null, null);
            fact(Kind.LIFT, RestrictionKind.BLOCK, "b1", "2022-06-01", RECORDED, null, null);

            PlatformStatus blocked = statusOn("2022-03-05");
            assertThat(blocked.state()).isEqualTo(State.BLOCKED);
            assertThat(blocked.since()).isEqualTo(EffectiveTime.day("2022-03-04"));
            assertThat(blocked.restrictions()).extracting(PlatformStatus.Restriction::restrictionId)
                    .containsExactly("t1", "b1");
            assertThat(statusOn("2022-06-01").state()).isEqualTo(State.THROTTLED);
        }

        @Test
        void afterTheLastLiftTheStateIsNormalSinceThatLift() {
            fact(Kind.BLOCK, RestrictionKind.BLOCK, "b1", "2018-04-16", RECORDED, null, null);
            fact(Kind.LIFT, RestrictionKind.BLOCK, "b1", "2020-06-18", RECORDED, null, null);

            PlatformStatus status = statusOn("2020-07-01");
            assertThat(status.state()).isEqualTo(State.NORMAL);
            assertThat(status.since()).isEqualTo(EffectiveTime.day("2020-06-18"));
        }
    }

    @Nested
    class Threats {

        @Test
        void aThreatAloneMakesThePlatformThreatened() {
            fact(Kind.THREAT, RestrictionKind.BLOCK, "th1", "2021-09-28", RECORDED, null, null);

            PlatformStatus status = statusOn("2021-10-01");
            assertThat(status.state()).isEqualTo(State.THREATENED);
            assertThat(status.since()).isEqualTo(EffectiveTime.day("2021-09-28"));
            assertThat(status.threats()).singleElement().satisfies(t -> assertThat(t.threatId()).isEqualTo("th1"));
        }

        @Test
        void aThreatOfABlockIsNotAnsweredByAThrottlingButIsByALaterBlockEvenOnceLifted() {
            fact(Kind.THREAT, RestrictionKind.BLOCK, "th1", "2021-03-10", RECORDED, null, null);
            fact(Kind.THROTTLING, RestrictionKind.THROTTLING, "t1", "2021-03-10", RECORDED, 100, 50);
            fact(Kind.LIFT, RestrictionKind.THROTTLING, "t1", "2021-04-01", RECORDED, null, null);

            assertThat(statusOn("2021-04-02").state()).isEqualTo(State.THREATENED);

            fact(Kind.BLOCK, RestrictionKind.BLOCK, "b1", "2021-05-01", RECORDED, null, null);
            fact(Kind.LIFT, RestrictionKind.BLOCK, "b1", "2021-06-01", RECORDED, null, null);
            PlatformStatus status = statusOn("2021-06-02");
            assertThat(status.state()).isEqualTo(State.NORMAL);
            assertThat(status.threats()).isEmpty();
        }

        @Test
        void aRestrictionBeforeTheThreatDoesNotAnswerIt() {
            fact(Kind.BLOCK, RestrictionKind.BLOCK, "b1", "2020-01-01", RECORDED, null, null);
            fact(Kind.LIFT, RestrictionKind.BLOCK, "b1", "2020-02-01", RECORDED, null, null);
            fact(Kind.THREAT, RestrictionKind.THROTTLING, "th1", "2020-03-01", RECORDED, null, null);

            assertThat(statusOn("2020-03-02").state()).isEqualTo(State.THREATENED);
        }
    }

    @Nested
    class RecordedTimeAxis {

        @Test
        void aFactRecordedAfterKnownAtDoesNotCountYet() {
            fact(Kind.BLOCK, RestrictionKind.BLOCK, "b1", "2021-01-01", LATER, null, null);

            Instant at = endOf("2021-02-01");
            assertThat(StatusRules.evaluate("RU", "x", facts, at, LATER.minusMillis(1)).state())
                    .isEqualTo(State.NORMAL);
            assertThat(StatusRules.evaluate("RU", "x", facts, at, LATER).state()).isEqualTo(State.BLOCKED);
        }

        @Test
        void aLiftRecordedLaterKeepsTheRestrictionInForceForEarlierKnowledge() {
            fact(Kind.BLOCK, RestrictionKind.BLOCK, "b1", "2018-04-16", RECORDED, null, null);
            fact(Kind.LIFT, RestrictionKind.BLOCK, "b1", "2020-06-18", LATER, null, null);

            Instant at = endOf("2020-07-01");
            assertThat(StatusRules.evaluate("RU", "x", facts, at, RECORDED).state()).isEqualTo(State.BLOCKED);
            assertThat(StatusRules.evaluate("RU", "x", facts, at, LATER).state()).isEqualTo(State.NORMAL);
        }
    }

    @Nested
    class DeFacto {

        @Test
        void theLatestObservationStandsBesideTheDeJureState() {
            fact(Kind.BLOCK, RestrictionKind.BLOCK, "b1", "2018-04-16", RECORDED, null, null);
            observation("o1", "2018-04-16", ObservedState.PARTIALLY_ACCESSIBLE);
            observation("o2", "2019-12-01", ObservedState.ACCESSIBLE);

            PlatformStatus status = statusOn("2019-06-01");
            assertThat(status.state()).isEqualTo(State.BLOCKED);
            assertThat(status.deFacto().observedState()).isEqualTo(ObservedState.PARTIALLY_ACCESSIBLE);
            assertThat(status.deFacto().observer()).isEqualTo("OONI");
            assertThat(statusOn("2020-01-01").deFacto().observedState()).isEqualTo(ObservedState.ACCESSIBLE);
        }
    }

    private PlatformStatus statusOn(String isoDate) {
        return StatusRules.evaluate("RU", "x", facts, endOf(isoDate), LATER);
    }

    private static Instant endOf(String isoDate) {
        return LocalDate.parse(isoDate).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1);
    }

    private void fact(Kind kind, RestrictionKind restrictionKind, String id, String isoDate, Instant recordedAt,
                      Integer mobile, Integer fixed) {
        facts.add(new StatusFact("e" + facts.size(), "RU", "x", facts.size(), kind, restrictionKind, id,
                EffectiveTime.day(isoDate), recordedAt, "Roskomnadzor", null, mobile, fixed, null, null, null, null,
                "[]"));
    }

    private void observation(String id, String isoDate, ObservedState state) {
        facts.add(new StatusFact("e" + facts.size(), "RU", "x", facts.size(), Kind.OBSERVATION, null, id,
                new EffectiveTime(LocalDate.parse(isoDate), null, Precision.APPROXIMATE), RECORDED, "OONI", null,
                null, null, null, null, state, null, "[]"));
    }
}
