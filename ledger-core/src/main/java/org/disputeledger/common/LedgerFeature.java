package org.disputeledger.common;

import java.util.List;
import org.axonframework.config.Configurer;

/**
 * A feature of the ledger as the application sees it: its aggregate types (package-private in the feature)
 * and any further command handlers it registers with Axon.
 */
public interface LedgerFeature {

    List<Class<?>> aggregateTypes();

    /** Registers command handlers that live outside an aggregate, if the feature has any. */
    default void configure(Configurer configurer) {
    }
}
