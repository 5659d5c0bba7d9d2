package org.disputeledger.projection.penalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.disputeledger.claim.Qualifier;
import org.disputeledger.common.EffectiveTime;
import org.disputeledger.projection.penalty.PenaltyFact.Kind;
import org.disputeledger.projection.penalty.PenaltyTotals.CurrencyTotals;
import org.disputeledger.sanction.AppealOutcome;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Retractions and corrections of penalty facts, applied only for knowledge from their recording. */
class PenaltyCurationTest {

    private static final Instant RECORDED = Instant.parse("2023-01-01T00:00:00Z");
    private static final Instant CURATED = Instant.parse("2023-03-01T00:00:00Z");
    private static final Instant LATER = Instant.parse("2023-06-01T00:00:00Z");
    private static final Instant BEFORE = CURATED.minusMillis(1);

    private final List<PenaltyFact> facts = new ArrayList<>();
    private final List<PenaltyCuration> curations = new ArrayList<>();

    @Nested
    class Retractions {

        @Test
        void aRetractedFineNoLongerCountsForKnowledgeAfterTheRetractionButStillCountsBefore() {
            imposed("fine-1", "f1", "2021-04-02", 320_000_000L);
            imposed("fine-2", "f2", "2021-04-02", 100_000L);
            retraction("fine-1");

            CurrencyTotals after = rub("2021-06-01", LATER);
            assertThat(after.imposed().minor()).isEqualTo(100_000L);
            assertThat(after.imposed().fineIds()).containsExactly("f2");
            assertThat(after.fines()).extracting(PenaltyTotals.Fine::fineId).containsExactly("f2");

            CurrencyTotals before = rub("2021-06-01", BEFORE);
            assertThat(before.imposed().minor()).isEqualTo(320_100_000L);
            assertThat(before.imposed().fineIds()).containsExactly("f1", "f2");
        }

        @Test
        void aRetractedImpositionTakesTheFactsOfItsFineWithIt() {
            imposed("fine-1", "f1", "2021-04-02", 320_000_000L);
            follow("paid-1", "f1", Kind.PAID, "2021-05-01", null, 100_000_000L);
            retraction("fine-1");

            assertThat(totals("2021-06-01", LATER).currencies()).isEmpty();
            assertThat(rub("2021-06-01", BEFORE).paid().minor()).isEqualTo(100_000_000L);
        }

        @Test
        void aRetractedPaymentLeavesTheFineOutstanding() {
            imposed("fine-1", "f1", "2021-04-02", 320_000_000L);
            follow("paid-1", "f1", Kind.PAID, "2021-05-01", null, 320_000_000L);
            retraction("paid-1");

            assertThat(rub("2021-06-01", LATER).outstanding().minor()).isEqualTo(320_000_000L);
            assertThat(rub("2021-06-01", BEFORE).outstanding().minor()).isZero();
        }

        @Test
        void aRetractedReportGivesWayToTheEarlierOne() {
            report("report-1", "c1", "2021-09-14", 4_500_000_000L, Qualifier.MORE_THAN);
            report("report-2", "c2", "2021-12-16", 5_500_000_000L, Qualifier.EXACT);
            retraction("report-2");

            assertThat(rub("2021-12-31", LATER).reported().claimId()).isEqualTo("c1");
            assertThat(rub("2021-12-31", BEFORE).reported().claimId()).isEqualTo("c2");
        }
    }

    @Nested
    class CorrectionsOfEffectiveTime {

        @Test
        void aFineMovedLaterLeavesTheEarlierDatesOnlyForKnowledgeAfterTheCorrection() {
            imposed("fine-1", "f1", "2021-04-02", 320_000_000L);
            moved("fine-1", "2021-07-01");

            assertThat(totals("2021-06-01", LATER).currencies()).isEmpty();
            assertThat(rub("2021-07-01", LATER).imposed().minor()).isEqualTo(320_000_000L);
            assertThat(rub("2021-07-01", LATER).fines().get(0).effective()).isEqualTo(EffectiveTime.day("2021-07-01"));
            assertThat(rub("2021-06-01", BEFORE).imposed().minor()).isEqualTo(320_000_000L);
        }

