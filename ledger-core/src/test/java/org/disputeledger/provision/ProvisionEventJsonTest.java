package org.disputeledger.provision;

import static org.disputeledger.common.EventJsonPin.assertPinned;
import static org.disputeledger.common.TestEnvelopes.full;

import java.time.LocalDate;
import org.disputeledger.common.Money;
import org.disputeledger.provision.event.ProvisionVersionEnacted;
import org.junit.jupiter.api.Test;

class ProvisionEventJsonTest {

    @Test
    void pinsProvisionVersionEnactedWithAFixedRange() {
        assertPinned(new ProvisionVersionEnacted("provision-ru-koap-13-41-p-2", "RU", "KoAP 13.41 p.2", "legal_entity",
                LocalDate.parse("2021-01-10"),
                new FixedRange(Money.of(80_000_000, "RUB"), Money.of(400_000_000, "RUB")), null, null, "511-FZ",
                full("2021-01-10")));
    }

    @Test
    void pinsProvisionVersionEnactedWithATurnoverBand() {
        assertPinned(new ProvisionVersionEnacted("provision-ru-koap-13-41-p-5", "RU", "KoAP 13.41 p.5", "legal_entity",
                LocalDate.parse("2021-01-10"),
                new TurnoverBand(Fraction.of(1, 20), Fraction.of(1, 10), Money.of(400_000_000, "RUB")),
                "KoAP 13.41 p.2", 365, "511-FZ", full("2021-01-10")), "turnover-band");
    }
}
