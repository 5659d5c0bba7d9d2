/**
 * The tamper-evident log: every stored event is a leaf of an append-only Merkle tree over the global order, hashed
 * as RFC 6962/9162 define it, and signed checkpoints (tree size, root hash, time) commit to its history. These
 * classes need nothing but the JDK and Jackson, so an auditor's offline verification runs the same code as the
 * ledger's own.
 */
package org.disputeledger.audit;
