package org.disputeledger.common;

/** Every write the ledger accepts: it names the stream it goes to and carries the envelope of the fact. */
public interface LedgerCommand {

    /** The identifier of the stream (aggregate) the command is routed to. */
    String streamId();

    Envelope envelope();
}
