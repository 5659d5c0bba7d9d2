package org.disputeledger.projection.penalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.disputeledger.claim.Qualifier;
import org.disputeledger.common.EffectiveTime;
import org.disputeledger.projection.penalty.PenaltyFact.Kind;
import org.disputeledger.projection.penalty.PenaltyTotals.CurrencyTotals;
import org.disputeledger.projection.penalty.PenaltyTotals.Fine;
import org.disputeledger.projection.penalty.PenaltyTotals.Status;
import org.disputeledger.sanction.AppealOutcome;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The bitemporal rules of the penalty totals, on facts given directly. */
class PenaltyRulesTest {

    private static final Instant RECORDED = Instant.parse("2023-01-01T00:00:00Z");
    private static final Instant LATER = Instant.parse("2023-06-01T00:00:00Z");

    private final List<PenaltyFact> facts = new ArrayList<>();

    @Nested
    class Figures {

        @Test
        void anEntityWithoutFactsHasNoCurrencies() {
            assertThat(totalsOn("2021-06-01").currencies()).isEmpty();
        }

        @Test
        void aFineCountsFromTheDayItWasImposedAndIsOutstandingUntilPaid() {
            imposed("f1", "2021-04-02", 320_000_000L);

            assertThat(totalsOn("2021-04-01").currencies()).isEmpty();
            CurrencyTotals rub = rubOn("2021-04-02");
            assertThat(rub.imposed().minor()).isEqualTo(320_000_000L);
            assertThat(rub.imposed().fineIds()).containsExactly("f1");
            assertThat(rub.outstanding().minor()).isEqualTo(320_000_000L);
            assertThat(rub.inForce().minor()).isZero();
            assertThat(rub.paid().minor()).isZero();
            assertThat(rub.fines()).singleElement().satisfies(fine -> {
                assertThat(fine.status()).isEqualTo(Status.IMPOSED);
                assertThat(fine.provision()).isEqualTo("KoAP 13.41 p.2");
                assertThat(fine.effective()).isEqualTo(EffectiveTime.day("2021-04-02"));
            });
        }

        @Test
        void anAppealIsPendingUntilDecidedAndAReductionChangesWhatIsDue() {
            imposed("f1", "2021-04-02", 320_000_000L);
            follow("f1", Kind.APPEALED, "2021-04-20", RECORDED, null, null);
            follow("f1", Kind.APPEAL_DECIDED, "2021-05-17", RECORDED, AppealOutcome.REDUCED, 100_000_000L);
            follow("f1", Kind.IN_FORCE, "2021-05-17", RECORDED, null, null);

            CurrencyTotals pending = rubOn("2021-05-01");
            assertThat(pending.underAppeal().minor()).isEqualTo(320_000_000L);
            assertThat(pending.underAppeal().fineIds()).containsExactly("f1");
            assertThat(pending.fines().get(0).status()).isEqualTo(Status.UNDER_APPEAL);

            CurrencyTotals decided = rubOn("2021-05-17");
            assertThat(decided.underAppeal().minor()).isZero();
            assertThat(decided.imposed().minor()).isEqualTo(100_000_000L);
            assertThat(decided.inForce().minor()).isEqualTo(100_000_000L);
            assertThat(decided.fines().get(0).imposedMinor()).isEqualTo(320_000_000L);
            assertThat(decided.fines().get(0).status()).isEqualTo(Status.IN_FORCE);
            assertThat(decided.fines().get(0).eventIds()).hasSize(4);
        }

        @Test
        void anAnnulledFineCountsZeroButIsListed() {
            imposed("f1", "2021-04-02", 320_000_000L);
            imposed("f2", "2021-04-02", 100_000L);
            follow("f1", Kind.APPEALED, "2021-04-20", RECORDED, null, null);
            follow("f1", Kind.APPEAL_DECIDED, "2021-05-17", RECORDED, AppealOutcome.ANNULLED, null);

            CurrencyTotals rub = rubOn("2021-06-01");
            assertThat(rub.imposed().minor()).isEqualTo(100_000L);
            assertThat(rub.imposed().fineIds()).containsExactly("f1", "f2");
            assertThat(rub.outstanding().minor()).isEqualTo(100_000L);
            assertThat(rub.outstanding().fineIds()).containsExactly("f2");
            assertThat(rub.fines()).extracting(Fine::status).containsExactly(Status.ANNULLED, Status.IMPOSED);
        }

        @Test
        void paymentsReduceWhatIsOutstandingAndReferralCountsWhatIsLeft() {
            imposed("f1", "2021-04-02", 320_000_000L);
            follow("f1", Kind.IN_FORCE, "2021-05-17", RECORDED, null, null);
            follow("f1", Kind.REFERRED, "2021-09-17", RECORDED, null, null);
            follow("f1", Kind.PAID, "2021-10-01", RECORDED, null, 120_000_000L);
            follow("f1", Kind.PAID, "2021-11-01", RECORDED, null, 200_000_000L);

            CurrencyTotals referred = rubOn("2021-09-20");
            assertThat(referred.referredToEnforcement().minor()).isEqualTo(320_000_000L);
            assertThat(referred.fines().get(0).status()).isEqualTo(Status.REFERRED_TO_ENFORCEMENT);

            CurrencyTotals part = rubOn("2021-10-01");
            assertThat(part.paid().minor()).isEqualTo(120_000_000L);
            assertThat(part.outstanding().minor()).isEqualTo(200_000_000L);
            assertThat(part.referredToEnforcement().minor()).isEqualTo(200_000_000L);

            CurrencyTotals paid = rubOn("2021-11-01");
            assertThat(paid.outstanding().minor()).isZero();
            assertThat(paid.outstanding().fineIds()).isEmpty();
            assertThat(paid.referredToEnforcement().minor()).isZero();
            assertThat(paid.inForce().minor()).isEqualTo(320_000_000L);
            assertThat(paid.fines().get(0).status()).isEqualTo(Status.PAID);
        }

