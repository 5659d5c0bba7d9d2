package org.disputeledger.claim.event;

import java.time.LocalDate;
import java.util.Map;
import org.axonframework.serialization.Revision;
import org.disputeledger.claim.Qualifier;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.Money;

/**
 * A claimant stated a figure for a metric in a jurisdiction (about a platform and legal entity when named): either
 * a count or an amount in minor units, qualified as exact, a bound or an estimate, for a period (such as 2021-H1)
 * or as of a date when given, with further named figures it gave alongside (parts of the whole, percentages,
 * related counts).
 */
@Revision("1")
public record StatisticReported(String claimId, String claimant, String jurisdiction, String platform,
                                String legalEntityId, String metric, Long count, Money amount, Qualifier qualifier,
                                String period, LocalDate asOf, Map<String, Long> breakdown, Envelope envelope)
        implements ClaimEvent {
}
