package org.disputeledger.api.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.disputeledger.api.support.LedgerHttp;
import org.disputeledger.common.EffectiveTime;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.Confidence;
import org.disputeledger.common.Source;
import org.disputeledger.demand.DemandKind;
import org.disputeledger.demand.command.IssueDemand;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fails if Axon runs with anything but the declared infrastructure: on Spring Boot 4 Axon's auto-configuration
 * silently falls back to an event bus without a store and to no transactions at all.
 */
abstract class AxonInfrastructureContract extends LedgerHttp {

    @Autowired
    private Configuration axon;
    @Autowired
    private TransactionManager transactionManager;
    @Autowired
    private CommandBus commandBus;
    @Autowired
    private EventBus eventBus;
    @Autowired
    private TokenStore tokenStore;
    @Autowired
    private CommandGateway gateway;
    @Autowired
    private PlatformTransactionManager platformTransactionManager;

    @Test
    void axonUsesTheSpringTransactionManagerEverywhere() throws ReflectiveOperationException {
        assertThat(transactionManager).isInstanceOf(SpringTransactionManager.class);
        assertThat(axon.getComponent(TransactionManager.class)).isSameAs(transactionManager);
        assertThat(commandBus).isInstanceOf(SimpleCommandBus.class);
        assertThat(field(commandBus, SimpleCommandBus.class, "transactionManager")).isSameAs(transactionManager);
    }

    @Test
    void axonStoresEventsInTheJdbcEventStore() throws ReflectiveOperationException {
        assertThat(eventBus).isInstanceOf(EmbeddedEventStore.class);
        assertThat(axon.eventStore()).isSameAs(eventBus);
        Object engine = field(eventBus, org.axonframework.eventsourcing.eventstore.AbstractEventStore.class,
                "storageEngine");
        assertThat(engine).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(tokenStore).isInstanceOf(JdbcTokenStore.class);
        assertThat(axon.serializer()).isInstanceOf(JacksonSerializer.class);
        assertThat(axon.eventSerializer()).isInstanceOf(JacksonSerializer.class);
        assertThat(axon.messageSerializer()).isInstanceOf(JacksonSerializer.class);
    }

    @Test
    void anAppendJoinsTheSpringTransactionAndRollsBackWithIt() {
        long before = eventCount();
        new TransactionTemplate(platformTransactionManager).executeWithoutResult(status -> {
            gateway.sendAndWait(demand("rolled-back-" + System.nanoTime()));
            assertThat(eventCount()).isEqualTo(before + 1);
            status.setRollbackOnly();
        });
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aCachedAggregateNeverRunsAheadOfARolledBackTransaction() {
        String id = "cached-" + System.nanoTime();
        gateway.sendAndWait(demand(id));
        var comply = new org.disputeledger.demand.command.ComplyWithDemand(id,
                org.disputeledger.demand.ComplianceScope.PARTIAL, 1L, Envelope.of(EffectiveTime.day("2021-03-11"),
                Source.url("https://tass.com/a"), Confidence.CONFIRMED));

        new TransactionTemplate(platformTransactionManager).executeWithoutResult(status -> {
            gateway.sendAndWait(comply);
            status.setRollbackOnly();
        });
        gateway.sendAndWait(comply);

        assertThat(jdbc.queryForList("SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number", Long.class, id)).containsExactly(0L, 1L);
    }

    @Test
    void storesPayloadsAsJsonBytesWithTheirRevision() {
        String id = "stored-" + System.nanoTime();
        gateway.sendAndWait(demand(id));

        var row = jdbc.queryForMap("SELECT payload, payload_type, payload_revision, meta_data "
                + "FROM domain_event_entry WHERE aggregate_identifier = ?", id);
        String json = new String((byte[]) row.get("payload"), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(json).startsWith("{").contains("\"demandId\":\"" + id + "\"");
        assertThat(row.get("payload_type")).isEqualTo("org.disputeledger.demand.event.DemandIssued");
        assertThat(row.get("payload_revision")).isEqualTo("1");
        assertThat(new String((byte[]) row.get("meta_data"), java.nio.charset.StandardCharsets.UTF_8)).startsWith("{");
    }

    private static IssueDemand demand(String id) {
        Envelope envelope = Envelope.of(EffectiveTime.day("2021-03-10"), Source.url("https://tass.com/a"),
                Confidence.CONFIRMED);
        return new IssueDemand(id, "RU", "Roskomnadzor", "twitter", null, DemandKind.REMOVE_CONTENT, null, 1L, null,
                null, envelope);
    }

    private static Object field(Object target, Class<?> declaring, String name) throws ReflectiveOperationException {
        Field field = declaring.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(target);
    }
}
