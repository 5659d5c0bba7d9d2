package org.disputeledger.sanction;

/** How far the ledger could check a fine's amount against the provision version in force on the offence date. */
public enum ProvisionCheck {
    /** One ruling, within the range or band of the version in force. */
    CHECKED,
    /** A bundle of a known number of rulings, within that many times the range or band. */
    CHECKED_AS_BUNDLE,
    /** The ledger holds no version of the provision named: recorded, not checked. */
    UNREGISTERED_PROVISION,
    /** The version in force sets no fine range. */
    NO_RANGE_IN_PROVISION,
    /** A bundle of an unknown number of rulings: no range can be applied to its total. */
    BUNDLE_OF_UNKNOWN_SIZE,
    /** The fine names no provision at all. */
    NO_PROVISION_STATED
}
