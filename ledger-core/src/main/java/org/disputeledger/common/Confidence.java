package org.disputeledger.common;

/** How far the recorder vouches for a fact. */
public enum Confidence {
    /** Stated by a primary source or corroborated by independent sources. */
    CONFIRMED,
    /** Stated by a single secondary source. */
    REPORTED,
    /** Sources disagree; the alternatives are kept in the event's details. */
    DISPUTED,
    /** Not stated anywhere but implied by other recorded facts (named in the event's links). */
    INFERRED,
    /** Background knowledge with no source checked yet. */
    UNVERIFIED
}