        @Test
        void aPaymentMovedEarlierCountsOnTheEarlierDatesOnlyForKnowledgeAfterTheCorrection() {
            imposed("fine-1", "f1", "2021-04-02", 320_000_000L);
            follow("paid-1", "f1", Kind.PAID, "2021-09-01", null, 320_000_000L);
            moved("paid-1", "2021-05-01");

            assertThat(rub("2021-06-01", LATER).paid().minor()).isEqualTo(320_000_000L);
            assertThat(rub("2021-06-01", BEFORE).paid().minor()).isZero();
        }

        @Test
        void theLatestKnownCorrectionWins() {
            imposed("fine-1", "f1", "2021-04-02", 320_000_000L);
            moved("fine-1", "2021-07-01");
            curations.add(new PenaltyCuration("c-late", "fine-1", PenaltyCuration.Kind.CORRECTION,
                    EffectiveTime.day("2021-05-01"), Map.of(), CURATED.plusSeconds(60)));

            assertThat(rub("2021-06-01", LATER).imposed().minor()).isEqualTo(320_000_000L);
            assertThat(totals("2021-06-01", CURATED).currencies()).isEmpty();
        }
    }

    @Nested
    class CorrectionsOfFigures {

        @Test
        void aCorrectedAmountOfAFineChangesWhatIsDueOnlyForKnowledgeAfterTheCorrection() {
            imposed("fine-1", "f1", "2021-04-02", 320_000_000L);
            fields("fine-1", Map.of("amount.minor", "250000000"));

            CurrencyTotals after = rub("2021-06-01", LATER);
            assertThat(after.imposed().minor()).isEqualTo(250_000_000L);
            assertThat(after.fines().get(0).imposedMinor()).isEqualTo(250_000_000L);
            assertThat(rub("2021-06-01", BEFORE).imposed().minor()).isEqualTo(320_000_000L);
        }

        @Test
        void aCorrectedCurrencyMovesTheFineToThatCurrency() {
            imposed("fine-1", "f1", "2021-04-02", 320_000_000L);
            fields("fine-1", Map.of("amount.currency", "EUR"));

            assertThat(totals("2021-06-01", LATER).currencies()).extracting(CurrencyTotals::currency)
                    .containsExactly("EUR");
            assertThat(rub("2021-06-01", BEFORE).imposed().minor()).isEqualTo(320_000_000L);
        }

        @Test
        void aCorrectedPaymentChangesWhatIsPaidAndOutstanding() {
            imposed("fine-1", "f1", "2021-04-02", 320_000_000L);
            follow("paid-1", "f1", Kind.PAID, "2021-05-01", null, 320_000_000L);
            fields("paid-1", Map.of("amount.minor", "20000000"));

            CurrencyTotals after = rub("2021-06-01", LATER);
            assertThat(after.paid().minor()).isEqualTo(20_000_000L);
            assertThat(after.outstanding().minor()).isEqualTo(300_000_000L);
            assertThat(rub("2021-06-01", BEFORE).outstanding().minor()).isZero();
        }

        @Test
        void aCorrectedAppealDecisionChangesWhatIsDue() {
            imposed("fine-1", "f1", "2021-04-02", 320_000_000L);
            follow("decided-1", "f1", Kind.APPEAL_DECIDED, "2021-05-17", AppealOutcome.ANNULLED, null);
            fields("decided-1", Map.of("outcome", "REDUCED", "newAmount.minor", "100000000"));

            assertThat(rub("2021-06-01", LATER).imposed().minor()).isEqualTo(100_000_000L);
            assertThat(rub("2021-06-01", BEFORE).imposed().minor()).isZero();
        }

