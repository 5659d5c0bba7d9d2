package org.disputeledger.projection.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.disputeledger.claim.Fraction;
import org.disputeledger.claim.Qualifier;
import org.disputeledger.common.EffectiveTime;
import org.disputeledger.demand.ComplianceScope;
import org.disputeledger.demand.DemandKind;
import org.disputeledger.projection.compliance.DemandCompliance.Claim;
import org.disputeledger.projection.compliance.DemandCompliance.Demand;
import org.disputeledger.projection.compliance.DemandCompliance.Status;
import org.disputeledger.projection.compliance.DemandFact.Kind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The bitemporal rules of demand compliance, on facts given directly. */
class ComplianceRulesTest {

    private static final Instant RECORDED = Instant.parse("2023-01-01T00:00:00Z");
    private static final Instant LATER = Instant.parse("2023-06-01T00:00:00Z");

    private final List<DemandFact> demands = new ArrayList<>();
    private final List<ClaimFact> claims = new ArrayList<>();

    @Nested
    class Demands {

        @Test
        void aPlatformWithoutFactsHasNoDemands() {
            DemandCompliance none = on("2021-06-01");
            assertThat(none.demands()).isEmpty();
            assertThat(none.totals().demands()).isZero();
            assertThat(none.claims()).isEmpty();
        }

        @Test
        void aFullComplianceClosesTheDemandFromItsDate() {
            issued("d1", DemandKind.REMOVE_APP, "2021-09-02", null, Map.of());
            follow("d1", Kind.COMPLIED, "2021-09-17", RECORDED, null, ComplianceScope.FULL);

            Demand before = on("2021-09-16").demands().get(0);
            assertThat(before.status()).isEqualTo(Status.OPEN);
            Demand after = on("2021-09-17").demands().get(0);
            assertThat(after.status()).isEqualTo(Status.COMPLIED);
            assertThat(after.items()).isNull();
            assertThat(after.outstanding()).isNull();
            assertThat(after.eventIds()).hasSize(2);
            assertThat(on("2021-09-17").totals().demandsWithoutItemCount()).isEqualTo(1);
        }

        @Test
        void aFullComplianceOfCountedItemsLeavesNothingOutstanding() {
            issued("d1", DemandKind.REMOVE_CONTENT, "2021-03-01", 10L, Map.of("suicide", 6L, "drugs", 4L));
            follow("d1", Kind.COMPLIED, "2021-03-20", RECORDED, null, ComplianceScope.FULL);

            DemandCompliance answer = on("2021-04-01");
            assertThat(answer.totals().itemsDemanded()).isEqualTo(10);
            assertThat(answer.totals().itemsComplied()).isEqualTo(10);
            assertThat(answer.totals().itemsOutstanding()).isZero();
            assertThat(answer.byCategory()).extracting(DemandCompliance.CategoryItems::category)
                    .containsExactly("drugs", "suicide");
            assertThat(answer.byCategory().get(1).itemsDemanded()).isEqualTo(6);
        }

        @Test
        void aPartialComplianceWithRefusalsLeavesTheRestOutstanding() {
            issued("d1", DemandKind.REMOVE_CONTENT, "2021-03-01", 100L, Map.of());
            issued("d2", DemandKind.DELETE_ACCOUNT, "2021-03-02", 1L, Map.of());
            follow("d1", Kind.COMPLIED, "2021-03-10", RECORDED, 60L, ComplianceScope.PARTIAL);
            follow("d1", Kind.REFUSED, "2021-03-12", RECORDED, 15L, null);
            deadline("d1", "2021-03-05", "2021-04-01");

            DemandCompliance answer = on("2021-03-31");
            Demand d1 = answer.demands().get(0);
            assertThat(d1.status()).isEqualTo(Status.PARTIALLY_COMPLIED);
            assertThat(d1.complied()).isEqualTo(60);
            assertThat(d1.refused()).isEqualTo(15);
            assertThat(d1.outstanding()).isEqualTo(25);
            assertThat(d1.deadline()).isEqualTo(LocalDate.parse("2021-04-01"));
            assertThat(answer.totals().demands()).isEqualTo(2);
            assertThat(answer.totals().itemsDemanded()).isEqualTo(101);
            assertThat(answer.totals().itemsComplied()).isEqualTo(60);
            assertThat(answer.totals().itemsRefused()).isEqualTo(15);
            assertThat(answer.totals().itemsOutstanding()).isEqualTo(26);
            assertThat(answer.byKind()).extracting(DemandCompliance.KindFigures::kind)
                    .containsExactly(DemandKind.REMOVE_CONTENT, DemandKind.DELETE_ACCOUNT);

            Demand early = on("2021-03-04").demands().get(0);
            assertThat(early.deadline()).isEqualTo(LocalDate.parse("2021-03-15"));
            assertThat(early.outstanding()).isEqualTo(100);
        }

