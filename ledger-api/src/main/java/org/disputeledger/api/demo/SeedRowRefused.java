package org.disputeledger.api.demo;

/** A row that cannot be turned into commands (missing reference, unsupported shape); reported, never dropped. */
public class SeedRowRefused extends RuntimeException {

    public SeedRowRefused(String reason) {
        super(reason);
    }
}
