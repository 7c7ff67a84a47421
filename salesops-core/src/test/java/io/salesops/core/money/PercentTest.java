package io.salesops.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PercentTest {

    @Test
    void of_readsPercentWithOrWithoutSign() {
        assertThat(Percent.of("12.5").fraction()).isEqualByComparingTo("0.125");
        assertThat(Percent.of("12.5%")).isEqualTo(Percent.of("12.50"));
        assertThat(Percent.of("100")).isEqualTo(Percent.HUNDRED).hasToString("100%");
    }

    @Test
    void of_rejectsNonNumbersNamingTheText() {
        assertThatThrownBy(() -> Percent.of("ten")).hasMessageContaining("\"ten\" is not a percentage");
    }

    @Test
    void ofPercent_multipliesFractions() {
        assertThat(Percent.of("50").times(Percent.of("10"))).isEqualTo(Percent.of("5"));
        assertThat(Percent.ofFraction(new java.math.BigDecimal("0.075"))).isEqualTo(Percent.of("7.5"));
    }

    @Test
    void times_ofPercentsWithManyDecimals_roundsToWhatAPercentHolds() {
        // 12.34567890123456789012% squared is 1.524157875323883675...% with more decimals than a Percent keeps;
        // it used to be refused as "out of range" although both factors are valid percentages.
        Percent p = Percent.of("12.34567890123456789012");
        Percent square = p.times(p);
        assertThat(square.value().scale()).isLessThanOrEqualTo(Decimals.MAX_SCALE);
        assertThat(square.value()).isEqualByComparingTo(p.fraction().multiply(p.fraction()).movePointRight(2)
                .setScale(Decimals.MAX_SCALE, java.math.RoundingMode.HALF_EVEN));
        assertThat(Percent.of("0.000000000000000000000000000001").times(Percent.of("0.5"))).isEqualTo(Percent.ZERO);
    }

    @Test
    void times_beyondThirtyIntegerDigits_isRefused() {
        Percent huge = Percent.of("1" + "0".repeat(29));
        assertThatThrownBy(() -> huge.times(huge)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out of range");
    }

    @Test
    void isProbability_onlyFromZeroToHundred() {
        assertThat(Percent.of("0").isProbability()).isTrue();
        assertThat(Percent.of("100").isProbability()).isTrue();
        assertThat(Percent.of("100.01").isProbability()).isFalse();
        assertThat(Percent.of("-1").isProbability()).isFalse();
    }
}
