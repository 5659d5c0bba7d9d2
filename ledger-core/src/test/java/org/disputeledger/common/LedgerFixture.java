package org.disputeledger.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.disputeledger.LedgerFeatures;

/**
 * A given-when-then fixture over the ledger's real Axon configuration (every feature registered as the application
 * registers it, on an in-memory event store), for handlers that read more streams than the one they write:
 * Axon's aggregate fixture holds a single stream.
 */
public final class LedgerFixture implements AutoCloseable {

    private final Configuration configuration;
    private final EventStore eventStore;
    private final List<EventMessage<?>> appended = new ArrayList<>();

    private LedgerFixture(Configuration configuration) {
        this.configuration = configuration;
        this.eventStore = configuration.eventStore();
        eventStore.subscribe(appended::addAll);
    }

    public static LedgerFixture start() {
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> JacksonSerializer.builder().objectMapper(EventJson.objectMapper()).build())
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine());
        LedgerFeatures.all().forEach(feature -> {
            feature.aggregateTypes().forEach(configurer::configureAggregate);
            feature.configure(configurer);
        });
        return new LedgerFixture(configurer.start());
    }

    /** Appends the events to the stream, after what it already holds. */
    public LedgerFixture given(String streamId, Object... events) {
        long next = eventStore.lastSequenceNumberFor(streamId).map(last -> last + 1).orElse(0L);
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (Object event : events) {
            messages.add(new GenericDomainEventMessage<>("given", streamId, next++, event));
        }
        eventStore.publish(messages);
        return this;
    }

    /** Sends the commands, each of which must succeed. */
    public LedgerFixture givenCommands(Object... commands) {
        for (Object command : commands) {
            CommandResultMessage<?> result = dispatch(command);
            if (result.isExceptional()) {
                throw new AssertionError("given command " + command + " failed", result.exceptionResult());
            }
        }
        return this;
    }

    public Outcome when(Object command) {
        appended.clear();
        return new Outcome(dispatch(command), List.copyOf(appended));
    }

    private CommandResultMessage<?> dispatch(Object command) {
        FutureCallback<Object, Object> callback = new FutureCallback<>();
        configuration.commandBus().dispatch(GenericCommandMessage.asCommandMessage(command), callback);
        return callback.getResult();
    }

    @Override
    public void close() {
        configuration.shutdown();
    }

    /** What a command did: the events it appended, or the exception it was refused with. */
    public static final class Outcome {

        private final CommandResultMessage<?> result;
        private final List<EventMessage<?>> events;

        private Outcome(CommandResultMessage<?> result, List<EventMessage<?>> events) {
            this.result = result;
            this.events = events;
        }

        public Outcome expectSuccessfulHandlerExecution() {
            assertThat(result.isExceptional())
                    .as(() -> "handler failed: " + result.exceptionResult())
                    .isFalse();
            return this;
        }

        /** Exactly these events were appended, in order, all to the given stream. */
        public Outcome expectEvents(String streamId, Object... expected) {
            expectSuccessfulHandlerExecution();
            assertThat(events).allSatisfy(event -> assertThat(event).isInstanceOfSatisfying(DomainEventMessage.class,
                    domain -> assertThat(domain.getAggregateIdentifier()).isEqualTo(streamId)));
            assertThat(payloads()).containsExactly(expected);
            return this;
        }

        public Outcome expectNoEvents() {
            assertThat(payloads()).isEmpty();
            return this;
        }

        private List<Object> payloads() {
            return events.stream().<Object>map(EventMessage::getPayload).toList();
        }

        public Outcome expectException(Class<? extends Throwable> type) {
            assertThat(result.isExceptional()).as("the command was refused").isTrue();
            assertThat(result.exceptionResult()).isInstanceOf(type);
            return this;
        }

        public Outcome expectExceptionMessage(String message) {
            assertThat(result.isExceptional()).as("the command was refused").isTrue();
            assertThat(result.exceptionResult()).hasMessage(message);
            return this;
        }
    }
}
