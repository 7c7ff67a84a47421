package io.salesops.comp.file;

import static io.salesops.comp.file.LedgerStates.month;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.comp.engine.CompState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class LedgerProperties {

    /** Thrown by the fault seam to stand for the process dying at that step. */
    private static final class Crash extends IOException {
        Crash(String step) {
            super("crash before " + step);
        }
    }

    private static Path freshDir() throws IOException {
        return Files.createTempDirectory("ledger-props");
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * A commit is cut short before its k-th disk step (each 64 KiB chunk written, the force, the link, the
     * directory sync, the clean-up). Whatever k is, the journal then reads as exactly the old state, which the
     * period can be redone on, or exactly the new one, which refuses the period again: never a mix, never lost.
     */
    @Property(tries = 60)
    void journalAfterAnyPrefixOfWrites_isTheOldStateOrTheNew(@ForAll @IntRange(min = 0, max = 40) int crashBefore,
                                                            @ForAll @IntRange(min = 1, max = 600) int payees,
                                                            @ForAll @IntRange(min = 0, max = 1000) int seed) throws IOException {
        Path dir = freshDir();
        try {
            CompState jan = LedgerStates.state(payees, seed, month(1));
            CompState feb = LedgerStates.state(payees, seed, month(2));
            LedgerEntry old;
            try (Ledger l = Ledger.open(dir)) {
                old = l.commit(month(1), jan, List.of());
            }
            List<String> steps = new ArrayList<>();
            boolean crashed = false;
            try (Ledger l = Ledger.open(dir, step -> {
                if (steps.size() == crashBefore) {
                    throw new Crash(step);
                }
                steps.add(step);
            })) {
                l.commit(month(2), feb, List.of());
            } catch (Crash c) {
                crashed = true;
            }
            try (Ledger after = Ledger.open(dir)) {
                Optional<LedgerEntry> head = after.head();
                assertThat(head).isPresent();
                if (head.get().equals(old)) {
                    assertThat(crashed).as("a commit that returned must be visible").isTrue();
                    assertThat(after.stateBefore(month(2), List.of())).isEqualTo(jan);
                    after.commit(month(2), feb, List.of()); // the period is redone, once
                } else {
                    assertThat(head.get().period()).isEqualTo("2026-02");
                    assertThat(head.get().state()).isEqualTo(feb);
                    assertThatThrownBy(() -> after.stateBefore(month(2), List.of())).hasMessageContaining("pay twice");
                }
            }
            try (Ledger end = Ledger.open(dir)) {
                assertThat(end.head().orElseThrow().state()).isEqualTo(feb);
                assertThat(end.head().orElseThrow().previousPeriod()).contains("2026-01");
            }
        } finally {
            delete(dir);
        }
    }

    /**
     * Where a file system tears a write anyway (no atomic link, a partial copy), the entry cut at any byte is
     * refused, naming the file and how to resume; it is never read as a smaller state.
     */
    @Property(tries = 80)
    void entryCutShortAtAnyByte_isRefused(@ForAll @IntRange(min = 1, max = 60) int payees,
                                          @ForAll @IntRange(min = 0, max = 1_000_000) int cutPerMillion) throws IOException {
        Path dir = freshDir();
        try {
            try (Ledger l = Ledger.open(dir)) {
                l.commit(month(1), LedgerStates.state(payees, payees, month(1)), List.of());
            }
            Path f = dir.resolve("ledger-000001-2026-01.json");
            byte[] bytes = Files.readAllBytes(f);
            // Trailing whitespace carries nothing; cut inside the content.
            int content = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).stripTrailing().getBytes(
                    java.nio.charset.StandardCharsets.UTF_8).length;
            int cut = (int) ((long) (content - 1) * cutPerMillion / 1_000_000);
            Files.write(f, java.util.Arrays.copyOf(bytes, cut));
            try (Ledger l = Ledger.open(dir)) {
                assertThatThrownBy(() -> l.stateBefore(month(2), List.of())).isInstanceOf(LedgerException.class)
                        .hasMessageContaining(f.toString()).hasMessageContaining("To resume");
            }
        } finally {
            delete(dir);
        }
    }
}
