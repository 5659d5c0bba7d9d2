package org.disputeledger.api.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the demo data set is loaded: {@code auto} on the embedded H2 default only (so a new user sees data at once
 * while a production PostgreSQL stays empty), {@code always} on any database, {@code never}. Either way at most
 * once per database.
 */
@ConfigurationProperties("ledger.demo-data")
public record DemoDataProperties(@DefaultValue("auto") Load load) {

    public enum Load {
        AUTO,
        ALWAYS,
        NEVER
    }
}
