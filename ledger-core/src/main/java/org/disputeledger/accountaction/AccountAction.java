package org.disputeledger.accountaction;

/** What a platform did to an account of a state-linked actor. */
public enum AccountAction {
    /** The account was suspended and may be restored. */
    SUSPENDED,
    /** The account or channel was deleted for good. */
    TERMINATED,
    /** The account stays up, but access to it or its reach is limited. */
    RESTRICTED
}
