package io.salesops.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AmountsTest {

    private static long minor(String s, boolean quoted, int digits) {
        return Amounts.parseMinor(s.toCharArray(), 0, s.length(), quoted, digits, "XTS");
    }

    @Test
    void parseMinor_plainDecimals_scaleToMinorUnits() {
        assertThat(minor("1234.56", false, 2)).isEqualTo(123456);
        assertThat(minor("1234.5", false, 2)).isEqualTo(123450);
        assertThat(minor("7", false, 2)).isEqualTo(700);
        assertThat(minor("+7", false, 2)).isEqualTo(700);
        assertThat(minor("-0.01", false, 2)).isEqualTo(-1);
        assertThat(minor("1200", false, 0)).isEqualTo(1200);
        assertThat(minor("1.234", false, 3)).isEqualTo(1234);
        assertThat(minor("\"1,000,000.10\"".replace("\"", ""), true, 2)).isEqualTo(100_000_010);
    }

    @Test
    void parseMinor_largestAmounts_overflowLoudly() {
        assertThat(minor("92233720368547758.07", false, 2)).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> minor("92233720368547758.08", false, 2))
                .hasMessage("\"92233720368547758.08\" is too large an amount");
        assertThatThrownBy(() -> minor("1234567890123456789", false, 0))
                .hasMessage("\"1234567890123456789\" is too large an amount");
    }

    @Test
    void parseMinor_malformed_isRejected() {
        for (String s : new String[] {"", "-", ".5", "5.", "1.2.3", "1 000", "$5", "5€", "1,000"}) {
            assertThatThrownBy(() -> minor(s, false, 2)).as(s).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> minor("1,000", false, 2))
                .hasMessage("\"1,000\" is not a decimal amount; thousands separators are allowed only in quoted fields");
        assertThatThrownBy(() -> minor(",100", true, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> minor("1000,000", true, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
