package io.salesops.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.core.money.Money;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DealPaymentCsvReaderTest {

    @Test
    void read_givesEveryPaymentWithItsLine_severalPerDeal_inTheDefaultCurrencyUnlessNamed() throws IOException {
        ImportResult<DealPaymentRow> r = DealPaymentCsvReader.builder().defaultCurrency("EUR").build().read(new StringReader(
                "deal_id,date,amount,currency,invoice\nD1,2026-02-10,5000,,INV-1\nD1,2026-03-12,\"5,000.00\",USD,INV-2\n"),
                "collections.csv");
        assertThat(r.orThrow()).containsExactly(
                new DealPaymentRow("D1", LocalDate.of(2026, 2, 10), Money.ofMinor(500_000, "EUR"), 2),
                new DealPaymentRow("D1", LocalDate.of(2026, 3, 12), Money.ofMinor(500_000, "USD"), 3));
    }

    @Test
    void read_badCells_areLocatedProblems() throws IOException {
        ImportResult<DealPaymentRow> r = DealPaymentCsvReader.builder().lenient().build().read(new StringReader(
                "deal_id,date,amount\n"
                        + "D1,2026-02-10,-5\n"
                        + ",2026-02-10,5\n"
                        + "D2,10/02/2026,5\n"
                        + "D3,2026-02-10,5.001\n"
                        + "D4,2026-02-10,\n"
                        + "D5,2026-02-10,7\n"), "c.csv");
        assertThat(r.records()).extracting(DealPaymentRow::dealId).containsExactly("D5");
        assertThat(r.problems()).extracting(ImportProblem::toString).satisfiesExactly(
                p -> assertThat(p).startsWith("c.csv:2:3 (amount): \"-5\" is negative"),
                p -> assertThat(p).isEqualTo("c.csv:3:1 (deal_id): deal_id is empty; it is required"),
                p -> assertThat(p).startsWith("c.csv:4:2 (date): "),
                p -> assertThat(p).startsWith("c.csv:5:3 (amount): "),
                p -> assertThat(p).startsWith("c.csv:6:3 (amount): amount is empty"));
    }
}
