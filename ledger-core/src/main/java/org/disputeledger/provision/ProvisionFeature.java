package org.disputeledger.provision;

import java.util.List;
import org.disputeledger.common.LedgerFeature;

/** Legal provisions of each jurisdiction, versioned in time, against which fines are checked. */
public final class ProvisionFeature implements LedgerFeature {

    @Override
    public List<Class<?>> aggregateTypes() {
        return List.of(LegalProvision.class);
    }
}
