package io.salesops.forecast.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** The long arithmetic of a deal's expected value gives exactly what BigDecimal gives, in every rounding mode. */
class ExpectedValueProperties {

    @Property(tries = 2000)
    void expectedMinor_isAmountTimesProbabilityRoundedOnceAsBigDecimalRoundsIt(
            @ForAll("amounts") long amount, @ForAll @LongRange(max = 1_000_000_000L) long pE9,
            @ForAll("modes") RoundingMode mode) {
        BigDecimal exact = BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(pE9, 9));
        assertThat(ExpectedValue.expectedMinor(amount, pE9, mode)).isEqualTo(exact.setScale(0, mode).longValueExact());
    }

    @Property(tries = 300)
    void expectedMinor_unnecessary_isExactOrThrows(@ForAll("amounts") long amount,
                                                   @ForAll @LongRange(max = 1_000_000_000L) long pE9) {
        BigDecimal exact = BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(pE9, 9));
        if (exact.stripTrailingZeros().scale() <= 0) {
            assertThat(ExpectedValue.expectedMinor(amount, pE9, RoundingMode.UNNECESSARY)).isEqualTo(exact.longValueExact());
        } else {
            assertThatThrownBy(() -> ExpectedValue.expectedMinor(amount, pE9, RoundingMode.UNNECESSARY))
                    .isInstanceOf(ArithmeticException.class);
        }
    }

    /** Small and huge, negative and zero amounts, and ones whose product with 10^9 just overflows a long. */
    @Provide
    Arbitrary<Long> amounts() {
        return Arbitraries.oneOf(Arbitraries.longs().between(-1_000_000_00L, 1_000_000_000_00L),
                Arbitraries.longs().between(Long.MAX_VALUE / 1_000_000_000L - 1000, Long.MAX_VALUE / 1_000_000_000L + 1000),
                Arbitraries.longs().between(Long.MAX_VALUE / 4, Long.MAX_VALUE / 2),
                Arbitraries.of(0L, 1L, -1L, 5L, 15L, 25L));
    }

    @Provide
    Arbitrary<RoundingMode> modes() {
        return Arbitraries.of(RoundingMode.HALF_EVEN, RoundingMode.HALF_UP, RoundingMode.HALF_DOWN, RoundingMode.UP,
                RoundingMode.DOWN, RoundingMode.CEILING, RoundingMode.FLOOR);
    }
}
