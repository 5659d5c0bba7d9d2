package org.disputeledger.api.infrastructure;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.disputeledger.projection.status.PlatformStatusProjection;
import org.disputeledger.projection.status.PlatformStatusQueries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read model "platform-status": a pooled streaming processor over the event store, its tokens in the
 * JdbcTokenStore, its batches in Spring transactions with the projection's writes. A failing handler stops the
 * processor (it retries the batch with back-off) instead of Axon's default of logging and skipping the event, so
 * the read model never silently diverges from the log.
 */
@Configuration(proxyBeanMethods = false)
public class PlatformStatusProcessing {

    static final int BATCH_SIZE = 500;
    static final int SEGMENTS = 1;

    @Bean
    public ConfigurerModule platformStatusProcessor(JdbcTemplate jdbc) {
        String group = PlatformStatusProjection.PROCESSING_GROUP;
        return configurer -> configurer.eventProcessing()
                .registerPooledStreamingEventProcessor(group, org.axonframework.config.Configuration::eventStore,
                        (config, builder) -> builder.batchSize(BATCH_SIZE).initialSegmentCount(SEGMENTS))
                .registerListenerInvocationErrorHandler(group, config -> PropagatingErrorHandler.instance())
                .registerEventHandler(config -> new PlatformStatusProjection(jdbc));
    }

    @Bean
    public PlatformStatusQueries platformStatusQueries(JdbcTemplate jdbc) {
        return new PlatformStatusQueries(jdbc);
    }
}
