package org.disputeledger.projection.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

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
import org.disputeledger.projection.compliance.DemandCompliance.Status;
import org.disputeledger.projection.compliance.DemandFact.Kind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Retractions and corrections of demand facts and claims, applied only for knowledge from their recording. */
class ComplianceCurationTest {

    private static final Instant RECORDED = Instant.parse("2023-01-01T00:00:00Z");
    private static final Instant CURATED = Instant.parse("2023-03-01T00:00:00Z");
    private static final Instant LATER = Instant.parse("2023-06-01T00:00:00Z");
    private static final Instant BEFORE = CURATED.minusMillis(1);

    private final List<DemandFact> demands = new ArrayList<>();
    private final List<ClaimFact> claims = new ArrayList<>();
    private final List<ComplianceCuration> curations = new ArrayList<>();

    @Nested
    class Retractions {

        @Test
        void aRetractedDemandNoLongerCountsForKnowledgeAfterTheRetractionButStillCountsBefore() {
            issued("issue-1", "d1", "2021-03-01", 10L);
            issued("issue-2", "d2", "2021-03-01", 5L);
            follow("complied-1", "d1", Kind.COMPLIED, "2021-03-05", 4L, ComplianceScope.PARTIAL);
            retraction("issue-1");

            DemandCompliance after = on("2021-06-01", LATER);
            assertThat(after.demands()).extracting(DemandCompliance.Demand::demandId).containsExactly("d2");
            assertThat(after.totals().itemsDemanded()).isEqualTo(5);
            assertThat(after.totals().itemsComplied()).isZero();

            DemandCompliance before = on("2021-06-01", BEFORE);
            assertThat(before.totals().demands()).isEqualTo(2);
            assertThat(before.totals().itemsComplied()).isEqualTo(4);
        }

        @Test
        void aRetractedComplianceLeavesTheDemandOpen() {
            issued("issue-1", "d1", "2021-03-01", 10L);
            follow("complied-1", "d1", Kind.COMPLIED, "2021-03-05", null, ComplianceScope.FULL);
            retraction("complied-1");

            assertThat(on("2021-06-01", LATER).demands().get(0).status()).isEqualTo(Status.OPEN);
            assertThat(on("2021-06-01", BEFORE).demands().get(0).status()).isEqualTo(Status.COMPLIED);
        }

        @Test
        void aRetractedClaimIsNoLongerListedNorDisagreedWith() {
            statistic("stat-1", "c1", "2021-03-01", 2862L);
            statistic("stat-2", "c2", "2021-03-10", 3168L);
            retraction("stat-2");

            List<Claim> after = on("2021-06-01", LATER).claims();
            assertThat(after).extracting(Claim::claimId).containsExactly("c1");
            assertThat(after.get(0).disagrees()).isFalse();
            assertThat(on("2021-06-01", BEFORE).claims()).extracting(Claim::claimId).containsExactly("c1", "c2");
        }
    }

    @Nested
    class CorrectionsOfEffectiveTime {

        @Test
        void aDemandMovedLaterLeavesTheEarlierDatesOnlyForKnowledgeAfterTheCorrection() {
            issued("issue-1", "d1", "2021-03-01", 10L);
            moved("issue-1", "2021-05-01");

            assertThat(on("2021-04-01", LATER).demands()).isEmpty();
            assertThat(on("2021-05-01", LATER).demands()).singleElement()
                    .satisfies(demand -> assertThat(demand.effective()).isEqualTo(EffectiveTime.day("2021-05-01")));
            assertThat(on("2021-04-01", BEFORE).demands()).hasSize(1);
        }

        @Test
        void aDemandMovedOutOfThePeriodIsNoLongerInIt() {
            issued("issue-1", "d1", "2021-03-01", 10L);
            moved("issue-1", "2020-12-20");

            LocalDate from = LocalDate.parse("2021-01-01");
            assertThat(ComplianceRules.evaluate("x", "RU", applied(LATER), claimsApplied(LATER), from, null,
                    endOf("2021-12-31"), LATER).demands()).isEmpty();
            assertThat(ComplianceRules.evaluate("x", "RU", applied(BEFORE), claimsApplied(BEFORE), from, null,
                    endOf("2021-12-31"), BEFORE).demands()).hasSize(1);
        }

        @Test
        void aComplianceMovedEarlierCountsOnTheEarlierDatesOnlyForKnowledgeAfterTheCorrection() {
            issued("issue-1", "d1", "2021-03-01", 10L);
            follow("complied-1", "d1", Kind.COMPLIED, "2021-06-01", 10L, ComplianceScope.FULL);
            moved("complied-1", "2021-03-15");

            assertThat(on("2021-04-01", LATER).demands().get(0).status()).isEqualTo(Status.COMPLIED);
            assertThat(on("2021-04-01", BEFORE).demands().get(0).status()).isEqualTo(Status.OPEN);
        }

