package org.disputeledger.provision.event;

import org.disputeledger.common.LedgerEvent;

/** The facts of a legal provision's stream: its versions over time. */
public sealed interface ProvisionEvent extends LedgerEvent permits ProvisionVersionEnacted {

    String provisionId();
}
