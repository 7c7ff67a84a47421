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
    void isProbability_onlyFromZeroToHundred() {
        assertThat(Percent.of("0").isProbability()).isTrue();
        assertThat(Percent.of("100").isProbability()).isTrue();
        assertThat(Percent.of("100.01").isProbability()).isFalse();
        assertThat(Percent.of("-1").isProbability()).isFalse();
    }
}
