package org.disputeledger.claim;

/** How the claimant qualified a figure: exactly, at least, at most or about. */
public enum Qualifier {
    EXACT,
    /** The claimant said "more than" or "over": the figure is a lower bound. */
    MORE_THAN,
    /** The claimant said "less than" or "under": the figure is an upper bound. */
    LESS_THAN,
    /** The claimant said "about" or "some": the figure is an estimate. */
    APPROXIMATE
}
