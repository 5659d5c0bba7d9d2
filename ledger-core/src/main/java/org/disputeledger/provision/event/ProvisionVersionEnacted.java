package org.disputeledger.provision.event;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.disputeledger.common.Envelope;
import org.disputeledger.provision.Penalty;

/**
 * A version of a jurisdiction's legal provision took effect on a date: whom it applies to, the fine it sets (a fixed
 * range in minor units or a band of revenue; null when the text sets none), and for a repeat offence the base
 * provision and the repeat window in days.
 */
@Revision("1")
public record ProvisionVersionEnacted(String provisionId, String jurisdiction, String code, String subject,
                                      LocalDate effectiveFrom, Penalty penalty, String repeatOf,
                                      Integer repeatWindowDays, String enactingAct, Envelope envelope)
        implements ProvisionEvent {
}
