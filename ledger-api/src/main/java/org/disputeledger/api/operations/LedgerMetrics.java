package org.disputeledger.api.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToDoubleFunction;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ledger's own meters, beside Boot's (JVM, pool, {@code http.server.requests}). Every tag takes its values from a
 * bounded set (command and event class names, processor names, outcomes), never from ids.
 *
 * <ul>
 * <li>{@code ledger.events.appended} (counter, tag {@code event}): events committed to the store by this node;</li>
 * <li>{@code ledger.events.head} (gauge): the highest global position of the store;</li>
 * <li>{@code ledger.processor.position} and {@code ledger.processor.lag} (gauges, tag {@code processor}): how far
 * each read model's processor has got over all its segments (this node's as they are in memory, the others as
 * committed by the nodes holding them), and how many events it is behind the head; every node reports it;</li>
 * </ul>
 * Boot's {@code http.server.requests} timer (per URI template) gets ten histogram buckets from 5 ms to 5 s in
 * {@code application.yml}, so latency quantiles per read endpoint can be computed over any set of nodes.
 * Commands ({@code ledger.commands}) are counted by {@code CommandExecutor}, rebuilds
 * ({@code ledger.read-models.rebuild}) by {@code ReadModelRebuilds}.
 */
@Configuration(proxyBeanMethods = false)
public class LedgerMetrics {

    /** Counts the events of each unit of work once it committed (a rolled-back append counts nothing). */
    @Bean
    public EventsAppended eventsAppended(EventStore eventStore, MeterRegistry meters) {
        return new EventsAppended(eventStore, meters);
    }

    /** The head and the processors' gauges. */
    @Bean
    public ProcessorGauges processorGauges(ProcessorStates states, MeterRegistry meters) {
        return new ProcessorGauges(states, meters);
    }

    public static final class EventsAppended {

        EventsAppended(EventStore eventStore, MeterRegistry meters) {
            eventStore.registerDispatchInterceptor(messages -> {
                if (CurrentUnitOfWork.isStarted()) {
                    CurrentUnitOfWork.get().afterCommit(unitOfWork -> messages.forEach(message ->
                            counter(meters, message.getPayloadType().getSimpleName()).increment()));
                } else {
                    messages.forEach(message -> counter(meters, message.getPayloadType().getSimpleName())
                            .increment());
                }
                return (index, message) -> message;
            });
        }

        private static Counter counter(MeterRegistry meters, String event) {
            return Counter.builder("ledger.events.appended").description("Events appended to the store")
                    .tag("event", event).register(meters);
        }
    }

    /**
     * Gauges read at each scrape from the processors' statuses in memory; the head of the store is one index lookup
     * ({@code MAX(global_index)}) for the head and for each lag gauge.
     */
    public static final class ProcessorGauges {

        private final ProcessorStates states;

        ProcessorGauges(ProcessorStates states, MeterRegistry meters) {
            this.states = states;
            Gauge.builder("ledger.events.head", this, gauges -> orZero(gauges.head()))
                    .description("Highest global position of the event store").register(meters);
            for (String processor : states.processors()) {
                gauge(meters, "ledger.processor.position", "Global position the processor has handled", processor,
                        gauges -> {
                            return orZero(states.of(processor, null).position());
                        });
                gauge(meters, "ledger.processor.lag", "Events the processor is behind the head of the store",
                        processor, gauges -> {
                            return states.of(processor, gauges.head()).lag();
                        });
            }
        }

        private void gauge(MeterRegistry meters, String name, String description, String processor,
                           ToDoubleFunction<ProcessorGauges> value) {
            Gauge.builder(name, this, value).description(description).tag("processor", processor)
                    .register(meters);
        }

        private Long head() {
            return states.head();
        }

        private static double orZero(Long value) {
            return value == null ? 0 : value;
        }
    }
}
