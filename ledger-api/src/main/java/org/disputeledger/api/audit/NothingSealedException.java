package org.disputeledger.api.audit;

/** No checkpoint exists yet: the log is empty, or the sealer has not caught up with its first events. */
public class NothingSealedException extends RuntimeException {

    public NothingSealedException() {
        super("no checkpoint is signed yet: the log is empty or its first events are being sealed");
    }
}
