package org.disputeledger.sanction;

import static org.disputeledger.common.EventJsonPin.assertPinned;
import static org.disputeledger.common.TestEnvelopes.full;

import java.time.LocalDate;
import org.disputeledger.common.Money;
import org.disputeledger.sanction.event.AppealDecided;
import org.disputeledger.sanction.event.EnforcementProceedingOpened;
import org.disputeledger.sanction.event.EnforcementReferred;
import org.disputeledger.sanction.event.FineAppealed;
import org.disputeledger.sanction.event.FineEnteredIntoForce;
import org.disputeledger.sanction.event.FineImposed;
import org.disputeledger.sanction.event.FinePaid;
import org.junit.jupiter.api.Test;

class FineEventJsonTest {

    @Test
    void pinsFineImposed() {
        assertPinned(new FineImposed("f-1", "RU", "Magistrate court No. 422 Tagansky district", "meta-platforms-inc",
                "facebook", "KoAP 13.41 p.5", LocalDate.parse("2021-12-24"), Money.of(199_098_495_000L, "RUB"), 1,
                "f-0", Money.of(3_981_969_900_000L, "RUB"), ProvisionCheck.CHECKED, full("2021-12-24")));
    }

    @Test
    void pinsFineAppealed() {
        assertPinned(new FineAppealed("f-1", "Twitter Inc.", full("2021-04-20")));
    }

    @Test
    void pinsAppealDecided() {
        assertPinned(new AppealDecided("f-1", "Tagansky District Court", AppealOutcome.REDUCED,
                Money.of(200_000_000, "RUB"), full("2021-05-17")));
    }

    @Test
    void pinsFineEnteredIntoForce() {
        assertPinned(new FineEnteredIntoForce("f-1", full("2021-05-17")));
    }

    @Test
    void pinsFinePaid() {
        assertPinned(new FinePaid("f-1", "pay-1", Money.of(260_000_000, "RUB"), "TikTok", full("2021-12-01")));
    }

    @Test
    void pinsEnforcementReferred() {
        assertPinned(new EnforcementReferred("f-1", "FSSP", full("2021-09-17")));
    }

    @Test
    void pinsEnforcementProceedingOpened() {
        assertPinned(new EnforcementProceedingOpened("f-1", "Federal Bailiffs Service", 8, full("2021-10-08")));
    }
}
