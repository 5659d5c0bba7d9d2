package org.disputeledger.sanction.event;

import org.axonframework.serialization.Revision;
import org.disputeledger.common.Envelope;

/** A bailiff service opened enforcement proceedings on the fine, a number of them when stated. */
@Revision("1")
public record EnforcementProceedingOpened(String fineId, String bailiffService, Integer proceedings,
                                          Envelope envelope) implements FineEvent {
}
