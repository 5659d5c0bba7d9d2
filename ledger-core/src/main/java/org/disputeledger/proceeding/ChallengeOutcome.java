package org.disputeledger.proceeding;

/** What a court decided on a challenge to an order or demand. */
public enum ChallengeOutcome {
    /** The order or demand stands; the challenge failed. */
    UPHELD,
    /** The order or demand is set aside; the challenge succeeded. */
    OVERTURNED,
    /** Part of the order or demand stands. */
    PARTIALLY_UPHELD
}
