package org.disputeledger.accountaction;

import java.util.List;
import org.disputeledger.common.LedgerFeature;

/** Platforms' actions against state-linked actors: suspensions, restorations, labels and withheld content. */
public final class AccountActionFeature implements LedgerFeature {

    @Override
    public List<Class<?>> aggregateTypes() {
        return List.of(PlatformActions.class);
    }
}
