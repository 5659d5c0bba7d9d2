package org.disputeledger.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.disputeledger.common.TestEnvelopes.on;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerFixture;
import org.disputeledger.common.LedgerRuleViolation;
import org.disputeledger.common.Money;
import org.disputeledger.provision.command.EnactProvisionVersion;
import org.disputeledger.provision.event.ProvisionVersionEnacted;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LegalProvisionTest {

    private static final String P2 = "KoAP 13.41 p.2";
    private static final String P2_STREAM = "provision-ru-koap-13-41-p-2";
    private static final LocalDate FROM_2021 = LocalDate.parse("2021-01-10");
    private static final FixedRange P2_RANGE = new FixedRange(rub(80_000_000), rub(400_000_000));

    private FixtureConfiguration<LegalProvision> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(LegalProvision.class);
    }

    private static Money rub(long minor) {
        return Money.of(minor, "RUB");
    }

    private static EnactProvisionVersion enactP2(LocalDate from, FixedRange range) {
        return new EnactProvisionVersion("RU", P2, "legal_entity", from, range, null, null, "511-FZ",
                on(from.toString()));
    }

    private static ProvisionVersionEnacted p2Enacted(LocalDate from, FixedRange range) {
        return new ProvisionVersionEnacted(P2_STREAM, "RU", P2, "legal_entity", from, range, null, null, "511-FZ",
                on(from.toString()));
    }

    @Nested
    class EnactingAVersion {

        @Test
        void recordsTheFirstVersionOfAProvisionWithItsFineRange() {
            fixture.givenNoPriorActivity()
                    .when(enactP2(FROM_2021, P2_RANGE))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(p2Enacted(FROM_2021, P2_RANGE));
        }

        @Test
        void recordsALaterVersionOfTheSameProvision() {
            FixedRange raised = new FixedRange(rub(100_000_000), rub(500_000_000));
            fixture.given(p2Enacted(FROM_2021, P2_RANGE))
                    .when(enactP2(LocalDate.parse("2022-07-14"), raised))
                    .expectEvents(p2Enacted(LocalDate.parse("2022-07-14"), raised));
        }

        @Test
        void recordsATurnoverBandForARepeatOffenceWithAYearAsItsDefaultWindow() {
            TurnoverBand band = new TurnoverBand(Fraction.of(1, 20), Fraction.of(1, 10), rub(400_000_000));
            fixture.givenNoPriorActivity()
                    .when(new EnactProvisionVersion("RU", "KoAP 13.41 p.5", null, FROM_2021, band, P2, null,
                            "511-FZ", on("2021-01-10")))
                    .expectEvents(new ProvisionVersionEnacted("provision-ru-koap-13-41-p-5", "RU", "KoAP 13.41 p.5",
                            null, FROM_2021, band, P2, 365, "511-FZ", on("2021-01-10")));
        }

        @Test
        void recordsAVersionWhoseTextSetsNoFineRange() {
            fixture.givenNoPriorActivity()
                    .when(new EnactProvisionVersion("RU", "242-FZ", null, LocalDate.parse("2015-09-01"), null, null,
                            null, null, on("2015-09-01")))
                    .expectEvents(new ProvisionVersionEnacted("provision-ru-242-fz", "RU", "242-FZ", null,
                            LocalDate.parse("2015-09-01"), null, null, null, null, on("2015-09-01")));
        }

        @Test
        void refusesASecondVersionTakingEffectOnTheSameDate() {
            fixture.given(p2Enacted(FROM_2021, P2_RANGE))
                    .when(enactP2(FROM_2021, new FixedRange(rub(80_000_000), rub(800_000_000))))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("provision \"KoAP 13.41 p.2\" already has a version taking effect on "
                            + "2021-01-10")
                    .expectNoEvents();
        }

        @Test
        void refusesAnotherSpellingOfTheCodeThatFallsOnTheSameStream() {
            fixture.given(p2Enacted(FROM_2021, P2_RANGE))
                    .when(new EnactProvisionVersion("RU", "KoAP 13.41 p 2", null, LocalDate.parse("2022-01-01"),
                            P2_RANGE, null, null, null, on("2022-01-01")))
                    .expectException(LedgerRuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void refusesARepeatWindowWithoutABaseProvision() {
            assertThatThrownBy(() -> new EnactProvisionVersion("RU", P2, null, FROM_2021, P2_RANGE, null, 365, null,
                    on("2021-01-10")))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("repeatWindowDays is allowed only for a repeat offence, with repeatOf");
        }

        @Test
        void refusesARangeWhoseMaximumIsBelowItsMinimum() {
            assertThatThrownBy(() -> new FixedRange(rub(400_000_000), rub(80_000_000)))
                    .isInstanceOf(InvalidValueException.class);
        }
    }

    @Nested
    class NamingTheStream {

        @Test
        void namesTheStreamAfterTheJurisdictionAndTheSlugOfTheCode() {
            assertThat(ProvisionRegister.streamId("RU", P2)).isEqualTo(P2_STREAM);
            assertThat(ProvisionRegister.streamId("RU", "KoAP 13.41 (repeat of p.4)"))
                    .isEqualTo("provision-ru-koap-13-41-repeat-of-p-4");
        }
    }

    @Nested
    class RoutingThroughTheLedgersConfiguration {

        private final LedgerFixture ledger = LedgerFixture.start();

        @AfterEach
        void stop() {
            ledger.close();
        }

        @Test
        void opensTheStreamDerivedFromTheCodeWithTheFirstVersion() {
            ledger.when(enactP2(FROM_2021, P2_RANGE))
                    .expectEvents(P2_STREAM, p2Enacted(FROM_2021, P2_RANGE));
        }

        @Test
        void routesALaterVersionToTheSameStream() {
            FixedRange raised = new FixedRange(rub(100_000_000), rub(500_000_000));
            ledger.givenCommands(enactP2(FROM_2021, P2_RANGE))
                    .when(enactP2(LocalDate.parse("2022-07-14"), raised))
                    .expectEvents(P2_STREAM, p2Enacted(LocalDate.parse("2022-07-14"), raised));
        }

        @Test
        void refusesThroughTheBusASecondVersionOnTheSameDate() {
            ledger.givenCommands(enactP2(FROM_2021, P2_RANGE))
                    .when(enactP2(FROM_2021, P2_RANGE))
                    .expectException(LedgerRuleViolation.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class FindingTheVersionInForce {

        private final ProvisionVersion first = ProvisionVersion.of(p2Enacted(FROM_2021, P2_RANGE));
        private final ProvisionVersion second = ProvisionVersion.of(p2Enacted(LocalDate.parse("2022-07-14"),
                new FixedRange(rub(100_000_000), rub(500_000_000))));
        private final ProvisionHistory history = new ProvisionHistory(List.of(second, first));

        @Test
        void findsNoVersionBeforeTheFirstTookEffect() {
            assertThat(history.inForceOn(LocalDate.parse("2020-12-01"))).isEmpty();
        }

        @Test
        void findsTheLatestVersionThatTookEffectOnOrBeforeTheDate() {
            assertThat(history.inForceOn(FROM_2021)).contains(first);
            assertThat(history.inForceOn(LocalDate.parse("2022-07-13"))).contains(first);
            assertThat(history.inForceOn(LocalDate.parse("2022-07-14"))).contains(second);
        }
    }
}
