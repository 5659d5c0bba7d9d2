package org.disputeledger.common;

/** A causal link from an event to an earlier event of the ledger, named by its event id. */
public record Link(LinkRelation relation, String eventId) {

    public Link {
        InvalidValueException.requireValue(relation, "links.relation");
        InvalidValueException.requireText(eventId, "links.eventId");
        InvalidValueException.requireMaxLength(eventId, 64, "links.eventId");
    }
}
