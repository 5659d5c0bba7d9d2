package org.disputeledger.accountaction;

import org.disputeledger.common.Slug;

/** The stream that holds one platform's actions against state-linked actors. */
public final class PlatformActionsStream {

    private PlatformActionsStream() {
    }

    /** The stream id {@code actions-{platform}}, such as {@code actions-twitter}. */
    public static String idOf(String platform) {
        return "actions-" + Slug.require(platform, "platform");
    }
}
