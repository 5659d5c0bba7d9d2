package org.disputeledger.curation;

/** Curations of one event live in a stream of their own, named after the event. */
public final class CurationStreams {

    private CurationStreams() {
    }

    public static String id(String targetEventId) {
        return "curation-" + targetEventId;
    }
}