        @Test
        void aRefusalWithoutCountRefusesWhatWasNotCompliedWith() {
            issued("d1", DemandKind.REMOVE_CONTENT, "2021-03-01", 10L, Map.of());
            follow("d1", Kind.COMPLIED, "2021-03-10", RECORDED, 4L, ComplianceScope.PARTIAL);
            follow("d1", Kind.REFUSED, "2021-03-12", RECORDED, null, null);

            Demand d1 = on("2021-04-01").demands().get(0);
            assertThat(d1.refused()).isEqualTo(6);
            assertThat(d1.outstanding()).isZero();
        }

        @Test
        void aWithdrawnDemandIsListedAndCountedApart() {
            issued("d1", DemandKind.RESTORE_CONTENT, "2021-02-13", 1L, Map.of("news", 1L));
            issued("d2", DemandKind.DELETE_ACCOUNT, "2021-03-17", 1L, Map.of());
            follow("d1", Kind.WITHDRAWN, "2021-05-01", RECORDED, null, null);

            DemandCompliance april = on("2021-04-01");
            assertThat(april.withdrawn()).isZero();
            assertThat(april.totals().itemsOutstanding()).isEqualTo(2);

            DemandCompliance june = on("2021-06-01");
            assertThat(june.withdrawn()).isEqualTo(1);
            assertThat(june.demands()).extracting(Demand::status).containsExactly(Status.WITHDRAWN, Status.OPEN);
            assertThat(june.totals().demands()).isEqualTo(1);
            assertThat(june.totals().itemsDemanded()).isEqualTo(1);
            assertThat(june.totals().itemsOutstanding()).isEqualTo(1);
            assertThat(june.byCategory()).isEmpty();
        }

        @Test
        void onlyDemandsIssuedInThePeriodCount() {
            issued("d1", DemandKind.RESTORE_CONTENT, "2020-12-31", 1L, Map.of());
            issued("d2", DemandKind.DELETE_ACCOUNT, "2021-03-17", 1L, Map.of());
            issued("d3", DemandKind.DELETE_ACCOUNT, "2022-01-01", 1L, Map.of());

            DemandCompliance year = ComplianceRules.evaluate("x", "RU", demands, claims,
                    LocalDate.parse("2021-01-01"), LocalDate.parse("2021-12-31"), endOf("2023-01-01"), LATER);
            assertThat(year.demands()).extracting(Demand::demandId).containsExactly("d2");
        }
    }

    @Nested
    class RecordedTimeAxis {

        @Test
        void aComplianceRecordedLaterCountsOnlyForKnowledgeFromItsRecording() {
            issued("d1", DemandKind.DELETE_ACCOUNT, "2021-03-17", 1L, Map.of());
            follow("d1", Kind.COMPLIED, "2021-03-20", LATER, 1L, ComplianceScope.FULL);

            Instant at = endOf("2021-06-01");
            DemandCompliance before = ComplianceRules.evaluate("x", "RU", demands, claims, null, null, at,
                    LATER.minusMillis(1));
            DemandCompliance after = ComplianceRules.evaluate("x", "RU", demands, claims, null, null, at, LATER);
            assertThat(before.demands().get(0).status()).isEqualTo(Status.OPEN);
            assertThat(before.totals().itemsOutstanding()).isEqualTo(1);
            assertThat(after.demands().get(0).status()).isEqualTo(Status.COMPLIED);
            assertThat(after.totals().itemsOutstanding()).isZero();
        }

