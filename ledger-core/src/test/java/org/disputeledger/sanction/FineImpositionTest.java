package org.disputeledger.sanction;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.disputeledger.common.TestEnvelopes.on;

import java.time.LocalDate;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerFixture;
import org.disputeledger.common.LedgerRuleViolation;
import org.disputeledger.common.Money;
import org.disputeledger.provision.FixedRange;
import org.disputeledger.provision.Fraction;
import org.disputeledger.provision.Penalty;
import org.disputeledger.provision.TurnoverBand;
import org.disputeledger.provision.event.ProvisionVersionEnacted;
import org.disputeledger.sanction.command.ImposeFine;
import org.disputeledger.sanction.event.AppealDecided;
import org.disputeledger.sanction.event.FineAppealed;
import org.disputeledger.sanction.event.FineImposed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Imposing a fine, through the ledger's real configuration: the handler reads the provision's stream and the earlier
 * fine's stream before it opens the new fine's stream.
 */
class FineImpositionTest {

    private static final String COURT = "Magistrate court No. 422 Tagansky district";
    private static final String P2 = "KoAP 13.41 p.2";
    private static final String P4 = "KoAP 13.41 p.4";
    private static final String P5 = "KoAP 13.41 p.5";
    private static final String P2_STREAM = "provision-ru-koap-13-41-p-2";
    private static final String P4_STREAM = "provision-ru-koap-13-41-p-4";
    private static final String P5_STREAM = "provision-ru-koap-13-41-p-5";
    private static final LocalDate FROM_2021 = LocalDate.parse("2021-01-10");

    private static final ProvisionVersionEnacted P2_2021 = enacted(P2_STREAM, P2, FROM_2021,
            new FixedRange(rub(80_000_000), rub(400_000_000)), null, null);
    private static final ProvisionVersionEnacted P4_2021 = enacted(P4_STREAM, P4, FROM_2021,
            new FixedRange(rub(300_000_000), rub(800_000_000)), null, null);
    private static final ProvisionVersionEnacted P5_2021 = enacted(P5_STREAM, P5, FROM_2021,
            new TurnoverBand(Fraction.of(1, 20), Fraction.of(1, 10), rub(400_000_000)), P2, 365);

    /** Meta's turnover fine of 24 Dec 2021: 1,990,984,950.00 RUB on a revenue of 39,819,699,000.00 RUB. */
    private static final Money META_FINE = rub(199_098_495_000L);
    private static final Money META_REVENUE = rub(3_981_969_900_000L);
    private static final FineImposed META_PRIOR = imposed(fine("meta-p2", "meta-platforms-inc", P2, "2021-06-01",
            rub(300_000_000), 1, null, null), ProvisionCheck.CHECKED);

    private LedgerFixture ledger;

    @BeforeEach
    void setUp() {
        ledger = LedgerFixture.start();
    }

    @AfterEach
    void tearDown() {
        ledger.close();
    }

    private static Money rub(long minor) {
        return Money.of(minor, "RUB");
    }

    private static ProvisionVersionEnacted enacted(String stream, String code, LocalDate from, Penalty penalty,
                                                   String repeatOf, Integer window) {
        return new ProvisionVersionEnacted(stream, "RU", code, "legal_entity", from, penalty, repeatOf, window,
                "511-FZ", on(from.toString()));
    }

    private static ImposeFine fine(String fineId, String entity, String code, String date, Money amount,
                                   Integer rulings, String repeatOf, Money revenue) {
        return new ImposeFine(fineId, "RU", COURT, entity, null, code, null, amount, rulings, repeatOf, revenue,
                on(date));
    }

    private static ImposeFine twitterFine(String code, String date, long minor) {
        return fine("fine-1", "twitter-inc", code, date, rub(minor), 1, null, null);
    }

    private static FineImposed imposed(ImposeFine command, ProvisionCheck check) {
        return new FineImposed(command.fineId(), command.jurisdiction(), command.authority(), command.legalEntityId(),
                command.platform(), command.provisionCode(), command.offenceDate(), command.amount(),
                command.rulingCount(), command.repeatOfFineId(), command.revenue(), check, command.envelope());
    }

    @Nested
    class CheckingAFixedRange {

        @Test
        void acceptsAFineWithinTheRangeOfTheVersionInForce() {
            ImposeFine command = twitterFine(P2, "2021-04-02", 320_000_000);
            ledger.given(P2_STREAM, P2_2021)
                    .when(command)
                    .expectEvents("fine-1", imposed(command, ProvisionCheck.CHECKED));
        }

