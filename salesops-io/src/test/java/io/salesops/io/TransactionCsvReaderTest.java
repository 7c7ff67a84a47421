package io.salesops.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.core.money.Money;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransactionCsvReaderTest {

    private static ImportResult<Transaction> lenient(String csv) throws Exception {
        return TransactionCsvReader.builder().lenient().build().read(new StringReader(csv), "credits.csv");
    }

    @Test
    void read_bookingAndReversalRows_keepEveryFieldAndExtraColumnsAsAttributes() throws Exception {
        ImportResult<Transaction> r = lenient("""
                id,payee,date,amount,currency,type,product,deal_id,status,region
                C-1,ae-1,2026-01-15,40000.00,USD,new,Platform,D-1,booked,EMEA
                X-1,ae-1,2026-02-01,"1,000.50",EUR,new,,D-1,Reversed,
                """);
        assertThat(r.problems()).isEmpty();
        Transaction c = r.records().get(0);
        assertThat(c).isEqualTo(new Transaction("C-1", "ae-1", LocalDate.of(2026, 1, 15), Money.of("40000.00", "USD"), "new",
                "Platform", "D-1", Transaction.Status.BOOKED, Map.of(), Map.of("region", "EMEA")));
        Transaction x = r.records().get(1);
        assertThat(x.status()).isEqualTo(Transaction.Status.REVERSED);
        assertThat(x.amount()).isEqualTo(Money.of("1000.50", "EUR"));
        assertThat(x.attributes()).isEmpty();
    }

    @Test
    void read_missingOptionalColumns_defaultsToBookedUsdAndIdAsDeal() throws Exception {
        ImportResult<Transaction> r = lenient("id,payee,date,amount\nC-1,ae-1,2026-01-15,10\n");
        Transaction t = r.records().get(0);
        assertThat(t.status()).isEqualTo(Transaction.Status.BOOKED);
        assertThat(t.dealId()).isEqualTo("C-1");
        assertThat(t.amount()).isEqualTo(Money.of("10.00", "USD"));
    }

    @Test
    void read_reversalOrCancellationWithoutDealId_isALocatedProblem_neverAReversalOfNothing() throws Exception {
        ImportResult<Transaction> r = lenient("""
                id,payee,date,amount,deal_id,status
                C-1,ae-1,2026-01-15,100,D-1,booked
                X-1,ae-1,2026-02-01,40,,reversed
                X-2,ae-1,2026-02-01,40, ,cancelled
                X-3,ae-1,2026-02-01,40,D-1,reversed
                """);
        assertThat(r.records()).extracting(Transaction::id).containsExactly("C-1", "X-3");
        assertThat(r.problems()).extracting(ImportProblem::toString).containsExactly(
                "credits.csv:3:5 (deal_id): deal_id is empty; a reversed row must name the deal it reverses in deal_id",
                "credits.csv:4:5 (deal_id): deal_id is empty; a cancelled row must name the deal it cancels in deal_id");
        ImportResult<Transaction> noColumn = lenient("id,payee,date,amount,status\nX-1,ae-1,2026-02-01,40,reversed\n");
        assertThat(noColumn.records()).isEmpty();
        assertThat(noColumn.problems()).singleElement().asString().contains("credits.csv:2:5 (status)")
                .contains("must name the deal it reverses in deal_id, and the file has no deal_id column");
    }

    @Test
    void read_badRows_reportFileLineColumnAndValue_andKeepTheGoodOnes() throws Exception {
        ImportResult<Transaction> r = lenient("""
                id,payee,date,amount,status,splits
                C-1,ae-1,2026-01-15,-5,booked,
                C-2,ae-1,2026-13-01,5,booked,
                C-3,ae-1,2026-01-15,5,refunded,
                C-4,ae-1,2026-01-15,5,booked,ae-1:60;ae-2:30
                C-5,ae-1,2026-01-15,5,booked,ae-1:60;ae-2:40
                C-5,ae-2,2026-01-15,5,booked,
                """);
        assertThat(r.rowsRead()).isEqualTo(6);
        assertThat(r.records()).extracting(Transaction::id).containsExactly("C-5");
        assertThat(r.records().get(0).splits()).containsExactly(Map.entry("ae-1", new BigDecimal("60")),
                Map.entry("ae-2", new BigDecimal("40")));
        assertThat(r.problems()).extracting(ImportProblem::toString).containsExactly(
                "credits.csv:2:4 (amount): \"-5\" is negative; amount must be zero or more",
                r.problems().get(1).toString(),
                "credits.csv:4:5 (status): status \"refunded\" is not booked, reversed or cancelled",
                "credits.csv:5:6 (splits): splits sum to 90%, not 100%",
                "credits.csv:7:1 (id): duplicate id \"C-5\"; first seen on line 6");
        assertThat(r.problems().get(1).toString()).startsWith("credits.csv:3:3 (date): ");
    }

    @Test
    void read_splitSharesWithAPercentSign_readAsPercentages_andACommaSeparatorIsNamed() throws Exception {
        ImportResult<Transaction> r = lenient("""
                id,payee,date,amount,splits
                C-1,ae-1,2026-01-15,5,ae-1:60%; ae-2: 40 %
                C-2,ae-1,2026-01-15,5,"ae-1:60,ae-2:40"
                C-3,ae-1,2026-01-15,5,ae-1:%
                """);
        assertThat(r.records()).extracting(Transaction::id).containsExactly("C-1");
        assertThat(r.records().get(0).splits()).containsExactly(Map.entry("ae-1", new BigDecimal("60")),
                Map.entry("ae-2", new BigDecimal("40")));
        assertThat(r.problems()).extracting(ImportProblem::toString).containsExactly(
                "credits.csv:3:5 (splits): split \"ae-1:60,ae-2:40\" holds more than one rep:percent; separate the splits"
                        + " with ';', e.g. rep-1:60;rep-2:40",
                "credits.csv:4:5 (splits): split share \"%\" of ae-1 is not a number");
    }

    @Test
    void read_strict_stopsAtTheFirstBadRow() {
        assertThatThrownBy(() -> TransactionCsvReader.builder().build()
                .read(new StringReader("id,payee,date,amount\nC-1,,2026-01-15,5\n"), "c.csv"))
                .isInstanceOf(CsvImportException.class).hasMessageContaining("c.csv:2:2 (payee)");
    }

    @Test
    void read_columnMapping_readsRenamedHeaders() throws Exception {
        ImportResult<Transaction> r = TransactionCsvReader.builder().columns("payee=Owner,deal_id=Opportunity ID").build()
                .read(new StringReader("id,Owner,date,amount,Opportunity ID\nC-1,ae-9,2026-01-15,5,OPP-7\n"), "c.csv");
        assertThat(r.records().get(0).payee()).isEqualTo("ae-9");
        assertThat(r.records().get(0).dealId()).isEqualTo("OPP-7");
    }

    @Test
    void exchangeRates_readAndCheckedPerRow() throws Exception {
        ImportResult<ExchangeRateRow> r = ExchangeRateCsvReader.builder().lenient().build().read(new StringReader("""
                from,to,rate,effective_date
                EUR,USD,1.0850,2026-01-01
                EUR,EUR,1,2026-01-01
                USD,EUR,-0.9,2026-01-01
                USD,EUR,1e999999999,2026-01-01
                EUR,USD,1.09,2026-01-01
                """), "fx.csv");
        assertThat(r.records()).containsExactly(new ExchangeRateRow(java.util.Currency.getInstance("EUR"),
                java.util.Currency.getInstance("USD"), new BigDecimal("1.0850"), LocalDate.of(2026, 1, 1)));
        assertThat(r.problems()).extracting(ImportProblem::toString).containsExactly(
                "fx.csv:3:2 (to): rate from EUR to itself; from and to must differ",
                "fx.csv:4:3 (rate): rate -0.9 is not positive",
                "fx.csv:5:3 (rate): \"1e999999999\" is not a rate; expected a decimal such as 1.0850 with at most 12 digits before and after the point",
                "fx.csv:6:4 (effective_date): duplicate rate EUR->USD on 2026-01-01; first seen on line 2");
    }
}
