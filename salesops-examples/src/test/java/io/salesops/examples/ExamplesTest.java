package io.salesops.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ExamplesTest {

    private static String output(Consumer<PrintStream> example) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            example.accept(out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void moneyAndPeriods_printsHandCheckedResults() {
        String out = output(MoneyAndPeriodsExample::run);
        assertThat(out.lines()).containsExactly(
                "deal + renewal = USD 2,034.56",
                // 1234.56 x 0.125 = 154.32 exactly
                "commission 12.5% of USD 1,234.56 = USD 154.32",
                "USD 100.00 split three ways = [USD 33.34, USD 33.33, USD 33.33]",
                "USD 1,000.00 split 60/40 = [USD 600.00, USD 400.00]",
                // February start: Q1 = Feb-Apr, Q2 = May-Jul of fiscal year 2027 (named by the year it ends in)
                "2026-05-15 is in fiscal quarter 2027-Q2 (2026-05-01 to 2026-07-31)",
                "its months: [2026-05, 2026-06, 2026-07]",
                "fiscal year 2027 runs 2026-02-01 to 2027-01-31",
                // 16 days of May + 30 of June + 31 of July
                "days left in the quarter after 2026-05-15: 77");
    }

    @Test
    void sampleData_printsThePipelineOfLastQuarter() {
        String out = output(SampleDataExample::run);
        assertThat(out).startsWith("SampleCompany[seed 20260515, 43 people, ");
        assertThat(out).contains("On 2026-01-01, ", " open deals were expected to close in 2026-Q1: USD ",
                "weighted by stage probability: USD ", "actually won in 2026-Q1: USD ");
    }

    @Test
    void mains_runWithoutArguments() {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            MoneyAndPeriodsExample.main(new String[0]);
            SampleDataExample.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("USD 154.32", "actually won in 2026-Q1");
    }
}
