package org.disputeledger.common;

/** How exactly the ledger knows when a fact took effect in the world. */
public enum Precision {
    /** To the second: the instant is known. */
    INSTANT,
    /** The calendar day is known. */
    DAY,
    /** Only the month is known; the date is the first day of that month. */
    MONTH,
    /** Only the year is known; the date is the first of January. */
    YEAR,
    /** The date is an estimate, possibly off by days or weeks. */
    APPROXIMATE
}
