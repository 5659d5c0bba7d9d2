package org.disputeledger.curation;

import java.util.List;
import org.disputeledger.common.LedgerFeature;

/** Corrections, retractions and further sources of recorded events. */
public final class CurationFeature implements LedgerFeature {

    @Override
    public List<Class<?>> aggregateTypes() {
        return List.of(Curation.class);
    }
}
