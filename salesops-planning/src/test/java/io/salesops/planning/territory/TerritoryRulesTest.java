package io.salesops.planning.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TerritoryRulesTest {

    private static final String RULES = """
            match: first
            rules:
              - segment = Enterprise and country in [DE, AT, CH] -> DACH-ENT
              - segment = Enterprise -> ENT
              - otherwise -> GENERAL
            territories:
              DACH-ENT: [R1]
              ENT: [R2]
            overrides:
              A4: ENT
            """;

    private static Account account(String id, String segment, String country) {
        return new Account(id, 50, 8, BigDecimal.TEN, BigDecimal.ONE, Map.of("segment", segment, "country", country));
    }

    private static TerritoryRep rep(String id, String territory) {
        return new TerritoryRep(id, 50, 8, BigDecimal.ONE, territory == null ? Map.of() : Map.of("territory", territory));
    }

    @Test
    void firstMatch_overridesAndRepTerritoryColumn_groupEveryAccount() {
        TerritoryRules rules = TerritoryRules.parse("rules.yaml", RULES);
        AccountBook book = AccountBook.of(List.of(account("A1", "Enterprise", "DE"), account("A2", "Enterprise", "FR"),
                account("A3", "SMB", "DE"), account("A4", "Enterprise", "AT")),
                List.of(rep("R1", null), rep("R2", null), rep("R3", "GENERAL")));
        TerritoryGrouping g = rules.group(book);
        assertThat(g.accountGroup()).isEqualTo(Map.of("A1", "DACH-ENT", "A2", "ENT", "A3", "GENERAL", "A4", "ENT"));
        assertThat(g.repGroup()).containsEntry("R1", "DACH-ENT").containsEntry("R2", "ENT").containsEntry("R3", "GENERAL");
        assertThat(g.unassigned()).isEmpty();
    }

    @Test
    void allMatches_reportsOverlapsAndUnmatched() {
        TerritoryRules rules = TerritoryRules.parse("rules.yaml", """
                match: all
                rules:
                  - country in [DE, AT] -> DACH
                  - segment = Enterprise -> ENT
                territories:
                  DACH: [R1]
                  ENT: [R2]
                """);
        AccountBook book = AccountBook.of(List.of(account("A1", "Enterprise", "DE"), account("A2", "SMB", "FR")),
                List.of(rep("R1", null), rep("R2", null)));
        assertThat(rules.territoriesOf(book.account("A1"))).containsExactly("DACH", "ENT");
        TerritoryGrouping g = rules.group(book);
        assertThat(g.accountGroup()).isEqualTo(Map.of("A1", "DACH"));
        assertThat(g.overlaps()).containsExactly("account A1: also matches ENT (aligned in DACH only)");
        assertThat(g.unassigned()).containsExactly("account A2: no rule matches it");
    }

    @Test
    void parse_badFile_listsEveryProblemWithItsPath() {
        assertThatThrownBy(() -> TerritoryRules.parse("r.yaml", """
                match: some
                rules:
                  - segment = -> X
                  - segment = SMB
                colour: red
                """))
                .isInstanceOfSatisfying(TerritoryInputException.class, e -> assertThat(e.messages()).containsExactly(
                        "r.yaml: colour: unknown key; expected match, rules, territories or overrides",
                        "r.yaml: match: \"some\" is not first or all",
                        "r.yaml: rules[0]: condition \"segment =\": expected a value at the end",
                        "r.yaml: rules[1]: \"segment = SMB\" has no '-> TERRITORY'"));
    }

    @Test
    void parse_duplicateKeysAndAliases_areRefused() {
        assertThatThrownBy(() -> TerritoryRules.parse("r.yaml", "rules: [a = b -> X]\nrules: [a = c -> Y]\n"))
                .hasMessageContaining("r.yaml: not valid YAML").hasMessageContaining("Duplicate field 'rules'");
        // An alias is never expanded into the list it names, so it cannot multiply work (no "billion laughs").
        assertThatThrownBy(() -> TerritoryRules.parse("r.yaml", "rules: &a [a = b -> X]\noverrides: *a\n"))
                .isInstanceOf(TerritoryInputException.class).hasMessageContaining("overrides");
    }

    @Test
    void group_unknownRepOrAccount_isAnError() {
        TerritoryRules rules = TerritoryRules.parse("r.yaml", "rules: [otherwise -> X]\nterritories: {X: [R9]}\n"
                + "overrides: {A9: X}\n");
        AccountBook book = AccountBook.of(List.of(account("A1", "SMB", "DE")), List.of(rep("R1", null)));
        assertThatThrownBy(() -> rules.group(book)).isInstanceOfSatisfying(TerritoryInputException.class,
                e -> assertThat(e.messages()).containsExactly("rules: territories.X: rep R9 is not among the reps",
                        "rules: overrides.A9: account A9 is not among the accounts"));
    }
}
