package org.disputeledger.entity.event;

import org.disputeledger.common.LedgerEvent;

/** The facts of one legal entity's stream: its names, designations and seized assets. */
public sealed interface LegalEntityEvent extends LedgerEvent permits EntityRenamed, EntityDesignated, AssetsSeized {

    String legalEntityId();
}
