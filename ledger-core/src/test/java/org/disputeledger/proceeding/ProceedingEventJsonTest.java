package org.disputeledger.proceeding;

import static org.disputeledger.common.EventJsonPin.assertPinned;
import static org.disputeledger.common.TestEnvelopes.full;

import org.disputeledger.proceeding.event.CaseFiled;
import org.disputeledger.proceeding.event.ChallengeDecided;
import org.disputeledger.proceeding.event.ProtocolDrawnUp;
import org.junit.jupiter.api.Test;

class ProceedingEventJsonTest {

    @Test
    void pinsCaseFiled() {
        assertPinned(new CaseFiled("pr-1", "RU", "Roskomnadzor", "telegram", "telegram-messenger-llp",
                "149-FZ art. 15.4", "Tagansky District Court", "block", full("2018-04-06")));
    }

    @Test
    void pinsProtocolDrawnUp() {
        assertPinned(new ProtocolDrawnUp("pr-1", "RU", "Roskomnadzor", "twitter-inc", "twitter", "KoAP 13.11 p.8",
                "data_localisation", full("2020-01-31")));
    }

    @Test
    void pinsChallengeDecided() {
        assertPinned(new ChallengeDecided("pr-1", "RU", "Supreme Court of Russia", ChallengeOutcome.PARTIALLY_UPHELD,
                "FSB decryption order", full("2018-03-20")));
    }
}
