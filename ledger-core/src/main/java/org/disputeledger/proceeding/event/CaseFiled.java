package org.disputeledger.proceeding.event;

import org.axonframework.serialization.Revision;
import org.disputeledger.common.Envelope;

/**
 * An authority of a jurisdiction brought a case against a platform (and its legal entity, when named) on a legal
 * basis, before a court and asking for a relief such as a block, each when stated.
 */
@Revision("1")
public record CaseFiled(String proceedingId, String jurisdiction, String claimant, String platform,
                        String legalEntityId, String legalBasis, String court, String relief, Envelope envelope)
        implements ProceedingEvent {
}
