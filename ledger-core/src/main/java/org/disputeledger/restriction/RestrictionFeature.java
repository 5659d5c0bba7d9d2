package org.disputeledger.restriction;

import java.util.List;
import org.disputeledger.common.LedgerFeature;

/** Access restrictions by a state on a service: threats, orders, throttlings, blocks and measurements. */
public final class RestrictionFeature implements LedgerFeature {

    @Override
    public List<Class<?>> aggregateTypes() {
        return List.of(ServiceAccess.class);
    }
}
