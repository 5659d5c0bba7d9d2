package org.disputeledger.claim;

import java.util.List;
import org.disputeledger.common.LedgerFeature;

/** Claims and statements: figures, compliance assessments and platform responses, each kept as said. */
public final class ClaimFeature implements LedgerFeature {

    @Override
    public List<Class<?>> aggregateTypes() {
        return List.of(Claim.class);
    }
}
