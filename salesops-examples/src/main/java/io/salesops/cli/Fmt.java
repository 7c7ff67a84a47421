package io.salesops.cli;

import io.salesops.core.money.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** Number formats for human-readable CLI output; locale-independent so output is the same everywhere. */
final class Fmt {
    private Fmt() {
    }

    /** Whole currency units with grouping, half-even: {@code 1,234,568}. */
    static String whole(Money m) {
        return String.format(Locale.ROOT, "%,d", m.amount().setScale(0, RoundingMode.HALF_EVEN).longValueExact());
    }

    /** A ratio as a percentage with one decimal, or "-" if the denominator is zero: {@code 87.3%}. */
    static String percent(Money numerator, Money denominator) {
        if (denominator.isZero()) {
            return "-";
        }
        return percent(numerator.ratio(denominator));
    }

    /** A count ratio as a percentage with one decimal, or "-" if {@code of} is zero. */
    static String percent(long part, long of) {
        if (of == 0) {
            return "-";
        }
        return percent(BigDecimal.valueOf(part).divide(BigDecimal.valueOf(of), MathContext.DECIMAL64));
    }

    /** A fraction as a percentage with one decimal: 0.8734 is {@code 87.3%}. */
    static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(1, RoundingMode.HALF_EVEN).toPlainString() + "%";
    }

    /** Money divided by a count, in whole units, or "-" for a zero count. */
    static String average(Money total, long count) {
        if (count == 0) {
            return "-";
        }
        BigDecimal avg = total.amount().divide(BigDecimal.valueOf(count), 0, RoundingMode.HALF_EVEN);
        return String.format(Locale.ROOT, "%,d", avg.longValueExact());
    }
}
