package org.disputeledger.api.infrastructure;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, lets the driver send a batch of inserts as multi-row statements ({@code reWriteBatchedInserts}):
 * the read models write their rows in batches, and a rebuild of many events spends less time in the database. The
 * setting is added only when the URL does not state it, and only for PostgreSQL (H2 refuses unknown settings).
 */
@Component
class PostgresBatching implements BeanPostProcessor {

    static final String REWRITE = "reWriteBatchedInserts";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
                && pool.getJdbcUrl().startsWith("jdbc:postgresql:") && !pool.getJdbcUrl().contains(REWRITE)
                && !pool.getDataSourceProperties().containsKey(REWRITE)) {
            pool.addDataSourceProperty(REWRITE, "true");
        }
        return bean;
    }
}
