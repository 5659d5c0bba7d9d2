package org.disputeledger.api.audit;

/** A full verification is already running on this node; it reads the whole log, so runs do not overlap. */
public class VerificationRunningException extends RuntimeException {

    public VerificationRunningException() {
        super("a verification is already running; try again when it is done");
    }
}
