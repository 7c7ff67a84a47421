package io.salesops.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DecimalsTest {

    @Test
    void parse_ordinaryDecimals_keepTheirValue() {
        assertThat(Decimals.parse(" 1234.56 ")).isEqualByComparingTo("1234.56");
        assertThat(Decimals.parse("1.2e3")).isEqualByComparingTo("1200");
        assertThat(Decimals.parse("0.500000000000000000000000000000000000")).isEqualByComparingTo("0.5");
    }

    @Test
    void parse_hugeOrTinyExponents_areRefusedQuotingTheText() {
        assertThatThrownBy(() -> Decimals.parse("1e999999999")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("\"1e999999999\" is out of range: a decimal number has at most 30 digits before the decimal"
                        + " point and 30 after it");
        assertThatThrownBy(() -> Decimals.parse("-1E-999999999")).hasMessageStartingWith("\"-1E-999999999\" is out of range");
    }

    @Test
    void parse_longText_isRefusedQuotingOnlyAPrefix() {
        String digits = "9".repeat(100_000);
        assertThatThrownBy(() -> Decimals.parse(digits)).hasMessage("\"" + "9".repeat(40) + "...\" has 100000 characters;"
                + " a decimal number has at most 64");
    }

    @Test
    void check_valuesBuiltInCode_areBoundedToo() {
        assertThatThrownBy(() -> Decimals.check(new BigDecimal("1e999999999"))).hasMessageStartingWith("1E+999999999 is out of range");
        assertThat(Decimals.check(new BigDecimal("0E-999999999"))).isEqualByComparingTo("0");
    }

    @Test
    void percent_ofAHugeExponent_isRefusedNotExpanded() {
        assertThatThrownBy(() -> Percent.of("1e999999999")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> Percent.ofFraction(new BigDecimal("1e999999999"))).hasMessageContaining("out of range");
        assertThatThrownBy(() -> Percent.of("abc")).hasMessage("\"abc\" is not a percentage, expected e.g. \"12.5\" or \"12.5%\"");
    }

    @Test
    void everyRefusal_namesItsRule_soReadersNeverParseTheMessage() {
        assertThatThrownBy(() -> Decimals.parse("12,5")).isInstanceOfSatisfying(BadDecimalException.class,
                e -> assertThat(e.reason()).isEqualTo(BadDecimalException.Reason.NOT_A_NUMBER));
        assertThatThrownBy(() -> Decimals.parse("1".repeat(65))).isInstanceOfSatisfying(BadDecimalException.class,
                e -> assertThat(e.reason()).isEqualTo(BadDecimalException.Reason.TOO_LONG));
        assertThatThrownBy(() -> Decimals.parse("1e31")).isInstanceOfSatisfying(BadDecimalException.class,
                e -> assertThat(e.reason()).isEqualTo(BadDecimalException.Reason.OUT_OF_RANGE));
        assertThatThrownBy(() -> Decimals.check(new BigDecimal("1e-31"))).isInstanceOfSatisfying(BadDecimalException.class,
                e -> assertThat(e.reason()).isEqualTo(BadDecimalException.Reason.OUT_OF_RANGE));
        // The limits themselves are allowed: 30 digits before the point, 30 after it, 64 characters.
        assertThat(Decimals.parse("9".repeat(30) + "." + "9".repeat(30)).scale()).isEqualTo(30);
    }

    @Test
    void readersThatWordTheirOwnMessage_keepTheReason() {
        assertThatThrownBy(() -> Money.of("12,5", "USD")).isInstanceOfSatisfying(BadDecimalException.class,
                e -> assertThat(e.reason()).isEqualTo(BadDecimalException.Reason.NOT_A_NUMBER))
                .hasMessage("\"12,5\" is not a decimal amount");
        assertThatThrownBy(() -> Percent.of("ten")).isInstanceOfSatisfying(BadDecimalException.class,
                e -> assertThat(e.reason()).isEqualTo(BadDecimalException.Reason.NOT_A_NUMBER));
    }
}
