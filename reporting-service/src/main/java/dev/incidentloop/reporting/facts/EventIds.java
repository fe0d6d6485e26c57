package dev.incidentloop.reporting.facts;

import java.util.UUID;

/**
 * A set of event ids kept as pairs of longs in one array (open addressing, linear probing): a replay's pass holds
 * hundreds of thousands of them, which as a set of {@link UUID} objects would be about three times the memory and
 * as many objects for the collector to trace.
 */
final class EventIds {

    private long[] slots = new long[2 * 1024];
    private int size;
    private boolean hasZero; // the all-zero id, which marks an empty slot

    /** Adds the id; returns whether it was new. */
    boolean add(UUID id) {
        long high = id.getMostSignificantBits();
        long low = id.getLeastSignificantBits();
        if (high == 0 && low == 0) {
            boolean added = !hasZero;
            hasZero = true;
            size += added ? 1 : 0;
            return added;
        }
        if (2 * (size + 1) > slots.length * 7 / 10) {
            grow();
        }
        if (!insert(slots, high, low)) {
            return false;
        }
        size++;
        return true;
    }

    int size() {
        return size;
    }

    /** What is done with each id; it may throw what its caller throws. */
    interface Action<E extends Exception> {
        void accept(UUID id) throws E;
    }

    <E extends Exception> void forEach(Action<E> action) throws E {
        if (hasZero) {
            action.accept(new UUID(0, 0));
        }
        for (int i = 0; i < slots.length; i += 2) {
            if (slots[i] != 0 || slots[i + 1] != 0) {
                action.accept(new UUID(slots[i], slots[i + 1]));
            }
        }
    }

    private static boolean insert(long[] table, long high, long low) {
        int mask = table.length / 2 - 1;
        int i = (int) mix(high ^ low) & mask;
        while (table[2 * i] != 0 || table[2 * i + 1] != 0) {
            if (table[2 * i] == high && table[2 * i + 1] == low) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[2 * i] = high;
        table[2 * i + 1] = low;
        return true;
    }

    private void grow() {
        long[] larger = new long[slots.length * 2];
        for (int i = 0; i < slots.length; i += 2) {
            if (slots[i] != 0 || slots[i + 1] != 0) {
                insert(larger, slots[i], slots[i + 1]);
            }
        }
        slots = larger;
    }

    /** Spreads the bits (a finalizer of MurmurHash3): name-based ids differ in few of them. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
