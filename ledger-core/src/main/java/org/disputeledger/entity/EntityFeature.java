package org.disputeledger.entity;

import java.util.List;
import org.disputeledger.common.LedgerFeature;

/** Legal entities: their renamings, the state's designations of them and seizures of their assets. */
public final class EntityFeature implements LedgerFeature {

    @Override
    public List<Class<?>> aggregateTypes() {
        return List.of(LegalEntity.class);
    }
}
