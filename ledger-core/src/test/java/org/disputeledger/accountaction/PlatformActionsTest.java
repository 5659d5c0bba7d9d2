package org.disputeledger.accountaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;
import static org.disputeledger.common.TestEnvelopes.on;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.disputeledger.accountaction.command.ApplyLabel;
import org.disputeledger.accountaction.command.RemoveLabel;
import org.disputeledger.accountaction.command.RestoreAccount;
import org.disputeledger.accountaction.command.SuspendAccount;
import org.disputeledger.accountaction.command.SuspendAccounts;
import org.disputeledger.accountaction.command.WithholdContent;
import org.disputeledger.accountaction.event.AccountRestored;
import org.disputeledger.accountaction.event.AccountSuspended;
import org.disputeledger.accountaction.event.AccountsSuspended;
import org.disputeledger.accountaction.event.ContentWithheld;
import org.disputeledger.accountaction.event.LabelApplied;
import org.disputeledger.accountaction.event.LabelRemoved;
import org.disputeledger.common.EffectiveTime;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.common.LedgerRuleViolation;
import org.disputeledger.common.Precision;
import org.disputeledger.common.TestEnvelopes;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PlatformActionsTest {

    private static final String DELEGATION = "Russian delegation to the Vienna arms-control talks";
    private static final AccountSuspended SUSPENDED = new AccountSuspended("twitter", "s-1", "@armscontrol_rus",
            DELEGATION, AccountAction.SUSPENDED, null, on("2021-02-12"));
    private static final LabelApplied LABELLED = new LabelApplied("twitter", "l-1", "Russia state-affiliated media",
            List.of("RT", "Sputnik"), true, on("2020-08-06"));

    private FixtureConfiguration<PlatformActions> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PlatformActions.class);
    }

    @Nested
    class RoutingToThePlatformsStream {

        @Test
        void resolvesEveryCommandToTheStreamNamedAfterItsPlatform() {
            var resolver = AnnotationCommandTargetResolver.builder().build();
            List<LedgerCommand> commands = List.of(
                    new SuspendAccount("twitter", "s-1", "@armscontrol_rus", null, AccountAction.SUSPENDED, null,
                            on("2021-02-12")),
                    new RestoreAccount("twitter", "s-1", on("2021-02-23")),
                    new SuspendAccounts("twitter", "b-1", 100L, null, null, AccountAction.SUSPENDED, null,
                            on("2021-02-23")),
                    new ApplyLabel("twitter", "l-1", "state-affiliated media", null, false, on("2020-08-06")),
                    new RemoveLabel("twitter", "l-1", on("2020-09-01")),
                    new WithholdContent("twitter", "w-1", "new uploads", null, null, on("2022-03-06")));
            for (LedgerCommand command : commands) {
                assertThat(resolver.resolveTarget(asCommandMessage(command)).getIdentifier())
                        .as(command.getClass().getSimpleName())
                        .isEqualTo("actions-twitter")
                        .isEqualTo(command.streamId());
            }
        }

        @Test
        void appendsThePlatformsFirstActionToANewStreamNamedAfterThePlatform() {
            fixture.givenNoPriorActivity()
                    .when(new SuspendAccount("twitter", "s-1", "@armscontrol_rus", DELEGATION, AccountAction.SUSPENDED,
                            null, on("2021-02-12")))
                    .expectEventsMatching(Matchers.exactSequenceOf(inStream("actions-twitter"), Matchers.andNoMore()));
        }

        @Test
        void appendsLaterActionsToTheSameStream() {
            fixture.given(SUSPENDED)
                    .when(new RestoreAccount("twitter", "s-1", on("2021-02-23")))
                    .expectEventsMatching(Matchers.exactSequenceOf(inStream("actions-twitter"), Matchers.andNoMore()));
        }

        @Test
        void namesTheStreamOnlyAfterAValidPlatformSlug() {
            assertThat(PlatformActionsStream.idOf("twitter")).isEqualTo("actions-twitter");
            assertThatThrownBy(() -> PlatformActionsStream.idOf("Twitter Inc."))
                    .isInstanceOf(InvalidValueException.class);
        }
    }

    @Nested
    class SuspendingAnAccount {

        @Test
        void recordsTheSuspensionWithItsHolder() {
            fixture.givenNoPriorActivity()
                    .when(new SuspendAccount("twitter", "s-1", "@armscontrol_rus", DELEGATION, AccountAction.SUSPENDED,
                            null, on("2021-02-12")))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(SUSPENDED);
        }

        @Test
        void recordsARestrictionUnderAPolicyOnAStreamWithEarlierActions() {
            fixture.given(SUSPENDED)
                    .when(new SuspendAccount("twitter", "s-2", "Sputnik V vaccine account", null,
                            AccountAction.RESTRICTED, "platform_manipulation", on("2021-03-01")))
                    .expectEvents(new AccountSuspended("twitter", "s-2", "Sputnik V vaccine account", null,
                            AccountAction.RESTRICTED, "platform_manipulation", on("2021-03-01")));
        }

        @Test
        void refusesASuspensionIdAlreadyUsedOnThePlatform() {
            fixture.given(SUSPENDED)
                    .when(new SuspendAccount("twitter", "s-1", "@mfa_russia", null, AccountAction.SUSPENDED, null,
                            on("2021-03-01")))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("suspensionId s-1 is already used on platform twitter")
                    .expectNoEvents();
        }

        @Test
        void refusesAnIdAlreadyUsedByAnotherKindOfAction() {
            fixture.given(LABELLED)
                    .when(new SuspendAccount("twitter", "l-1", "@mfa_russia", null, AccountAction.SUSPENDED, null,
                            on("2021-03-01")))
                    .expectException(LedgerRuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void refusesASuspensionWithoutAnAccount() {
            assertThatThrownBy(() -> new SuspendAccount("twitter", "s-1", " ", null, AccountAction.SUSPENDED, null,
                    on("2021-02-12")))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("account is required and must not be blank");
        }

        @Test
        void refusesASuspensionWithoutAnAction() {
            assertThatThrownBy(() -> new SuspendAccount("twitter", "s-1", "@armscontrol_rus", null, null, null,
                    on("2021-02-12")))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("action is required");
        }

        @Test
        void refusesAPlatformThatIsNotASlug() {
            assertThatThrownBy(() -> new SuspendAccount("Twitter", "s-1", "@armscontrol_rus", null,
                    AccountAction.SUSPENDED, null, on("2021-02-12")))
                    .isInstanceOf(InvalidValueException.class);
        }
    }

    @Nested
    class RestoringAnAccount {

        @Test
        void recordsTheRestorationOfAnActiveSuspension() {
            fixture.given(SUSPENDED)
                    .when(new RestoreAccount("twitter", "s-1", on("2021-02-23")))
                    .expectEvents(new AccountRestored("twitter", "s-1", on("2021-02-23")));
        }

        @Test
        void acceptsAnApproximateRestorationThatMayNotFollowTheSuspension() {
            var approximate = TestEnvelopes.with(new EffectiveTime(LocalDate.parse("2021-02-10"), null,
                    Precision.APPROXIMATE));
            fixture.given(SUSPENDED)
                    .when(new RestoreAccount("twitter", "s-1", approximate))
                    .expectEvents(new AccountRestored("twitter", "s-1", approximate));
        }

        @Test
        void refusesARestorationOfASuspensionThePlatformDoesNotHold() {
            fixture.given(SUSPENDED)
                    .when(new RestoreAccount("twitter", "s-9", on("2021-02-23")))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("platform twitter has no suspension s-9")
                    .expectNoEvents();
        }

        @Test
        void refusesARestorationOnAPlatformWithNoActionsYet() {
            fixture.givenNoPriorActivity()
                    .when(new RestoreAccount("twitter", "s-1", on("2021-02-23")))
                    .expectException(LedgerRuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void refusesARestorationThatNamesALabel() {
            fixture.given(LABELLED)
                    .when(new RestoreAccount("twitter", "l-1", on("2021-02-23")))
                    .expectException(LedgerRuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void refusesASecondRestoration() {
            fixture.given(SUSPENDED, new AccountRestored("twitter", "s-1", on("2021-02-23")))
                    .when(new RestoreAccount("twitter", "s-1", on("2021-02-24")))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("suspension s-1 on platform twitter was already restored")
                    .expectNoEvents();
        }

        @Test
        void refusesARestorationCertainlyBeforeTheSuspension() {
            fixture.given(SUSPENDED)
                    .when(new RestoreAccount("twitter", "s-1", on("2021-02-11")))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("suspension s-1 took effect on 2021-02-12, after 2021-02-11")
                    .expectNoEvents();
        }

        @Test
        void refusesARestorationWithoutASuspensionId() {
            assertThatThrownBy(() -> new RestoreAccount("twitter", null, on("2021-02-23")))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("suspensionId is required and must not be blank");
        }
    }

    @Nested
    class SuspendingABatchOfAccounts {

        private final Map<String, Long> networks = Map.of("network_russian_state_actors", 69L,
                "network_ira_linked", 31L);

        @Test
        void recordsTheBatchWithItsNetworkBreakdown() {
            fixture.givenNoPriorActivity()
                    .when(new SuspendAccounts("twitter", "b-1", 100L, null, networks, AccountAction.SUSPENDED, null,
                            on("2021-02-23")))
                    .expectEvents(new AccountsSuspended("twitter", "b-1", 100L, List.of(), networks,
                            AccountAction.SUSPENDED, null, on("2021-02-23")));
        }

        @Test
        void recordsNamedTerminationsWhoseNumberIsNotStated() {
            fixture.given(SUSPENDED)
                    .when(new SuspendAccounts("twitter", "b-2", null, List.of("RT", "Sputnik"), null,
                            AccountAction.TERMINATED, "foreign_interference", on("2022-03-11")))
                    .expectEvents(new AccountsSuspended("twitter", "b-2", null, List.of("RT", "Sputnik"), Map.of(),
                            AccountAction.TERMINATED, "foreign_interference", on("2022-03-11")));
        }

        @Test
        void refusesABatchIdAlreadyUsedOnThePlatform() {
            fixture.given(new AccountsSuspended("twitter", "b-1", 100L, List.of(), networks, AccountAction.SUSPENDED,
                            null, on("2021-02-23")))
                    .when(new SuspendAccounts("twitter", "b-1", 5L, null, null, AccountAction.SUSPENDED, null,
                            on("2021-03-01")))
                    .expectException(LedgerRuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void refusesABreakdownAddingUpToMoreThanTheCount() {
            assertThatThrownBy(() -> new SuspendAccounts("twitter", "b-1", 99L, null, networks,
                    AccountAction.SUSPENDED, null, on("2021-02-23")))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("the breakdown adds up to 100, more than the count of 99");
        }

        @Test
        void refusesMoreNamedAccountsThanTheCount() {
            assertThatThrownBy(() -> new SuspendAccounts("youtube", "b-1", 1L, List.of("RT DE", "DFP"), null,
                    AccountAction.TERMINATED, null, on("2021-09-28")))
                    .isInstanceOf(InvalidValueException.class);
        }

        @Test
        void refusesANegativeCount() {
            assertThatThrownBy(() -> new SuspendAccounts("twitter", "b-1", -1L, null, null, AccountAction.SUSPENDED,
                    null, on("2021-02-23")))
                    .isInstanceOf(InvalidValueException.class);
        }

        @Test
        void refusesANegativeNetworkCount() {
            assertThatThrownBy(() -> new SuspendAccounts("twitter", "b-1", 100L, null,
                    Map.of("network_ira_linked", -31L), AccountAction.SUSPENDED, null, on("2021-02-23")))
                    .isInstanceOf(InvalidValueException.class);
        }

        @Test
        void refusesABlankAccountName() {
            assertThatThrownBy(() -> new SuspendAccounts("twitter", "b-1", null, List.of("RT", ""), null,
                    AccountAction.TERMINATED, null, on("2022-03-11")))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("accounts[1] is required and must not be blank");
        }
    }

    @Nested
    class ApplyingALabel {

        @Test
        void recordsTheLabelOnItsSubjects() {
            fixture.givenNoPriorActivity()
                    .when(new ApplyLabel("twitter", "l-1", "Russia state-affiliated media", List.of("RT", "Sputnik"),
                            true, on("2020-08-06")))
                    .expectEvents(LABELLED);
        }

        @Test
        void recordsALabelWhoseSubjectsAreNotNamed() {
            fixture.givenNoPriorActivity()
                    .when(new ApplyLabel("youtube", "l-2", "state_funded_media", null, false, on("2018-02-01")))
                    .expectEvents(new LabelApplied("youtube", "l-2", "state_funded_media", List.of(), false,
                            on("2018-02-01")));
        }

        @Test
        void refusesALabelIdAlreadyUsedOnThePlatform() {
            fixture.given(LABELLED)
                    .when(new ApplyLabel("twitter", "l-1", "fact_check", List.of("Zvezda"), true, on("2022-02-24")))
                    .expectException(LedgerRuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void refusesALabelWithoutText() {
            assertThatThrownBy(() -> new ApplyLabel("twitter", "l-1", null, List.of("RT"), true, on("2020-08-06")))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("label is required and must not be blank");
        }
    }

    @Nested
    class RemovingALabel {

        @Test
        void recordsTheRemovalOfAnAppliedLabel() {
            fixture.given(LABELLED)
                    .when(new RemoveLabel("twitter", "l-1", on("2020-09-01")))
                    .expectEvents(new LabelRemoved("twitter", "l-1", on("2020-09-01")));
        }

        @Test
        void refusesTheRemovalOfALabelThePlatformDoesNotHold() {
            fixture.given(LABELLED)
                    .when(new RemoveLabel("twitter", "l-9", on("2020-09-01")))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("platform twitter has no label l-9")
                    .expectNoEvents();
        }

        @Test
        void refusesTheRemovalOfASuspensionAsALabel() {
            fixture.given(SUSPENDED)
                    .when(new RemoveLabel("twitter", "s-1", on("2021-03-01")))
                    .expectException(LedgerRuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void refusesASecondRemoval() {
            fixture.given(LABELLED, new LabelRemoved("twitter", "l-1", on("2020-09-01")))
                    .when(new RemoveLabel("twitter", "l-1", on("2020-09-02")))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("label l-1 on platform twitter was already removed")
                    .expectNoEvents();
        }

        @Test
        void refusesARemovalCertainlyBeforeTheLabel() {
            fixture.given(LABELLED)
                    .when(new RemoveLabel("twitter", "l-1", on("2020-08-05")))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("label l-1 took effect on 2020-08-06, after 2020-08-05")
                    .expectNoEvents();
        }

        @Test
        void refusesARemovalWithoutALabelId() {
            assertThatThrownBy(() -> new RemoveLabel("twitter", "", on("2020-09-01")))
                    .isInstanceOf(InvalidValueException.class);
        }
    }

    @Nested
    class WithholdingContent {

        @Test
        void recordsTheWithheldFeaturesInTheTerritory() {
            fixture.givenNoPriorActivity()
                    .when(new WithholdContent("tiktok", "w-1", "livestreaming and new uploads suspended",
                            List.of("livestreaming", "new_uploads"), "RU", on("2022-03-06")))
                    .expectEvents(new ContentWithheld("tiktok", "w-1", "livestreaming and new uploads suspended",
                            List.of("livestreaming", "new_uploads"), "RU", on("2022-03-06")));
        }

        @Test
        void refusesAWithholdingIdAlreadyUsedOnThePlatform() {
            fixture.given(new ContentWithheld("tiktok", "w-1", "new uploads suspended", List.of("new_uploads"), "RU",
                            on("2022-03-06")))
                    .when(new WithholdContent("tiktok", "w-1", "livestreaming suspended", List.of("livestreaming"),
                            "RU", on("2022-03-07")))
                    .expectException(LedgerRuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void refusesATerritoryThatIsNotACountryCode() {
            assertThatThrownBy(() -> new WithholdContent("tiktok", "w-1", "new uploads suspended", null, "Russia",
                    on("2022-03-06")))
                    .isInstanceOf(InvalidValueException.class);
        }

        @Test
        void refusesAWithholdingWithoutADescription() {
            assertThatThrownBy(() -> new WithholdContent("tiktok", "w-1", null, List.of("livestreaming"), "RU",
                    on("2022-03-06")))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("description is required and must not be blank");
        }
    }

    private static Matcher<EventMessage<?>> inStream(String streamId) {
        return new FeatureMatcher<EventMessage<?>, String>(org.hamcrest.Matchers.equalTo(streamId),
                "an event of stream", "stream") {
            @Override
            protected String featureValueOf(EventMessage<?> message) {
                return message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
            }
        };
    }
}