        @Test
        void aClaimRecordedLaterIsUnknownBefore() {
            statistic("c1", "undeleted_items", "2021-03-01", 2862L, LATER);

            Instant at = endOf("2021-06-01");
            assertThat(ComplianceRules.evaluate("x", "RU", demands, claims, null, null, at, RECORDED).claims())
                    .isEmpty();
            assertThat(ComplianceRules.evaluate("x", "RU", demands, claims, null, null, at, LATER).claims())
                    .hasSize(1);
        }
    }

    @Nested
    class Claims {

        @Test
        void twoFiguresForTheSameMetricAreBothKeptAndFlagged() {
            statistic("c2", "undeleted_items", "2021-03-10", 3168L, RECORDED);
            statistic("c1", "undeleted_items", "2021-03-01", 2862L, RECORDED);
            statistic("c3", "requests_sent_total", "2021-03-01", 28000L, RECORDED);
            claims.add(new ClaimFact("a1", "c4", "x", "RU", ClaimFact.Kind.COMPLIANCE_ASSESSED, "Roskomnadzor",
                    null, null, null, null, null, null, null, null, null, Fraction.of(1, 3), "pace: unsatisfactory",
                    null, EffectiveTime.day("2021-03-23"), RECORDED, "[]"));

            List<Claim> listed = on("2021-12-31").claims();
            assertThat(listed).extracting(Claim::claimId).containsExactly("c1", "c3", "c2", "c4");
            assertThat(listed.get(0).disagreesWith()).containsExactly("c2");
            assertThat(listed.get(2).disagreesWith()).containsExactly("c1");
            assertThat(listed.get(0).disagrees()).isTrue();
            assertThat(listed.get(1).disagrees()).isFalse();
            assertThat(listed.get(3).disagrees()).isFalse();
            assertThat(listed.get(3).shareComplied()).isEqualTo(Fraction.of(1, 3));

            assertThat(on("2021-03-05").claims()).extracting(Claim::claimId).containsExactly("c1", "c3");
            assertThat(on("2021-03-05").claims().get(0).disagrees()).isFalse();
        }

        @Test
        void claimsNeverChangeTheFiguresOfTheDemands() {
            issued("d1", DemandKind.REMOVE_CONTENT, "2021-03-01", 10L, Map.of());
            statistic("c1", "undeleted_items", "2021-03-01", 2862L, RECORDED);

            assertThat(on("2021-04-01").totals().itemsOutstanding()).isEqualTo(10);
        }
    }

    private DemandCompliance on(String isoDate) {
        return ComplianceRules.evaluate("x", "RU", demands, claims, null, null, endOf(isoDate), LATER);
    }

    private static Instant endOf(String isoDate) {
        return LocalDate.parse(isoDate).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1);
    }

    private void issued(String demandId, DemandKind kind, String isoDate, Long items, Map<String, Long> categories) {
        demands.add(new DemandFact("e" + demands.size(), demandId, "x", "RU", 0, Kind.ISSUED, kind, "Roskomnadzor",
                items, categories, null, LocalDate.parse(isoDate).plusDays(14), EffectiveTime.day(isoDate), RECORDED,
                "[]"));
    }

    private void follow(String demandId, Kind kind, String isoDate, Instant recordedAt, Long items,
                        ComplianceScope scope) {
        demands.add(new DemandFact("e" + demands.size(), demandId, "x", "RU", demands.size(), kind,
                DemandKind.OTHER, "Roskomnadzor", items, Map.of(), scope, null, EffectiveTime.day(isoDate),
                recordedAt, "[]"));
    }

    private void deadline(String demandId, String isoDate, String newDeadline) {
        demands.add(new DemandFact("e" + demands.size(), demandId, "x", "RU", demands.size(),
                Kind.DEADLINE_EXTENDED, DemandKind.OTHER, "Roskomnadzor", null, Map.of(), null,
                LocalDate.parse(newDeadline), EffectiveTime.day(isoDate), RECORDED, "[]"));
    }

    private void statistic(String claimId, String metric, String isoDate, long count, Instant recordedAt) {
        claims.add(new ClaimFact("s" + claims.size(), claimId, "x", "RU", ClaimFact.Kind.STATISTIC_REPORTED,
                "Roskomnadzor", metric, count, null, Qualifier.EXACT, null, LocalDate.parse(isoDate), null, null,
                null, null, null, null, EffectiveTime.day(isoDate), recordedAt, "[]"));
    }
}
