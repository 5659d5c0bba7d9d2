package org.disputeledger.common;

import java.util.List;

/** What an accepted command appended: the stream and, in order, each event with its id and sequence. */
public record Recorded(String streamId, List<RecordedEvent> events) {

    /**
     * The list is a read-only view: when the ledger builds the answer to a command, its events are staged and
     * only added to the view as the unit of work commits, before the answer is delivered.
     */
    public Recorded {
        events = java.util.Collections.unmodifiableList(events);
    }

    /** One appended event: its ledger-wide id, its type name and its sequence number within the stream. */
    public record RecordedEvent(String eventId, String type, long sequence) {
    }
}
