package org.disputeledger.restriction;

/** How reachable a service was found to be when measured, whatever had been ordered. */
public enum ObservedState {
    ACCESSIBLE,
    /** Reachable for most users or most of the time, despite interference. */
    PARTIALLY_ACCESSIBLE,
    THROTTLED,
    BLOCKED
}