        @Test
        void eachCurrencyHasItsOwnTotals() {
            imposed("f1", "2021-04-02", 320_000_000L);
            facts.add(new PenaltyFact("e" + facts.size(), "x", "f2", 0, Kind.IMPOSED, 5_000L, "EUR", null, null,
                    "court", null, EffectiveTime.day("2021-04-02"), RECORDED, "[]"));

            assertThat(totalsOn("2021-06-01").currencies()).extracting(CurrencyTotals::currency)
                    .containsExactly("EUR", "RUB");
        }
    }

    @Nested
    class ReportedTotals {

        @Test
        void theLatestReportStandsBesideTheItemisedSumAndDisagreesWhenItDiffers() {
            imposed("f1", "2021-04-02", 320_000_000L);
            report("c1", "2021-09-14", 4_500_000_000L, Qualifier.MORE_THAN);
            report("c2", "2021-12-16", 5_500_000_000L, Qualifier.EXACT);

            PenaltyTotals.ReportedTotal early = rubOn("2021-10-01").reported();
            assertThat(early.claimId()).isEqualTo("c1");
            assertThat(early.lowerBound()).isTrue();
            assertThat(early.disagrees()).isTrue();
            assertThat(early.comparison()).isEqualTo(
                    "reported 4500000000 RUB, itemised 320000000 RUB (the report is a lower bound)");

            PenaltyTotals.ReportedTotal late = rubOn("2021-12-16").reported();
            assertThat(late.claimId()).isEqualTo("c2");
            assertThat(late.claimant()).isEqualTo("TASS");
            assertThat(late.reportedMinor()).isEqualTo(5_500_000_000L);
            assertThat(late.itemisedMinor()).isEqualTo(320_000_000L);
            assertThat(late.lowerBound()).isFalse();
            assertThat(late.comparison()).isEqualTo("reported 5500000000 RUB, itemised 320000000 RUB");
        }

        @Test
        void aReportThatMatchesTheItemisedSumAgreesAndAReportAloneGivesZeroFigures() {
            report("c1", "2021-09-14", 320_000_000L, Qualifier.EXACT);

            CurrencyTotals alone = rubOn("2021-10-01");
            assertThat(alone.imposed().minor()).isZero();
            assertThat(alone.reported().disagrees()).isTrue();

            imposed("f1", "2021-04-02", 320_000_000L);
            assertThat(rubOn("2021-10-01").reported().disagrees()).isFalse();
        }
    }

    @Nested
    class RecordedTimeAxis {

        @Test
        void aPaymentRecordedLaterCountsOnlyForKnowledgeFromItsRecording() {
            imposed("f1", "2021-04-02", 320_000_000L);
            follow("f1", Kind.PAID, "2021-05-01", LATER, null, 320_000_000L);

            Instant at = endOf("2021-06-01");
            CurrencyTotals before = PenaltyRules.evaluate("x", facts, at, LATER.minusMillis(1)).currencies().get(0);
            CurrencyTotals after = PenaltyRules.evaluate("x", facts, at, LATER).currencies().get(0);
            assertThat(before.outstanding().minor()).isEqualTo(320_000_000L);
            assertThat(after.outstanding().minor()).isZero();
            assertThat(after.paid().minor()).isEqualTo(320_000_000L);
        }

        @Test
        void aFineRecordedLaterIsUnknownBefore() {
            facts.add(new PenaltyFact("e0", "x", "f1", 0, Kind.IMPOSED, 100L, "RUB", null, null, "court", null,
                    EffectiveTime.day("2021-04-02"), LATER, "[]"));

            assertThat(PenaltyRules.evaluate("x", facts, endOf("2021-06-01"), RECORDED).currencies()).isEmpty();
            assertThat(PenaltyRules.evaluate("x", facts, endOf("2021-06-01"), LATER).currencies()).hasSize(1);
        }
    }

    private PenaltyTotals totalsOn(String isoDate) {
        return PenaltyRules.evaluate("x", facts, endOf(isoDate), LATER);
    }

    private CurrencyTotals rubOn(String isoDate) {
        return totalsOn(isoDate).currencies().stream().filter(c -> c.currency().equals("RUB")).findFirst()
                .orElseThrow();
    }

    private static Instant endOf(String isoDate) {
        return LocalDate.parse(isoDate).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1);
    }

    private void imposed(String fineId, String isoDate, long minor) {
        facts.add(new PenaltyFact("e" + facts.size(), "x", fineId, 0, Kind.IMPOSED, minor, "RUB", null,
                "KoAP 13.41 p.2", "Magistrate court", null, EffectiveTime.day(isoDate), RECORDED, "[]"));
    }

    private void follow(String fineId, Kind kind, String isoDate, Instant recordedAt, AppealOutcome outcome,
                        Long minor) {
        facts.add(new PenaltyFact("e" + facts.size(), "x", fineId, facts.size(), kind, minor,
                minor == null ? null : "RUB", outcome, null, null, null, EffectiveTime.day(isoDate), recordedAt,
                "[]"));
    }

    private void report(String claimId, String isoDate, long minor, Qualifier qualifier) {
        facts.add(new PenaltyFact("e" + facts.size(), "x", claimId, 0, Kind.REPORTED_TOTAL, minor, "RUB", null, null,
                "TASS", qualifier, EffectiveTime.day(isoDate), RECORDED, "[]"));
    }
}
