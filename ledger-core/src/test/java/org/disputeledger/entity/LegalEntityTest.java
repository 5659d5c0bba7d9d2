package org.disputeledger.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;
import static org.disputeledger.common.TestEnvelopes.on;

import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.entity.command.DesignateEntity;
import org.disputeledger.entity.command.RecordAssetSeizure;
import org.disputeledger.entity.command.RenameEntity;
import org.disputeledger.entity.event.AssetsSeized;
import org.disputeledger.entity.event.EntityDesignated;
import org.disputeledger.entity.event.EntityRenamed;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LegalEntityTest {

    private static final EntityRenamed RENAMED = new EntityRenamed("facebook-inc", "Facebook Inc.",
            "Meta Platforms Inc.", on("2021-10-28"));

    private FixtureConfiguration<LegalEntity> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(LegalEntity.class);
    }

    @Nested
    class RoutingToTheEntitysStream {

        @Test
        void resolvesEveryCommandToTheStreamNamedAfterTheEntity() {
            var resolver = AnnotationCommandTargetResolver.builder().build();
            List<LedgerCommand> commands = List.of(
                    new RenameEntity("facebook-inc", "Facebook Inc.", "Meta Platforms Inc.", on("2021-10-28")),
                    new DesignateEntity("facebook-inc", "Tverskoy District Court", "extremist", "RU", null,
                            on("2022-03-21")),
                    new RecordAssetSeizure("facebook-inc", "Federal Bailiffs Service", "RU", "Bank accounts seized",
                            on("2022-05-01")));
            for (LedgerCommand command : commands) {
                assertThat(resolver.resolveTarget(asCommandMessage(command)).getIdentifier())
                        .as(command.getClass().getSimpleName())
                        .isEqualTo("entity-facebook-inc")
                        .isEqualTo(command.streamId());
            }
        }

        @Test
        void appendsTheEntitysFirstFactToANewStreamNamedAfterIt() {
            fixture.givenNoPriorActivity()
                    .when(new RenameEntity("facebook-inc", "Facebook Inc.", "Meta Platforms Inc.", on("2021-10-28")))
                    .expectEventsMatching(Matchers.exactSequenceOf(inStream("entity-facebook-inc"),
                            Matchers.andNoMore()));
        }

        @Test
        void appendsLaterFactsToTheSameStream() {
            fixture.given(RENAMED)
                    .when(new DesignateEntity("facebook-inc", "Tverskoy District Court", "extremist", "RU", null,
                            on("2022-03-21")))
                    .expectEventsMatching(Matchers.exactSequenceOf(inStream("entity-facebook-inc"),
                            Matchers.andNoMore()));
        }

        @Test
        void namesTheStreamOnlyAfterASlug() {
            assertThat(LegalEntityStream.idOf("twitter-inc")).isEqualTo("entity-twitter-inc");
            assertThatThrownBy(() -> LegalEntityStream.idOf("Twitter Inc."))
                    .isInstanceOf(InvalidValueException.class);
        }
    }

    @Nested
    class RenamingAnEntity {

        @Test
        void recordsTheOldAndTheNewName() {
            fixture.givenNoPriorActivity()
                    .when(new RenameEntity("facebook-inc", "Facebook Inc.", "Meta Platforms Inc.", on("2021-10-28")))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(RENAMED);
        }

        @Test
        void recordsARenamingAfterEarlierFacts() {
            fixture.given(new EntityDesignated("facebook-inc", "Roskomnadzor", "personal_data_violators_register",
                            "RU", null, on("2021-03-01")))
                    .when(new RenameEntity("facebook-inc", "Facebook Inc.", "Meta Platforms Inc.", on("2021-10-28")))
                    .expectEvents(RENAMED);
        }

        @Test
        void refusesARenamingToTheSameName() {
            assertThatThrownBy(() -> new RenameEntity("facebook-inc", "Facebook Inc.", "Facebook Inc. ",
                    on("2021-10-28")))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("newName must differ from oldName");
        }

        @Test
        void refusesARenamingWithoutTheOldName() {
            assertThatThrownBy(() -> new RenameEntity("facebook-inc", null, "Meta Platforms Inc.", on("2021-10-28")))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("oldName is required and must not be blank");
        }

        @Test
        void refusesAnEntityIdThatIsNotASlug() {
            assertThatThrownBy(() -> new RenameEntity("Facebook Inc.", "Facebook Inc.", "Meta Platforms Inc.",
                    on("2021-10-28")))
                    .isInstanceOf(InvalidValueException.class)
                    .extracting("field").isEqualTo("legalEntityId");
        }
    }

    @Nested
    class DesignatingAnEntity {

        @Test
        void recordsTheDesignationByTheAuthority() {
            fixture.given(RENAMED)
                    .when(new DesignateEntity("facebook-inc", "Tverskoy District Court", "extremist", "RU", null,
                            on("2022-03-21")))
                    .expectEvents(new EntityDesignated("facebook-inc", "Tverskoy District Court", "extremist", "RU",
                            null, on("2022-03-21")));
        }

        @Test
        void recordsTheDesignationOfANamedOrganisationWhoseAuthorityIsNotStated() {
            fixture.givenNoPriorActivity()
                    .when(new DesignateEntity("open-russia", null, "undesirable", "RU", "Open Russia",
                            on("2017-01-01")))
                    .expectEvents(new EntityDesignated("open-russia", null, "undesirable", "RU", "Open Russia",
                            on("2017-01-01")));
        }

        @Test
        void refusesADesignationWithoutAName() {
            assertThatThrownBy(() -> new DesignateEntity("facebook-inc", "Tverskoy District Court", " ", "RU", null,
                    on("2022-03-21")))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("designation is required and must not be blank");
        }

        @Test
        void refusesABlankAuthority() {
            assertThatThrownBy(() -> new DesignateEntity("facebook-inc", "", "extremist", "RU", null,
                    on("2022-03-21")))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("authority must not be blank when given");
        }

        @Test
        void refusesAJurisdictionThatIsNotACountryCode() {
            assertThatThrownBy(() -> new DesignateEntity("facebook-inc", "Tverskoy District Court", "extremist",
                    "ru", null, on("2022-03-21")))
                    .isInstanceOf(InvalidValueException.class)
                    .extracting("field").isEqualTo("jurisdiction");
        }
    }

    @Nested
    class RecordingAnAssetSeizure {

        @Test
        void recordsTheSeizureByTheAuthority() {
            fixture.givenNoPriorActivity()
                    .when(new RecordAssetSeizure("ooo-google", "Federal Bailiffs Service", "RU",
                            "Bank accounts of the Russian subsidiary seized", on("2022-05-01")))
                    .expectEvents(new AssetsSeized("ooo-google", "Federal Bailiffs Service", "RU",
                            "Bank accounts of the Russian subsidiary seized", on("2022-05-01")));
        }

        @Test
        void refusesASeizureWithoutADescription() {
            assertThatThrownBy(() -> new RecordAssetSeizure("ooo-google", "Federal Bailiffs Service", "RU", null,
                    on("2022-05-01")))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("description is required and must not be blank");
        }

        @Test
        void refusesASeizureWithoutAnAuthority() {
            assertThatThrownBy(() -> new RecordAssetSeizure("ooo-google", null, "RU", "Bank accounts seized",
                    on("2022-05-01")))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("authority is required and must not be blank");
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
