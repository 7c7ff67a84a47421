package io.salesops.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A hostile cell (a 10,000-digit amount, a 50,000-character date or currency) is reported at its row and column
 * with its first characters only: the error stays one short line, however long the cell.
 */
class LongCellMessagesTest {

    private static final String HEADER = "id,name,account,owner,stage,amount,currency,created_date,close_date,status\n";
    private static final int SHORT = 200;

    private static List<ImportProblem> problems(String row) throws IOException {
        return OpportunityCsvReader.builder().lenient().build().read(new StringReader(HEADER + row + "\n"), "opps.csv")
                .problems();
    }

    @Test
    void tenThousandDigitAmount_isQuotedByItsFirstCharacters() throws IOException {
        List<ImportProblem> p = problems("O-1,A,acc,ann,Proposal," + "9".repeat(10_000) + ",USD,2026-01-01,,open");

        assertThat(p).hasSize(1);
        assertThat(p.get(0).toString()).startsWith("opps.csv:2:6 (amount): \"9999999999")
                .contains("...\" is too large an amount").hasSizeLessThan(SHORT);
    }

    @Test
    void amountWithTenThousandDecimals_isQuotedByItsFirstCharacters() throws IOException {
        List<ImportProblem> p = problems("O-1,A,acc,ann,Proposal,1." + "5".repeat(10_000) + ",USD,2026-01-01,,open");

        assertThat(p).hasSize(1);
        assertThat(p.get(0).toString()).startsWith("opps.csv:2:6 (amount): \"1.555").hasSizeLessThan(SHORT);
    }

    @Test
    void longDateAndCurrency_areQuotedByTheirFirstCharacters() throws IOException {
        List<ImportProblem> dates = problems("O-1,A,acc,ann,Proposal,100,USD," + "2026-01-01x".repeat(5_000) + ",,open");
        List<ImportProblem> currencies = problems("O-1,A,acc,ann,Proposal,100," + "U".repeat(50_000) + ",2026-01-01,,open");

        assertThat(dates).hasSize(1);
        assertThat(dates.get(0).toString()).startsWith("opps.csv:2:8 (created_date): \"2026-01-01x").hasSizeLessThan(SHORT);
        assertThat(currencies).hasSize(1);
        assertThat(currencies.get(0).toString()).startsWith("opps.csv:2:7 (currency): \"UUU").hasSizeLessThan(SHORT);
    }

    @Test
    void longRate_isQuotedByItsFirstCharacters() throws IOException {
        String csv = "from,to,rate,effective_date\nEUR,USD," + "1".repeat(10_000) + ",2026-01-01\n";
        List<ImportProblem> p = ExchangeRateCsvReader.builder().lenient().build().read(new StringReader(csv), "fx.csv")
                .problems();

        assertThat(p).hasSize(1);
        assertThat(p.get(0).toString()).startsWith("fx.csv:2:3 (rate): \"1111").hasSizeLessThan(SHORT);
    }

    @Test
    void wideHeaderWithoutTheRequiredColumns_listsItsFirstNamesAndHowManyMore() throws IOException {
        StringBuilder header = new StringBuilder("c0");
        for (int i = 1; i < 900; i++) {
            header.append(",c").append(i);
        }
        CsvImportException e = org.assertj.core.api.Assertions.catchThrowableOfType(CsvImportException.class,
                () -> OpportunityCsvReader.builder().build().read(new StringReader(header + "\n"), "wide.csv"));

        String missing = e.importProblems().get(0).toString();
        assertThat(missing).startsWith("wide.csv:1: header lacks required columns")
                .endsWith("found [c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, c18, c19, "
                        + "c20, c21, c22, c23, c24, c25, c26, c27, c28, c29, and 870 more]")
                .hasSizeLessThan(500);
    }

    @Test
    void shortValues_areQuotedWhole() throws IOException {
        List<ImportProblem> p = problems("O-1,A,acc,ann,Proposal,12x,USD,2026-01-01,,open");

        assertThat(p.get(0).toString()).isEqualTo("opps.csv:2:6 (amount): \"12x\" is not a decimal amount");
    }
}
