package org.disputeledger.demand;

import java.util.List;
import org.disputeledger.common.LedgerFeature;

/** Demands of authorities to platforms and the platforms' answers. */
public final class DemandFeature implements LedgerFeature {

    @Override
    public List<Class<?>> aggregateTypes() {
        return List.of(Demand.class);
    }
}
