package org.disputeledger.audit;

/** The leaves {@code [start, end)} of the log, one element of a proof: the proof carries the range's hash. */
public record LeafRange(long start, long end) {
}
