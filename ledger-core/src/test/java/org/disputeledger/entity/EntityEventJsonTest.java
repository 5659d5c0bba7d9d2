package org.disputeledger.entity;

import static org.disputeledger.common.EventJsonPin.assertPinned;
import static org.disputeledger.common.TestEnvelopes.full;

import org.disputeledger.entity.event.AssetsSeized;
import org.disputeledger.entity.event.EntityDesignated;
import org.disputeledger.entity.event.EntityRenamed;
import org.junit.jupiter.api.Test;

class EntityEventJsonTest {

    @Test
    void pinsEntityRenamed() {
        assertPinned(new EntityRenamed("facebook-inc", "Facebook Inc.", "Meta Platforms Inc.", full("2021-10-28")));
    }

    @Test
    void pinsEntityDesignated() {
        assertPinned(new EntityDesignated("open-russia", "Prosecutor General's Office", "undesirable", "RU",
                "Open Russia", full("2017-04-26")));
    }

    @Test
    void pinsAssetsSeized() {
        assertPinned(new AssetsSeized("ooo-google", "Federal Bailiffs Service", "RU",
                "Bank accounts of the Russian subsidiary seized", full("2022-05-01")));
    }
}
