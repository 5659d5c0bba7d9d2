package org.disputeledger.projection;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a projection remembers of facts it wrote, so that later events need not read them back: the subjects of a
 * stream, the legal entity of a fine. Only facts that never change once recorded belong here, so a batch that rolls
 * back cannot leave a wrong value behind (its events are handled again and give the same facts). The least
 * recently used entries are forgotten beyond a bound; a forgotten one is read from the tables.
 */
public final class Remembered<V> {

    /** How many entries a projection keeps unless told otherwise. */
    public static final int DEFAULT_BOUND = 100_000;

    private final Map<String, V> entries;

    public Remembered() {
        this(DEFAULT_BOUND);
    }

    public Remembered(int bound) {
        this.entries = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > bound;
            }
        };
    }

    public synchronized void put(String key, V value) {
        entries.put(key, value);
    }

    /** The remembered value, or null when it was never seen or has been forgotten. */
    public synchronized V get(String key) {
        return entries.get(key);
    }
}
