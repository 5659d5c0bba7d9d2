package org.disputeledger.accountaction;

import static org.disputeledger.common.EventJsonPin.assertPinned;
import static org.disputeledger.common.TestEnvelopes.full;

import java.util.List;
import java.util.Map;
import org.disputeledger.accountaction.event.AccountRestored;
import org.disputeledger.accountaction.event.AccountSuspended;
import org.disputeledger.accountaction.event.AccountsSuspended;
import org.disputeledger.accountaction.event.ContentWithheld;
import org.disputeledger.accountaction.event.LabelApplied;
import org.disputeledger.accountaction.event.LabelRemoved;
import org.junit.jupiter.api.Test;

class AccountActionEventJsonTest {

    @Test
    void pinsAccountSuspended() {
        assertPinned(new AccountSuspended("twitter", "s-1", "@armscontrol_rus",
                "Russian delegation to the Vienna arms-control talks", AccountAction.SUSPENDED, "platform_manipulation",
                full("2021-02-12")));
    }

    @Test
    void pinsAccountRestored() {
        assertPinned(new AccountRestored("twitter", "s-1", full("2021-02-23")));
    }

    @Test
    void pinsAccountsSuspended() {
        assertPinned(new AccountsSuspended("twitter", "b-1", 100L, List.of("@example_one", "@example_two"),
                Map.of("network_russian_state_actors", 69L, "network_ira_linked", 31L), AccountAction.SUSPENDED,
                "foreign_interference", full("2021-02-23")));
    }

    @Test
    void pinsLabelApplied() {
        assertPinned(new LabelApplied("twitter", "l-1", "Russia state-affiliated media",
                List.of("RT", "Sputnik", "TASS"), true, full("2020-08-06")));
    }

    @Test
    void pinsLabelRemoved() {
        assertPinned(new LabelRemoved("twitter", "l-1", full("2020-09-01")));
    }

    @Test
    void pinsContentWithheld() {
        assertPinned(new ContentWithheld("tiktok", "w-1", "Livestreaming and new uploads suspended",
                List.of("livestreaming", "new_uploads"), "RU", full("2022-03-06")));
    }
}
