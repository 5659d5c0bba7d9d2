package org.disputeledger.restriction;

/** What a state does, or threatens to do, to a service's reachability. */
public enum RestrictionKind {
    /** The service is slowed down on some or all networks but still reachable. */
    THROTTLING,
    /** The service is made unreachable. */
    BLOCK
}
