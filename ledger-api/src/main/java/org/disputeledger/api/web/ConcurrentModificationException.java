package org.disputeledger.api.web;

/** A command kept losing the race for its stream to other writers, retries included. */
public class ConcurrentModificationException extends RuntimeException {

    public ConcurrentModificationException(String streamId, Throwable cause) {
        super("stream " + streamId + " was changed concurrently; retry the request", cause);
    }
}
