package org.disputeledger.api.infrastructure;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.disputeledger.projection.timeline.TimelineProjection;
import org.disputeledger.projection.timeline.TimelineQueries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read model "timeline": a pooled streaming processor over the event store, its tokens in the JdbcTokenStore,
 * its batches in Spring transactions with the projection's writes. As for the other read models, a failing handler
 * stops the processor (it retries the batch with back-off) instead of logging and skipping the event. One segment
 * keeps the whole log in order: a later event of a stream finds the subjects of its first, a restoration finds its
 * suspension (same stream), and a curation finds its target (another stream, earlier in the log).
 */
@Configuration(proxyBeanMethods = false)
public class TimelineProcessing {

    static final int BATCH_SIZE = 500;
    static final int SEGMENTS = 1;

    @Bean
    public ConfigurerModule timelineProcessor(JdbcTemplate jdbc) {
        String group = TimelineProjection.PROCESSING_GROUP;
        return configurer -> configurer.eventProcessing()
                .registerPooledStreamingEventProcessor(group, org.axonframework.config.Configuration::eventStore,
                        (config, builder) -> builder.batchSize(BATCH_SIZE).initialSegmentCount(SEGMENTS))
                .registerListenerInvocationErrorHandler(group, config -> PropagatingErrorHandler.instance())
                .registerEventHandler(config -> new TimelineProjection(jdbc));
    }

    @Bean
    public TimelineQueries timelineQueries(JdbcTemplate jdbc) {
        return new TimelineQueries(jdbc);
    }
}
