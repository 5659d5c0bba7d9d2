package org.disputeledger.api.audit;

import java.util.OptionalLong;

/**
 * What lets the sealer follow the global order without missing an event whose transaction commits late. Appends
 * pass the fence shared for their whole transaction; the sealer closes it for an instant, and the highest global
 * position it sees then is a horizon: every position below it is either committed or lost for good.
 */
public interface SealFence {

    /** Called inside the transaction of every append, before the events take their positions. */
    void appending();

    /** The horizon, or empty when appends in flight kept the fence from closing in time (the sealer tries later). */
    OptionalLong horizon();
}
