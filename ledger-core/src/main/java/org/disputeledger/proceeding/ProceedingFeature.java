package org.disputeledger.proceeding;

import java.util.List;
import org.disputeledger.common.LedgerFeature;

/** Cases, administrative protocols and court decisions on challenges to orders and demands. */
public final class ProceedingFeature implements LedgerFeature {

    @Override
    public List<Class<?>> aggregateTypes() {
        return List.of(Proceeding.class);
    }
}
