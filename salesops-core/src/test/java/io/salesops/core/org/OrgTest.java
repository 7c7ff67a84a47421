package io.salesops.core.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OrgTest {

    private final Org org = Org.of(List.of(
            Rep.of("vp", null),
            Rep.of("amer", "vp"),
            Rep.of("emea", "vp"),
            Rep.of("alice", "amer"),
            Rep.of("bob", "amer"),
            Rep.of("carol", "emea")));

    @Test
    void hierarchy_answersManagerReportsAndChain() {
        assertThat(org.manager("alice")).map(Rep::id).contains("amer");
        assertThat(org.directReports("amer")).extracting(Rep::id).containsExactly("alice", "bob");
        assertThat(org.managementChain("carol")).extracting(Rep::id).containsExactly("emea", "vp");
        assertThat(org.descendants("vp")).extracting(Rep::id).containsExactly("amer", "alice", "bob", "emea", "carol");
        assertThat(org.roots()).extracting(Rep::id).containsExactly("vp");
        assertThat(org.depth("bob")).isEqualTo(2);
        assertThat(org.isAbove("vp", "bob")).isTrue();
        assertThat(org.isAbove("emea", "bob")).isFalse();
        assertThat(org.isLeaf("bob")).isTrue();
    }

    @Test
    void of_reportsEveryProblemAtOnce() {
        assertThatThrownBy(() -> Org.of(List.of(
                Rep.of("a", "b"), Rep.of("b", "c"), Rep.of("c", "a"),
                Rep.of("d", "ghost"), Rep.of("e", null), Rep.of("e", null))))
                .isInstanceOf(OrgValidationException.class)
                .satisfies(e -> assertThat(((OrgValidationException) e).messages()).containsExactlyInAnyOrder(
                        "rep id e appears more than once",
                        "rep d has manager ghost, who is not in the org",
                        "management cycle: a -> b -> c -> a"));
    }

    @Test
    void rep_cannotManageThemselves() {
        assertThatThrownBy(() -> Rep.of("x", "x")).hasMessageContaining("rep x cannot be their own manager");
    }

    @Test
    void unknownRep_isNamed() {
        assertThatThrownBy(() -> org.rep("zed")).hasMessage("rep zed is not in the org");
    }

    @Test
    void teamsAndTerritories_mustReferToKnownThings() {
        assertThatThrownBy(() -> Org.of(List.of(Rep.of("a", null)), List.of(new Team("t1", null, "nobody")),
                List.of(new Territory("north", null, "world"))))
                .hasMessageContaining("team t1 is led by nobody")
                .hasMessageContaining("territory north has parent world");
    }
}
