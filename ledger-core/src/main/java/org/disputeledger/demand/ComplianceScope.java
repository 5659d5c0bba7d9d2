package org.disputeledger.demand;

/** Whether a platform's compliance answers the whole demand or part of it. */
public enum ComplianceScope {
    FULL,
    PARTIAL
}
