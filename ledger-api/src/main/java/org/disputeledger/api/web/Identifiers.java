package org.disputeledger.api.web;

import java.util.UUID;
import org.springframework.stereotype.Component;

/** New identifiers for streams and the things within them (a fine, a restriction, a suspension). */
@Component
public class Identifiers {

    public String next() {
        return UUID.randomUUID().toString();
    }
}
