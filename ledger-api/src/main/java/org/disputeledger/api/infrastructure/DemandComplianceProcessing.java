package org.disputeledger.api.infrastructure;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.disputeledger.projection.compliance.DemandComplianceProjection;
import org.disputeledger.projection.compliance.DemandComplianceQueries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read model "demand-compliance": a pooled streaming processor over the event store, its tokens in the
 * JdbcTokenStore, its batches in Spring transactions with the projection's writes. As for "platform-status", a
 * failing handler stops the processor (it retries the batch with back-off) instead of logging and skipping the
 * event. The events of one demand share a sequence (their aggregate), so an issue is handled before the facts
 * that follow it, whatever the number of segments.
 */
@Configuration(proxyBeanMethods = false)
public class DemandComplianceProcessing {

    static final int BATCH_SIZE = 500;
    static final int SEGMENTS = 1;

    @Bean
    public ConfigurerModule demandComplianceProcessor(JdbcTemplate jdbc) {
        String group = DemandComplianceProjection.PROCESSING_GROUP;
        return configurer -> configurer.eventProcessing()
                .registerPooledStreamingEventProcessor(group, org.axonframework.config.Configuration::eventStore,
                        (config, builder) -> builder.batchSize(BATCH_SIZE).initialSegmentCount(SEGMENTS))
                .registerListenerInvocationErrorHandler(group, config -> PropagatingErrorHandler.instance())
                .registerEventHandler(config -> new DemandComplianceProjection(jdbc));
    }

    @Bean
    public DemandComplianceQueries demandComplianceQueries(JdbcTemplate jdbc) {
        return new DemandComplianceQueries(jdbc);
    }
}
