package io.salesops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code salesops comp} with commission paid later: collections in, held and released lines out, held pay in the ledger. */
class CompPayoutCommandTest {

    private static final Path HALF = CompCommandTest.EXAMPLES.resolve("worked").resolve("paid-half-on-order-half-on-collection");

    private static String[] args(String command, String period, Path collections, Path state, String... more) {
        List<String> a = new ArrayList<>(List.of("comp", command, "--plan", HALF.resolve("plan.yaml").toString(),
                "--credits", HALF.resolve("credits.csv").toString(), "--org", HALF.resolve("org.csv").toString(),
                "--collections", collections.toString(), "--period", period));
        if (state != null) {
            a.addAll(List.of("--state", state.toString()));
        }
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    @Test
    void heldPay_isInTheLedger_andReleasedWithItsFormula_inTextJsonAndHtml(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("st");
        Path collections = HALF.resolve("collections.csv");
        CompCommandTest.Run jan = CompCommandTest.run(args("calculate", "2026-01", collections, state));
        assertThat(jan.code()).as(jan.err()).isZero();
        String ledger;
        try (Stream<Path> files = Files.list(state)) {
            ledger = Files.readString(files.filter(p -> p.getFileName().toString().startsWith("ledger-")).findFirst().orElseThrow());
        }
        assertThat(ledger).contains("\"held\"").contains("\"earnedMinor\" : 100000").contains("\"releasedMinor\" : 50000");
        CompCommandTest.Run feb = CompCommandTest.run(args("explain", "2026-02", collections, state, "--payee", "rep"));
        assertThat(feb.code()).as(feb.err()).isZero();
        assertThat(feb.out()).contains("released      Commission").contains("deal O-1: USD 5,000.00 of USD 10,000.00 collected by 2026-02-28:"
                + " 50% at booking + 50% x 5,000.00 / 10,000.00 of USD 1,000.00 earned = USD 750.00 due, less USD 500.00"
                + " paid before").contains("net pay USD 250.00").contains("held until due USD 250.00");
        CompCommandTest.Run json = CompCommandTest.run(args("calculate", "2026-01", collections, null, "--format", "json"));
        assertThat(json.out()).contains("\"kind\" : \"held\"").contains("\"kind\" : \"released\"")
                .contains("\"held\" : 500.00");
        Path html = dir.resolve("html");
        CompCommandTest.Run page = CompCommandTest.run(args("calculate", "2026-01", collections, null, "--format", "html",
                "--out", html.toString()));
        assertThat(page.code()).as(page.err()).isZero();
        try (Stream<Path> files = Files.list(html)) {
            assertThat(Files.readString(files.findFirst().orElseThrow())).contains("<td>held</td>").contains("is held until it falls due").contains("<td>released</td>");
        }
    }

    @Test
    void aPlanThatPaysAsItEarns_keepsNoHeldPayInItsLedger(@TempDir Path dir) throws Exception {
        Path worked = CompCommandTest.EXAMPLES.resolve("worked").resolve("partial-reversal");
        CompCommandTest.Run r = CompCommandTest.run("comp", "calculate", "--plan", worked.resolve("plan.yaml").toString(),
                "--credits", worked.resolve("credits.csv").toString(), "--org", worked.resolve("org.csv").toString(),
                "--period", "2026-03", "--state", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(Files.readString(files.filter(p -> p.getFileName().toString().startsWith("ledger-")).findFirst()
                    .orElseThrow())).doesNotContain("held");
        }
    }

    @Test
    void paymentsOfDealsNoCreditBooks_areNamedInAWarning(@TempDir Path dir) throws Exception {
        Path typo = Files.writeString(dir.resolve("collections.csv"), "deal_id,date,amount\nO-1,2026-02-14,5000\nO-l,2026-02-20,5000\n");
        CompCommandTest.Run r = CompCommandTest.run(args("calculate", "2026-01", typo, null));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("warning: 1 payment in " + typo + " names a deal that no credit books (first: line 3,"
                + " deal O-l); they release nothing");
    }

    @Test
    void aBadCollectionsRow_isTheUsersErrorAtItsLine(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("collections.csv"), "deal_id,date,amount\nO-1,2026-02-14,5000\nO-1,2026-02-30,5\n");
        CompCommandTest.Run r = CompCommandTest.run(args("calculate", "2026-02", bad, null));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("collections.csv:3:2").doesNotContain("Exception");
    }
}
