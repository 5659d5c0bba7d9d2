package org.disputeledger.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Pins an event's stored JSON: the file under src/test/resources/event-json is the permanent contract. A
 * missing file fails the test and, with -Dpin.write=true, is written for review.
 */
public final class EventJsonPin {

    private static final ObjectMapper MAPPER = EventJson.objectMapper();

    private EventJsonPin() {
    }

    public static void assertPinned(LedgerEvent event) {
        pin(event, event.getClass().getSimpleName() + ".json");
    }

    /** Pins one of several shapes an event can take (a field holding one of several types), under its own name. */
    public static void assertPinned(LedgerEvent event, String variant) {
        pin(event, event.getClass().getSimpleName() + "-" + variant + ".json");
    }

    private static void pin(LedgerEvent event, String name) {
        try {
            String actual = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(event) + "\n";
            try (InputStream in = EventJsonPin.class.getResourceAsStream("/event-json/" + name)) {
                if (in == null) {
                    if (Boolean.getBoolean("pin.write")) {
                        Path file = Path.of("src/test/resources/event-json", name);
                        Files.writeString(file, actual);
                    }
                    fail("no pinned JSON for " + name + "; it would be:\n" + actual);
                }
                String pinned = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(MAPPER.readTree(actual)).as("stored JSON of " + name).isEqualTo(MAPPER.readTree(pinned));
                Object back = MAPPER.readValue(pinned, event.getClass());
                assertThat(back).as("event read back from " + name).isEqualTo(event);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
