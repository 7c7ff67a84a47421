package io.salesops.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.core.money.Money;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdjustmentCsvReaderTest {

    @Test
    void read_keepsWhoWhenAndWhy() throws IOException {
        List<AdjustmentRow> rows = AdjustmentCsvReader.builder().defaultCurrency("EUR").build().read(new StringReader(
                "group,amount,who,when,why\n"
                        + "ann,1500.00,max,2026-07-15,\"signed LOI, PO next week\"\n"
                        + "Total,9000,cfo,2026-07-16T09:30:00+02:00,\n"), "adj.csv").orThrow();
        assertThat(rows).hasSize(2);
        AdjustmentRow ann = rows.get(0);
        assertThat(ann.group()).isEqualTo("ann");
        assertThat(ann.amount()).isEqualTo(Money.ofMinor(150_000, "EUR"));
        assertThat(ann.who()).isEqualTo("max");
        assertThat(ann.when()).isEqualTo(Instant.parse("2026-07-15T00:00:00Z"));
        assertThat(ann.why()).isEqualTo("signed LOI, PO next week");
        assertThat(rows.get(1).when()).isEqualTo(Instant.parse("2026-07-16T07:30:00Z"));
        assertThat(rows.get(1).why()).isEmpty();
    }

    @Test
    void read_badCells_areLocatedProblems() throws IOException {
        ImportResult<AdjustmentRow> r = AdjustmentCsvReader.builder().lenient().build().read(new StringReader(
                "group,amount,who,when,why\n"
                        + "ann,-5,max,2026-07-15,x\n"
                        + ",10,max,2026-07-15,x\n"
                        + "bob,10,,2026-07-15,x\n"
                        + "bob,10,max,15/07/2026,x\n"
                        + "bob,12.345,max,2026-07-15,x\n"
                        + "cara,10,max,2026-07-15,ok\n"), "adj.csv");
        assertThat(r.records()).extracting(AdjustmentRow::group).containsExactly("cara");
        assertThat(r.problems()).extracting(ImportProblem::toString).hasSize(5).satisfies(p -> {
            assertThat(p.get(0)).startsWith("adj.csv:2:2 (amount): \"-5\" is negative");
            assertThat(p.get(1)).startsWith("adj.csv:3:1 (group): group is empty");
            assertThat(p.get(2)).startsWith("adj.csv:4:3 (who): who is empty");
            assertThat(p.get(3)).startsWith("adj.csv:5:4 (when): \"15/07/2026\" is not a time");
            assertThat(p.get(4)).startsWith("adj.csv:6:2 (amount)");
        });
    }
}
