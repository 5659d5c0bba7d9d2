package org.disputeledger.api.web;

/** An Idempotency-Key sent again with a different request: the first request's answer cannot be reused. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException(String key) {
        super("Idempotency-Key " + key + " was first used for a different request");
    }
}
