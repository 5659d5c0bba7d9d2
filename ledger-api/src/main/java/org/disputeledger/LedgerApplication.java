package org.disputeledger;

import java.util.Arrays;
import org.disputeledger.audit.ExportVerifier;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The regulatory-dispute ledger: REST API, event store and read models in one application. Started with the
 * argument {@code import-demo-data} it loads the demo data set into the configured database (at most once) and
 * exits; with {@code verify-export <file> <public key>} it verifies an audit export offline and exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LedgerApplication {

    public static final String IMPORT_DEMO_DATA = "import-demo-data";
    public static final String VERIFY_EXPORT = "verify-export";

    public static void main(String[] args) {
        if (args.length > 0 && VERIFY_EXPORT.equals(args[0])) {
            // offline: needs the export file and the public key only, no database and no Spring context
            System.exit(ExportVerifier.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (Arrays.asList(args).contains(IMPORT_DEMO_DATA)) {
            System.exit(importDemoData(args));
        }
        SpringApplication.run(LedgerApplication.class, args);
    }

    /** Imports the demo data set into the configured database without serving HTTP; returns the exit code. */
    public static int importDemoData(String... args) {
        String[] withLoad = java.util.stream.Stream.concat(Arrays.stream(args),
                java.util.stream.Stream.of("--ledger.demo-data.load=always")).toArray(String[]::new);
        var context = new SpringApplicationBuilder(LedgerApplication.class)
                .web(WebApplicationType.NONE)
                .run(withLoad);
        return SpringApplication.exit(context);
    }
}
