package org.disputeledger.api.web;

/** A write sent with If-Match found its stream at another version (or not yet existing); nothing was recorded. */
public class StaleVersionException extends RuntimeException {

    public StaleVersionException(String streamId, IfMatch expected, Long actual) {
        super(actual == null
                ? "stream " + streamId + " does not exist yet, so it has no version to match If-Match " + expected
                : "stream " + streamId + " is at version " + actual + ", not If-Match " + expected
                        + "; read the stream again");
    }
}
