package org.disputeledger.api.demo;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Loads the demo data set on start-up when {@link DemoDataProperties} asks for it. */
@Component
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final DemoDataImporter importer;
    private final DemoDataProperties properties;
    private final DataSource dataSource;

    DemoDataLoader(DemoDataImporter importer, DemoDataProperties properties, DataSource dataSource) {
        this.importer = importer;
        this.properties = properties;
        this.dataSource = dataSource;
    }

    @Override
    public void run(ApplicationArguments args) throws SQLException {
        boolean load = switch (properties.load()) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> isEmbeddedDefault();
        };
        if (load) {
            ImportReport report = importer.importDemoData();
            if (!report.alreadyImported()) {
                log.info("demo data loaded: {} of {} rows recorded, {} refused (listed above)", report.recorded(),
                        report.rows(), report.refused().size());
            }
        }
    }

    private boolean isEmbeddedDefault() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return "H2".equals(connection.getMetaData().getDatabaseProductName());
        }
    }
}
