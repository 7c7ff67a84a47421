package io.salesops.io;

/**
 * The line on which each key was first seen, for finding duplicate ids: open addressing over a key array and
 * a hash-and-line array, which costs far less per row than a {@code HashMap<String, Integer>}. Not thread-safe.
 */
final class KeyIndex {

    private String[] keys = new String[1 << 12];
    /** Per slot, the key's hash in the high half and its line in the low half: one array to touch, not two. */
    private long[] meta = new long[1 << 12];
    private int size;

    /** @return the line {@code key} was first seen on, or 0 after recording it on {@code line}, which is at least 1 */
    int putIfAbsent(String key, int line) {
        if (size * 2 >= keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int h = mix(key.hashCode());
        for (int slot = h & mask; ; slot = (slot + 1) & mask) {
            long m = meta[slot];
            if (m == 0) {
                keys[slot] = key;
                meta[slot] = ((long) h << 32) | (line & 0xffff_ffffL);
                size++;
                return 0;
            }
            if ((int) (m >>> 32) == h && keys[slot].equals(key)) {
                return (int) m;
            }
        }
    }

    /** @return the line {@code key} was first seen on, or 0 */
    int get(String key) {
        int mask = keys.length - 1;
        int h = mix(key.hashCode());
        for (int slot = h & mask; ; slot = (slot + 1) & mask) {
            long m = meta[slot];
            if (m == 0) {
                return 0;
            }
            if ((int) (m >>> 32) == h && keys[slot].equals(key)) {
                return (int) m;
            }
        }
    }

    private static int mix(int h) {
        int m = h * 0x9E3779B9;
        return m ^ (m >>> 16);
    }

    private void grow() {
        String[] oldKeys = keys;
        long[] oldMeta = meta;
        keys = new String[oldKeys.length * 2];
        meta = new long[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldMeta[i] != 0) {
                int slot = (int) (oldMeta[i] >>> 32) & mask;
                while (meta[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                meta[slot] = oldMeta[i];
            }
        }
    }
}
