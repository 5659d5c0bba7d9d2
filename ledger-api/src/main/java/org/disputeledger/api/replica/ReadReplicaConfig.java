package org.disputeledger.api.replica;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.function.BiFunction;
import org.axonframework.serialization.Serializer;
import org.disputeledger.api.infrastructure.ReadModelTableSets;
import org.disputeledger.api.operations.ProcessorStates;
import org.disputeledger.projection.ProjectionWriter;
import org.disputeledger.projection.ReadModel;
import org.disputeledger.projection.ReadModelTables;
import org.disputeledger.projection.compliance.DemandComplianceProjection;
import org.disputeledger.projection.compliance.DemandComplianceQueries;
import org.disputeledger.projection.penalty.PenaltyTotalsProjection;
import org.disputeledger.projection.penalty.PenaltyTotalsQueries;
import org.disputeledger.projection.status.PlatformStatusProjection;
import org.disputeledger.projection.status.PlatformStatusQueries;
import org.disputeledger.projection.timeline.TimelineProjection;
import org.disputeledger.projection.timeline.TimelineQueries;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read endpoints' queries, over the replica when {@code ledger.read-replica.url} is set. The replica's pool is
 * built here by hand and is not a {@code DataSource} bean, so Boot's primary data source, Flyway, Axon and the health
 * of {@code db} stay exactly as they are. The query beans on the primary stay too: the fallback, and the export,
 * read them.
 */
@Configuration(proxyBeanMethods = false)
public class ReadReplicaConfig {

    @Bean
    public ReadModelReads<PlatformStatusQueries> platformStatusReads(PlatformStatusQueries primary,
                                                                     ProcessorStates states,
                                                                     ObjectProvider<ReadReplica> replica) {
        return reads(PlatformStatusProjection.READ_MODEL, primary, states, replica, PlatformStatusQueries::new);
    }

    @Bean
    public ReadModelReads<PenaltyTotalsQueries> penaltyTotalsReads(PenaltyTotalsQueries primary,
                                                                   ProcessorStates states,
                                                                   ObjectProvider<ReadReplica> replica) {
        return reads(PenaltyTotalsProjection.READ_MODEL, primary, states, replica, PenaltyTotalsQueries::new);
    }

    @Bean
    public ReadModelReads<DemandComplianceQueries> demandComplianceReads(DemandComplianceQueries primary,
                                                                         ProcessorStates states,
                                                                         ObjectProvider<ReadReplica> replica) {
        return reads(DemandComplianceProjection.READ_MODEL, primary, states, replica, DemandComplianceQueries::new);
    }

    @Bean
    public ReadModelReads<TimelineQueries> timelineReads(TimelineQueries primary, ProcessorStates states,
                                                         ObjectProvider<ReadReplica> replica) {
        return reads(TimelineProjection.READ_MODEL, primary, states, replica, TimelineQueries::new);
    }

    /** The read model's reads; over the replica its queries read the live set as the replica records it. */
    private static <Q> ReadModelReads<Q> reads(ReadModel readModel, Q primary, ProcessorStates states,
                                               ObjectProvider<ReadReplica> replica,
                                               BiFunction<JdbcTemplate, ReadModelTables, Q> queries) {
        return ReadModelReads.of(readModel.name(), primary, states, replica.getIfAvailable(),
                jdbc -> queries.apply(jdbc, ReadModelTableSets.liveOn(jdbc, readModel)));
    }

    /** Only with a replica configured: without one there is nothing to check, count or show. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("!'${ledger.read-replica.url:}'.isBlank()")
    static class Replica {

        @Bean
        ReadReplica readReplicaDatabase(ReadReplicaProperties properties, JdbcTemplate primary, ProjectionWriter writer,
                                Serializer serializer, Clock clock, MeterRegistry meters) {
            if (writer.dialect() != ProjectionWriter.Dialect.POSTGRESQL) {
                // The lag is measured in PostgreSQL's WAL positions; an H2 primary has no replicas.
                throw new IllegalStateException("ledger.read-replica.url needs PostgreSQL as the primary database");
            }
            return new ReadReplica(properties, primary, serializer, clock, meters);
        }

        @Bean("readReplica")
        ReadReplicaHealthIndicator readReplicaHealthIndicator(ReadReplica replica) {
            return new ReadReplicaHealthIndicator(replica);
        }
    }
}
