package io.salesops.comp.plan;

import static io.salesops.comp.plan.Condition.and;
import static io.salesops.comp.plan.Condition.atLeast;
import static io.salesops.comp.plan.Condition.below;
import static io.salesops.comp.plan.Condition.dateBetween;
import static io.salesops.comp.plan.Condition.eq;
import static io.salesops.comp.plan.Condition.in;
import static io.salesops.comp.plan.Condition.not;
import static io.salesops.comp.plan.Condition.or;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.comp.input.Credit;
import io.salesops.comp.input.CreditStatus;
import io.salesops.comp.internal.Conditions;
import io.salesops.core.money.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionTest {

    private static final Credit EMEA_NEW = new Credit("c1", "a", LocalDate.of(2026, 3, 15), Money.of("5000.00", "USD"), "new",
            "X", "d1", CreditStatus.BOOKED, List.of(), Map.of("region", "EMEA", "seats", "12"));

    private static Credit credit(String id, String type, Map<String, String> attributes) {
        return new Credit(id, "a", LocalDate.of(2026, 3, 15), Money.of("5000.00", "USD"), type, "X", "d1",
                CreditStatus.BOOKED, List.of(), attributes);
    }

    private static boolean test(Condition c) {
        return Conditions.compile(c).test(EMEA_NEW);
    }

    @Test
    void equalsAndIn_compareTheAttributeText() {
        assertThat(test(eq("type", "new"))).isTrue();
        assertThat(test(eq("region", "APAC"))).isFalse();
        assertThat(test(in("region", "APAC", "EMEA"))).isTrue();
        assertThat(test(eq("missing", "x"))).isFalse();
    }

    @Test
    void equalsAndIn_ignoreCaseAndPadding_asAnExportWritesThem() {
        Credit exported = credit("c2", "Renewal ", Map.of("region", "emea", "term_years", "2.0"));
        assertThat(Conditions.compile(eq("type", "renewal")).test(exported)).isTrue();
        assertThat(Conditions.compile(in("region", "APAC", "EMEA")).test(exported)).isTrue();
        assertThat(Conditions.compile(eq("type", "renew")).test(exported)).isFalse();
    }

    @Test
    void equalsAndIn_compareNumbersAsNumbers() {
        Credit twoYears = credit("c3", "renewal", Map.of("term_years", "2.0", "code", "007"));
        assertThat(Conditions.compile(eq("term_years", "2")).test(twoYears)).isTrue();
        assertThat(Conditions.compile(in("term_years", "1", "2")).test(twoYears)).isTrue();
        assertThat(Conditions.compile(eq("term_years", "3")).test(twoYears)).isFalse();
        assertThat(Conditions.compile(eq("code", "7")).test(twoYears)).isTrue();
        assertThat(Conditions.compile(eq("code", "7x")).test(twoYears)).isFalse();
    }

    @Test
    void range_onACellThatIsNotANumberOrDate_isAnErrorNamingTheCredit_notASilentMiss() {
        Credit bad = credit("c4", "renewal", Map.of("term_years", "two", "signed", "15/03/2026", "empty", " "));
        assertThatThrownBy(() -> Conditions.compile(atLeast("term_years", "2")).test(bad))
                .isInstanceOf(io.salesops.core.problem.SalesopsInputException.class)
                .hasMessageContaining("credit c4 has term_years \"two\", which is not a number");
        assertThatThrownBy(() -> Conditions.compile(dateBetween("signed", "2026-01-01", "2026-12-31")).test(bad))
                .hasMessageContaining("credit c4 has signed \"15/03/2026\", which is not an ISO date");
        assertThat(Conditions.compile(atLeast("empty", "2")).test(bad)).isFalse();
    }

    @Test
    void numberRange_edges_followInclusiveness() {
        assertThat(test(atLeast("amount", "5000"))).isTrue();
        assertThat(test(below("amount", "5000"))).isFalse();
        assertThat(test(atLeast("seats", "12.0"))).isTrue();
        assertThat(test(new Condition.Range("seats", Condition.RangeKind.NUMBER, "12", false, null, false))).isFalse();
    }

    @Test
    void dateRange_inclusiveEnds() {
        assertThat(test(dateBetween("date", "2026-03-15", "2026-03-31"))).isTrue();
        assertThat(test(dateBetween("date", "2026-03-16", "2026-03-31"))).isFalse();
    }

    @Test
    void andOrNot_combine() {
        assertThat(test(and(eq("type", "new"), or(eq("region", "APAC"), not(eq("product", "Y")))))).isTrue();
        assertThat(test(and(eq("type", "new"), eq("product", "Y")))).isFalse();
    }

    @Test
    void attributes_listsEveryNameUsed() {
        assertThat(and(eq("type", "new"), or(in("region", "EMEA"), not(atLeast("seats", "1")))).attributes())
                .containsExactly("region", "seats", "type");
    }

    @Test
    void range_withAnUnparseableBound_isRejectedNamingIt() {
        assertThatThrownBy(() -> atLeast("amount", "lots"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("range bound \"lots\" on amount is not a number");
    }

    @Test
    void toString_readsAsASentence() {
        assertThat(and(eq("type", "new"), atLeast("amount", "10000")).toString()).isEqualTo("(type = new and 10000 <= amount)");
    }
}
