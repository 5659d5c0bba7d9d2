package org.disputeledger.api.infrastructure;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.disputeledger.projection.penalty.PenaltyTotalsProjection;
import org.disputeledger.projection.penalty.PenaltyTotalsQueries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read model "penalty-totals": a pooled streaming processor over the event store, its tokens in the
 * JdbcTokenStore, its batches in Spring transactions with the projection's writes. As for "platform-status", a
 * failing handler stops the processor (it retries the batch with back-off) instead of logging and skipping the
 * event. The events of one fine share a sequence (their aggregate), so an imposition is handled before the facts
 * that follow it, whatever the number of segments.
 */
@Configuration(proxyBeanMethods = false)
public class PenaltyTotalsProcessing {

    static final int BATCH_SIZE = 500;
    static final int SEGMENTS = 1;

    @Bean
    public ConfigurerModule penaltyTotalsProcessor(JdbcTemplate jdbc) {
        String group = PenaltyTotalsProjection.PROCESSING_GROUP;
        return configurer -> configurer.eventProcessing()
                .registerPooledStreamingEventProcessor(group, org.axonframework.config.Configuration::eventStore,
                        (config, builder) -> builder.batchSize(BATCH_SIZE).initialSegmentCount(SEGMENTS))
                .registerListenerInvocationErrorHandler(group, config -> PropagatingErrorHandler.instance())
                .registerEventHandler(config -> new PenaltyTotalsProjection(jdbc));
    }

    @Bean
    public PenaltyTotalsQueries penaltyTotalsQueries(JdbcTemplate jdbc) {
        return new PenaltyTotalsQueries(jdbc);
    }
}