        @Test
        void aClaimMovedLaterIsNotListedBeforeItOnlyForKnowledgeAfterTheCorrection() {
            statistic("stat-1", "c1", "2021-03-01", 2862L);
            moved("stat-1", "2021-05-01");

            assertThat(on("2021-04-01", LATER).claims()).isEmpty();
            assertThat(on("2021-05-01", LATER).claims()).hasSize(1);
            assertThat(on("2021-04-01", BEFORE).claims()).hasSize(1);
        }
    }

    @Nested
    class CorrectionsOfFigures {

        @Test
        void aCorrectedItemCountChangesTheItemsDemandedOnlyForKnowledgeAfterTheCorrection() {
            issued("issue-1", "d1", "2021-03-01", 10L);
            fields("issue-1", Map.of("itemCount", "12", "itemsByCategory.drugs", "12", "kind", "RESTRICT_ACCESS"));

            DemandCompliance after = on("2021-06-01", LATER);
            assertThat(after.totals().itemsDemanded()).isEqualTo(12);
            assertThat(after.totals().itemsOutstanding()).isEqualTo(12);
            assertThat(after.byCategory()).extracting(DemandCompliance.CategoryItems::category,
                    DemandCompliance.CategoryItems::itemsDemanded)
                    .contains(tuple("drugs", 12L));
            assertThat(after.demands().get(0).kind()).isEqualTo(DemandKind.RESTRICT_ACCESS);
            DemandCompliance before = on("2021-06-01", BEFORE);
            assertThat(before.totals().itemsDemanded()).isEqualTo(10);
            assertThat(before.demands().get(0).kind()).isEqualTo(DemandKind.REMOVE_CONTENT);
        }

        @Test
        void aCorrectedComplianceCountAndScopeChangeWhatWasComplied() {
            issued("issue-1", "d1", "2021-03-01", 10L);
            follow("complied-1", "d1", Kind.COMPLIED, "2021-03-05", 4L, ComplianceScope.PARTIAL);
            fields("complied-1", Map.of("itemsActioned", "6"));

            assertThat(on("2021-06-01", LATER).totals().itemsComplied()).isEqualTo(6);
            assertThat(on("2021-06-01", BEFORE).totals().itemsComplied()).isEqualTo(4);

            fields("complied-1", Map.of("scope", "FULL"));
            assertThat(on("2021-06-01", LATER).demands().get(0).status()).isEqualTo(Status.COMPLIED);
            assertThat(on("2021-06-01", LATER).totals().itemsComplied()).isEqualTo(10);
        }

        @Test
        void aCorrectedRefusalAndDeadlineExtensionAreApplied() {
            issued("issue-1", "d1", "2021-03-01", 10L);
            follow("refused-1", "d1", Kind.REFUSED, "2021-03-05", 3L, null);
            demands.add(new DemandFact("extended-1", "d1", "x", "RU", demands.size(), Kind.DEADLINE_EXTENDED,
                    DemandKind.REMOVE_CONTENT, "Roskomnadzor", null, Map.of(), null, LocalDate.parse("2021-04-01"),
                    EffectiveTime.day("2021-03-06"), RECORDED, "[]"));
            fields("refused-1", Map.of("itemsRefused", "7"));
            fields("extended-1", Map.of("newDeadline", "2021-05-01"));

            DemandCompliance.Demand after = on("2021-06-01", LATER).demands().get(0);
            assertThat(after.refused()).isEqualTo(7);
            assertThat(after.deadline()).isEqualTo(LocalDate.parse("2021-05-01"));
            DemandCompliance.Demand before = on("2021-06-01", BEFORE).demands().get(0);
            assertThat(before.refused()).isEqualTo(3);
            assertThat(before.deadline()).isEqualTo(LocalDate.parse("2021-04-01"));
        }

        @Test
        void aCorrectedClaimCountChangesWhetherClaimsDisagree() {
            statistic("stat-1", "c1", "2021-03-01", 2862L);
            statistic("stat-2", "c2", "2021-03-10", 3168L);
            fields("stat-2", Map.of("count", "2862"));

            List<Claim> after = on("2021-06-01", LATER).claims();
            assertThat(after.get(1).count()).isEqualTo(2862L);
            assertThat(after).noneMatch(Claim::disagrees);
            assertThat(on("2021-06-01", BEFORE).claims()).allMatch(Claim::disagrees);
        }

