package org.disputeledger.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.disputeledger.common.TestEnvelopes.on;

import java.time.LocalDate;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.disputeledger.claim.command.AssessCompliance;
import org.disputeledger.claim.command.RecordPlatformResponse;
import org.disputeledger.claim.command.ReportStatistic;
import org.disputeledger.claim.event.ComplianceAssessed;
import org.disputeledger.claim.event.PlatformResponded;
import org.disputeledger.claim.event.StatisticReported;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ClaimTest {

    private static final Map<String, Long> CATEGORIES = Map.of("suicide", 2336L, "csam", 352L, "drugs", 174L);
    private static final StatisticReported FIRST_COUNT = new StatisticReported("claim-1", "Roskomnadzor", "RU",
            "twitter", "twitter-inc", "undeleted_items", 2862L, null, Qualifier.EXACT, null,
            LocalDate.parse("2021-03-01"), CATEGORIES, on("2021-03-01"));

    private FixtureConfiguration<Claim> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Claim.class);
    }

    private static ReportStatistic undeletedItems(String claimId, long count, String date) {
        return new ReportStatistic(claimId, "Roskomnadzor", "RU", "twitter", "twitter-inc", "undeleted_items", count,
                null, Qualifier.EXACT, null, LocalDate.parse(date), null, on(date));
    }

    @Nested
    class ReportingAStatistic {

        @Test
        void recordsACountWithItsBreakdownByCategory() {
            fixture.givenNoPriorActivity()
                    .when(new ReportStatistic("claim-1", "Roskomnadzor", "RU", "twitter", "twitter-inc",
                            "undeleted_items", 2862L, null, Qualifier.EXACT, null, LocalDate.parse("2021-03-01"),
                            CATEGORIES, on("2021-03-01")))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(FIRST_COUNT);
        }

        @Test
        void recordsAnAmountQualifiedAsALowerBound() {
            fixture.givenNoPriorActivity()
                    .when(new ReportStatistic("claim-2", "Magistrate court No. 422", "RU", "twitter", "twitter-inc",
                            "fines_total_imposed", null, Money.of(4_500_000_000L, "RUB"), Qualifier.MORE_THAN, null,
                            null, Map.of("itemised_13_41_minor", 3_840_000_000L), on("2021-09-14")))
                    .expectEvents(new StatisticReported("claim-2", "Magistrate court No. 422", "RU", "twitter",
                            "twitter-inc", "fines_total_imposed", null, Money.of(4_500_000_000L, "RUB"),
                            Qualifier.MORE_THAN, null, null, Map.of("itemised_13_41_minor", 3_840_000_000L),
                            on("2021-09-14")));
        }

        @Test
        void recordsAFigureForAPeriodAboutNoNamedPlatform() {
            fixture.givenNoPriorActivity()
                    .when(new ReportStatistic("claim-3", "Roskomnadzor", "RU", null, null, "undeleted_items", 5500L,
                            null, Qualifier.APPROXIMATE, "2021", null, null, on("2021-12-01")))
                    .expectEvents(new StatisticReported("claim-3", "Roskomnadzor", "RU", null, null,
                            "undeleted_items", 5500L, null, Qualifier.APPROXIMATE, "2021", null, Map.of(),
                            on("2021-12-01")));
        }

        @Test
        void keepsBothOfTwoConflictingClaimsAboutTheSameMetric() {
            fixture.givenNoPriorActivity()
                    .when(undeletedItems("claim-1", 2862L, "2021-03-01"))
                    .expectEvents(new StatisticReported("claim-1", "Roskomnadzor", "RU", "twitter", "twitter-inc",
                            "undeleted_items", 2862L, null, Qualifier.EXACT, null, LocalDate.parse("2021-03-01"),
                            Map.of(), on("2021-03-01")));

            FixtureConfiguration<Claim> secondClaim = new AggregateTestFixture<>(Claim.class);
            secondClaim.givenNoPriorActivity()
                    .when(undeletedItems("claim-2", 3168L, "2021-03-10"))
                    .expectEvents(new StatisticReported("claim-2", "Roskomnadzor", "RU", "twitter", "twitter-inc",
                            "undeleted_items", 3168L, null, Qualifier.EXACT, null, LocalDate.parse("2021-03-10"),
                            Map.of(), on("2021-03-10")));
        }

        @Test
        void appendsNothingToAClaimAlreadyMade() {
            // A claim is made once: the store refuses a second first event for the stream (the ledger's write path
            // reports that as DUPLICATE_IDENTIFIER), so the earlier figure can never be replaced.
            fixture.given(FIRST_COUNT)
                    .when(undeletedItems("claim-1", 3168L, "2021-03-10"))
                    .expectException(EventStoreException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesAStatisticWithoutAValue() {
            assertThatThrownBy(() -> new ReportStatistic("claim-1", "Roskomnadzor", "RU", "twitter", null,
                    "undeleted_items", null, null, Qualifier.EXACT, null, null, null, on("2021-03-01")))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("a statistic needs a count or an amount");
        }

        @Test
        void refusesAStatisticWithBothACountAndAnAmount() {
            assertThatThrownBy(() -> new ReportStatistic("claim-1", "Roskomnadzor", "RU", "twitter", null,
                    "fines_unpaid", 11L, Money.of(4_400_000_000L, "RUB"), Qualifier.EXACT, null, null, null,
                    on("2021-12-03")))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("a statistic has a count or an amount, not both");
        }

        @Test
        void refusesANegativeCount() {
            assertThatThrownBy(() -> undeletedItems("claim-1", -1L, "2021-03-01"))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("count must not be negative");
        }

        @Test
        void refusesAMetricThatIsNotALowerCaseName() {
            assertThatThrownBy(() -> new ReportStatistic("claim-1", "Roskomnadzor", "RU", "twitter", null,
                    "Undeleted items", 2862L, null, Qualifier.EXACT, null, null, null, on("2021-03-01")))
                    .isInstanceOf(InvalidValueException.class)
                    .extracting("field").isEqualTo("metric");
        }

        @Test
        void refusesAStatisticWithoutAQualifier() {
            assertThatThrownBy(() -> new ReportStatistic("claim-1", "Roskomnadzor", "RU", "twitter", null,
                    "undeleted_items", 2862L, null, null, null, null, null, on("2021-03-01")))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("qualifier is required");
        }

        @Test
        void refusesAStatisticWithoutAClaimant() {
            assertThatThrownBy(() -> new ReportStatistic("claim-1", "", "RU", "twitter", null, "undeleted_items",
                    2862L, null, Qualifier.EXACT, null, null, null, on("2021-03-01")))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("claimant is required and must not be blank");
        }

        @Test
        void refusesANegativeFigureInTheBreakdown() {
            assertThatThrownBy(() -> new ReportStatistic("claim-1", "Roskomnadzor", "RU", "twitter", null,
                    "undeleted_items", 2862L, null, Qualifier.EXACT, null, null, Map.of("suicide", -1L),
                    on("2021-03-01")))
                    .isInstanceOf(InvalidValueException.class);
        }

        @Test
        void refusesAJurisdictionThatIsNotACountryCode() {
            assertThatThrownBy(() -> new ReportStatistic("claim-1", "Roskomnadzor", "Russia", "twitter", null,
                    "undeleted_items", 2862L, null, Qualifier.EXACT, null, null, null, on("2021-03-01")))
                    .isInstanceOf(InvalidValueException.class);
        }
    }

    @Nested
    class AssessingCompliance {

        @Test
        void recordsTheShareCompliedAsAnExactFraction() {
            fixture.givenNoPriorActivity()
                    .when(new AssessCompliance("claim-4", "Roskomnadzor", "RU", "twitter", null, null, null, null,
                            Fraction.parse("1/3"), "pace: unsatisfactory", on("2021-03-23")))
                    .expectEvents(new ComplianceAssessed("claim-4", "Roskomnadzor", "RU", "twitter", null, null, null,
                            null, Fraction.of(1, 3), "pace: unsatisfactory", on("2021-03-23")));
        }

        @Test
        void recordsTheItemFiguresOfADemand() {
            fixture.givenNoPriorActivity()
                    .when(new AssessCompliance("claim-5", "Roskomnadzor", "RU", "twitter", "demand-1", 3100L, 1900L,
                            null, null, null, on("2021-04-05")))
                    .expectEvents(new ComplianceAssessed("claim-5", "Roskomnadzor", "RU", "twitter", "demand-1",
                            3100L, 1900L, null, null, null, on("2021-04-05")));
        }

        @Test
        void refusesMoreItemsRemovedThanFlagged() {
            assertThatThrownBy(() -> new AssessCompliance("claim-5", "Roskomnadzor", "RU", "twitter", null, 3100L,
                    3101L, null, null, null, on("2021-04-05")))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("itemsRemoved must not exceed itemsFlagged");
        }

        @Test
        void refusesMoreItemsRemainingThanFlagged() {
            assertThatThrownBy(() -> new AssessCompliance("claim-5", "Roskomnadzor", "RU", "twitter", null, 500L,
                    null, 563L, null, null, on("2021-05-17")))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("itemsRemaining must not exceed itemsFlagged");
        }

        @Test
        void refusesAShareAboveTheWhole() {
            assertThatThrownBy(() -> new AssessCompliance("claim-4", "Roskomnadzor", "RU", "twitter", null, null,
                    null, null, Fraction.of(4, 3), null, on("2021-03-23")))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("shareComplied must not be more than the whole");
        }

        @Test
        void refusesAnAssessmentThatAssessesNothing() {
            assertThatThrownBy(() -> new AssessCompliance("claim-4", "Roskomnadzor", "RU", "twitter", null, null,
                    null, null, null, null, on("2021-03-23")))
                    .isInstanceOf(InvalidValueException.class);
        }

        @Test
        void refusesANegativeItemCount() {
            assertThatThrownBy(() -> new AssessCompliance("claim-4", "Roskomnadzor", "RU", "twitter", null, -1L,
                    null, null, null, null, on("2021-03-23")))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("itemsFlagged must not be negative");
        }

        @Test
        void refusesAFractionWithoutAPositiveDenominator() {
            assertThatThrownBy(() -> Fraction.of(1, 0)).isInstanceOf(InvalidValueException.class);
            assertThatThrownBy(() -> Fraction.parse("0.33")).isInstanceOf(InvalidValueException.class);
            assertThat(Fraction.parse("91/100")).isEqualTo(Fraction.of(91, 100));
        }
    }

    @Nested
    class RecordingAPlatformResponse {

        @Test
        void recordsTheStatementToTheAuthority() {
            fixture.givenNoPriorActivity()
                    .when(new RecordPlatformResponse("claim-6", "twitter", "RU", "Roskomnadzor", "letter",
                            "Twitter's vice-president wrote about the company's moderation work.", on("2021-04-01")))
                    .expectEvents(new PlatformResponded("claim-6", "twitter", "RU", "Roskomnadzor", "letter",
                            "Twitter's vice-president wrote about the company's moderation work.", on("2021-04-01")));
        }

        @Test
        void refusesAResponseWithoutAStatement() {
            assertThatThrownBy(() -> new RecordPlatformResponse("claim-6", "twitter", "RU", "Roskomnadzor", null,
                    " ", on("2021-04-01")))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("statement is required and must not be blank");
        }

        @Test
        void refusesAResponseWithoutAnAddressee() {
            assertThatThrownBy(() -> new RecordPlatformResponse("claim-6", "twitter", "RU", null, "letter",
                    "A statement.", on("2021-04-01")))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("addressee is required and must not be blank");
        }
    }
}
