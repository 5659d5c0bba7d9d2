package org.disputeledger.sanction;

/** What a court decided on an appeal against a fine. */
public enum AppealOutcome {
    /** The fine stands as imposed. */
    UPHELD,
    /** The fine stands at a lower amount. */
    REDUCED,
    /** The fine is void; nothing is due. */
    ANNULLED
}
