package org.disputeledger.demand;

import static org.disputeledger.common.TestEnvelopes.on;

import java.time.LocalDate;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.disputeledger.common.EffectiveTime;
import org.disputeledger.common.LedgerRuleViolation;
import org.disputeledger.common.Precision;
import org.disputeledger.common.TestEnvelopes;
import org.disputeledger.demand.command.ComplyWithDemand;
import org.disputeledger.demand.command.ExtendDemandDeadline;
import org.disputeledger.demand.command.IssueDemand;
import org.disputeledger.demand.command.RefuseDemand;
import org.disputeledger.demand.command.WithdrawDemand;
import org.disputeledger.demand.event.DemandComplied;
import org.disputeledger.demand.event.DemandDeadlineExtended;
import org.disputeledger.demand.event.DemandIssued;
import org.disputeledger.demand.event.DemandRefused;
import org.disputeledger.demand.event.DemandWithdrawn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DemandTest {

    private static final String ID = "demand-1";
    private static final DemandIssued ISSUED = new DemandIssued(ID, "RU", "Roskomnadzor", "twitter", "twitter-inc",
            DemandKind.REMOVE_CONTENT, "149-FZ art. 15.1", 100L, Map.of("suicide", 60L, "drugs", 40L),
            LocalDate.parse("2021-03-20"), on("2021-03-10"));

    private FixtureConfiguration<Demand> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Demand.class);
    }

    @Nested
    class IssuingADemand {

        @Test
        void recordsTheDemandWithItsItemsAndDeadline() {
            fixture.givenNoPriorActivity()
                    .when(new IssueDemand(ID, "RU", "Roskomnadzor", "twitter", "twitter-inc", DemandKind.REMOVE_CONTENT,
                            "149-FZ art. 15.1", 100L, Map.of("suicide", 60L, "drugs", 40L),
                            LocalDate.parse("2021-03-20"), on("2021-03-10")))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(ISSUED);
        }

        @Test
        void acceptsADemandWhoseItemCountIsNotStated() {
            IssueDemand command = new IssueDemand(ID, "RU", "FSB", "telegram", null, DemandKind.PROVIDE_DECRYPTION_KEYS,
                    null, null, null, null, on("2017-07-12"));
            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectEvents(new DemandIssued(ID, "RU", "FSB", "telegram", null, DemandKind.PROVIDE_DECRYPTION_KEYS,
                            null, null, Map.of(), null, on("2017-07-12")));
        }
    }

    @Nested
    class ComplyingWithADemand {

        @Test
        void recordsAPartialComplianceWithinTheItemCount() {
            fixture.given(ISSUED)
                    .when(new ComplyWithDemand(ID, ComplianceScope.PARTIAL, 60L, on("2021-03-23")))
                    .expectEvents(new DemandComplied(ID, ComplianceScope.PARTIAL, 60L, on("2021-03-23")));
        }

        @Test
        void countsAFullComplianceWithoutAnItemCountAsTheRemainingItems() {
            fixture.given(ISSUED, new DemandComplied(ID, ComplianceScope.PARTIAL, 60L, on("2021-03-23")))
                    .when(new ComplyWithDemand(ID, ComplianceScope.FULL, null, on("2021-05-17")))
                    .expectEvents(new DemandComplied(ID, ComplianceScope.FULL, 40L, on("2021-05-17")));
        }

        @Test
        void refusesAComplianceBeyondTheItemCount() {
            fixture.given(ISSUED, new DemandComplied(ID, ComplianceScope.PARTIAL, 60L, on("2021-03-23")))
                    .when(new ComplyWithDemand(ID, ComplianceScope.PARTIAL, 41L, on("2021-04-05")))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("itemsActioned 41 exceeds the 40 items of demand demand-1 not yet "
                            + "complied with or refused (of 100)")
                    .expectNoEvents();
        }

        @Test
        void countsRefusedItemsAgainstTheItemCount() {
            fixture.given(ISSUED, new DemandRefused(ID, 50L, "lawful speech", on("2021-03-12")))
                    .when(new ComplyWithDemand(ID, ComplianceScope.PARTIAL, 51L, on("2021-04-05")))
                    .expectException(LedgerRuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void refusesAComplianceAfterAFullCompliance() {
            fixture.given(ISSUED, new DemandComplied(ID, ComplianceScope.FULL, 100L, on("2021-03-23")))
                    .when(new ComplyWithDemand(ID, ComplianceScope.PARTIAL, 1L, on("2021-04-05")))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("demand demand-1 was fully complied with or withdrawn; nothing follows it")
                    .expectNoEvents();
        }

        @Test
        void refusesAComplianceCertainlyBeforeTheDemandWasIssued() {
            fixture.given(ISSUED)
                    .when(new ComplyWithDemand(ID, ComplianceScope.PARTIAL, 1L, on("2021-03-09")))
                    .expectException(LedgerRuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void acceptsAComplianceInTheSameMonthWhenOnlyItsMonthIsKnown() {
            var monthOnly = TestEnvelopes.with(new EffectiveTime(LocalDate.parse("2021-03-01"), null, Precision.MONTH));
            fixture.given(ISSUED)
                    .when(new ComplyWithDemand(ID, ComplianceScope.PARTIAL, 1L, monthOnly))
                    .expectEvents(new DemandComplied(ID, ComplianceScope.PARTIAL, 1L, monthOnly));
        }
    }

    @Nested
    class RefusingADemand {

        @Test
        void recordsARefusalOfSomeItems() {
            fixture.given(ISSUED)
                    .when(new RefuseDemand(ID, 30L, "not unlawful in the platform's view", on("2021-03-12")))
                    .expectEvents(new DemandRefused(ID, 30L, "not unlawful in the platform's view", on("2021-03-12")));
        }

        @Test
        void refusesARefusalOfMoreItemsThanRemain() {
            fixture.given(ISSUED)
                    .when(new RefuseDemand(ID, 101L, null, on("2021-03-12")))
                    .expectException(LedgerRuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void refusesARefusalAfterAWithdrawal() {
            fixture.given(ISSUED, new DemandWithdrawn(ID, on("2021-03-11")))
                    .when(new RefuseDemand(ID, null, null, on("2021-03-12")))
                    .expectException(LedgerRuleViolation.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class ExtendingTheDeadline {

        @Test
        void recordsALaterDeadline() {
            fixture.given(ISSUED)
                    .when(new ExtendDemandDeadline(ID, LocalDate.parse("2021-05-15"), on("2021-04-05")))
                    .expectEvents(new DemandDeadlineExtended(ID, LocalDate.parse("2021-05-15"), on("2021-04-05")));
        }

        @Test
        void refusesADeadlineThatIsNotLater() {
            fixture.given(ISSUED)
                    .when(new ExtendDemandDeadline(ID, LocalDate.parse("2021-03-20"), on("2021-03-15")))
                    .expectException(LedgerRuleViolation.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class WithdrawingADemand {

        @Test
        void recordsTheWithdrawal() {
            fixture.given(ISSUED)
                    .when(new WithdrawDemand(ID, on("2021-03-11")))
                    .expectEvents(new DemandWithdrawn(ID, on("2021-03-11")));
        }

        @Test
        void refusesASecondWithdrawal() {
            fixture.given(ISSUED, new DemandWithdrawn(ID, on("2021-03-11")))
                    .when(new WithdrawDemand(ID, on("2021-03-12")))
                    .expectException(LedgerRuleViolation.class)
                    .expectNoEvents();
        }
    }
}
