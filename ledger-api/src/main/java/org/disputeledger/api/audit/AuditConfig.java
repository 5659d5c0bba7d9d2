package org.disputeledger.api.audit;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.disputeledger.audit.SigningKeys;
import org.disputeledger.projection.ProjectionWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The tamper-evident log's parts: the fence appends pass, the store of what sealing computed, the key, the sealer. */
@Configuration(proxyBeanMethods = false)
public class AuditConfig {

    @Bean
    public SealFence sealFence(ProjectionWriter writer, JdbcTemplate jdbc, PlatformTransactionManager transactions,
                               AuditProperties properties) {
        if (writer.dialect() == ProjectionWriter.Dialect.POSTGRESQL) {
            return new PostgresSealFence(jdbc, new TransactionTemplate(transactions), properties.fenceTimeout());
        }
        return new InProcessSealFence(jdbc, properties.fenceTimeout());
    }

    @Bean
    public AuditStore auditStore(JdbcTemplate jdbc) {
        return new AuditStore(jdbc);
    }

    @Bean
    public SigningKeys.SigningKey checkpointKey(AuditProperties properties) {
        return CheckpointKey.load(properties);
    }

    @Bean
    public History history(JdbcTemplate jdbc, AuditStore store) {
        return new History(jdbc, store);
    }

    /** Two threads read and hash the event store side by side during a verification; idle otherwise. */
    @Bean(destroyMethod = "shutdown")
    public ExecutorService auditWorkers() {
        return Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "ledger-audit-verify");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    public AuditVerifier auditVerifier(JdbcTemplate jdbc, AuditStore store, SigningKeys.SigningKey checkpointKey,
                                       ExecutorService auditWorkers, Clock clock,
                                       PlatformTransactionManager transactions) {
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        return new AuditVerifier(jdbc, store, checkpointKey.publicKey(), auditWorkers, clock, readOnly,
                AuditVerifier.WINDOW);
    }

    @Bean
    public Sealer sealer(AuditStore store, SealFence fence, PlatformTransactionManager transactions,
                         SigningKeys.SigningKey checkpointKey, Clock clock, AuditProperties properties,
                         MeterRegistry meters) {
        return new Sealer(store, fence, new TransactionTemplate(transactions), checkpointKey, clock, properties,
                meters);
    }
}
