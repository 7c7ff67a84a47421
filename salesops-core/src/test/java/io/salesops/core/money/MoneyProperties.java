package io.salesops.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Currency;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class MoneyProperties {

    private static final Currency USD = Currency.getInstance("USD");

    @Property
    void allocation_partsSumExactlyToTheWhole(@ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long minor,
                                              @ForAll @Size(min = 1, max = 12) List<@LongRange(min = 0, max = 1_000_000) Long> ratios) {
        long[] r = ratios.stream().mapToLong(Long::longValue).toArray();
        if (ratios.stream().allMatch(x -> x == 0)) {
            r[0] = 1;
        }
        List<Money> parts = Money.ofMinor(minor, USD).allocate(r);
        assertThat(parts.stream().mapToLong(Money::minorUnits).sum()).isEqualTo(minor);
    }

    @Property
    void allocation_eachPartIsWithinOneMinorUnitOfItsExactShare(
            @ForAll @LongRange(min = -1_000_000_000L, max = 1_000_000_000L) long minor,
            @ForAll @Size(min = 1, max = 12) List<@LongRange(min = 0, max = 1_000_000) Long> ratios) {
        long[] r = ratios.stream().mapToLong(Long::longValue).toArray();
        if (ratios.stream().allMatch(x -> x == 0)) {
            r[0] = 1;
        }
        long total = 0;
        for (long x : r) {
            total += x;
        }
        List<Money> parts = Money.ofMinor(minor, USD).allocate(r);
        for (int i = 0; i < r.length; i++) {
            // |part - minor * r_i / total| < 1  <=>  |part * total - minor * r_i| < total
            BigInteger diff = BigInteger.valueOf(parts.get(i).minorUnits()).multiply(BigInteger.valueOf(total))
                    .subtract(BigInteger.valueOf(minor).multiply(BigInteger.valueOf(r[i]))).abs();
            assertThat(diff).isLessThan(BigInteger.valueOf(total));
        }
    }

    @Property
    void allocationIntoN_partsDifferByAtMostOneMinorUnit(@ForAll @LongRange(min = 0, max = 1_000_000_000L) long minor,
                                                        @ForAll @IntRange(min = 1, max = 50) int n) {
        List<Money> parts = Money.ofMinor(minor, USD).allocate(n);
        long max = parts.stream().mapToLong(Money::minorUnits).max().orElseThrow();
        long min = parts.stream().mapToLong(Money::minorUnits).min().orElseThrow();
        assertThat(max - min).isLessThanOrEqualTo(1);
        assertThat(parts.stream().mapToLong(Money::minorUnits).sum()).isEqualTo(minor);
    }

    @Property
    void addition_isExactAndMatchesBigDecimal(@ForAll @LongRange(min = -1_000_000_000_000_000L, max = 1_000_000_000_000_000L) long a,
                                             @ForAll @LongRange(min = -1_000_000_000_000_000L, max = 1_000_000_000_000_000L) long b) {
        Money sum = Money.ofMinor(a, USD).plus(Money.ofMinor(b, USD));
        assertThat(sum.amount()).isEqualByComparingTo(BigDecimal.valueOf(a, 2).add(BigDecimal.valueOf(b, 2)));
        assertThat(sum.minus(Money.ofMinor(b, USD))).isEqualTo(Money.ofMinor(a, USD));
    }

    @Property
    void overflow_alwaysThrowsAndNeverWraps(@ForAll long a, @ForAll long b) {
        boolean fits = BigInteger.valueOf(a).add(BigInteger.valueOf(b)).bitLength() <= 63;
        if (fits) {
            assertThat(Money.ofMinor(a, USD).plus(Money.ofMinor(b, USD)).minorUnits()).isEqualTo(a + b);
        } else {
            assertThatThrownBy(() -> Money.ofMinor(a, USD).plus(Money.ofMinor(b, USD))).isInstanceOf(ArithmeticException.class);
        }
    }

    @Property
    void toStringAndParse_roundTrip(@ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long minor) {
        Money m = Money.ofMinor(minor, USD);
        assertThat(Money.parse(m.toString())).isEqualTo(m);
    }
}
