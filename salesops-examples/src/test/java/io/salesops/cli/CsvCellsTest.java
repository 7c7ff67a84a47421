package io.salesops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvCellsTest {

    @TempDir
    Path dir;

    @Test
    void textThatStartsLikeAFormula_isPrefixedWithAQuote() {
        assertThat(CsvCells.text("=HYPERLINK(\"http://evil\",\"x\")")).isEqualTo("'=HYPERLINK(\"http://evil\",\"x\")");
        assertThat(CsvCells.text("@SUM(1+1)")).isEqualTo("'@SUM(1+1)");
        assertThat(CsvCells.text("+1-2")).isEqualTo("'+1-2");
        assertThat(CsvCells.text("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvCells.text("\tx")).isEqualTo("'\tx");
        assertThat(CsvCells.text("\rx")).isEqualTo("'\rx");
        assertThat(CsvCells.text("ae-1")).isEqualTo("ae-1");
    }

    @Test
    void numbers_stayNumbers() {
        assertThat(CsvCells.text(new BigDecimal("-500.00"))).isEqualTo("-500.00");
        assertThat(CsvCells.text("-500.00")).isEqualTo("-500.00");
        assertThat(CsvCells.text("+12")).isEqualTo("+12");
        assertThat(CsvCells.text(-3)).isEqualTo("-3");
        assertThat(CsvCells.text(new BigDecimal("1E+3"))).isEqualTo("1000");
    }

    @Test
    void field_quotesAfterNeutralising() {
        assertThat(CsvCells.field("=1,2")).isEqualTo("\"'=1,2\"");
        assertThat(CsvCells.field(null)).isEmpty();
    }

    @Test
    void compCalculateCsv_neutralisesPayeeAndCreditIds_andKeepsAClawbackNegative() throws IOException {
        String payee = "=HYPERLINK(\"\"http://x\"\";\"\"y\"\")";
        Path org = Files.writeString(dir.resolve("org.csv"), "rep,name,manager,team,start_date,end_date\n\""
                + payee + "\",Mallory,,west,2024-03-01,\n");
        Path credits = Files.writeString(dir.resolve("credits.csv"), "id,payee,date,amount,currency,type\n"
                + "@SUM(1+1),\"" + payee + "\",2026-01-15,40000.00,USD,new\n");
        Path quotas = Files.writeString(dir.resolve("quotas.csv"), "rep,period,amount,currency\n\"" + payee
                + "\",2026-Q1,100000.00,USD\n");

        SalesopsCliTest.Run r = SalesopsCliTest.run("comp", "calculate", "--plan",
                CompCommandTest.EXAMPLES.resolve("ae-marginal.yaml").toString(), "--credits", credits.toString(),
                "--org", org.toString(), "--quotas", quotas.toString(), "--period", "2026-Q1", "--format", "csv");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().skip(1)).isNotEmpty().allSatisfy(line -> {
            assertThat(line).startsWith("\"'=HYPERLINK(");
            assertThat(line).doesNotContain(",@SUM").doesNotContain(",=");
        });
        assertThat(r.out()).contains("'@SUM(1+1)");
    }
}
