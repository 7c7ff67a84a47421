package io.salesops.comp.internal;

import java.util.Arrays;

/**
 * Dense int ids for strings (deal ids, payee ids, credit ids): the first string added gets 0, the next new one
 * 1, and so on. Open addressing with linear probing over one {@code long} per slot holding the string's cached
 * hash code and its id, so a probe reads one array and compares strings only when the hashes match; a lookup
 * allocates nothing and an id is an index into plain arrays. Not thread-safe while strings are added; safe to
 * read from several threads once filled and published.
 */
final class StringIds {

    /** Per slot {@code hash << 32 | (id + 1)}; 0 for an empty slot. */
    private long[] slots;
    private String[] byId;
    /** Per id, its string's hash. */
    private int[] hashes;
    private int size;

    /** @param expected how many strings are expected; the table grows past it */
    StringIds(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        slots = new long[capacity];
        byId = new String[Math.max(16, expected)];
        hashes = new int[byId.length];
    }

    /** @return the id of {@code key}, giving it the next id if it is new */
    int add(String key) {
        if (2 * (size + 1) > slots.length) {
            grow();
        }
        int h = key.hashCode();
        int i = slot(key, h);
        long s = slots[i];
        if (s != 0) {
            return (int) s - 1;
        }
        if (size == byId.length) {
            byId = Arrays.copyOf(byId, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        byId[size] = key;
        hashes[size] = h;
        slots[i] = (long) h << 32 | (size + 1L);
        return size++;
    }

    /** @return the id of {@code key}, or -1 if it was never added */
    int get(String key) {
        return (int) slots[slot(key, key.hashCode())] - 1;
    }

    /** @return the string with id {@code id} */
    String key(int id) {
        return byId[id];
    }

    /** @return the {@link String#hashCode} of the string with id {@code id}, without reading the string */
    int hash(int id) {
        return hashes[id];
    }

    /** @return how many strings have ids */
    int size() {
        return size;
    }

    /** @return the slot holding {@code key}, or the empty slot where it would go */
    private int slot(String key, int hash) {
        long[] table = slots;
        int mask = table.length - 1;
        int h = hash * 0x9E3779B9;
        int i = (h ^ (h >>> 16)) & mask;
        for (long s = table[i]; s != 0; s = table[i]) {
            if ((int) (s >>> 32) == hash && byId[(int) s - 1].equals(key)) {
                return i;
            }
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        long[] old = slots;
        long[] table = new long[old.length * 2];
        int mask = table.length - 1;
        for (long s : old) {
            if (s != 0) {
                int h = (int) (s >>> 32) * 0x9E3779B9;
                int i = (h ^ (h >>> 16)) & mask;
                while (table[i] != 0) {
                    i = (i + 1) & mask;
                }
                table[i] = s;
            }
        }
        slots = table;
    }
}
