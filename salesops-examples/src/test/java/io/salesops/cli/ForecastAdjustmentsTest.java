package io.salesops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code forecast pipeline --adjustments FILE}: managers' numbers kept next to the model's, with who, when, why. */
class ForecastAdjustmentsTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private ForecastPipelineCommandTest.Run forecast(Path adjustments, String format) throws IOException {
        Path opps = write("opps.csv", """
                id,owner,stage,amount,created_date,close_date,status
                O-1,ann,Proposal,1000.00,2026-06-01,2026-08-10,open
                O-2,ann,Negotiation,2000.00,2026-06-01,2026-09-30,open
                O-3,bob,Prospecting,333.33,2026-06-01,2026-07-20,open
                W-1,bob,Closed Won,400.00,2026-05-01,2026-07-02,won
                """);
        return ForecastPipelineCommandTest.run("forecast", "pipeline", "--opportunities", opps.toString(), "--as-of",
                "2026-07-15", "--period", "2026-Q3", "--by", "owner", "--adjustments", adjustments.toString(),
                "--format", format);
    }

    @Test
    void json_keepsTheModelsNumberTheAdjustedOneAndWhoWhenWhy() throws IOException {
        ForecastPipelineCommandTest.Run r = forecast(write("adj.csv",
                "group,amount,who,when,why\nann,5000.00,max,2026-07-14,verbal yes on O-2\n"), "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode nodes = new ObjectMapper().readTree(r.out());
        JsonNode ann = null;
        for (JsonNode n : nodes) {
            ann = n.get("group").asText().equals("ann") ? n : ann;
        }
        assertThat(ann).isNotNull();
        assertThat(ann.get("adjustedExpected").asText()).isEqualTo("5000.00");
        assertThat(ann.get("expected").asText()).isNotEqualTo("5000.00");
        JsonNode a = ann.get("adjustments").get(0);
        assertThat(a.get("amount").asText()).isEqualTo("5000.00");
        assertThat(a.get("who").asText()).isEqualTo("max");
        assertThat(a.get("when").asText()).isEqualTo("2026-07-14T00:00:00Z");
        assertThat(a.get("why").asText()).isEqualTo("verbal yes on O-2");
        // the total's adjusted number moves by ann's change; bob has none
        JsonNode total = nodes.get(0);
        assertThat(total.has("adjustments")).isFalse();
        assertThat(new java.math.BigDecimal(total.get("adjustedExpected").asText())
                .subtract(new java.math.BigDecimal(total.get("expected").asText())))
                .isEqualByComparingTo(new java.math.BigDecimal("5000.00").subtract(new java.math.BigDecimal(ann.get("expected").asText())));
    }

    @Test
    void table_printsEachAdjustment_andCsvKeepsItsColumns() throws IOException {
        Path adj = write("adj.csv", "group,amount,who,when,why\nann,5000.00,max,2026-07-14,verbal yes\n");
        ForecastPipelineCommandTest.Run t = forecast(adj, "table");
        assertThat(t.code()).as(t.err()).isZero();
        assertThat(t.out()).containsPattern("# adjusted ann from \\S+ to 5000.00 by max at 2026-07-14T00:00:00Z: verbal yes");
        ForecastPipelineCommandTest.Run c = forecast(adj, "csv");
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.out().lines().findFirst().orElseThrow()).contains("adjustedExpected").doesNotContain("adjustments");
    }

    @Test
    void badRows_areLocatedErrors_withExitCodeOne() throws IOException {
        ForecastPipelineCommandTest.Run r = forecast(write("adj.csv",
                "group,amount,who,when,why\nann,lots,max,2026-07-14,x\nbob,10,,2026-07-14,x\n"), "json");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("adj.csv:2:2 (amount)").contains("adj.csv:3:3 (who)");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anAdjustmentOfNoGroup_isAnErrorNamingIt() throws IOException {
        ForecastPipelineCommandTest.Run r = forecast(write("adj.csv",
                "group,amount,who,when,why\ncarla,10,max,2026-07-14,x\n"), "json");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("carla");
    }
}
