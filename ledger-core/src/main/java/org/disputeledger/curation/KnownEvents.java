package org.disputeledger.curation;

import java.util.Optional;

/** The ledger's own index of the events it holds, so a curation can only name an event that exists. */
public interface KnownEvents {

    /** The stream of the event with this id, if the ledger holds it. */
    Optional<String> streamOf(String eventId);
}
