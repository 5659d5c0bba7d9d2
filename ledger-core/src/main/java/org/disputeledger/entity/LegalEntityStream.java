package org.disputeledger.entity;

import org.disputeledger.common.Slug;

/** The stream that holds the facts about one legal entity. */
public final class LegalEntityStream {

    private LegalEntityStream() {
    }

    /** The stream id {@code entity-{legalEntityId}}, such as {@code entity-twitter-inc}. */
    public static String idOf(String legalEntityId) {
        return "entity-" + Slug.require(legalEntityId, "legalEntityId");
    }
}
