package org.disputeledger.api.infrastructure;

import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import java.util.function.Function;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.disputeledger.projection.ProjectionWriter;
import org.disputeledger.projection.compliance.DemandComplianceProjection;
import org.disputeledger.projection.compliance.DemandComplianceQueries;
import org.disputeledger.projection.penalty.PenaltyTotalsProjection;
import org.disputeledger.projection.penalty.PenaltyTotalsQueries;
import org.disputeledger.projection.status.PlatformStatusProjection;
import org.disputeledger.projection.status.PlatformStatusQueries;
import org.disputeledger.projection.timeline.TimelineProjection;
import org.disputeledger.projection.timeline.TimelineQueries;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * The read models, each its own processing group: a pooled streaming processor over the event store, its tokens in
 * the JdbcTokenStore, its batches in Spring transactions with the projection's writes. A failing handler stops the
 * processor (it retries the batch with back-off) instead of Axon's default of logging and skipping the event, so a
 * read model never silently diverges from the log. The events of one stream share a sequence, so a fact is handled
 * after the facts of its stream that precede it, whatever the number of segments.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class ReadModelProcessing {

    static final int BATCH_SIZE = 500;

    /** The projections' writes, batched per transaction, in the SQL of the database the ledger runs on. */
    @Bean
    public ProjectionWriter projectionWriter(JdbcTemplate jdbc, DataSource dataSource) throws MetaDataAccessException {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        return new ProjectionWriter(jdbc, "PostgreSQL".equals(product) ? ProjectionWriter.Dialect.POSTGRESQL
                : ProjectionWriter.Dialect.H2);
    }

    @Bean
    public ReadModelDefinition platformStatusReadModel(ProjectionWriter writer) {
        return new ReadModelDefinition(PlatformStatusProjection.READ_MODEL,
                tables -> new PlatformStatusProjection(writer, tables));
    }

    @Bean
    public ReadModelDefinition penaltyTotalsReadModel(ProjectionWriter writer) {
        return new ReadModelDefinition(PenaltyTotalsProjection.READ_MODEL,
                tables -> new PenaltyTotalsProjection(writer, tables));
    }

    @Bean
    public ReadModelDefinition demandComplianceReadModel(ProjectionWriter writer) {
        return new ReadModelDefinition(DemandComplianceProjection.READ_MODEL,
                tables -> new DemandComplianceProjection(writer, tables));
    }

    @Bean
    public ReadModelDefinition timelineReadModel(ProjectionWriter writer) {
        return new ReadModelDefinition(TimelineProjection.READ_MODEL,
                tables -> new TimelineProjection(writer, tables));
    }

    /** One processor per read model, writing into its live table set. */
    @Bean
    public ConfigurerModule readModelProcessors(List<ReadModelDefinition> readModels,
                                                ReadModelTableSets tableSets, ProcessingProperties properties) {
        return configurer -> {
            EventProcessingConfigurer processing = configurer.eventProcessing();
            for (ReadModelDefinition readModel : readModels) {
                register(processing, readModel.name(), properties,
                        c -> readModel.projection().apply(tableSets.live(readModel.readModel())));
            }
        };
    }

    private static void register(EventProcessingConfigurer processing, String group, ProcessingProperties properties,
                                 Function<Configuration, Object> projection) {
        processing.registerPooledStreamingEventProcessor(group, Configuration::eventStore,
                        (config, builder) -> builder.batchSize(BATCH_SIZE).initialSegmentCount(properties.segments())
                                .tokenClaimInterval(properties.claimInterval().toMillis()))
                .registerListenerInvocationErrorHandler(group, config -> PropagatingErrorHandler.instance())
                .registerEventHandler(projection);
    }

    /** Spreads the read models' segments over the nodes that share the database. */
    @Bean
    public SegmentBalancer segmentBalancer(JdbcTemplate jdbc, ObjectProvider<EventProcessingConfiguration> processing,
                                           List<ReadModelDefinition> readModels, ProcessingProperties properties,
                                           Clock clock) {
        return new SegmentBalancer(jdbc, processing, readModels.stream().map(ReadModelDefinition::name).toList(),
                properties, clock);
    }

    @Bean
    public PlatformStatusQueries platformStatusQueries(JdbcTemplate jdbc, ReadModelTableSets tableSets) {
        return new PlatformStatusQueries(jdbc, tableSets.live(PlatformStatusProjection.READ_MODEL));
    }

    @Bean
    public PenaltyTotalsQueries penaltyTotalsQueries(JdbcTemplate jdbc, ReadModelTableSets tableSets) {
        return new PenaltyTotalsQueries(jdbc, tableSets.live(PenaltyTotalsProjection.READ_MODEL));
    }

    @Bean
    public DemandComplianceQueries demandComplianceQueries(JdbcTemplate jdbc, ReadModelTableSets tableSets) {
        return new DemandComplianceQueries(jdbc, tableSets.live(DemandComplianceProjection.READ_MODEL));
    }

    @Bean
    public TimelineQueries timelineQueries(JdbcTemplate jdbc, ReadModelTableSets tableSets) {
        return new TimelineQueries(jdbc, tableSets.live(TimelineProjection.READ_MODEL));
    }
}
