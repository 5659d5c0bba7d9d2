package org.disputeledger.restriction;

import static org.disputeledger.common.EventJsonPin.assertPinned;
import static org.disputeledger.common.TestEnvelopes.full;

import java.time.LocalDate;
import java.util.List;
import org.disputeledger.restriction.event.AppRemovedFromStore;
import org.disputeledger.restriction.event.BlockImposed;
import org.disputeledger.restriction.event.BlockLifted;
import org.disputeledger.restriction.event.BlockScopeExpanded;
import org.disputeledger.restriction.event.InterferenceObserved;
import org.disputeledger.restriction.event.RestrictionOrdered;
import org.disputeledger.restriction.event.RestrictionThreatened;
import org.disputeledger.restriction.event.ThreatDeadlineExtended;
import org.disputeledger.restriction.event.ThrottlingImposed;
import org.disputeledger.restriction.event.ThrottlingLifted;
import org.disputeledger.restriction.event.ThrottlingScopeChanged;
import org.junit.jupiter.api.Test;

class ServiceAccessEventJsonTest {

    @Test
    void pinsRestrictionThreatened() {
        assertPinned(new RestrictionThreatened("RU", "twitter", "t-1", "Roskomnadzor", RestrictionKind.BLOCK,
                "remove_unlawful_content", LocalDate.parse("2021-04-16"), full("2021-03-16")));
    }

    @Test
    void pinsThreatDeadlineExtended() {
        assertPinned(new ThreatDeadlineExtended("RU", "twitter", "t-1", LocalDate.parse("2021-05-15"),
                full("2021-04-05")));
    }

    @Test
    void pinsRestrictionOrdered() {
        assertPinned(new RestrictionOrdered("RU", "twitter", "o-1", "Prosecutor General's Office", "block",
                "149-FZ art. 15.3", full("2022-02-24")));
    }

    @Test
    void pinsThrottlingImposed() {
        assertPinned(new ThrottlingImposed("RU", "twitter", "r-1", "Roskomnadzor", null,
                new ThrottlingScope(100, 50, null), full("2021-03-10")));
    }

    @Test
    void pinsThrottlingScopeChanged() {
        assertPinned(new ThrottlingScopeChanged("RU", "twitter", "r-1",
                new ThrottlingScope(100, null, "fixed-line throttling resumed, fixed-line share unknown"),
                full("2022-03-01")));
    }

    @Test
    void pinsThrottlingLifted() {
        assertPinned(new ThrottlingLifted("RU", "twitter", "r-1", full("2022-03-04")));
    }

    @Test
    void pinsBlockImposed() {
        assertPinned(new BlockImposed("RU", "telegram", "r-2", "Roskomnadzor", "149-FZ art. 15.4",
                "registry_to_operators", full("2018-04-16")));
    }

    @Test
    void pinsBlockScopeExpanded() {
        assertPinned(new BlockScopeExpanded("RU", "telegram", "r-2", 18_000_000L, "Amazon and Google address ranges",
                full("2018-04-19")));
    }

    @Test
    void pinsBlockLifted() {
        assertPinned(new BlockLifted("RU", "telegram", "r-2", full("2020-06-18")));
    }

    @Test
    void pinsInterferenceObserved() {
        assertPinned(new InterferenceObserved("RU", "twitter", "x-1", "OONI", ObservedState.BLOCKED, "RST_injection",
                full("2022-03-04")));
    }

    @Test
    void pinsAppRemovedFromStore() {
        assertPinned(new AppRemovedFromStore("RU", "linkedin", "a-1", List.of("app_store", "google_play"),
                "Roskomnadzor", full("2017-01-01")));
    }
}
