package org.disputeledger.proceeding;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.disputeledger.common.TestEnvelopes.on;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.proceeding.command.DecideChallenge;
import org.disputeledger.proceeding.command.DrawUpProtocol;
import org.disputeledger.proceeding.command.FileCase;
import org.disputeledger.proceeding.event.CaseFiled;
import org.disputeledger.proceeding.event.ChallengeDecided;
import org.disputeledger.proceeding.event.ProtocolDrawnUp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ProceedingTest {

    private static final String ID = "proceeding-1";

    private FixtureConfiguration<Proceeding> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Proceeding.class);
    }

    @Nested
    class FilingACase {

        @Test
        void recordsTheCaseWithItsCourtAndTheReliefSought() {
            fixture.givenNoPriorActivity()
                    .when(new FileCase(ID, "RU", "Roskomnadzor", "telegram", "telegram-messenger-llp",
                            "149-FZ art. 15.4", "Tagansky District Court", "block", on("2018-04-06")))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new CaseFiled(ID, "RU", "Roskomnadzor", "telegram", "telegram-messenger-llp",
                            "149-FZ art. 15.4", "Tagansky District Court", "block", on("2018-04-06")));
        }

        @Test
        void recordsACaseWhoseCourtAndReliefAreNotStated() {
            fixture.givenNoPriorActivity()
                    .when(new FileCase(ID, "RU", "Roskomnadzor", "tiktok", null, "KoAP 13.41", null, null,
                            on("2021-03-09")))
                    .expectEvents(new CaseFiled(ID, "RU", "Roskomnadzor", "tiktok", null, "KoAP 13.41", null, null,
                            on("2021-03-09")));
        }

        @Test
        void refusesACaseWithoutAClaimant() {
            assertThatThrownBy(() -> new FileCase(ID, "RU", " ", "telegram", null, null, null, null,
                    on("2018-04-06")))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("claimant is required and must not be blank");
        }
    }

    @Nested
    class DrawingUpAProtocol {

        @Test
        void recordsTheProtocolAgainstTheLegalEntity() {
            fixture.givenNoPriorActivity()
                    .when(new DrawUpProtocol(ID, "RU", "Roskomnadzor", "twitter-inc", "twitter", "KoAP 13.11 p.8",
                            "data_localisation", on("2020-01-31")))
                    .expectEvents(new ProtocolDrawnUp(ID, "RU", "Roskomnadzor", "twitter-inc", "twitter",
                            "KoAP 13.11 p.8", "data_localisation", on("2020-01-31")));
        }

        @Test
        void refusesAProtocolWithoutALegalBasis() {
            assertThatThrownBy(() -> new DrawUpProtocol(ID, "RU", "Roskomnadzor", "twitter-inc", null, null, null,
                    on("2020-01-31")))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("legalBasis is required and must not be blank");
        }
    }

    @Nested
    class DecidingAChallenge {

        @Test
        void recordsThatACourtUpheldTheChallengedOrder() {
            fixture.givenNoPriorActivity()
                    .when(new DecideChallenge(ID, "RU", "Supreme Court of Russia", ChallengeOutcome.UPHELD,
                            "FSB decryption order", on("2018-03-20")))
                    .expectEvents(new ChallengeDecided(ID, "RU", "Supreme Court of Russia", ChallengeOutcome.UPHELD,
                            "FSB decryption order", on("2018-03-20")));
        }

        @Test
        void recordsThatACourtOverturnedTheChallengedOrder() {
            fixture.givenNoPriorActivity()
                    .when(new DecideChallenge(ID, "RU", "Moscow City Court", ChallengeOutcome.OVERTURNED,
                            "localisation ruling", on("2016-11-10")))
                    .expectEvents(new ChallengeDecided(ID, "RU", "Moscow City Court", ChallengeOutcome.OVERTURNED,
                            "localisation ruling", on("2016-11-10")));
        }

        @Test
        void refusesADecisionThatDoesNotSayWhatWasChallenged() {
            assertThatThrownBy(() -> new DecideChallenge(ID, "RU", "Moscow City Court", ChallengeOutcome.UPHELD, null,
                    on("2016-11-10")))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("challenged is required and must not be blank");
        }
    }
}
