package org.disputeledger;

import java.util.List;
import org.disputeledger.accountaction.AccountActionFeature;
import org.disputeledger.claim.ClaimFeature;
import org.disputeledger.common.LedgerFeature;
import org.disputeledger.curation.CurationFeature;
import org.disputeledger.demand.DemandFeature;
import org.disputeledger.entity.EntityFeature;
import org.disputeledger.proceeding.ProceedingFeature;
import org.disputeledger.provision.ProvisionFeature;
import org.disputeledger.restriction.RestrictionFeature;
import org.disputeledger.sanction.SanctionFeature;

/** Every feature of the ledger core, as registered with Axon by the application. */
public final class LedgerFeatures {

    private LedgerFeatures() {
    }

    public static List<LedgerFeature> all() {
        return List.of(
                new DemandFeature(),
                new RestrictionFeature(),
                new AccountActionFeature(),
                new ProvisionFeature(),
                new SanctionFeature(),
                new ProceedingFeature(),
                new ClaimFeature(),
                new EntityFeature(),
                new CurationFeature());
    }
}