        @Test
        void aReductionWithoutAKnownAmountLeavesWhatIsDue() {
            imposed("fine-1", "f1", "2021-04-02", 320_000_000L);
            follow("decided-1", "f1", Kind.APPEAL_DECIDED, "2021-05-17", AppealOutcome.UPHELD, null);
            fields("decided-1", Map.of("outcome", "REDUCED"));

            assertThat(rub("2021-06-01", LATER).imposed().minor()).isEqualTo(320_000_000L);
        }

        @Test
        void aCorrectedReportChangesTheComparison() {
            imposed("fine-1", "f1", "2021-04-02", 320_000_000L);
            report("report-1", "c1", "2021-09-14", 500_000_000L, Qualifier.MORE_THAN);
            fields("report-1", Map.of("amount.minor", "320000000", "qualifier", "EXACT"));

            PenaltyTotals.ReportedTotal after = rub("2021-12-31", LATER).reported();
            assertThat(after.reportedMinor()).isEqualTo(320_000_000L);
            assertThat(after.lowerBound()).isFalse();
            assertThat(after.disagrees()).isFalse();
            assertThat(rub("2021-12-31", BEFORE).reported().disagrees()).isTrue();
        }

        @Test
        void aValueThatIsNoAmountIsNotApplied() {
            imposed("fine-1", "f1", "2021-04-02", 320_000_000L);
            fields("fine-1", Map.of("amount.minor", "-5", "amount.currency", "roubles"));

            assertThat(rub("2021-06-01", LATER).imposed().minor()).isEqualTo(320_000_000L);
        }

        @Test
        void onlyTheFieldsThatChangeAFigureAreKept() {
            assertThat(PenaltyCuration.applicable(Map.of("amount.minor", "1", "provisionCode", "KoAP 13.41 p.5",
                    "outcome", "ANNULLED"))).containsOnlyKeys("amount.minor", "outcome");
            assertThat(PenaltyCuration.applicable(null)).isEmpty();
        }
    }

    private PenaltyTotals totals(String isoDate, Instant knownAt) {
        Instant at = LocalDate.parse(isoDate).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1);
        return PenaltyRules.evaluate("x", PenaltyCuration.apply(facts, curations, knownAt), at, knownAt);
    }

    private CurrencyTotals rub(String isoDate, Instant knownAt) {
        return totals(isoDate, knownAt).currencies().stream().filter(c -> c.currency().equals("RUB")).findFirst()
                .orElseThrow();
    }

    private void imposed(String eventId, String fineId, String isoDate, long minor) {
        facts.add(new PenaltyFact(eventId, "x", fineId, 0, Kind.IMPOSED, minor, "RUB", null, "KoAP 13.41 p.2",
                "Magistrate court", null, EffectiveTime.day(isoDate), RECORDED, "[]"));
    }

    private void follow(String eventId, String fineId, Kind kind, String isoDate, AppealOutcome outcome,
                        Long minor) {
        facts.add(new PenaltyFact(eventId, "x", fineId, facts.size(), kind, minor, minor == null ? null : "RUB",
                outcome, null, null, null, EffectiveTime.day(isoDate), RECORDED, "[]"));
    }

    private void report(String eventId, String claimId, String isoDate, long minor, Qualifier qualifier) {
        facts.add(new PenaltyFact(eventId, "x", claimId, 0, Kind.REPORTED_TOTAL, minor, "RUB", null, null, "TASS",
                qualifier, EffectiveTime.day(isoDate), RECORDED, "[]"));
    }

    private void retraction(String target) {
        curations.add(new PenaltyCuration("r-" + target, target, PenaltyCuration.Kind.RETRACTION, null, Map.of(),
                CURATED));
    }

    private void moved(String target, String isoDate) {
        curations.add(new PenaltyCuration("m-" + target, target, PenaltyCuration.Kind.CORRECTION,
                EffectiveTime.day(isoDate), Map.of(), CURATED));
    }

    private void fields(String target, Map<String, String> fields) {
        curations.add(new PenaltyCuration("f-" + target, target, PenaltyCuration.Kind.CORRECTION, null, fields,
                CURATED));
    }
}
