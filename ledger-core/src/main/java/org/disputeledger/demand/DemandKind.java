package org.disputeledger.demand;

/** What an authority demands of a platform. */
public enum DemandKind {
    REMOVE_CONTENT,
    DELETE_ACCOUNT,
    RESTRICT_ACCESS,
    RESTORE_CONTENT,
    REMOVE_LABEL,
    REMOVE_APP,
    LOCALISE_DATA,
    PROVIDE_INFORMATION,
    PROVIDE_DECRYPTION_KEYS,
    OTHER
}
