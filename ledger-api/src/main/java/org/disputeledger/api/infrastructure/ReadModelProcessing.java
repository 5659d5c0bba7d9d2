package org.disputeledger.api.infrastructure;

import java.util.List;
import java.util.function.Function;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.disputeledger.projection.compliance.DemandComplianceProjection;
import org.disputeledger.projection.compliance.DemandComplianceQueries;
import org.disputeledger.projection.penalty.PenaltyTotalsProjection;
import org.disputeledger.projection.penalty.PenaltyTotalsQueries;
import org.disputeledger.projection.status.PlatformStatusProjection;
import org.disputeledger.projection.status.PlatformStatusQueries;
import org.disputeledger.projection.timeline.TimelineProjection;
import org.disputeledger.projection.timeline.TimelineQueries;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

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
    static final int SEGMENTS = 1;

    @Bean
    public ReadModelDefinition platformStatusReadModel(JdbcTemplate jdbc) {
        return new ReadModelDefinition(PlatformStatusProjection.READ_MODEL,
                tables -> new PlatformStatusProjection(jdbc, tables));
    }

    @Bean
    public ReadModelDefinition timelineReadModel(JdbcTemplate jdbc) {
        return new ReadModelDefinition(TimelineProjection.READ_MODEL, tables -> new TimelineProjection(jdbc, tables));
    }

    /** One processor per read model, writing into its live table set. */
    @Bean
    public ConfigurerModule readModelProcessors(JdbcTemplate jdbc, List<ReadModelDefinition> readModels,
                                                ReadModelTableSets tableSets) {
        return configurer -> {
            EventProcessingConfigurer processing = configurer.eventProcessing();
            for (ReadModelDefinition readModel : readModels) {
                register(processing, readModel.name(),
                        c -> readModel.projection().apply(tableSets.live(readModel.readModel())));
            }
            register(processing, PenaltyTotalsProjection.PROCESSING_GROUP, c -> new PenaltyTotalsProjection(jdbc));
            register(processing, DemandComplianceProjection.PROCESSING_GROUP,
                    c -> new DemandComplianceProjection(jdbc));
        };
    }

    private static void register(EventProcessingConfigurer processing, String group,
                                 Function<Configuration, Object> projection) {
        processing.registerPooledStreamingEventProcessor(group, Configuration::eventStore,
                        (config, builder) -> builder.batchSize(BATCH_SIZE).initialSegmentCount(SEGMENTS))
                .registerListenerInvocationErrorHandler(group, config -> PropagatingErrorHandler.instance())
                .registerEventHandler(projection);
    }

    @Bean
    public PlatformStatusQueries platformStatusQueries(JdbcTemplate jdbc, ReadModelTableSets tableSets) {
        return new PlatformStatusQueries(jdbc, tableSets.live(PlatformStatusProjection.READ_MODEL));
    }

    @Bean
    public PenaltyTotalsQueries penaltyTotalsQueries(JdbcTemplate jdbc) {
        return new PenaltyTotalsQueries(jdbc);
    }

    @Bean
    public DemandComplianceQueries demandComplianceQueries(JdbcTemplate jdbc) {
        return new DemandComplianceQueries(jdbc);
    }

    @Bean
    public TimelineQueries timelineQueries(JdbcTemplate jdbc, ReadModelTableSets tableSets) {
        return new TimelineQueries(jdbc, tableSets.live(TimelineProjection.READ_MODEL));
    }
}