        @Test
        void refusesAFineAboveTheRange() {
            ledger.given(P2_STREAM, P2_2021)
                    .when(twitterFine(P2, "2021-04-02", 410_000_000))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("4100000.00 RUB lies outside 800000.00 RUB to 4000000.00 RUB, the range "
                            + "of KoAP 13.41 p.2 from 2021-01-10")
                    .expectNoEvents();
        }

        @Test
        void refusesAFineBelowTheRange() {
            ledger.given(P2_STREAM, P2_2021)
                    .when(twitterFine(P2, "2021-04-02", 50_000_000))
                    .expectException(LedgerRuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void refusesAnOffenceCommittedBeforeAnyVersionWasInForce() {
            ledger.given(P2_STREAM, P2_2021)
                    .when(twitterFine(P2, "2020-12-01", 320_000_000))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("no version of KoAP 13.41 p.2 was in force on 2020-12-01; the first "
                            + "took effect on 2021-01-10")
                    .expectNoEvents();
        }

        @Test
        void checksTheVersionInForceOnTheOffenceDateRatherThanOnTheRulingDate() {
            ProvisionVersionEnacted raised = enacted(P2_STREAM, P2, LocalDate.parse("2022-01-01"),
                    new FixedRange(rub(500_000_000), rub(900_000_000)), null, null);
            ImposeFine command = new ImposeFine("fine-1", "RU", COURT, "twitter-inc", "twitter", P2,
                    LocalDate.parse("2021-12-20"), rub(300_000_000), 1, null, null, on("2022-01-20"));
            ledger.given(P2_STREAM, P2_2021, raised)
                    .when(command)
                    .expectEvents("fine-1", imposed(command, ProvisionCheck.CHECKED));
        }

        @Test
        void refusesAnAmountInAnotherCurrencyThanTheRange() {
            ledger.given(P2_STREAM, P2_2021)
                    .when(fine("fine-1", "twitter-inc", P2, "2021-04-02", Money.of(4_000_000, "EUR"), 1, null, null))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("the fine is in EUR but KoAP 13.41 p.2 sets its range in RUB")
                    .expectNoEvents();
        }
    }

    @Nested
    class CheckingABundleOfRulings {

        @Test
        void acceptsTwoRulingsUnderPart4WithinTwiceTheRange() {
            ImposeFine command = fine("fine-1", "google-llc", P4, "2021-12-07", rub(1_000_000_000), 2, null, null);
            ledger.given(P4_STREAM, P4_2021)
                    .when(command)
                    .expectEvents("fine-1", imposed(command, ProvisionCheck.CHECKED_AS_BUNDLE));
        }

        @Test
        void refusesTwoRulingsAboveTwiceTheRange() {
            ledger.given(P4_STREAM, P4_2021)
                    .when(fine("fine-1", "google-llc", P4, "2021-12-07", rub(1_700_000_000), 2, null, null))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("17000000.00 RUB lies outside 6000000.00 RUB to 16000000.00 RUB, the "
                            + "range of KoAP 13.41 p.4 from 2021-01-10, for a bundle of 2 rulings")
                    .expectNoEvents();
        }

        @Test
        void checksEightFinesOf26MillionAsEightRulings() {
            ImposeFine command = fine("fine-1", "facebook-inc", P2, "2021-05-25", rub(2_600_000_000L), 8, null,
                    null);
            ledger.given(P2_STREAM, P2_2021)
                    .when(command)
                    .expectEvents("fine-1", imposed(command, ProvisionCheck.CHECKED_AS_BUNDLE));
        }

        @Test
        void refusesTheSameTotalAsASingleRuling() {
            ledger.given(P2_STREAM, P2_2021)
                    .when(fine("fine-1", "facebook-inc", P2, "2021-05-25", rub(2_600_000_000L), 1, null, null))
                    .expectException(LedgerRuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void recordsABundleOfUnknownSizeWithoutCheckingItsTotal() {
            ImposeFine command = fine("fine-1", "twitter-inc", P2, "2021-05-27", rub(1_900_000_000), null, null,
                    null);
            ledger.given(P2_STREAM, P2_2021)
                    .when(command)
                    .expectEvents("fine-1", imposed(command, ProvisionCheck.BUNDLE_OF_UNKNOWN_SIZE));
        }
    }

    @Nested
    class CheckingATurnoverBand {

        @BeforeEach
        void givenTheProvisionsAndAnEarlierPart2Fine() {
            ledger.given(P2_STREAM, P2_2021).given(P5_STREAM, P5_2021).given("meta-p2", META_PRIOR);
        }

        @Test
        void acceptsMetasFineOfExactlyATwentiethOfItsRevenue() {
            ImposeFine command = fine("fine-1", "meta-platforms-inc", P5, "2021-12-24", META_FINE, 1, "meta-p2",
                    META_REVENUE);
            ledger.when(command)
                    .expectEvents("fine-1", imposed(command, ProvisionCheck.CHECKED));
        }

        @Test
        void refusesAFineOfATwentyFifthOfTheRevenue() {
            ledger.when(fine("fine-1", "meta-platforms-inc", P5, "2021-12-24", rub(159_278_796_000L), 1, "meta-p2",
                            META_REVENUE))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("1592787960.00 RUB on a revenue of 39819699000.00 RUB lies outside 1/20 "
                            + "to 1/10 of revenue, the band of KoAP 13.41 p.5 from 2021-01-10")
                    .expectNoEvents();
        }

        @Test
        void refusesAFineAboveATenthOfTheRevenue() {
            ledger.when(fine("fine-1", "meta-platforms-inc", P5, "2021-12-24", rub(398_196_990_001L), 1, "meta-p2",
                            META_REVENUE))
                    .expectException(LedgerRuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void refusesAFineWithinTheBandButBelowItsFloor() {
            ledger.when(fine("fine-1", "meta-platforms-inc", P5, "2021-12-24", rub(300_000_000), 1, "meta-p2",
                            rub(4_000_000_000L)))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("3000000.00 RUB is below 4000000.00 RUB, the floor of KoAP 13.41 p.5 "
                            + "from 2021-01-10")
                    .expectNoEvents();
        }

        @Test
        void refusesATurnoverFineThatStatesNoRevenue() {
            ledger.when(fine("fine-1", "meta-platforms-inc", P5, "2021-12-24", META_FINE, 1, "meta-p2", null))
                    .expectException(InvalidValueException.class)
                    .expectExceptionMessage("revenue is required: KoAP 13.41 p.5 sets the fine as a share of revenue")
                    .expectNoEvents();
        }

        @Test
        void refusesARevenueInAnotherCurrency() {
            ledger.when(fine("fine-1", "meta-platforms-inc", P5, "2021-12-24", META_FINE, 1, "meta-p2",
                            Money.of(3_981_969_900_000L, "USD")))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("the fine is in RUB but the revenue is in USD")
                    .expectNoEvents();
        }
    }

    @Nested
    class CheckingARepeatOffence {

        @BeforeEach
        void givenTheProvisions() {
            ledger.given(P2_STREAM, P2_2021).given(P4_STREAM, P4_2021).given(P5_STREAM, P5_2021);
        }

        private ImposeFine repeatOf(String priorId) {
            return fine("fine-1", "meta-platforms-inc", P5, "2021-12-24", META_FINE, 1, priorId, META_REVENUE);
        }

        @Test
        void refusesARepeatFineWithoutAPriorPart2Fine() {
            ledger.when(repeatOf(null))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("fine fine-1: a repeat offence under KoAP 13.41 p.5 must name the earlier "
                            + "fine on KoAP 13.41 p.2 in repeatOfFineId")
                    .expectNoEvents();
        }

        @Test
        void refusesARepeatFineNamingAFineTheLedgerDoesNotHold() {
            ledger.when(repeatOf("meta-p2"))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("fine fine-1: the ledger holds no fine meta-p2")
                    .expectNoEvents();
        }

        @Test
        void refusesARepeatFineNamingAFineAgainstAnotherLegalEntity() {
            ledger.given("google-p2", imposed(fine("google-p2", "google-llc", P2, "2021-06-01", rub(300_000_000), 1,
                            null, null), ProvisionCheck.CHECKED))
                    .when(repeatOf("google-p2"))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("fine fine-1: fine google-p2 was imposed on google-llc, not on "
                            + "meta-platforms-inc")
                    .expectNoEvents();
        }

        @Test
        void refusesARepeatFineNamingAFineUnderAnotherProvision() {
            ledger.given("meta-p4", imposed(fine("meta-p4", "meta-platforms-inc", P4, "2021-06-01",
                            rub(500_000_000), 1, null, null), ProvisionCheck.CHECKED))
                    .when(repeatOf("meta-p4"))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("fine fine-1: fine meta-p4 is under KoAP 13.41 p.4, not under "
                            + "KoAP 13.41 p.2, the base provision of KoAP 13.41 p.5")
                    .expectNoEvents();
        }

        @Test
        void refusesARepeatFineMoreThanAYearAfterThePriorOffence() {
            ledger.given("meta-p2", imposed(fine("meta-p2", "meta-platforms-inc", P2, "2021-01-20",
                            rub(300_000_000), 1, null, null), ProvisionCheck.CHECKED))
                    .when(fine("fine-1", "meta-platforms-inc", P5, "2022-01-21", META_FINE, 1, "meta-p2",
                            META_REVENUE))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("fine fine-1: the offence on 2022-01-21 is more than 365 days after that "
                            + "of fine meta-p2 on 2021-01-20")
                    .expectNoEvents();
        }

        @Test
        void refusesARepeatFineNamingALaterOffence() {
            ledger.given("meta-p2", imposed(fine("meta-p2", "meta-platforms-inc", P2, "2021-12-24",
                            rub(300_000_000), 1, null, null), ProvisionCheck.CHECKED))
                    .when(repeatOf("meta-p2"))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("fine fine-1: the offence of fine meta-p2 on 2021-12-24 is not before "
                            + "this one on 2021-12-24")
                    .expectNoEvents();
        }

        @Test
        void refusesARepeatFineNamingAnAnnulledFine() {
            ledger.given("meta-p2", META_PRIOR, new FineAppealed("meta-p2", null, on("2021-06-10")),
                            new AppealDecided("meta-p2", "Tagansky District Court", AppealOutcome.ANNULLED, null,
                                    on("2021-07-01")))
                    .when(repeatOf("meta-p2"))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("fine fine-1: fine meta-p2 was annulled on appeal")
                    .expectNoEvents();
        }

        @Test
        void refusesAnEarlierFineNamedUnderAProvisionTheLedgerDoesNotHold() {
            ledger.when(fine("fine-1", "google-llc", "KoAP 13.40 p.2.1", "2022-01-17", rub(400_000_000), 1,
                            "google-1340", null))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("fine fine-1: the ledger holds no fine google-1340")
                    .expectNoEvents();
        }
    }

    @Nested
    class RecordingWhatCannotBeChecked {

        @Test
        void recordsAFineUnderAProvisionTheLedgerDoesNotHoldAsUnchecked() {
            ImposeFine command = fine("fine-1", "facebook-inc", "KoAP 13.41", "2021-05-25", rub(2_600_000_000L), 8,
                    null, null);
            ledger.given(P2_STREAM, P2_2021)
                    .when(command)
                    .expectEvents("fine-1", imposed(command, ProvisionCheck.UNREGISTERED_PROVISION));
        }

        @Test
        void recordsAFineThatNamesNoProvision() {
            ImposeFine command = fine("fine-1", "facebook-inc", null, "2019-04-01", rub(300_000), 1, null, null);
            ledger.when(command)
                    .expectEvents("fine-1", imposed(command, ProvisionCheck.NO_PROVISION_STATED));
        }

        @Test
        void recordsAFineUnderAVersionThatSetsNoRange() {
            ImposeFine command = fine("fine-1", "linkedin-corp", "242-FZ", "2016-08-04", rub(100_000), 1, null,
                    null);
            ledger.given("provision-ru-242-fz", enacted("provision-ru-242-fz", "242-FZ",
                            LocalDate.parse("2015-09-01"), null, null, null))
                    .when(command)
                    .expectEvents("fine-1", imposed(command, ProvisionCheck.NO_RANGE_IN_PROVISION));
        }
    }

    @Nested
    class IdentifyingTheFine {

        @Test
        void refusesASecondFineWithTheSameId() {
            ledger.given(P2_STREAM, P2_2021)
                    .givenCommands(twitterFine(P2, "2021-04-02", 320_000_000))
                    .when(twitterFine(P2, "2021-04-02", 330_000_000))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("stream fine-1 already exists")
                    .expectNoEvents();
        }

        @Test
        void takesTheDayTheFineWasImposedAsTheOffenceDateWhenNoneIsGiven() {
            ImposeFine command = twitterFine(P2, "2021-04-02", 320_000_000);
            ledger.given(P2_STREAM, P2_2021)
                    .when(command)
                    .expectEvents("fine-1", new FineImposed("fine-1", "RU", COURT, "twitter-inc", null, P2,
                            LocalDate.parse("2021-04-02"), rub(320_000_000), 1, null, null, ProvisionCheck.CHECKED,
                            on("2021-04-02")));
        }

        @Test
        void refusesAnOffenceAfterTheFineWasImposed() {
            assertThatThrownBy(() -> new ImposeFine("fine-1", "RU", COURT, "twitter-inc", null, P2,
                    LocalDate.parse("2021-04-03"), rub(320_000_000), 1, null, null, on("2021-04-02")))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("offenceDate must not be after the fine was imposed");
        }

        @Test
        void refusesAProvisionCodeThatCannotNameAStream() {
            assertThatThrownBy(() -> fine("fine-1", "twitter-inc", "-", "2021-04-02", rub(320_000_000), 1, null, null))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("provisionCode must contain Latin letters or digits, such as KoAP 13.41 p.2");
        }

        @Test
        void refusesAZeroRulingCount() {
            assertThatThrownBy(() -> fine("fine-1", "twitter-inc", P2, "2021-04-02", rub(320_000_000), 0, null,
                    null))
                    .isInstanceOf(InvalidValueException.class);
        }
    }
}
