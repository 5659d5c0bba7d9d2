package org.disputeledger.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.disputeledger.common.EventJson;

/** Values a read model keeps as JSON text (sources, links), written with the ledger's own event mapping. */
public final class ProjectionJson {

    private static final ObjectMapper JSON = EventJson.objectMapper();

    private ProjectionJson() {
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a value cannot be written as JSON", e);
        }
    }
}
