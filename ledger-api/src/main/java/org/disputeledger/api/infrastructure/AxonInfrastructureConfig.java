package org.disputeledger.api.infrastructure;

import java.time.Clock;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.disputeledger.api.audit.SealFence;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.disputeledger.LedgerFeatures;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.common.EventJson;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Axon's infrastructure, declared rather than auto-configured: on Spring Boot 4 Axon 4.13's auto-configuration
 * silently falls back to a store-less event bus and a no-op transaction manager. Everything here is checked by
 * AxonInfrastructureIT.
 */
@Configuration(proxyBeanMethods = false)
public class AxonInfrastructureConfig {

    /** Stream-level metadata copied from a command onto every event it causes. */
    public static final String RECORDED_BY = "recordedBy";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    public TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    @Bean
    public ConnectionProvider axonConnectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    @Bean
    @Primary
    public Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(EventJson.objectMapper()).lenientDeserialization().build();
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer() {
        return JacksonSerializer.builder().objectMapper(EventJson.objectMapper()).build();
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer() {
        return JacksonSerializer.builder().objectMapper(EventJson.objectMapper()).build();
    }

    public static EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    public EventStorageEngine eventStorageEngine(ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 Serializer serializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 LedgerStoreProperties properties,
                                                 SealFence sealFence) {
        return new FencedJdbcEventStorageEngine(JdbcEventStorageEngine.builder()
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
                .upcasterChain(NoOpEventUpcaster.INSTANCE)
                .persistenceExceptionResolver(new SqlStatePersistenceExceptionResolver())
                .dataType(byte[].class)
                .schema(eventSchema())
                .batchSize(properties.batchSize())
                .gapTimeout((int) properties.gapTimeout().toMillis())
                .gapCleaningThreshold(properties.gapCleaningThreshold()), sealFence);
    }

    @Bean
    public EventStore eventStore(EventStorageEngine storageEngine) {
        return EmbeddedEventStore.builder().storageEngine(storageEngine).build();
    }

    @Bean
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer,
                                 LedgerStoreProperties properties, ProcessingProperties processing) {
        TokenSchema schema = TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .schema(schema)
                .contentType(byte[].class)
                .claimTimeout(properties.tokenClaimTimeout())
                .nodeId(processing.nodeId())
                .build();
    }

    @Bean
    public CorrelationDataProvider recorderCorrelation() {
        return new SimpleCorrelationDataProvider(RECORDED_BY, IDEMPOTENCY_KEY);
    }

    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    public AggregateCaches aggregateCaches(LedgerStoreProperties properties) {
        return new AggregateCaches(properties.aggregateCacheSize());
    }

    /**
     * Registers every feature's aggregates and handlers. Every command names its stream ({@link LedgerCommand}),
     * so it is routed without reflection; aggregates are cached; recorded time comes from the ledger's clock.
     */
    @Bean
    public ConfigurerModule ledgerFeatures(Clock clock, AggregateCaches caches) {
        CommandTargetResolver byStreamId = command -> command.getPayload() instanceof LedgerCommand ledgerCommand
                ? new VersionedAggregateIdentifier(ledgerCommand.streamId(), null)
                : AnnotationCommandTargetResolver.builder().build().resolveTarget(command);
        return configurer -> {
            GenericEventMessage.clock = clock;
            LedgerFeatures.all().forEach(feature -> {
                for (Class<?> type : feature.aggregateTypes()) {
                    configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(type)
                            .configureCommandTargetResolver(c -> byStreamId)
                            .configureCache(c -> caches.forType(type)));
                }
                feature.configure(configurer);
            });
        };
    }
}
