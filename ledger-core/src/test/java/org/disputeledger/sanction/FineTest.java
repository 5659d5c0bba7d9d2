package org.disputeledger.sanction;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.disputeledger.common.TestEnvelopes.on;

import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.disputeledger.common.EffectiveTime;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerRuleViolation;
import org.disputeledger.common.Money;
import org.disputeledger.common.Precision;
import org.disputeledger.common.TestEnvelopes;
import org.disputeledger.sanction.command.AppealFine;
import org.disputeledger.sanction.command.DecideAppeal;
import org.disputeledger.sanction.command.EnterFineIntoForce;
import org.disputeledger.sanction.command.OpenEnforcementProceeding;
import org.disputeledger.sanction.command.PayFine;
import org.disputeledger.sanction.command.ReferFineForEnforcement;
import org.disputeledger.sanction.event.AppealDecided;
import org.disputeledger.sanction.event.EnforcementProceedingOpened;
import org.disputeledger.sanction.event.EnforcementReferred;
import org.disputeledger.sanction.event.FineAppealed;
import org.disputeledger.sanction.event.FineEnteredIntoForce;
import org.disputeledger.sanction.event.FineImposed;
import org.disputeledger.sanction.event.FinePaid;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FineTest {

    private static final String ID = "fine-1";
    private static final String COURT = "Tagansky District Court";
    private static final FineImposed IMPOSED = new FineImposed(ID, "RU", "Magistrate court No. 422 Tagansky district",
            "twitter-inc", "twitter", "KoAP 13.41 p.2", LocalDate.parse("2021-04-02"), rub(320_000_000), 1, null,
            null, ProvisionCheck.CHECKED, on("2021-04-02"));
    private static final FineAppealed APPEALED = new FineAppealed(ID, "Twitter Inc.", on("2021-04-20"));
    private static final AppealDecided UPHELD = new AppealDecided(ID, COURT, AppealOutcome.UPHELD, null,
            on("2021-05-17"));
    private static final AppealDecided ANNULLED = new AppealDecided(ID, COURT, AppealOutcome.ANNULLED, null,
            on("2021-05-17"));
    private static final FineEnteredIntoForce IN_FORCE = new FineEnteredIntoForce(ID, on("2021-05-17"));

    private FixtureConfiguration<Fine> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Fine.class);
    }

    private static Money rub(long minor) {
        return Money.of(minor, "RUB");
    }

    private static FinePaid paid(String paymentId, long minor, String date) {
        return new FinePaid(ID, paymentId, rub(minor), "Twitter Inc.", on(date));
    }

    @Nested
    class AppealingAFine {

        @Test
        void recordsTheAppealOfAFineNotYetInForce() {
            fixture.given(IMPOSED)
                    .when(new AppealFine(ID, "Twitter Inc.", on("2021-04-20")))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(APPEALED);
        }

        @Test
        void acceptsAnAppealInTheMonthOfAFineKnownOnlyToTheMonth() {
            var october = TestEnvelopes.with(new EffectiveTime(LocalDate.parse("2017-10-01"), null, Precision.MONTH));
            FineImposed telegram = new FineImposed(ID, "RU", "Magistrate court No. 383 Meshchansky district",
                    "telegram-messenger-llp", "telegram", "KoAP 13.31 p.2.1", LocalDate.parse("2017-10-01"),
                    rub(80_000_000), 1, null, null, ProvisionCheck.UNREGISTERED_PROVISION, october);
            fixture.given(telegram)
                    .when(new AppealFine(ID, null, on("2017-10-26")))
                    .expectEvents(new FineAppealed(ID, null, on("2017-10-26")));
        }

        @Test
        void acceptsASecondAppealAfterTheFirstWasDecided() {
            fixture.given(IMPOSED, APPEALED, UPHELD)
                    .when(new AppealFine(ID, "Twitter Inc.", on("2021-06-01")))
                    .expectEvents(new FineAppealed(ID, "Twitter Inc.", on("2021-06-01")));
        }

        @Test
        void refusesASecondAppealWhileOneIsPending() {
            fixture.given(IMPOSED, APPEALED)
                    .when(new AppealFine(ID, "Twitter Inc.", on("2021-04-21")))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("fine fine-1 is already under appeal since 2021-04-20")
                    .expectNoEvents();
        }

        @Test
        void refusesAnAppealOfAnAnnulledFine() {
            fixture.given(IMPOSED, APPEALED, ANNULLED)
                    .when(new AppealFine(ID, null, on("2021-06-01")))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("fine fine-1 was annulled on appeal; it cannot be appealed")
                    .expectNoEvents();
        }

        @Test
        void refusesAnAppealOfAFineAlreadyInForce() {
            fixture.given(IMPOSED, IN_FORCE)
                    .when(new AppealFine(ID, null, on("2021-06-01")))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("fine fine-1 is already in force; it cannot be appealed")
                    .expectNoEvents();
        }

        @Test
        void refusesAnAppealCertainlyBeforeTheFineWasImposed() {
            fixture.given(IMPOSED)
                    .when(new AppealFine(ID, null, on("2021-04-01")))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("fine fine-1 was imposed on 2021-04-02, after 2021-04-01")
                    .expectNoEvents();
        }
    }

    @Nested
    class DecidingAnAppeal {

        @Test
        void recordsThatTheFineWasUpheld() {
            fixture.given(IMPOSED, APPEALED)
                    .when(new DecideAppeal(ID, COURT, AppealOutcome.UPHELD, null, on("2021-05-17")))
                    .expectEvents(UPHELD);
        }

        @Test
        void recordsAReductionToALowerAmount() {
            fixture.given(IMPOSED, APPEALED)
                    .when(new DecideAppeal(ID, COURT, AppealOutcome.REDUCED, rub(200_000_000), on("2021-05-17")))
                    .expectEvents(new AppealDecided(ID, COURT, AppealOutcome.REDUCED, rub(200_000_000),
                            on("2021-05-17")));
        }

        @Test
        void recordsAnAnnulment() {
            fixture.given(IMPOSED, APPEALED)
                    .when(new DecideAppeal(ID, COURT, AppealOutcome.ANNULLED, null, on("2021-05-17")))
                    .expectEvents(ANNULLED);
        }

        @Test
        void refusesADecisionWhenNoAppealIsPending() {
            fixture.given(IMPOSED)
                    .when(new DecideAppeal(ID, COURT, AppealOutcome.UPHELD, null, on("2021-05-17")))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("fine fine-1 has no pending appeal to decide")
                    .expectNoEvents();
        }

        @Test
        void refusesASecondDecisionOnAnAppealAlreadyDecided() {
            fixture.given(IMPOSED, APPEALED, UPHELD)
                    .when(new DecideAppeal(ID, COURT, AppealOutcome.ANNULLED, null, on("2021-05-18")))
                    .expectException(LedgerRuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void refusesADecisionCertainlyBeforeTheAppeal() {
            fixture.given(IMPOSED, APPEALED)
                    .when(new DecideAppeal(ID, COURT, AppealOutcome.UPHELD, null, on("2021-04-19")))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("the appeal against fine fine-1 was lodged on 2021-04-20, after "
                            + "2021-04-19")
                    .expectNoEvents();
        }

        @Test
        void acceptsADecisionOnTheDayOfAnAppealKnownOnlyApproximately() {
            var approximately = TestEnvelopes.with(new EffectiveTime(LocalDate.parse("2021-05-01"), null,
                    Precision.APPROXIMATE));
            fixture.given(IMPOSED, new FineAppealed(ID, null, approximately))
                    .when(new DecideAppeal(ID, COURT, AppealOutcome.UPHELD, null, on("2021-04-20")))
                    .expectEvents(new AppealDecided(ID, COURT, AppealOutcome.UPHELD, null, on("2021-04-20")));
        }

        @Test
        void refusesAReductionThatDoesNotLowerTheAmount() {
            fixture.given(IMPOSED, APPEALED)
                    .when(new DecideAppeal(ID, COURT, AppealOutcome.REDUCED, rub(320_000_000), on("2021-05-17")))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("a reduction of fine fine-1 must be below its current amount, "
                            + "3200000.00 RUB")
                    .expectNoEvents();
        }

        @Test
        void refusesAReductionBelowWhatIsAlreadyPaid() {
            fixture.given(IMPOSED, paid("p-1", 250_000_000, "2021-04-10"), APPEALED)
                    .when(new DecideAppeal(ID, COURT, AppealOutcome.REDUCED, rub(200_000_000), on("2021-05-17")))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("fine fine-1 cannot be reduced below the 2500000.00 RUB already paid")
                    .expectNoEvents();
        }

        @Test
        void refusesAReductionInAnotherCurrency() {
            fixture.given(IMPOSED, APPEALED)
                    .when(new DecideAppeal(ID, COURT, AppealOutcome.REDUCED, Money.of(100_000, "EUR"),
                            on("2021-05-17")))
                    .expectException(LedgerRuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void refusesAReductionThatNamesNoNewAmount() {
            assertThatThrownBy(() -> new DecideAppeal(ID, COURT, AppealOutcome.REDUCED, null, on("2021-05-17")))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("newAmount is required");
        }
    }

    @Nested
    class EnteringIntoForce {

        @Test
        void recordsAFineEnteringIntoForceOnceItsAppealWasDecided() {
            fixture.given(IMPOSED, APPEALED, UPHELD)
                    .when(new EnterFineIntoForce(ID, on("2021-05-17")))
                    .expectEvents(IN_FORCE);
        }

        @Test
        void recordsAFineThatWasNeverAppealedEnteringIntoForce() {
            fixture.given(IMPOSED)
                    .when(new EnterFineIntoForce(ID, on("2021-04-13")))
                    .expectEvents(new FineEnteredIntoForce(ID, on("2021-04-13")));
        }

        @Test
        void refusesWhileAnAppealIsPending() {
            fixture.given(IMPOSED, APPEALED)
                    .when(new EnterFineIntoForce(ID, on("2021-05-17")))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("fine fine-1 is under appeal since 2021-04-20; it cannot be in force")
                    .expectNoEvents();
        }

        @Test
        void refusesAnAnnulledFine() {
            fixture.given(IMPOSED, APPEALED, ANNULLED)
                    .when(new EnterFineIntoForce(ID, on("2021-05-18")))
                    .expectException(LedgerRuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void refusesAFineAlreadyInForce() {
            fixture.given(IMPOSED, IN_FORCE)
                    .when(new EnterFineIntoForce(ID, on("2021-05-18")))
                    .expectException(LedgerRuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void refusesAnEntryIntoForceCertainlyBeforeTheFineWasImposed() {
            fixture.given(IMPOSED)
                    .when(new EnterFineIntoForce(ID, on("2021-03-01")))
                    .expectException(LedgerRuleViolation.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class PayingAFine {

        @Test
        void recordsAPaymentOfTheWholeAmount() {
            fixture.given(IMPOSED)
                    .when(new PayFine(ID, "p-1", rub(320_000_000), "Twitter Inc.", on("2021-06-01")))
                    .expectEvents(paid("p-1", 320_000_000, "2021-06-01"));
        }

        @Test
        void recordsPartialPaymentsUpToTheOutstandingAmount() {
            fixture.given(IMPOSED, paid("p-1", 120_000_000, "2021-05-01"))
                    .when(new PayFine(ID, "p-2", rub(200_000_000), "Twitter Inc.", on("2021-06-01")))
                    .expectEvents(paid("p-2", 200_000_000, "2021-06-01"));
        }

        @Test
        void refusesAPaymentAboveTheOutstandingAmount() {
            fixture.given(IMPOSED, paid("p-1", 120_000_000, "2021-05-01"))
                    .when(new PayFine(ID, "p-2", rub(200_000_001), null, on("2021-06-01")))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("a payment of 2000000.01 RUB exceeds the 2000000.00 RUB outstanding on "
                            + "fine fine-1")
                    .expectNoEvents();
        }

        @Test
        void refusesAPaymentAboveTheAmountLeftAfterAnAppealReduction() {
            fixture.given(IMPOSED, APPEALED, new AppealDecided(ID, COURT, AppealOutcome.REDUCED, rub(100_000_000),
                            on("2021-05-17")))
                    .when(new PayFine(ID, "p-1", rub(320_000_000), null, on("2021-06-01")))
                    .expectException(LedgerRuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void acceptsThePaymentOfTheReducedAmount() {
            fixture.given(IMPOSED, APPEALED, new AppealDecided(ID, COURT, AppealOutcome.REDUCED, rub(100_000_000),
                            on("2021-05-17")))
                    .when(new PayFine(ID, "p-1", rub(100_000_000), "Twitter Inc.", on("2021-06-01")))
                    .expectEvents(paid("p-1", 100_000_000, "2021-06-01"));
        }

        @Test
        void refusesAnyPaymentOnAnAnnulledFine() {
            fixture.given(IMPOSED, APPEALED, ANNULLED)
                    .when(new PayFine(ID, "p-1", rub(1), null, on("2021-06-01")))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("a payment of 0.01 RUB exceeds the 0.00 RUB outstanding on fine fine-1, "
                            + "which was annulled")
                    .expectNoEvents();
        }

        @Test
        void refusesAPaymentInAnotherCurrency() {
            fixture.given(IMPOSED)
                    .when(new PayFine(ID, "p-1", Money.of(100, "EUR"), null, on("2021-06-01")))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("fine fine-1 is in RUB, not EUR")
                    .expectNoEvents();
        }

        @Test
        void refusesAPaymentIdThatWasUsedBefore() {
            fixture.given(IMPOSED, paid("p-1", 120_000_000, "2021-05-01"))
                    .when(new PayFine(ID, "p-1", rub(1_000), null, on("2021-06-01")))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("fine fine-1 already has a payment p-1")
                    .expectNoEvents();
        }

        @Test
        void refusesAPaymentCertainlyBeforeTheFineWasImposed() {
            fixture.given(IMPOSED)
                    .when(new PayFine(ID, "p-1", rub(1_000), null, on("2021-03-01")))
                    .expectException(LedgerRuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void refusesAPaymentOfNothing() {
            assertThatThrownBy(() -> new PayFine(ID, "p-1", rub(0), null, on("2021-06-01")))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("a payment's amount must be positive");
        }
    }

    @Nested
    class ReferringForEnforcement {

        @Test
        void recordsTheReferralOfAnUnpaidFineToTheBailiffs() {
            fixture.given(IMPOSED, APPEALED, UPHELD, IN_FORCE)
                    .when(new ReferFineForEnforcement(ID, "FSSP", on("2021-09-17")))
                    .expectEvents(new EnforcementReferred(ID, "FSSP", on("2021-09-17")));
        }

        @Test
        void refusesTheReferralOfAFinePaidInFull() {
            fixture.given(IMPOSED, paid("p-1", 320_000_000, "2021-05-01"))
                    .when(new ReferFineForEnforcement(ID, "FSSP", on("2021-09-17")))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("fine fine-1 is paid in full; nothing is left to enforce")
                    .expectNoEvents();
        }

        @Test
        void refusesTheReferralOfAnAnnulledFine() {
            fixture.given(IMPOSED, APPEALED, ANNULLED)
                    .when(new ReferFineForEnforcement(ID, "FSSP", on("2021-09-17")))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("fine fine-1 was annulled on appeal; it cannot be enforced")
                    .expectNoEvents();
        }
    }

    @Nested
    class OpeningEnforcementProceedings {

        @Test
        void recordsProceedingsOpenedOnAnUnpaidFine() {
            fixture.given(IMPOSED, new EnforcementReferred(ID, "FSSP", on("2021-09-17")))
                    .when(new OpenEnforcementProceeding(ID, "Federal Bailiffs Service", 1, on("2021-10-08")))
                    .expectEvents(new EnforcementProceedingOpened(ID, "Federal Bailiffs Service", 1,
                            on("2021-10-08")));
        }

        @Test
        void recordsProceedingsWhoseNumberIsNotStated() {
            fixture.given(IMPOSED)
                    .when(new OpenEnforcementProceeding(ID, "Federal Bailiffs Service", null, on("2021-10-08")))
                    .expectEvents(new EnforcementProceedingOpened(ID, "Federal Bailiffs Service", null,
                            on("2021-10-08")));
        }

        @Test
        void refusesProceedingsOnAFinePaidInFull() {
            fixture.given(IMPOSED, paid("p-1", 320_000_000, "2021-05-01"))
                    .when(new OpenEnforcementProceeding(ID, "Federal Bailiffs Service", 1, on("2021-10-08")))
                    .expectException(LedgerRuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void refusesProceedingsOnAnAnnulledFine() {
            fixture.given(IMPOSED, APPEALED, ANNULLED)
                    .when(new OpenEnforcementProceeding(ID, "Federal Bailiffs Service", 1, on("2021-10-08")))
                    .expectException(LedgerRuleViolation.class)
                    .expectNoEvents();
        }
    }
}
