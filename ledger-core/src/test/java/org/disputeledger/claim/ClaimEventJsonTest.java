package org.disputeledger.claim;

import static org.disputeledger.common.EventJsonPin.assertPinned;
import static org.disputeledger.common.TestEnvelopes.full;

import java.time.LocalDate;
import java.util.Map;
import org.disputeledger.claim.event.ComplianceAssessed;
import org.disputeledger.claim.event.PlatformResponded;
import org.disputeledger.claim.event.StatisticReported;
import org.disputeledger.common.Money;
import org.junit.jupiter.api.Test;

class ClaimEventJsonTest {

    @Test
    void pinsStatisticReported() {
        assertPinned(new StatisticReported("claim-1", "Magistrate court No. 422", "RU", "twitter", "twitter-inc",
                "fines_total_imposed", null, Money.of(4_500_000_000L, "RUB"), Qualifier.MORE_THAN, "2021",
                LocalDate.parse("2021-09-14"), Map.of("itemised_13_41_minor", 3_840_000_000L), full("2021-09-14")));
    }

    @Test
    void pinsComplianceAssessed() {
        assertPinned(new ComplianceAssessed("claim-2", "Roskomnadzor", "RU", "twitter", "demand-1", 3100L, 1900L,
                563L, Fraction.of(1, 3), "pace: unsatisfactory", full("2021-03-23")));
    }

    @Test
    void pinsPlatformResponded() {
        assertPinned(new PlatformResponded("claim-3", "twitter", "RU", "Roskomnadzor", "letter",
                "The company's vice-president wrote about its moderation work.", full("2021-04-01")));
    }
}
