package org.disputeledger.projection.timeline;

import java.time.Instant;
import org.disputeledger.common.Confidence;
import org.disputeledger.common.EffectiveTime;

/**
 * One row of {@code timeline_entry}: an event of the ledger with its place in the log (stream, sequence, global
 * position), its subjects, both time axes, and its sources and links as JSON text.
 */
record TimelineRow(String eventId, String streamId, long sequence, long position, String type, String platform,
                   String legalEntity, String jurisdiction, EffectiveTime effective, Instant recordedAt,
                   Confidence confidence, String summary, String sources, String links) {
}
