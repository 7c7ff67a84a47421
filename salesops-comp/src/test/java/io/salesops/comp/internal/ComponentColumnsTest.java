package io.salesops.comp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.comp.engine.ComponentState;
import io.salesops.core.money.Money;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComponentColumnsTest {

    private static final Currency USD = Currency.getInstance("USD");

    private static ComponentState state(long measure, long count, long gross, long earned, String currency) {
        return new ComponentState(Money.ofMinor(measure, currency), count, Money.ofMinor(gross, currency),
                Money.ofMinor(earned, currency));
    }

    @Test
    void columns_areTheImmutableMapOfTheStatesTheyHold() {
        ComponentColumns.Builder b = new ComponentColumns.Builder(2);
        b.add("Bookings", 150_000_00, 7, 9_000_00, 8_500_00);
        b.add("Override", 4_000_00, 3, 40_00, -10_00);
        Map<String, ComponentState> cols = b.addAbsent(Map.of(), USD);

        Map<String, ComponentState> expected = new HashMap<>();
        expected.put("Bookings", state(150_000_00, 7, 9_000_00, 8_500_00, "USD"));
        expected.put("Override", state(4_000_00, 3, 40_00, -10_00, "USD"));
        assertThat(cols).isInstanceOf(ComponentColumns.class).isEqualTo(expected).hasSize(2);
        assertThat(expected).isEqualTo(cols);
        assertThat(cols.hashCode()).isEqualTo(expected.hashCode());
        assertThat(cols.get("Override")).isEqualTo(state(4_000_00, 3, 40_00, -10_00, "USD"));
        assertThat(cols.get("Spiff")).isNull();
        assertThat(cols.containsKey("Bookings")).isTrue();
        assertThat(cols.containsKey(42)).isFalse();
        assertThat(Map.copyOf(cols)).isEqualTo(expected);
        assertThatThrownBy(() -> cols.put("Spiff", state(0, 0, 0, 0, "USD")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> cols.remove("Bookings")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> cols.entrySet().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(cols).hasSize(2);
    }

    @Test
    void addAbsent_carriesThePriorComponentsNotCalculated_andKeepsTheCalculatedOnes() {
        ComponentColumns.Builder b = new ComponentColumns.Builder(3);
        b.add("Bookings", 100, 1, 10, 10);
        Map<String, ComponentState> prior = new LinkedHashMap<>();
        prior.put("Bookings", state(50, 1, 5, 5, "USD"));
        prior.put("Old version only", state(70, 2, 7, 6, "USD"));
        Map<String, ComponentState> cols = b.addAbsent(prior, USD);
        assertThat(cols).isInstanceOf(ComponentColumns.class).containsOnly(
                Map.entry("Bookings", state(100, 1, 10, 10, "USD")),
                Map.entry("Old version only", state(70, 2, 7, 6, "USD")));
    }

    @Test
    void addAbsent_keepsACarriedStateInAnotherCurrencyAsItIs() {
        ComponentColumns.Builder b = new ComponentColumns.Builder(2);
        b.add("Bookings", 100, 1, 10, 10);
        Map<String, ComponentState> cols = b.addAbsent(Map.of("Euro plan", state(70, 2, 7, 6, "EUR")), USD);
        assertThat(cols).containsOnly(Map.entry("Bookings", state(100, 1, 10, 10, "USD")),
                Map.entry("Euro plan", state(70, 2, 7, 6, "EUR")));
        assertThatThrownBy(() -> cols.put("x", state(0, 0, 0, 0, "USD"))).isInstanceOf(UnsupportedOperationException.class);
    }
}
