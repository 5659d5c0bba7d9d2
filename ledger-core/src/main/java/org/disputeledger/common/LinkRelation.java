package org.disputeledger.common;

/** How an event relates to an earlier event it links to. */
public enum LinkRelation {
    /** It responds to the earlier event (a compliance answers a demand). */
    ANSWERS,
    /** It undoes the earlier event (a block lifted reverses the block imposed). */
    REVERSES,
    /** It was caused by or builds on the earlier event (a fine follows a case). */
    FOLLOWS,
    /** It contradicts or is compared with the earlier event (a second, different claim). */
    CONTRADICTS
}
