package org.disputeledger.projection;

/**
 * One of the two table sets every read model has: while one is live (written by its processor and read by its
 * queries), the other can be filled by a rebuild from the event store, and the two swap roles when the rebuild has
 * caught up. Set A uses the tables' plain names, set B the same names with the suffix {@code _b}.
 */
public enum TableSet {
    A(""),
    B("_b");

    private final String suffix;

    TableSet(String suffix) {
        this.suffix = suffix;
    }

    /** The name, in this set, of the table a read model calls {@code base}. */
    public String table(String base) {
        return base + suffix;
    }

    /** The set that is not this one: where a rebuild goes while this one is live. */
    public TableSet other() {
        return this == A ? B : A;
    }
}
