package io.salesops.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTest {

    private static final Currency USD = Currency.getInstance("USD");

    @Test
    void of_decimalString_holdsMinorUnits() {
        assertThat(Money.of("1234.56", "USD").minorUnits()).isEqualTo(123456);
        assertThat(Money.of("1200", "JPY").minorUnits()).isEqualTo(1200);
        assertThat(Money.of("1.5", "USD").minorUnits()).isEqualTo(150);
    }

    @Test
    void of_currencyFirst_isRefusedShowingTheAmountFirstOrder() {
        // Joda-Money's order, Money.of(currency, amount), written by habit: refused, never misread.
        assertThatThrownBy(() -> Money.of("USD", "25000.00"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Money.of(\"USD\", \"25000.00\") has its arguments swapped: the amount comes first,"
                        + " Money.of(\"25000.00\", \"USD\")");
        // Not a swap: a bad amount keeps its own message.
        assertThatThrownBy(() -> Money.of("USD", "EUR")).hasMessageContaining("\"USD\" is not a decimal amount");
    }

    @Test
    void of_tooManyDecimals_throwsNamingTheAmountInsteadOfRounding() {
        assertThatThrownBy(() -> Money.of("1.005", "USD"))
                .isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("1.005").hasMessageContaining("2 decimal places");
        assertThat(Money.of(new BigDecimal("1.005"), USD, RoundingMode.HALF_EVEN).minorUnits()).isEqualTo(100);
        assertThat(Money.of(new BigDecimal("1.005"), USD, RoundingMode.HALF_UP).minorUnits()).isEqualTo(101);
    }

    @Test
    void of_unknownCurrency_namesTheCode() {
        assertThatThrownBy(() -> Money.of("1", "ZZZ")).hasMessageContaining("\"ZZZ\" is not an ISO 4217");
    }

    @Test
    void plus_differentCurrencies_throwsCurrencyMismatch() {
        assertThatThrownBy(() -> Money.of("1", "USD").plus(Money.of("1", "EUR")))
                .isInstanceOf(CurrencyMismatchException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("USD and EUR");
    }

    @Test
    void plus_overflow_throwsInsteadOfWrapping() {
        Money max = Money.ofMinor(Long.MAX_VALUE, USD);
        assertThatThrownBy(() -> max.plus(Money.ofMinor(1, USD))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> max.times(2)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.ofMinor(Long.MIN_VALUE, USD).negate()).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void times_rate_roundsOnceWithTheGivenMode() {
        Money m = Money.of("200.05", "USD");
        // 200.05 x 12.5% = 25.00625 -> 25.01 half-up, 25.00 down
        assertThat(m.times(Percent.of("12.5"), RoundingMode.HALF_UP)).isEqualTo(Money.of("25.01", "USD"));
        assertThat(m.times(Percent.of("12.5"), RoundingMode.DOWN)).isEqualTo(Money.of("25.00", "USD"));
        // 0.125 exactly x 2 cents = 0.25 cents -> HALF_EVEN gives 0
        assertThat(Money.ofMinor(2, USD).times(new BigDecimal("0.125"), RoundingMode.HALF_EVEN).minorUnits()).isZero();
    }

    @Test
    void allocate_threeWaysOfOneCent_givesOneCentToTheFirst() {
        assertThat(Money.ofMinor(1, USD).allocate(3))
                .containsExactly(Money.ofMinor(1, USD), Money.ofMinor(0, USD), Money.ofMinor(0, USD));
    }

    @Test
    void allocate_hundredDollarsThreeWays_splits3334_3333_3333() {
        assertThat(Money.of("100", "USD").allocate(1, 1, 1))
                .containsExactly(Money.of("33.34", "USD"), Money.of("33.33", "USD"), Money.of("33.33", "USD"));
    }

    @Test
    void allocate_byLargestRemainder_notByPosition() {
        // 0.05 split 30:70 -> exact shares 1.5 and 3.5 cents: tie, first wins -> 2 and 3
        assertThat(Money.ofMinor(5, USD).allocate(30, 70)).containsExactly(Money.ofMinor(2, USD), Money.ofMinor(3, USD));
        // 0.10 split 1:2:7 -> exact 1, 2, 7 cents, no remainder
        assertThat(Money.ofMinor(10, USD).allocate(1, 2, 7))
                .containsExactly(Money.ofMinor(1, USD), Money.ofMinor(2, USD), Money.ofMinor(7, USD));
        // 1.00 split 1:1:1:3: exact 16.67, 16.67, 16.67, 50 -> floors 16+16+16+50 = 98; the two leftover
        // cents go to the largest remainders (the three tied 2/3-cent shares), earliest first
        assertThat(Money.ofMinor(100, USD).allocate(1, 1, 1, 3))
                .containsExactly(Money.ofMinor(17, USD), Money.ofMinor(17, USD), Money.ofMinor(16, USD), Money.ofMinor(50, USD));
    }

    @Test
    void allocate_negativeAmount_partsKeepTheSign() {
        assertThat(Money.of("-100", "USD").allocate(3))
                .containsExactly(Money.of("-33.34", "USD"), Money.of("-33.33", "USD"), Money.of("-33.33", "USD"));
    }

    @Test
    void allocate_decimalPercentages_splitsBySharePercent() {
        assertThat(Money.of("1000", "USD").allocate(new BigDecimal("33.3"), new BigDecimal("66.7")))
                .containsExactly(Money.of("333.00", "USD"), Money.of("667.00", "USD"));
    }

    @Test
    void allocate_badRatios_namesTheProblem() {
        assertThatThrownBy(() -> Money.of("1", "USD").allocate(1, -1)).hasMessageContaining("ratio -1 at index 1 is negative");
        assertThatThrownBy(() -> Money.of("1", "USD").allocate(0, 0)).hasMessageContaining("all zero");
        assertThatThrownBy(() -> Money.of("1", "USD").allocate(0)).hasMessageContaining("0 parts");
    }

    @Test
    void toString_groupsThousandsWithCurrencyFirst() {
        assertThat(Money.of("1234.56", "USD")).hasToString("USD 1,234.56");
        assertThat(Money.of("-1234567.5", "EUR")).hasToString("EUR -1,234,567.50");
        assertThat(Money.of("1200", "JPY")).hasToString("JPY 1,200");
        assertThat(Money.of("0.07", "USD")).hasToString("USD 0.07");
    }

    @Test
    void parse_readsTheFormatsPeopleWrite() {
        assertThat(Money.parse("USD 1,234.56")).isEqualTo(Money.of("1234.56", "USD"));
        assertThat(Money.parse("1234.56 EUR")).isEqualTo(Money.of("1234.56", "EUR"));
        assertThat(Money.parse("-USD 5")).isEqualTo(Money.of("-5", "USD"));
        assertThat(Money.parse("USD -5.00")).isEqualTo(Money.of("-5", "USD"));
        assertThatThrownBy(() -> Money.parse("12.00")).hasMessageContaining("no ISO 4217 currency code");
        assertThatThrownBy(() -> Money.parse("USD 1.2.3")).hasMessageContaining("no valid amount");
    }

    @Test
    void parse_tenThousandCharacters_isRefusedQuotingTheFirstForty() {
        assertThatThrownBy(() -> Money.parse("9".repeat(10_000)))
                .hasMessage("money \"" + "9".repeat(40) + "...\" has no ISO 4217 currency code, expected e.g. \"USD 1,234.56\"");
        assertThatThrownBy(() -> Money.parse("USD 12x" + "x".repeat(10_000)))
                .hasMessageStartingWith("money \"USD 12xxx").hasMessageEndingWith("...\" has no valid amount, expected e.g. \"USD 1,234.56\"");
    }

    @Test
    void parse_signBeforeTheCodeAndBeforeTheNumber_isRefusedNotReadAsPositive() {
        assertThatThrownBy(() -> Money.parse("-USD -5.00")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("money \"-USD -5.00\" has two signs, expected e.g. \"USD -5.00\"");
        assertThatThrownBy(() -> Money.parse("-USD +5.00")).hasMessageContaining("two signs");
    }

    @Test
    void ratio_givesAttainment() {
        assertThat(Money.of("150", "USD").ratio(Money.of("120", "USD"))).isEqualByComparingTo("1.25");
        assertThatThrownBy(() -> Money.of("1", "USD").ratio(Money.zero("USD"))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void currencyWithoutMinorUnit_isRejected() {
        assertThatThrownBy(() -> Money.zero("XXX")).hasMessageContaining("XXX has no minor unit");
    }

    @org.junit.jupiter.api.Test
    void of_hugeOrTinyExponent_isRefusedAtOnceWithAShortMessage() {
        java.util.Currency usd = java.util.Currency.getInstance("USD");
        for (String text : new String[] {"1e999999999", "-1e999999999", "1e20", "123456789012345678901234567890.5"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Money.of(new java.math.BigDecimal(text), usd))
                    .isInstanceOf(ArithmeticException.class).hasMessageContaining("outside the range of Money")
                    .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.getMessage()).hasSizeLessThan(200));
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Money.of(new java.math.BigDecimal("1e-999999999"), usd))
                .isInstanceOf(ArithmeticException.class).hasMessageContaining("1E-999999999 has more than 2 decimal places");
        org.assertj.core.api.Assertions.assertThat(Money.of(new java.math.BigDecimal("1.50000e0"), usd)).isEqualTo(Money.of("1.50", "USD"));
        org.assertj.core.api.Assertions.assertThat(Money.of(new java.math.BigDecimal("0E-999999999"), usd)).isEqualTo(Money.zero(usd));
    }

    @org.junit.jupiter.api.Test
    void roundingATinyAmount_behavesAsAnySuchAmountOfItsSign() {
        java.util.Currency usd = java.util.Currency.getInstance("USD");
        java.math.BigDecimal tiny = new java.math.BigDecimal("1e-999999999");
        org.assertj.core.api.Assertions.assertThat(Money.of(tiny, usd, java.math.RoundingMode.HALF_EVEN)).isEqualTo(Money.zero(usd));
        org.assertj.core.api.Assertions.assertThat(Money.of(tiny, usd, java.math.RoundingMode.UP)).isEqualTo(Money.of("0.01", "USD"));
        org.assertj.core.api.Assertions.assertThat(Money.of(tiny.negate(), usd, java.math.RoundingMode.FLOOR)).isEqualTo(Money.of("-0.01", "USD"));
        org.assertj.core.api.Assertions.assertThat(Money.of("100.00", "USD").times(tiny, java.math.RoundingMode.CEILING))
                .isEqualTo(Money.of("0.01", "USD"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Money.of("100.00", "USD")
                        .times(new java.math.BigDecimal("1e999999999"), java.math.RoundingMode.HALF_EVEN))
                .isInstanceOf(ArithmeticException.class).hasMessageContaining("outside the range of Money");
    }
}
