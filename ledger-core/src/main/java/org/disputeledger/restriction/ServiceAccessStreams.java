package org.disputeledger.restriction;

import java.util.Locale;
import org.disputeledger.common.Slug;

/** Names the stream that holds every restriction of one service in one jurisdiction. */
public final class ServiceAccessStreams {

    public static final String PREFIX = "access-";

    private ServiceAccessStreams() {
    }

    /** The stream id, such as {@code access-ru-twitter} for the service {@code twitter} in {@code RU}. */
    public static String id(String jurisdiction, String service) {
        Slug.jurisdiction(jurisdiction, "jurisdiction");
        Slug.require(service, "service");
        return PREFIX + jurisdiction.toLowerCase(Locale.ROOT) + "-" + service;
    }
}
