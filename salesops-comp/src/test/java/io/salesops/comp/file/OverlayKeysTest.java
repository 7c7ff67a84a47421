package io.salesops.comp.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.comp.plan.CompPlan;
import org.junit.jupiter.api.Test;

/** {@code crediting: {overlay: se}}: read, written back, and refused at its line when it cannot be honoured. */
class OverlayKeysTest {

    private static CompPlan read(String yaml) {
        return PlanFiles.read(yaml, "plan.yaml", PlanFormat.YAML);
    }

    private static String plan(String attributes, String crediting) {
        return "name: O\ncurrency: USD\n" + attributes + "components:\n  - name: C\n    crediting: " + crediting
                + "\n    pay: {type: flat_rate, rate: 5}\n";
    }

    @Test
    void oneColumnOrAList_isReadAndWrittenBack() {
        assertThat(read(plan("attributes: [se]\n", "{overlay: se}")).components().get(0).crediting().overlays())
                .containsExactly("se");
        CompPlan p = read(plan("attributes: [se, overlay_rep]\n", "{overlay: [se, overlay_rep]}"));
        assertThat(p.components().get(0).crediting().overlays()).containsExactly("se", "overlay_rep");
        assertThat(read(PlanFiles.write(p, PlanFormat.YAML))).isEqualTo(p);
        assertThat(PlanFiles.read(PlanFiles.write(p, PlanFormat.JSON), "plan.json", PlanFormat.JSON)).isEqualTo(p);
    }

    @Test
    void anOverlayThePlanCannotHonour_isRefusedAtItsLine() {
        assertThatThrownBy(() -> read(plan("attributes: [region]\n", "{overlay: se}")))
                .isInstanceOf(PlanFileException.class).hasMessageContaining("plan.yaml:6")
                .hasMessageContaining("overlay column \"se\" is not among the plan's attributes [region]");
        assertThatThrownBy(() -> read(plan("attributes: [se]\n", "{to: team, overlay: se}")))
                .isInstanceOf(PlanFileException.class).hasMessageContaining("plan.yaml:6")
                .hasMessageContaining("the component credits to team");
        assertThatThrownBy(() -> read(plan("attributes: [se]\n", "{overlay: [se, se]}")))
                .isInstanceOf(PlanFileException.class).hasMessageContaining("plan.yaml:6")
                .hasMessageContaining("repeat a column");
        assertThatThrownBy(() -> read(plan("", "{overlay: payee}")))
                .isInstanceOf(PlanFileException.class).hasMessageContaining("is a built-in attribute");
        assertThatThrownBy(() -> read(plan("attributes: [se]\n", "{overlay: {column: se}}")))
                .isInstanceOf(PlanFileException.class).hasMessageContaining("plan.yaml:6");
    }
}
