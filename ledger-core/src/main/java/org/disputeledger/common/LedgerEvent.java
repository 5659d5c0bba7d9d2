package org.disputeledger.common;

/** Every fact of the ledger: immutable, past tense, with its envelope. */
public interface LedgerEvent {

    Envelope envelope();
}
