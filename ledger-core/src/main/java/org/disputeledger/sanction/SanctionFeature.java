package org.disputeledger.sanction;

import java.util.List;
import org.axonframework.config.Configurer;
import org.disputeledger.common.LedgerFeature;

/** Fines and their lifecycle: imposition checked against the provisions, appeal, entry into force, payment. */
public final class SanctionFeature implements LedgerFeature {

    @Override
    public List<Class<?>> aggregateTypes() {
        return List.of(Fine.class);
    }

    /** Imposing a fine reads the provision's stream and the earlier fine, so its handler lives beside the aggregate. */
    @Override
    public void configure(Configurer configurer) {
        configurer.registerCommandHandler(c -> new ImposeFineHandler(c.repository(Fine.class), c.eventStore()));
    }
}
