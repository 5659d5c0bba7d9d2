package org.disputeledger.demand;

import static org.disputeledger.common.EventJsonPin.assertPinned;
import static org.disputeledger.common.TestEnvelopes.full;

import java.time.LocalDate;
import java.util.Map;
import org.disputeledger.demand.event.DemandComplied;
import org.disputeledger.demand.event.DemandDeadlineExtended;
import org.disputeledger.demand.event.DemandIssued;
import org.disputeledger.demand.event.DemandRefused;
import org.disputeledger.demand.event.DemandWithdrawn;
import org.junit.jupiter.api.Test;

class DemandEventJsonTest {

    @Test
    void pinsDemandIssued() {
        assertPinned(new DemandIssued("d-1", "RU", "Roskomnadzor", "twitter", "twitter-inc", DemandKind.REMOVE_CONTENT,
                "149-FZ art. 15.1", 2862L, Map.of("suicide", 2336L, "csam", 352L, "drugs", 174L),
                LocalDate.parse("2021-03-20"), full("2021-03-01")));
    }

    @Test
    void pinsDemandDeadlineExtended() {
        assertPinned(new DemandDeadlineExtended("d-1", LocalDate.parse("2021-05-15"), full("2021-04-05")));
    }

    @Test
    void pinsDemandComplied() {
        assertPinned(new DemandComplied("d-1", ComplianceScope.PARTIAL, 1900L, full("2021-04-05")));
    }

    @Test
    void pinsDemandRefused() {
        assertPinned(new DemandRefused("d-1", 563L, "contested", full("2021-05-17")));
    }

    @Test
    void pinsDemandWithdrawn() {
        assertPinned(new DemandWithdrawn("d-1", full("2021-06-01")));
    }
}
