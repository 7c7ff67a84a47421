package io.salesops.comp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** The attainment shortcut gives the very BigDecimal (value and scale) that the division it replaces gives. */
class ComponentMeasureProperties {

    private static BigDecimal divided(long value, long quota) {
        return BigDecimal.valueOf(value).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(quota), MathContext.DECIMAL128);
    }

    @Property
    void attainment_equalsTheDecimal128Division_valueAndScale(@ForAll @LongRange(min = -1_000_000_000_00L, max = 1_000_000_000_000_00L) long value,
                                                               @ForAll("quotas") long quota) {
        BigDecimal fast = ComponentMeasure.attainment(value, quota);
        BigDecimal slow = divided(value, quota);
        assertThat(fast).isEqualTo(slow); // BigDecimal.equals compares the scale too
        assertThat(fast.scale()).isEqualTo(slow.scale());
    }

    @Property
    void attainment_atTheEdgesOfTheLongRange_equalsTheDivision(@ForAll("edges") long value, @ForAll("quotas") long quota) {
        assertThat(ComponentMeasure.attainment(value, quota)).isEqualTo(divided(value, quota));
    }

    /** Round quotas (terminating quotients), awkward ones (repeating) and negative ones. */
    @Provide
    Arbitrary<Long> quotas() {
        return Arbitraries.oneOf(
                Arbitraries.of(100_000_00L, 120_000_00L, 1_000_000_00L, 250_000_00L, 1L, 3L, 7L, 64L, 1_024L, 30_000_00L),
                Arbitraries.longs().between(1, 10_000_000_000_00L),
                Arbitraries.longs().between(-1_000_000_00L, -1));
    }

    @Provide
    Arbitrary<Long> edges() {
        return Arbitraries.oneOf(Arbitraries.of(0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE / 100,
                -(Long.MAX_VALUE / 100), Long.MAX_VALUE / 100 + 1), Arbitraries.longs());
    }
}
