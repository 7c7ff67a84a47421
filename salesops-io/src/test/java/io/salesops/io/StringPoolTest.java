package io.salesops.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StringPoolTest {

    private static String get(StringPool pool, String s) {
        char[] c = ("[" + s + "]").toCharArray();
        return pool.get(c, 1, c.length - 1);
    }

    @Test
    void get_repeatedValues_returnTheSameInstanceAcrossGrowth() {
        StringPool pool = new StringPool();
        String[] first = new String[5000];
        for (int i = 0; i < first.length; i++) {
            first[i] = get(pool, "rep" + i);
        }
        for (int i = 0; i < first.length; i++) {
            String again = get(pool, "rep" + i);
            assertThat(again).isEqualTo("rep" + i).isSameAs(first[i]);
        }
    }

    @Test
    void get_beyondTheBounds_returnsEqualButFreshStrings() {
        StringPool pool = new StringPool();
        for (int i = 0; i < 9000; i++) {
            get(pool, "id" + i);
        }
        // The pool holds 8192 values; later ones are not kept.
        assertThat(get(pool, "id8999")).isEqualTo("id8999").isNotSameAs(get(pool, "id8999"));
        assertThat(get(pool, "id1")).isSameAs(get(pool, "id1"));
        String longValue = "x".repeat(65);
        assertThat(get(pool, longValue)).isEqualTo(longValue).isNotSameAs(get(pool, longValue));
    }
}
