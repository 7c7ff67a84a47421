package io.salesops.planning.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleConditionsTest {

    private static Account account(String segment, String country, String potential) {
        return new Account("A1", 50, 8, new BigDecimal(potential), BigDecimal.ONE,
                Map.of("segment", segment, "country", country));
    }

    @Test
    void parse_segmentAndCountryList_matchesOnlyDachEnterprise() {
        RuleCondition c = RuleConditions.parse("segment = Enterprise and country in [DE, AT, CH]");
        assertThat(c.test(account("Enterprise", "AT", "1"))).isTrue();
        assertThat(c.test(account("Enterprise", "FR", "1"))).isFalse();
        assertThat(c.test(account("SMB", "DE", "1"))).isFalse();
        assertThat(c.toString()).isEqualTo("(segment = Enterprise and country in [AT, CH, DE])");
    }

    @Test
    void parse_orNotAndNumbers_followPrecedence() {
        RuleCondition c = RuleConditions.parse("not segment = SMB and potential >= 100000 or country = \"GB\"");
        assertThat(c.test(account("Enterprise", "DE", "100000"))).isTrue();
        assertThat(c.test(account("Enterprise", "DE", "99999.99"))).isFalse();
        assertThat(c.test(account("SMB", "GB", "1"))).isTrue();
        assertThat(c.test(account("SMB", "DE", "500000"))).isFalse();
    }

    @Test
    void parse_missingAttribute_failsEveryComparison() {
        RuleCondition c = RuleConditions.parse("industry != Energy");
        // "not (industry = Energy)": an account without the attribute is not Energy
        assertThat(c.test(account("SMB", "DE", "1"))).isTrue();
        assertThat(RuleConditions.parse("industry in [Energy]").test(account("SMB", "DE", "1"))).isFalse();
    }

    @Test
    void parse_badInput_namesThePositionAndWhatWasExpected() {
        assertThatThrownBy(() -> RuleConditions.parse("segment = "))
                .hasMessageContaining("expected a value at the end");
        assertThatThrownBy(() -> RuleConditions.parse("segment == SMB"))
                .hasMessageContaining("expected =, !=, in, <, <=, > or >= after segment at character 9 (\"==\")");
        assertThatThrownBy(() -> RuleConditions.parse("country in [DE, AT"))
                .hasMessageContaining("expected ']' at the end");
        assertThatThrownBy(() -> RuleConditions.parse("potential > lots"))
                .hasMessageContaining("expected a number after >");
        assertThatThrownBy(() -> RuleConditions.parse("segment = SMB; drop"))
                .hasMessageContaining("character ';' at 14 is not allowed");
    }

    @Test
    void parse_deepNesting_isRefused() {
        String deep = "(".repeat(40) + "a = b" + ")".repeat(40);
        assertThatThrownBy(() -> RuleConditions.parse(deep)).hasMessageContaining("deeper than 32");
    }
}
