package io.salesops.comp.internal;

import java.util.Arrays;

/**
 * Dense int ids for strings (deal ids, payee ids, credit ids): the first string added gets 0, the next new one
 * 1, and so on. Open addressing with linear probing over the strings' cached hash codes, so a lookup allocates
 * nothing and an id is an index into plain arrays. Not thread-safe while strings are added; safe to read from
 * several threads once filled and published.
 */
final class StringIds {

    private String[] keys;
    private int[] ids;
    private String[] byId;
    private int size;

    /** @param expected how many strings are expected; the table grows past it */
    StringIds(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new String[capacity];
        ids = new int[capacity];
        byId = new String[Math.max(16, expected)];
    }

    /** @return the id of {@code key}, giving it the next id if it is new */
    int add(String key) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int i = slot(key, keys);
        if (keys[i] == null) {
            keys[i] = key;
            if (size == byId.length) {
                byId = Arrays.copyOf(byId, size * 2);
            }
            byId[size] = key;
            ids[i] = size++;
        }
        return ids[i];
    }

    /** @return the id of {@code key}, or -1 if it was never added */
    int get(String key) {
        int i = slot(key, keys);
        return keys[i] == null ? -1 : ids[i];
    }

    /** @return the string with id {@code id} */
    String key(int id) {
        return byId[id];
    }

    /** @return how many strings have ids */
    int size() {
        return size;
    }

    private static int slot(String key, String[] table) {
        int mask = table.length - 1;
        int h = key.hashCode() * 0x9E3779B9;
        int i = (h ^ (h >>> 16)) & mask;
        while (table[i] != null && !table[i].equals(key)) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        String[] oldKeys = keys;
        int[] oldIds = ids;
        keys = new String[oldKeys.length * 2];
        ids = new int[oldKeys.length * 2];
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != null) {
                int i = slot(oldKeys[j], keys);
                keys[i] = oldKeys[j];
                ids[i] = oldIds[j];
            }
        }
    }
}