        @Test
        void aCorrectedAssessmentChangesItsFigures() {
            claims.add(new ClaimFact("assessed-1", "c1", "x", "RU", ClaimFact.Kind.COMPLIANCE_ASSESSED, "Roskomnadzor",
                    null, null, null, null, null, null, 3100L, 1900L, null, Fraction.of(1, 3), "slow", null,
                    EffectiveTime.day("2021-05-17"), RECORDED, "[]"));
            fields("assessed-1", Map.of("itemsRemoved", "2000", "itemsRemaining", "563",
                    "shareComplied.numerator", "2"));

            Claim after = on("2021-06-01", LATER).claims().get(0);
            assertThat(after.itemsRemoved()).isEqualTo(2000L);
            assertThat(after.itemsRemaining()).isEqualTo(563L);
            assertThat(after.shareComplied()).isEqualTo(Fraction.of(2, 3));
            assertThat(on("2021-06-01", BEFORE).claims().get(0).itemsRemoved()).isEqualTo(1900L);
        }

        @Test
        void aValueThatIsNoCountIsNotApplied() {
            issued("issue-1", "d1", "2021-03-01", 10L);
            fields("issue-1", Map.of("itemCount", "about twelve", "deadline", "soon"));

            assertThat(on("2021-06-01", LATER).totals().itemsDemanded()).isEqualTo(10);
            assertThat(on("2021-06-01", LATER).demands().get(0).deadline()).isEqualTo(LocalDate.parse("2021-03-15"));
        }

        @Test
        void onlyTheFieldsThatChangeAFigureAreKept() {
            assertThat(ComplianceCuration.applicable(Map.of("itemCount", "1", "itemsByCategory.drugs", "1",
                    "legalBasis", "149-FZ", "authority", "FSB"))).containsOnlyKeys("itemCount",
                    "itemsByCategory.drugs");
            assertThat(ComplianceCuration.applicable(null)).isEmpty();
        }
    }

    private DemandCompliance on(String isoDate, Instant knownAt) {
        return ComplianceRules.evaluate("x", "RU", applied(knownAt), claimsApplied(knownAt), null, null,
                endOf(isoDate), knownAt);
    }

    private List<DemandFact> applied(Instant knownAt) {
        return ComplianceCuration.applyToDemands(demands, curations, knownAt);
    }

    private List<ClaimFact> claimsApplied(Instant knownAt) {
        return ComplianceCuration.applyToClaims(claims, curations, knownAt);
    }

    private static Instant endOf(String isoDate) {
        return LocalDate.parse(isoDate).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1);
    }

    private void issued(String eventId, String demandId, String isoDate, Long items) {
        demands.add(new DemandFact(eventId, demandId, "x", "RU", 0, Kind.ISSUED, DemandKind.REMOVE_CONTENT,
                "Roskomnadzor", items, Map.of("suicide", items), null, LocalDate.parse(isoDate).plusDays(14),
                EffectiveTime.day(isoDate), RECORDED, "[]"));
    }

    private void follow(String eventId, String demandId, Kind kind, String isoDate, Long items,
                        ComplianceScope scope) {
        demands.add(new DemandFact(eventId, demandId, "x", "RU", demands.size(), kind, DemandKind.REMOVE_CONTENT,
                "Roskomnadzor", items, Map.of(), scope, null, EffectiveTime.day(isoDate), RECORDED, "[]"));
    }

    private void statistic(String eventId, String claimId, String isoDate, long count) {
        claims.add(new ClaimFact(eventId, claimId, "x", "RU", ClaimFact.Kind.STATISTIC_REPORTED, "Roskomnadzor",
                "undeleted_items", count, null, Qualifier.EXACT, null, LocalDate.parse(isoDate), null, null, null,
                null, null, null, EffectiveTime.day(isoDate), RECORDED, "[]"));
    }

    private void retraction(String target) {
        curations.add(new ComplianceCuration("r-" + target, target, ComplianceCuration.Kind.RETRACTION, null,
                Map.of(), CURATED));
    }

    private void moved(String target, String isoDate) {
        curations.add(new ComplianceCuration("m-" + target, target, ComplianceCuration.Kind.CORRECTION,
                EffectiveTime.day(isoDate), Map.of(), CURATED));
    }

    private void fields(String target, Map<String, String> fields) {
        curations.add(new ComplianceCuration("f" + curations.size() + "-" + target, target,
                ComplianceCuration.Kind.CORRECTION, null, fields, CURATED));
    }
}
