package org.disputeledger.projection.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.disputeledger.common.EffectiveTime;
import org.disputeledger.demand.ComplianceScope;
import org.disputeledger.demand.DemandKind;

/**
 * One row of {@code demand_fact}: a fact about a demand made of a platform, with when it took effect and when the
 * ledger recorded it. {@code items} is the item count of an issue, the items actioned of a compliance or the items
 * refused of a refusal (null when not stated; a refusal without a count refuses the whole demand). Platform,
 * jurisdiction, authority and kind are the issue's on every row of the demand. {@code sources} (JSON) is written with
 * the row and not read back for answers, which do not show it (null then).
 */
record DemandFact(String eventId, String demandId, String platform, String jurisdiction, long sequence, Kind kind,
                  DemandKind demandKind, String authority, Long items, Map<String, Long> itemsByCategory,
                  ComplianceScope scope, LocalDate deadline, EffectiveTime effective, Instant recordedAt,
                  String sources) {

    DemandFact {
        itemsByCategory = itemsByCategory == null ? Map.of() : Map.copyOf(itemsByCategory);
    }

    /** What a fact does to a demand. */
    enum Kind {
        ISSUED, DEADLINE_EXTENDED, COMPLIED, REFUSED, WITHDRAWN
    }

    /** True when the fact had taken effect by {@code at} and the ledger knew it by {@code knownAt}. */
    boolean visibleAt(Instant at, Instant knownAt) {
        return !effective.start().isAfter(at) && !recordedAt.isAfter(knownAt);
    }
}
