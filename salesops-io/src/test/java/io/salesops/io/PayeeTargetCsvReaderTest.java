package io.salesops.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.core.money.Money;
import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class PayeeTargetCsvReaderTest {

    @Test
    void read_givesEachRowWithItsLine_inTheDefaultCurrencyUnlessNamed() throws IOException {
        ImportResult<PayeeTargetRow> r = PayeeTargetCsvReader.builder().defaultCurrency("EUR").build().read(new StringReader(
                "payee,component,target,currency\nann,Bonus,12000,\nbob,Bonus,\"10,000.50\",USD\n"), "t.csv");
        assertThat(r.orThrow()).containsExactly(new PayeeTargetRow("ann", "Bonus", Money.ofMinor(1_200_000, "EUR"), 2),
                new PayeeTargetRow("bob", "Bonus", Money.ofMinor(1_000_050, "USD"), 3));
    }

    @Test
    void read_badCells_areLocatedProblems() throws IOException {
        ImportResult<PayeeTargetRow> r = PayeeTargetCsvReader.builder().lenient().build().read(new StringReader(
                "payee,component,target\n"
                        + "ann,Bonus,-5\n"
                        + ",Bonus,5\n"
                        + "bob,,5\n"
                        + "bob,Bonus,1e9\n"
                        + "bob,Bonus,5.001\n"
                        + "bob,MBO,5\n"
                        + "bob,MBO,6\n"), "t.csv");
        assertThat(r.records()).extracting(PayeeTargetRow::payee).containsExactly("bob");
        assertThat(r.problems()).extracting(ImportProblem::toString).satisfiesExactly(
                p -> assertThat(p).startsWith("t.csv:2:3 (target): \"-5\" is negative"),
                p -> assertThat(p).isEqualTo("t.csv:3:1 (payee): payee is empty; it is required"),
                p -> assertThat(p).isEqualTo("t.csv:4:2 (component): component is empty; it is required"),
                p -> assertThat(p).startsWith("t.csv:5:3 (target): "),
                p -> assertThat(p).startsWith("t.csv:6:3 (target): "),
                p -> assertThat(p).isEqualTo("t.csv:8:2 (component): duplicate target for payee bob and component MBO;"
                        + " first seen on line 7"));
    }
}
