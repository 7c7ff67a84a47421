package io.salesops.comp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class RadixOrderProperties {

    /** Keys drawn from a few values (many ties), from days of a period, or from the whole range of longs. */
    @Provide
    Arbitrary<long[][]> keys() {
        Arbitrary<Long> majors = Arbitraries.oneOf(Arbitraries.longs().between(20_000, 20_030),
                Arbitraries.longs(), Arbitraries.of(Long.MIN_VALUE, -1L, 0L, Long.MAX_VALUE));
        Arbitrary<Long> minors = Arbitraries.oneOf(Arbitraries.longs().between(0, 3),
                Arbitraries.longs().between(0, Long.MAX_VALUE), Arbitraries.of(0L, 1L << 16, 1L << 48, Long.MAX_VALUE));
        return Arbitraries.integers().between(0, 300).flatMap(n -> Arbitraries.just(n)
                .flatMap(m -> majors.array(long[].class).ofSize(m).flatMap(a -> minors.array(long[].class).ofSize(m)
                        .map(b -> new long[][] {a, b}))));
    }

    /** The order equals a stable comparison sort of the rows by (major, minor): equal keys keep their order. */
    @Property
    void order_isAStableSortByMajorThenMinor(@ForAll("keys") long[][] keys) {
        long[] major = keys[0];
        long[] minor = keys[1];
        int[] expected = IntStream.range(0, major.length).boxed()
                .sorted(Comparator.<Integer>comparingLong(i -> major[i]).thenComparingLong(i -> minor[i]))
                .mapToInt(Integer::intValue).toArray();
        assertThat(RadixOrder.order(major, minor, major.length)).containsExactly(expected);
    }
}
