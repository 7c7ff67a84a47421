package io.salesops.planning.territory;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.core.problem.Problem;
import io.salesops.core.problem.SalesopsInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TerritoryInputExceptionTest {

    @Test
    void isTheOneInputException_withEachLocationSplitIntoTheProblemsFields() {
        TerritoryInputException e = new TerritoryInputException(List.of(
                "accounts.csv:14:5 (potential): \"12,5x\" is not a decimal number",
                "reps.csv:3: rep R1 appears twice",
                "rules: territories.X: rep R9 is not among the reps"));
        assertThat(e).isInstanceOf(SalesopsInputException.class);
        assertThat(e.problems()).containsExactly(
                new Problem("accounts.csv", 14, 5, "potential", "\"12,5x\" is not a decimal number"),
                new Problem("reps.csv", 3, 0, "", "rep R1 appears twice"),
                Problem.of("rules: territories.X: rep R9 is not among the reps"));
        assertThat(e.messages()).hasSize(3).first().asString().startsWith("accounts.csv:14:5 (potential)");
        assertThat(e.getMessage()).endsWith("(and 2 more problems)");
    }
}
