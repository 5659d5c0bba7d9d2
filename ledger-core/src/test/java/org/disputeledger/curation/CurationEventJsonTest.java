package org.disputeledger.curation;

import static org.disputeledger.common.EventJsonPin.assertPinned;
import static org.disputeledger.common.TestEnvelopes.full;

import java.time.LocalDate;
import java.util.Map;
import org.disputeledger.common.Confidence;
import org.disputeledger.common.EffectiveTime;
import org.disputeledger.curation.event.EventCorrected;
import org.disputeledger.curation.event.EventRetracted;
import org.disputeledger.curation.event.SourceAttached;
import org.junit.jupiter.api.Test;

class CurationEventJsonTest {

    @Test
    void pinsEventCorrected() {
        assertPinned(new EventCorrected("e-1", "fine-1", EffectiveTime.day(LocalDate.parse("2021-07-26")),
                Confidence.CONFIRMED, Map.of("amount.minor", "250000000"), "TASS dates the ruling 26 July",
                full("2021-07-27")));
    }

    @Test
    void pinsEventRetracted() {
        assertPinned(new EventRetracted("e-1", "fine-1", "the report was withdrawn", full("2021-08-01")));
    }

    @Test
    void pinsSourceAttached() {
        assertPinned(new SourceAttached("e-1", "fine-1", full("2021-08-01")));
    }
}
