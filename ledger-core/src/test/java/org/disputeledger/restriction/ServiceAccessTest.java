package org.disputeledger.restriction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;
import static org.disputeledger.common.TestEnvelopes.on;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.disputeledger.common.EffectiveTime;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.common.LedgerRuleViolation;
import org.disputeledger.common.Precision;
import org.disputeledger.common.RuleCode;
import org.disputeledger.common.TestEnvelopes;
import org.disputeledger.restriction.command.ChangeThrottlingScope;
import org.disputeledger.restriction.command.ExpandBlockScope;
import org.disputeledger.restriction.command.ExtendThreatDeadline;
import org.disputeledger.restriction.command.ImposeBlock;
import org.disputeledger.restriction.command.ImposeThrottling;
import org.disputeledger.restriction.command.LiftBlock;
import org.disputeledger.restriction.command.LiftThrottling;
import org.disputeledger.restriction.command.ObserveInterference;
import org.disputeledger.restriction.command.OrderRestriction;
import org.disputeledger.restriction.command.RecordAppStoreRemoval;
import org.disputeledger.restriction.command.ThreatenRestriction;
import org.disputeledger.restriction.event.AppRemovedFromStore;
import org.disputeledger.restriction.event.BlockImposed;
import org.disputeledger.restriction.event.BlockLifted;
import org.disputeledger.restriction.event.BlockScopeExpanded;
import org.disputeledger.restriction.event.InterferenceObserved;
import org.disputeledger.restriction.event.RestrictionOrdered;
import org.disputeledger.restriction.event.RestrictionThreatened;
import org.disputeledger.restriction.event.ThreatDeadlineExtended;
import org.disputeledger.restriction.event.ThrottlingImposed;
import org.disputeledger.restriction.event.ThrottlingLifted;
import org.disputeledger.restriction.event.ThrottlingScopeChanged;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ServiceAccessTest {

    private static final String RU = "RU";
    private static final String TWITTER = "twitter";
    private static final String THROTTLING_ID = "throttling-1";
    private static final String BLOCK_ID = "block-1";
    private static final String THREAT_ID = "threat-1";

    private static final ThrottlingScope MOBILE_ALL_FIXED_HALF = new ThrottlingScope(100, 50, null);
    private static final ThrottlingImposed THROTTLED = new ThrottlingImposed(RU, TWITTER, THROTTLING_ID,
            "Roskomnadzor", null, MOBILE_ALL_FIXED_HALF, on("2021-03-10"));
    private static final BlockImposed BLOCKED = new BlockImposed(RU, TWITTER, BLOCK_ID, "Roskomnadzor",
            "149-FZ art. 15.3", null, on("2022-03-04"));
    private static final RestrictionThreatened BLOCK_THREATENED = new RestrictionThreatened(RU, TWITTER, THREAT_ID,
            "Roskomnadzor", RestrictionKind.BLOCK, "remove unlawful content", LocalDate.parse("2021-04-16"),
            on("2021-03-16"));

    private FixtureConfiguration<ServiceAccess> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ServiceAccess.class);
    }

    private static EffectiveTime month(String firstDay) {
        return new EffectiveTime(LocalDate.parse(firstDay), null, Precision.MONTH);
    }

    @Nested
    class RoutingCommandsToTheirStream {

        @Test
        void namesTheStreamByLowerCaseJurisdictionAndService() {
            assertThat(ServiceAccessStreams.id("RU", "twitter")).isEqualTo("access-ru-twitter");
        }

        @Test
        void refusesAStreamNameForALowerCaseJurisdiction() {
            assertThatThrownBy(() -> ServiceAccessStreams.id("ru", "twitter"))
                    .isInstanceOf(InvalidValueException.class)
                    .hasFieldOrPropertyWithValue("field", "jurisdiction");
        }

        @Test
        void letsAxonResolveEveryCommandToTheStreamOfItsJurisdictionAndService() {
            List<LedgerCommand> commands = List.of(
                    new ThreatenRestriction(RU, TWITTER, "t", "Roskomnadzor", RestrictionKind.BLOCK, null, null,
                            on("2021-03-16")),
                    new ExtendThreatDeadline(RU, TWITTER, "t", LocalDate.parse("2021-05-15"), on("2021-04-05")),
                    new OrderRestriction(RU, TWITTER, "o", "Prosecutor General's Office", "block", null,
                            on("2022-02-24")),
                    new ImposeThrottling(RU, TWITTER, "r", "Roskomnadzor", null, MOBILE_ALL_FIXED_HALF,
                            on("2021-03-10")),
                    new ChangeThrottlingScope(RU, TWITTER, "r", MOBILE_ALL_FIXED_HALF, on("2021-05-17")),
                    new LiftThrottling(RU, TWITTER, "r", on("2022-03-04")),
                    new ImposeBlock(RU, TWITTER, "b", "Roskomnadzor", null, null, on("2022-03-04")),
                    new ExpandBlockScope(RU, TWITTER, "b", 10L, null, on("2022-03-05")),
                    new LiftBlock(RU, TWITTER, "b", on("2022-03-06")),
                    new ObserveInterference(RU, TWITTER, "x", "OONI", ObservedState.BLOCKED, null, on("2022-03-04")),
                    new RecordAppStoreRemoval(RU, TWITTER, "a", List.of("app_store"), null, on("2022-03-04")));
            var resolver = new AnnotationCommandTargetResolver();
            for (LedgerCommand command : commands) {
                assertThat(resolver.resolveTarget(asCommandMessage(command)).getIdentifier())
                        .as(command.getClass().getSimpleName())
                        .isEqualTo("access-ru-twitter")
                        .isEqualTo(command.streamId());
            }
        }
    }

    @Nested
    class ThreateningARestriction {

        @Test
        void opensTheStreamWithTheThreat() {
            fixture.givenNoPriorActivity()
                    .when(new ThreatenRestriction(RU, TWITTER, THREAT_ID, "Roskomnadzor", RestrictionKind.BLOCK,
                            "remove unlawful content", LocalDate.parse("2021-04-16"), on("2021-03-16")))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(BLOCK_THREATENED);
        }

        @Test
        void recordsAThreatInAStreamThatAlreadyHoldsAThrottling() {
            fixture.given(THROTTLED)
                    .when(new ThreatenRestriction(RU, TWITTER, THREAT_ID, "Roskomnadzor", RestrictionKind.BLOCK,
                            "remove unlawful content", LocalDate.parse("2021-04-16"), on("2021-03-16")))
                    .expectEvents(BLOCK_THREATENED);
        }

        @Test
        void refusesAThreatIdAlreadyUsedInTheStream() {
            fixture.given(BLOCK_THREATENED)
                    .when(new ThreatenRestriction(RU, TWITTER, THREAT_ID, "Roskomnadzor", RestrictionKind.THROTTLING,
                            null, null, on("2021-03-20")))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("threatId threat-1 is already used in stream access-ru-twitter")
                    .expectNoEvents();
        }
    }

    @Nested
    class ExtendingAThreatDeadline {

        @Test
        void recordsALaterDeadline() {
            fixture.given(BLOCK_THREATENED)
                    .when(new ExtendThreatDeadline(RU, TWITTER, THREAT_ID, LocalDate.parse("2021-05-15"),
                            on("2021-04-05")))
                    .expectEvents(new ThreatDeadlineExtended(RU, TWITTER, THREAT_ID, LocalDate.parse("2021-05-15"),
                            on("2021-04-05")));
        }

        @Test
        void recordsAFirstDeadlineForAThreatThatHadNone() {
            var withoutDeadline = new RestrictionThreatened(RU, TWITTER, THREAT_ID, "Roskomnadzor",
                    RestrictionKind.BLOCK, null, null, on("2021-03-10"));
            fixture.given(withoutDeadline)
                    .when(new ExtendThreatDeadline(RU, TWITTER, THREAT_ID, LocalDate.parse("2021-04-16"),
                            on("2021-03-16")))
                    .expectEvents(new ThreatDeadlineExtended(RU, TWITTER, THREAT_ID, LocalDate.parse("2021-04-16"),
                            on("2021-03-16")));
        }

        @Test
        void refusesADeadlineThatIsNotLater() {
            fixture.given(BLOCK_THREATENED)
                    .when(new ExtendThreatDeadline(RU, TWITTER, THREAT_ID, LocalDate.parse("2021-04-16"),
                            on("2021-04-05")))
                    .expectException(LedgerRuleViolation.class)
                    .expectException(violation(RuleCode.DEADLINE_NOT_LATER, "newDeadline"))
                    .expectNoEvents();
        }

        @Test
        void refusesAnExtensionOfAThreatTheStreamDoesNotHold() {
            fixture.given(THROTTLED)
                    .when(new ExtendThreatDeadline(RU, TWITTER, THREAT_ID, LocalDate.parse("2021-05-15"),
                            on("2021-04-05")))
                    .expectException(LedgerRuleViolation.class)
                    .expectException(violation(RuleCode.REVERSAL_WITHOUT_ACTIVE_ANTECEDENT, "threatId"))
                    .expectNoEvents();
        }

        @Test
        void refusesAnExtensionOfAThreatSupersededByALaterThreatOfTheSameKind() {
            var repeated = new RestrictionThreatened(RU, TWITTER, "threat-2", "Roskomnadzor", RestrictionKind.BLOCK,
                    null, LocalDate.parse("2021-06-01"), on("2021-04-01"));
            fixture.given(BLOCK_THREATENED, repeated)
                    .when(new ExtendThreatDeadline(RU, TWITTER, THREAT_ID, LocalDate.parse("2021-05-15"),
                            on("2021-04-05")))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("threat threat-1 was superseded by a later threat or by the restriction "
                            + "it threatened")
                    .expectNoEvents();
        }

        @Test
        void refusesAnExtensionOfAThreatCarriedOutByABlock() {
            fixture.given(BLOCK_THREATENED, BLOCKED)
                    .when(new ExtendThreatDeadline(RU, TWITTER, THREAT_ID, LocalDate.parse("2022-05-15"),
                            on("2022-03-05")))
                    .expectException(LedgerRuleViolation.class)
                    .expectException(violation(RuleCode.REVERSAL_WITHOUT_ACTIVE_ANTECEDENT, "threatId"))
                    .expectNoEvents();
        }

        @Test
        void keepsABlockThreatStandingAfterAnEarlierThrottling() {
            fixture.given(THROTTLED, BLOCK_THREATENED)
                    .when(new ExtendThreatDeadline(RU, TWITTER, THREAT_ID, LocalDate.parse("2021-05-15"),
                            on("2021-04-05")))
                    .expectEvents(new ThreatDeadlineExtended(RU, TWITTER, THREAT_ID, LocalDate.parse("2021-05-15"),
                            on("2021-04-05")));
        }

        @Test
        void refusesAnExtensionCertainlyBeforeTheThreat() {
            fixture.given(BLOCK_THREATENED)
                    .when(new ExtendThreatDeadline(RU, TWITTER, THREAT_ID, LocalDate.parse("2021-05-15"),
                            on("2021-03-15")))
                    .expectException(LedgerRuleViolation.class)
                    .expectException(violation(RuleCode.EFFECTIVE_BEFORE_ANTECEDENT, "effective"))
                    .expectNoEvents();
        }

        @Test
        void refusesAnExtensionInAStreamThatDoesNotExist() {
            fixture.givenNoPriorActivity()
                    .when(new ExtendThreatDeadline(RU, TWITTER, THREAT_ID, LocalDate.parse("2021-05-15"),
                            on("2021-04-05")))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class OrderingARestriction {

        @Test
        void opensTheStreamWithAnOrderNotYetExecuted() {
            fixture.givenNoPriorActivity()
                    .when(new OrderRestriction(RU, TWITTER, "order-1", "Prosecutor General's Office", "block",
                            "149-FZ art. 15.3", on("2022-02-24")))
                    .expectEvents(new RestrictionOrdered(RU, TWITTER, "order-1", "Prosecutor General's Office",
                            "block", "149-FZ art. 15.3", on("2022-02-24")));
        }

        @Test
        void refusesAnOrderIdAlreadyUsedInTheStream() {
            fixture.given(new RestrictionOrdered(RU, TWITTER, "order-1", "Prosecutor General's Office", "block",
                            "149-FZ art. 15.3", on("2022-02-24")))
                    .when(new OrderRestriction(RU, TWITTER, "order-1", "Tagansky District Court", "block", null,
                            on("2022-02-25")))
                    .expectException(LedgerRuleViolation.class)
                    .expectException(violation(RuleCode.DUPLICATE_IDENTIFIER, "orderId"))
                    .expectNoEvents();
        }
    }

    @Nested
    class ImposingThrottling {

        @Test
        void opensTheStreamWithTheThrottlingAndItsScope() {
            fixture.givenNoPriorActivity()
                    .when(new ImposeThrottling(RU, TWITTER, THROTTLING_ID, "Roskomnadzor", null,
                            MOBILE_ALL_FIXED_HALF, on("2021-03-10")))
                    .expectEvents(THROTTLED);
        }

        @Test
        void recordsAThrottlingWhoseScopeIsUnknown() {
            fixture.givenNoPriorActivity()
                    .when(new ImposeThrottling(RU, "facebook", THROTTLING_ID, "Roskomnadzor", "482-FZ",
                            ThrottlingScope.unknown(), on("2022-02-25")))
                    .expectEvents(new ThrottlingImposed(RU, "facebook", THROTTLING_ID, "Roskomnadzor", "482-FZ",
                            new ThrottlingScope(null, null, null), on("2022-02-25")));
        }

        @Test
        void refusesARestrictionIdAlreadyUsedByABlock() {
            fixture.given(BLOCKED)
                    .when(new ImposeThrottling(RU, TWITTER, BLOCK_ID, "Roskomnadzor", null, MOBILE_ALL_FIXED_HALF,
                            on("2022-03-05")))
                    .expectException(LedgerRuleViolation.class)
                    .expectException(violation(RuleCode.DUPLICATE_IDENTIFIER, "restrictionId"))
                    .expectNoEvents();
        }
    }

    @Nested
    class DescribingAThrottlingScope {

        @Test
        void refusesAPercentageAboveOneHundred() {
            assertThatThrownBy(() -> new ThrottlingScope(101, null, null))
                    .isInstanceOf(InvalidValueException.class)
                    .hasFieldOrPropertyWithValue("field", "scope.mobilePercent");
        }

        @Test
        void refusesANegativePercentage() {
            assertThatThrownBy(() -> new ThrottlingScope(null, -1, null))
                    .isInstanceOf(InvalidValueException.class)
                    .hasFieldOrPropertyWithValue("field", "scope.fixedPercent");
        }

        @Test
        void refusesAChangeToAScopeThatStatesNothing() {
            assertThatThrownBy(() -> new ChangeThrottlingScope(RU, TWITTER, THROTTLING_ID, ThrottlingScope.unknown(),
                    on("2021-05-17")))
                    .isInstanceOf(InvalidValueException.class)
                    .hasFieldOrPropertyWithValue("field", "scope");
        }
    }

    @Nested
    class ChangingTheThrottlingScope {

        private final ThrottlingScope mobileOnly = new ThrottlingScope(100, 0, null);

        @Test
        void recordsTheNewScope() {
            fixture.given(THROTTLED)
                    .when(new ChangeThrottlingScope(RU, TWITTER, THROTTLING_ID, mobileOnly, on("2021-05-17")))
                    .expectEvents(new ThrottlingScopeChanged(RU, TWITTER, THROTTLING_ID, mobileOnly,
                            on("2021-05-17")));
        }

        @Test
        void refusesAChangeOfAThrottlingTheStreamDoesNotHold() {
            fixture.given(THROTTLED)
                    .when(new ChangeThrottlingScope(RU, TWITTER, "throttling-2", mobileOnly, on("2021-05-17")))
                    .expectException(LedgerRuleViolation.class)
                    .expectException(violation(RuleCode.REVERSAL_WITHOUT_ACTIVE_ANTECEDENT, "restrictionId"))
                    .expectNoEvents();
        }

        @Test
        void refusesAChangeOfALiftedThrottling() {
            fixture.given(THROTTLED, new ThrottlingLifted(RU, TWITTER, THROTTLING_ID, on("2021-06-01")))
                    .when(new ChangeThrottlingScope(RU, TWITTER, THROTTLING_ID, mobileOnly, on("2021-06-02")))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("throttling throttling-1 was already lifted")
                    .expectNoEvents();
        }

        @Test
        void refusesAChangeOfABlocksScope() {
            fixture.given(BLOCKED)
                    .when(new ChangeThrottlingScope(RU, TWITTER, BLOCK_ID, mobileOnly, on("2022-03-05")))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("restriction block-1 is a block, not a throttling")
                    .expectNoEvents();
        }

        @Test
        void refusesAChangeCertainlyBeforeTheThrottlingWasImposed() {
            fixture.given(THROTTLED)
                    .when(new ChangeThrottlingScope(RU, TWITTER, THROTTLING_ID, mobileOnly, on("2021-03-09")))
                    .expectException(LedgerRuleViolation.class)
                    .expectException(violation(RuleCode.EFFECTIVE_BEFORE_ANTECEDENT, "effective"))
                    .expectNoEvents();
        }

        @Test
        void refusesAChangeInAStreamThatDoesNotExist() {
            fixture.givenNoPriorActivity()
                    .when(new ChangeThrottlingScope(RU, TWITTER, THROTTLING_ID, mobileOnly, on("2021-05-17")))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class LiftingThrottling {

        @Test
        void recordsTheLifting() {
            fixture.given(THROTTLED)
                    .when(new LiftThrottling(RU, TWITTER, THROTTLING_ID, on("2022-03-04")))
                    .expectEvents(new ThrottlingLifted(RU, TWITTER, THROTTLING_ID, on("2022-03-04")));
        }

        @Test
        void acceptsALiftKnownOnlyByMonthInTheMonthOfTheThrottling() {
            var march = TestEnvelopes.with(month("2021-03-01"));
            fixture.given(THROTTLED)
                    .when(new LiftThrottling(RU, TWITTER, THROTTLING_ID, march))
                    .expectEvents(new ThrottlingLifted(RU, TWITTER, THROTTLING_ID, march));
        }

        @Test
        void refusesLiftingAThrottlingTheStreamDoesNotHold() {
            fixture.given(BLOCK_THREATENED)
                    .when(new LiftThrottling(RU, TWITTER, THROTTLING_ID, on("2022-03-04")))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("stream access-ru-twitter holds no throttling throttling-1")
                    .expectNoEvents();
        }

        @Test
        void refusesLiftingAThrottlingTwice() {
            fixture.given(THROTTLED, new ThrottlingLifted(RU, TWITTER, THROTTLING_ID, on("2022-03-04")))
                    .when(new LiftThrottling(RU, TWITTER, THROTTLING_ID, on("2022-03-05")))
                    .expectException(LedgerRuleViolation.class)
                    .expectException(violation(RuleCode.REVERSAL_WITHOUT_ACTIVE_ANTECEDENT, "restrictionId"))
                    .expectNoEvents();
        }

        @Test
        void refusesLiftingABlockAsAThrottling() {
            fixture.given(BLOCKED)
                    .when(new LiftThrottling(RU, TWITTER, BLOCK_ID, on("2022-03-05")))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("restriction block-1 is a block, not a throttling")
                    .expectNoEvents();
        }

        @Test
        void refusesALiftCertainlyBeforeTheThrottlingWasImposed() {
            fixture.given(THROTTLED)
                    .when(new LiftThrottling(RU, TWITTER, THROTTLING_ID, on("2021-03-09")))
                    .expectException(LedgerRuleViolation.class)
                    .expectException(violation(RuleCode.EFFECTIVE_BEFORE_ANTECEDENT, "effective"))
                    .expectNoEvents();
        }
    }

    @Nested
    class ImposingABlock {

        @Test
        void opensTheStreamWithTheBlock() {
            fixture.givenNoPriorActivity()
                    .when(new ImposeBlock(RU, TWITTER, BLOCK_ID, "Roskomnadzor", "149-FZ art. 15.3", null,
                            on("2022-03-04")))
                    .expectEvents(BLOCKED);
        }

        @Test
        void recordsABlockWhileAThrottlingIsInForce() {
            fixture.given(THROTTLED, new RestrictionOrdered(RU, TWITTER, "order-1", "Prosecutor General's Office",
                            "block", "149-FZ art. 15.3", on("2022-02-24")))
                    .when(new ImposeBlock(RU, TWITTER, BLOCK_ID, "Roskomnadzor", "149-FZ art. 15.3", null,
                            on("2022-03-04")))
                    .expectEvents(BLOCKED);
        }

        @Test
        void refusesARestrictionIdAlreadyUsedInTheStream() {
            fixture.given(BLOCKED)
                    .when(new ImposeBlock(RU, TWITTER, BLOCK_ID, "Roskomnadzor", null, null, on("2022-03-05")))
                    .expectException(LedgerRuleViolation.class)
                    .expectException(violation(RuleCode.DUPLICATE_IDENTIFIER, "restrictionId"))
                    .expectNoEvents();
        }
    }

    @Nested
    class ExpandingABlock {

        @Test
        void recordsTheAddressesBlockedInAll() {
            fixture.given(BLOCKED)
                    .when(new ExpandBlockScope(RU, TWITTER, BLOCK_ID, 2_500_000L, null, on("2022-03-05")))
                    .expectEvents(new BlockScopeExpanded(RU, TWITTER, BLOCK_ID, 2_500_000L, null, on("2022-03-05")));
        }

        @Test
        void acceptsAnApproximateExpansionDatedOnTheDayOfTheBlock() {
            var approximately = TestEnvelopes.with(new EffectiveTime(LocalDate.parse("2022-03-04"), null,
                    Precision.APPROXIMATE));
            fixture.given(BLOCKED)
                    .when(new ExpandBlockScope(RU, TWITTER, BLOCK_ID, 18_000_000L, null, approximately))
                    .expectEvents(new BlockScopeExpanded(RU, TWITTER, BLOCK_ID, 18_000_000L, null, approximately));
        }

        @Test
        void refusesAnExpansionOfABlockTheStreamDoesNotHold() {
            fixture.given(BLOCKED)
                    .when(new ExpandBlockScope(RU, TWITTER, "block-2", 10L, null, on("2022-03-05")))
                    .expectException(LedgerRuleViolation.class)
                    .expectException(violation(RuleCode.REVERSAL_WITHOUT_ACTIVE_ANTECEDENT, "restrictionId"))
                    .expectNoEvents();
        }

        @Test
        void refusesAnExpansionOfALiftedBlock() {
            fixture.given(BLOCKED, new BlockLifted(RU, TWITTER, BLOCK_ID, on("2022-06-01")))
                    .when(new ExpandBlockScope(RU, TWITTER, BLOCK_ID, 10L, null, on("2022-06-02")))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("block block-1 was already lifted")
                    .expectNoEvents();
        }

        @Test
        void refusesAnExpansionOfAThrottling() {
            fixture.given(THROTTLED)
                    .when(new ExpandBlockScope(RU, TWITTER, THROTTLING_ID, 10L, null, on("2021-03-11")))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("restriction throttling-1 is a throttling, not a block")
                    .expectNoEvents();
        }

        @Test
        void refusesAnExpansionCertainlyBeforeTheBlock() {
            fixture.given(BLOCKED)
                    .when(new ExpandBlockScope(RU, TWITTER, BLOCK_ID, 10L, null, on("2022-03-03")))
                    .expectException(LedgerRuleViolation.class)
                    .expectException(violation(RuleCode.EFFECTIVE_BEFORE_ANTECEDENT, "effective"))
                    .expectNoEvents();
        }

        @Test
        void refusesAnExpansionThatStatesNoScope() {
            assertThatThrownBy(() -> new ExpandBlockScope(RU, TWITTER, BLOCK_ID, null, " ", on("2022-03-05")))
                    .isInstanceOf(InvalidValueException.class)
                    .hasFieldOrPropertyWithValue("field", "addressesBlocked");
        }
    }

    @Nested
    class LiftingABlock {

        @Test
        void recordsTheLifting() {
            fixture.given(BLOCKED)
                    .when(new LiftBlock(RU, TWITTER, BLOCK_ID, on("2022-06-18")))
                    .expectEvents(new BlockLifted(RU, TWITTER, BLOCK_ID, on("2022-06-18")));
        }

        @Test
        void acceptsALiftKnownOnlyByMonthInTheMonthOfTheBlock() {
            var march = TestEnvelopes.with(month("2022-03-01"));
            fixture.given(BLOCKED)
                    .when(new LiftBlock(RU, TWITTER, BLOCK_ID, march))
                    .expectEvents(new BlockLifted(RU, TWITTER, BLOCK_ID, march));
        }

        @Test
        void refusesLiftingABlockTheStreamDoesNotHold() {
            fixture.given(THROTTLED)
                    .when(new LiftBlock(RU, TWITTER, BLOCK_ID, on("2022-06-18")))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("stream access-ru-twitter holds no block block-1")
                    .expectNoEvents();
        }

        @Test
        void refusesLiftingABlockTwice() {
            fixture.given(BLOCKED, new BlockLifted(RU, TWITTER, BLOCK_ID, on("2022-06-18")))
                    .when(new LiftBlock(RU, TWITTER, BLOCK_ID, on("2022-06-19")))
                    .expectException(LedgerRuleViolation.class)
                    .expectException(violation(RuleCode.REVERSAL_WITHOUT_ACTIVE_ANTECEDENT, "restrictionId"))
                    .expectNoEvents();
        }

        @Test
        void refusesLiftingABlockWithTheIdOfAThrottling() {
            fixture.given(THROTTLED, BLOCKED)
                    .when(new LiftBlock(RU, TWITTER, THROTTLING_ID, on("2022-06-18")))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("restriction throttling-1 is a throttling, not a block")
                    .expectNoEvents();
        }

        @Test
        void refusesALiftCertainlyBeforeTheBlock() {
            fixture.given(BLOCKED)
                    .when(new LiftBlock(RU, TWITTER, BLOCK_ID, on("2022-03-03")))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("block block-1 took effect on 2022-03-04, after 2022-03-03")
                    .expectNoEvents();
        }

        @Test
        void refusesALiftInAStreamThatDoesNotExist() {
            fixture.givenNoPriorActivity()
                    .when(new LiftBlock(RU, TWITTER, BLOCK_ID, on("2022-06-18")))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class ObservingInterference {

        @Test
        void opensTheStreamWithAMeasurementWhateverWasOrdered() {
            fixture.givenNoPriorActivity()
                    .when(new ObserveInterference(RU, TWITTER, "observation-1", "OONI", ObservedState.THROTTLED,
                            "throttle", on("2022-02-26")))
                    .expectEvents(new InterferenceObserved(RU, TWITTER, "observation-1", "OONI",
                            ObservedState.THROTTLED, "throttle", on("2022-02-26")));
        }

        @Test
        void recordsAServiceFoundReachableDespiteABlock() {
            fixture.given(BLOCKED)
                    .when(new ObserveInterference(RU, TWITTER, "observation-1", "users (press reports)",
                            ObservedState.PARTIALLY_ACCESSIBLE, null, on("2022-03-10")))
                    .expectEvents(new InterferenceObserved(RU, TWITTER, "observation-1", "users (press reports)",
                            ObservedState.PARTIALLY_ACCESSIBLE, null, on("2022-03-10")));
        }

        @Test
        void refusesAnObservationIdAlreadyUsedInTheStream() {
            fixture.given(new InterferenceObserved(RU, TWITTER, "observation-1", "OONI", ObservedState.THROTTLED,
                            "throttle", on("2022-02-26")))
                    .when(new ObserveInterference(RU, TWITTER, "observation-1", "OONI", ObservedState.BLOCKED,
                            "RST_injection", on("2022-03-04")))
                    .expectException(LedgerRuleViolation.class)
                    .expectException(violation(RuleCode.DUPLICATE_IDENTIFIER, "observationId"))
                    .expectNoEvents();
        }
    }

    @Nested
    class RecordingAnAppStoreRemoval {

        @Test
        void opensTheStreamWithTheRemoval() {
            fixture.givenNoPriorActivity()
                    .when(new RecordAppStoreRemoval(RU, "linkedin", "removal-1", List.of("app_store", "google_play"),
                            "Roskomnadzor", on("2017-01-06")))
                    .expectEvents(new AppRemovedFromStore(RU, "linkedin", "removal-1",
                            List.of("app_store", "google_play"), "Roskomnadzor", on("2017-01-06")));
        }

        @Test
        void refusesARemovalIdAlreadyUsedInTheStream() {
            fixture.given(new AppRemovedFromStore(RU, "linkedin", "removal-1", List.of("app_store"), null,
                            on("2017-01-06")))
                    .when(new RecordAppStoreRemoval(RU, "linkedin", "removal-1", List.of("google_play"), null,
                            on("2017-01-07")))
                    .expectException(LedgerRuleViolation.class)
                    .expectException(violation(RuleCode.DUPLICATE_IDENTIFIER, "removalId"))
                    .expectNoEvents();
        }

        @Test
        void refusesARemovalFromNoStore() {
            assertThatThrownBy(() -> new RecordAppStoreRemoval(RU, "linkedin", "removal-1", List.of(), null,
                    on("2017-01-06")))
                    .isInstanceOf(InvalidValueException.class)
                    .hasFieldOrPropertyWithValue("field", "stores");
        }
    }

    private static Matcher<LedgerRuleViolation> violation(RuleCode code, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(LedgerRuleViolation violation) {
                return violation.code() == code && field.equals(violation.field());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a rule violation " + code + " on field " + field);
            }
        };
    }
}
