package io.salesops.comp.file;

import static io.salesops.comp.file.LedgerStates.month;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesops.comp.engine.CompState;
import io.salesops.core.period.Period;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerTest {

    private static LedgerEntry commit(Path dir, Period p, CompState s, List<Period> gaps) throws IOException {
        try (Ledger l = Ledger.open(dir)) {
            l.stateBefore(p, gaps);
            return l.commit(p, s, gaps);
        }
    }

    private static CompState read(Path dir, Period next, List<Period> gaps) throws IOException {
        try (Ledger l = Ledger.open(dir)) {
            return l.stateBefore(next, gaps);
        }
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void commit_readsBackEveryPayee_andIdsThatNaiveEscapingMerges_stayApart(@TempDir Path dir) throws IOException {
        CompState jan = LedgerStates.state(40, 1, month(1));
        commit(dir, month(1), jan, List.of());
        CompState back = read(dir, month(2), List.of());
        assertThat(back).isEqualTo(jan);
        assertThat(back.payees()).containsKeys("a/b", "a_002Fb", "A/B", "Ann", "ann", "ü-rep", "rep\"q");
        assertThat(back.payee("a/b").orElseThrow()).isNotEqualTo(back.payee("a_002Fb").orElseThrow());
        assertThat(files(dir)).containsExactly(".ledger.lock", "ledger-000001-2026-01.json");
    }

    @Test
    void twentyThousandPayees_commitAsOneEntry_andReadBackWhole(@TempDir Path dir) throws IOException {
        CompState jan = LedgerStates.state(20_000, 7, month(1));
        CompState feb = LedgerStates.state(20_000, 7, month(2));
        commit(dir, month(1), jan, List.of());
        LedgerEntry e = commit(dir, month(2), feb, List.of());
        assertThat(e.state().payees()).hasSize(20_000);
        assertThat(files(dir)).containsExactly(".ledger.lock", "ledger-000001-2026-01.json", "ledger-000002-2026-02.json");
        CompState back = read(dir, month(3), List.of());
        assertThat(back).isEqualTo(feb);
        // every payee is at February, none left behind at January
        assertThat(back.payees().values()).allMatch(s -> s.lastPeriod().equals("2026-02"));
    }

    @Test
    void skippedPeriod_isRefused_unlessAllowGapNamesExactlyIt(@TempDir Path dir) throws IOException {
        commit(dir, month(1), LedgerStates.state(5, 1, month(1)), List.of());
        assertThatThrownBy(() -> read(dir, month(3), List.of())).isInstanceOf(LedgerException.class)
                .hasMessageContaining("would skip 2026-02 (2026-02-01..2026-02-28)")
                .hasMessageContaining("--allow-gap 2026-02");
        assertThatThrownBy(() -> read(dir, month(3), List.of(month(4)))).isInstanceOf(LedgerException.class)
                .hasMessageContaining("does not match the skipped days");
        assertThatThrownBy(() -> read(dir, month(4), List.of(month(2)))).isInstanceOf(LedgerException.class)
                .hasMessageContaining("leaves 2026-03-01..2026-03-31 skipped")
                .isInstanceOfSatisfying(LedgerException.class, e -> assertThat(e.repeatsCommittedPeriod()).isFalse());
        assertThatThrownBy(() -> read(dir, month(2), List.of(month(2)))).isInstanceOf(LedgerException.class)
                .hasMessageContaining("names no gap");
        LedgerEntry mar = commit(dir, month(3), LedgerStates.state(5, 1, month(3)), List.of(month(2)));
        assertThat(mar.gapsAllowed()).containsExactly("2026-02");
        assertThat(mar.previousPeriod()).contains("2026-01");
    }

    @Test
    void aQuarterAfterItsLastMonth_follows_butAQuarterOverAMonthIsRefused(@TempDir Path dir) throws IOException {
        commit(dir, month(3), LedgerStates.state(3, 1, month(3)), List.of());
        assertThat(read(dir, LedgerStates.CAL.quarter(2026, 2), List.of())).isNotNull();
        assertThatThrownBy(() -> read(dir, LedgerStates.CAL.quarter(2026, 1), List.of()))
                .hasMessageContaining("starts inside it").hasMessageContaining("pay twice");
    }

    @Test
    void samePeriodAgain_isRefused_sayingHowToRecalculateIt(@TempDir Path dir) throws IOException {
        commit(dir, month(1), LedgerStates.state(3, 1, month(1)), List.of());
        commit(dir, month(2), LedgerStates.state(3, 1, month(2)), List.of());
        assertThatThrownBy(() -> read(dir, month(2), List.of()))
                .isInstanceOfSatisfying(LedgerException.class, e -> assertThat(e.repeatsCommittedPeriod()).isTrue())
                .hasMessageContaining("already includes 2026-02").hasMessageContaining("pay twice")
                .hasMessageContaining("move ledger-000002-2026-02.json out of").hasMessageContaining("ends with 2026-01");
        Files.delete(dir.resolve("ledger-000002-2026-02.json")); // as if moved out of the directory
        assertThat(read(dir, month(2), List.of())).isEqualTo(LedgerStates.state(3, 1, month(1)));
    }

    @Test
    void tornEntry_isRefused_sayingHowToResume_andResumingRedoesThePeriod(@TempDir Path dir) throws IOException {
        CompState jan = LedgerStates.state(30, 2, month(1));
        commit(dir, month(1), jan, List.of());
        commit(dir, month(2), LedgerStates.state(30, 2, month(2)), List.of());
        Path feb = dir.resolve("ledger-000002-2026-02.json");
        byte[] bytes = Files.readAllBytes(feb);
        Files.write(feb, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> read(dir, month(3), List.of())).isInstanceOf(LedgerException.class)
                .hasMessageContaining("not complete JSON")
                .hasMessageContaining("To resume, move ledger-000002-2026-02.json out of " + dir + " and calculate 2026-02 again")
                .hasMessageContaining("the state then ends with 2026-01");
        Files.delete(feb); // as if moved out of the directory
        assertThat(read(dir, month(2), List.of())).isEqualTo(jan);
        commit(dir, month(2), LedgerStates.state(30, 2, month(2)), List.of());
        assertThat(read(dir, month(3), List.of())).isEqualTo(LedgerStates.state(30, 2, month(2)));
    }

    @Test
    void editedAmount_isRefusedByTheChecksum(@TempDir Path dir) throws IOException {
        commit(dir, month(1), LedgerStates.state(3, 1, month(1)), List.of());
        Path f = dir.resolve("ledger-000001-2026-01.json");
        String text = Files.readString(f);
        String edited = text.replaceFirst("\"ytdPaid\" : \"USD (\\d)", "\"ytdPaid\" : \"USD 9$1");
        assertThat(edited).isNotEqualTo(text);
        Files.writeString(f, edited);
        assertThatThrownBy(() -> read(dir, month(2), List.of())).isInstanceOf(LedgerException.class)
                .hasMessageContaining("does not match its checksum").hasMessageContaining("on an empty state");
    }

    @Test
    void reformattedButUnchangedEntry_isStillAccepted(@TempDir Path dir) throws IOException {
        CompState jan = LedgerStates.state(3, 1, month(1));
        commit(dir, month(1), jan, List.of());
        Path f = dir.resolve("ledger-000001-2026-01.json");
        ObjectMapper m = new ObjectMapper();
        Files.write(f, m.writeValueAsBytes(m.readTree(f.toFile()))); // compact, as a tool might rewrite it
        assertThat(read(dir, month(2), List.of())).isEqualTo(jan);
    }

    @Test
    void interruptedCommit_isDiscardedWithANote_andThePeriodCanBeRedone(@TempDir Path dir) throws IOException {
        commit(dir, month(1), LedgerStates.state(3, 1, month(1)), List.of());
        Files.writeString(dir.resolve(".ledger-000002-2026-02.json.tmp"), "{\"format\": \"salesops-comp-le", StandardCharsets.UTF_8);
        try (Ledger l = Ledger.open(dir)) {
            assertThat(l.notes()).singleElement().asString().contains("interrupted commit")
                    .contains("ledger-000002-2026-02.json was never committed");
            assertThat(l.stateBefore(month(2), List.of())).isEqualTo(LedgerStates.state(3, 1, month(1)));
            l.commit(month(2), LedgerStates.state(3, 1, month(2)), List.of());
        }
        assertThat(files(dir)).containsExactly(".ledger.lock", "ledger-000001-2026-01.json", "ledger-000002-2026-02.json");
    }

    @Test
    void secondRunOnTheSameState_isRefusedWhileTheFirstHoldsIt(@TempDir Path dir) throws IOException {
        try (Ledger first = Ledger.open(dir)) {
            assertThatThrownBy(() -> Ledger.open(dir)).isInstanceOf(LedgerException.class)
                    .hasMessageContaining("another salesops run is using the state");
        }
        Ledger.open(dir).close();
    }

    @Test
    void perPayeeFilesOfAnEarlierVersion_areReadOnce_withTheirChecks(@TempDir Path dir) throws IOException {
        CompState jan = LedgerStates.state(2, 3, month(1));
        ObjectMapper m = new ObjectMapper();
        int i = 0;
        for (var s : jan.payees().values()) {
            Files.write(dir.resolve("state-" + i++ + ".json"), m.writeValueAsBytes(StateCodec.tree(s)));
        }
        assertThatThrownBy(() -> read(dir, month(1), List.of())).hasMessageContaining("pay twice");
        assertThatThrownBy(() -> read(dir, month(3), List.of())).hasMessageContaining("would skip 2026-02");
        try (Ledger l = Ledger.open(dir)) {
            assertThat(l.stateBefore(month(2), List.of())).isEqualTo(jan);
            assertThat(l.notes()).anyMatch(n -> n.contains("earlier salesops"));
            l.commit(month(2), LedgerStates.state(2, 3, month(2)), List.of());
        }
        assertThat(read(dir, month(3), List.of())).isEqualTo(LedgerStates.state(2, 3, month(2)));
    }

    @Test
    void entryAsJson_roundTrips_andATamperedOneIsRefused() {
        LedgerEntry e = LedgerEntry.of(month(1), LedgerStates.state(4, 9, month(1)), null, List.of());
        assertThat(LedgerEntry.parse(e.toJson(), "state")).isEqualTo(e);
        assertThat(LedgerEntry.parse(e.toJson(), "state").state()).isEqualTo(e.state());
        var tampered = e.toJson();
        ((com.fasterxml.jackson.databind.node.ObjectNode) tampered.get("payees").get(0)).put("drawBalance", "USD 0.00");
        assertThatThrownBy(() -> LedgerEntry.parse(tampered, "state")).isInstanceOf(LedgerException.class)
                .hasMessageContaining("state does not match its checksum");
        assertThatThrownBy(() -> LedgerEntry.parse(new ObjectMapper().createArrayNode(), "state"))
                .hasMessageContaining("is not a ledger entry");
    }
}
