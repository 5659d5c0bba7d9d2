package org.disputeledger.curation;

import static org.disputeledger.common.TestEnvelopes.on;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.disputeledger.common.Confidence;
import org.disputeledger.common.EffectiveTime;
import org.disputeledger.common.LedgerRuleViolation;
import org.disputeledger.curation.command.AttachSource;
import org.disputeledger.curation.command.CorrectEvent;
import org.disputeledger.curation.command.RetractEvent;
import org.disputeledger.curation.event.EventCorrected;
import org.disputeledger.curation.event.EventRetracted;
import org.disputeledger.curation.event.SourceAttached;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CurationTest {

    private static final String TARGET = "5b1c9a52-8d0e-4d43-9a58-1f0e8f6f2a10";
    private static final String TARGET_STREAM = "fine-1";
    private static final KnownEvents LEDGER = id -> TARGET.equals(id) ? Optional.of(TARGET_STREAM) : Optional.empty();
    private static final EffectiveTime JULY_26 = EffectiveTime.day(LocalDate.parse("2021-07-26"));

    private FixtureConfiguration<Curation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Curation.class);
        fixture.registerInjectableResource(LEDGER);
    }

    @Nested
    class CorrectingAnEvent {

        @Test
        void recordsTheCorrectionBesideTheUnchangedEvent() {
            fixture.givenNoPriorActivity()
                    .when(new CorrectEvent(TARGET, JULY_26, Confidence.CONFIRMED, Map.of(), "TASS dates the ruling 26 July",
                            on("2021-07-27")))
                    .expectEvents(new EventCorrected(TARGET, TARGET_STREAM, JULY_26, Confidence.CONFIRMED, Map.of(),
                            "TASS dates the ruling 26 July", on("2021-07-27")));
        }

        @Test
        void acceptsASecondCorrection() {
            fixture.given(new EventCorrected(TARGET, TARGET_STREAM, JULY_26, null, Map.of(), "first", on("2021-07-27")))
                    .when(new CorrectEvent(TARGET, null, null, Map.of("amount.minor", "250000000"), "second",
                            on("2021-07-28")))
                    .expectEvents(new EventCorrected(TARGET, TARGET_STREAM, null, null, Map.of("amount.minor", "250000000"),
                            "second", on("2021-07-28")));
        }

        @Test
        void refusesACorrectionOfAnEventTheLedgerDoesNotHold() {
            fixture.givenNoPriorActivity()
                    .when(new CorrectEvent("no-such-event", JULY_26, null, Map.of(), "typo", on("2021-07-27")))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("the ledger holds no event no-such-event")
                    .expectNoEvents();
        }

        @Test
        void refusesACorrectionOfARetractedEvent() {
            fixture.given(new EventRetracted(TARGET, TARGET_STREAM, "never happened", on("2021-07-27")))
                    .when(new CorrectEvent(TARGET, JULY_26, null, Map.of(), "typo", on("2021-07-28")))
                    .expectException(LedgerRuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void refusesACorrectionOfACurationEvent() {
            KnownEvents curationOnly = id -> Optional.of(CurationStreams.id(TARGET));
            fixture.registerInjectableResource(curationOnly);
            fixture.givenNoPriorActivity()
                    .when(new CorrectEvent("curation-event", JULY_26, null, Map.of(), "typo", on("2021-07-28")))
                    .expectException(LedgerRuleViolation.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class RetractingAnEvent {

        @Test
        void recordsTheRetraction() {
            fixture.givenNoPriorActivity()
                    .when(new RetractEvent(TARGET, "the report was withdrawn", on("2021-08-01")))
                    .expectEvents(new EventRetracted(TARGET, TARGET_STREAM, "the report was withdrawn", on("2021-08-01")));
        }

        @Test
        void refusesASecondRetraction() {
            fixture.given(new EventRetracted(TARGET, TARGET_STREAM, "withdrawn", on("2021-08-01")))
                    .when(new RetractEvent(TARGET, "again", on("2021-08-02")))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("event " + TARGET + " was retracted; it can no longer be corrected or retracted")
                    .expectNoEvents();
        }
    }

    @Nested
    class AttachingASource {

        @Test
        void recordsTheSourcesBesideTheEvent() {
            fixture.givenNoPriorActivity()
                    .when(new AttachSource(TARGET, on("2021-08-01")))
                    .expectEvents(new SourceAttached(TARGET, TARGET_STREAM, on("2021-08-01")));
        }

        @Test
        void refusesASourceForAnEventTheLedgerDoesNotHold() {
            fixture.givenNoPriorActivity()
                    .when(new AttachSource("unknown", on("2021-08-01")))
                    .expectException(LedgerRuleViolation.class)
                    .expectNoEvents();
        }
    }
}
