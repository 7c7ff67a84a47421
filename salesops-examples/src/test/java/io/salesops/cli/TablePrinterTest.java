package io.salesops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.core.money.Money;
import io.salesops.core.money.Percent;
import org.junit.jupiter.api.Test;

class TablePrinterTest {

    @Test
    void render_rightAlignsNumbersAndLeftAlignsText() {
        String table = TablePrinter.withHeaders("Rep", "Deals", "Bookings USD", "Attainment")
                .row("Ann", 12, Money.of("1234.50", "USD"), Percent.of("98.5"))
                .row("Bartholomew", 3, Money.of("50.00", "USD"), Percent.of("7"))
                .render();
        assertThat(table).isEqualTo(String.join("\n",
                "Rep          Deals  Bookings USD  Attainment",
                "-----------  -----  ------------  ----------",
                "Ann             12      1,234.50       98.5%",
                "Bartholomew      3         50.00          7%",
                ""));
    }

    @Test
    void render_treatsNumericLookingTextAsNumbers() {
        String table = TablePrinter.withHeaders("Q", "Total").row("2026-Q1", "1,234").row("2026-Q2", "-5.5%").render();
        assertThat(table).isEqualTo("Q        Total\n-------  -----\n2026-Q1  1,234\n2026-Q2  -5.5%\n");
    }

    @Test
    void render_separatorAndIndent_drawARuleBeforeTheRow() {
        String table = TablePrinter.withHeaders("A", "B").indent("  ").row("x", 1).separator().row("All", 10).render();
        assertThat(table).isEqualTo("  A     B\n  ---  --\n  x     1\n  ---  --\n  All  10\n");
    }

    @Test
    void render_forcedAlignment_overridesTheGuess() {
        String table = TablePrinter.withHeaders("Code", "Name").align(0, TablePrinter.Align.LEFT)
                .row(7, "a").row(1234, "b").render();
        assertThat(table).isEqualTo("Code  Name\n----  ----\n7     a\n1234  b\n");
    }

    @Test
    void render_nullCell_printsEmptyWithoutTrailingSpaces() {
        String table = TablePrinter.withHeaders("A", "Bee").row("x", null).render();
        assertThat(table).isEqualTo("A  Bee\n-  ---\nx\n");
    }

    @Test
    void row_wrongNumberOfCells_throwsNamingBothCounts() {
        TablePrinter t = TablePrinter.withHeaders("A", "B");
        assertThatThrownBy(() -> t.row("only one"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row has 1 cells but the table has 2 columns [A, B]");
    }

    @Test
    void withHeaders_none_throws() {
        assertThatThrownBy(TablePrinter::withHeaders).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a table needs at least one column");
    }

    private static TablePrinter deals() {
        return TablePrinter.withHeaders("Rep", "Bookings USD", "Win rate", "Deals")
                .row("Ann, Jr.", Money.of("1234.50", "USD"), Percent.of("98.5"), 12)
                .separator()
                .row("Bo", null, Percent.of("7"), 3);
    }

    @Test
    void renderCsv_writesSnakeCaseKeysAndPlainValues() {
        assertThat(deals().renderCsv()).isEqualTo("rep,bookings_usd,win_rate,deals\n\"Ann, Jr.\",1234.50,98.5,12\nBo,,7,3\n");
    }

    @Test
    void renderJson_writesAnArrayOfObjectsWithNumbersAsNumbers() {
        assertThat(deals().renderJson()).isEqualTo("""
                [
                  {
                    "rep" : "Ann, Jr.",
                    "bookings_usd" : 1234.50,
                    "win_rate" : 98.5,
                    "deals" : 12
                  },
                  {
                    "rep" : "Bo",
                    "bookings_usd" : null,
                    "win_rate" : 7,
                    "deals" : 3
                  }
                ]
                """);
    }

    @Test
    void print_inEachFormat_printsTheMatchingRendering() {
        for (OutputFormat f : OutputFormat.values()) {
            java.io.StringWriter sw = new java.io.StringWriter();
            deals().print(new java.io.PrintWriter(sw), f);
            String expected = switch (f) {
                case TABLE -> deals().render();
                case CSV -> deals().renderCsv();
                case JSON -> deals().renderJson();
            };
            assertThat(sw.toString()).as(f.toString()).isEqualTo(expected);
        }
    }
}
