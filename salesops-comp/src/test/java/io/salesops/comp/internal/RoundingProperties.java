package io.salesops.comp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The long arithmetic that puts tier bounds on the measure axis rounds exactly as BigDecimal does, or declines. */
class RoundingProperties {

    @Property(tries = 2000)
    void scaled_equalsBigDecimal_orDeclines(@ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long a,
                                            @ForAll @LongRange(min = 0, max = 10_000_000_000L) long u,
                                            @ForAll @IntRange(min = -3, max = 12) int scale,
                                            @ForAll @IntRange(min = -4, max = 4) int shift,
                                            @ForAll RoundingMode mode) {
        long fast = Rounding.scaled(a, u, scale, shift, mode);
        if (fast == Rounding.NOT_IN_LONGS) {
            return; // the caller computes it with BigDecimal
        }
        BigDecimal exact = BigDecimal.valueOf(a).multiply(BigDecimal.valueOf(u, scale)).movePointRight(shift);
        assertThat(fast).isEqualTo(exact.setScale(0, mode).longValueExact());
    }

    /** Half-way cases, where the modes differ: 2.5, 3.5 and 0.5 minor units. */
    @Property
    void scaled_halfWay_roundsByTheMode(@ForAll @IntRange(min = 0, max = 3) int which, @ForAll RoundingMode mode) {
        long[] units = {25, 35, 5, 15};
        if (mode == RoundingMode.UNNECESSARY) {
            assertThat(Rounding.scaled(1, units[which], 1, 0, mode)).isEqualTo(Rounding.NOT_IN_LONGS);
            return;
        }
        assertThat(Rounding.scaled(1, units[which], 1, 0, mode))
                .isEqualTo(BigDecimal.valueOf(units[which], 1).setScale(0, mode).longValueExact());
    }
}
