package org.disputeledger.curation.event;

import org.disputeledger.common.LedgerEvent;

/** The curation of one earlier event: corrections, a retraction, more sources. The event itself never changes. */
public sealed interface CurationEvent extends LedgerEvent permits EventCorrected, EventRetracted, SourceAttached {

    String targetEventId();
}
