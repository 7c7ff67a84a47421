package io.salesops.comp.file;

import static io.salesops.comp.file.LedgerStates.month;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.comp.engine.CompState;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM while it commits 20,000 payees' February state on top of January, at random moments, and
 * checks what the next run finds: January whole (and February can be redone, once) or February whole (and
 * February is refused as paid). Never a mix of payees at both, never a state without February's pay after a
 * commit that finished.
 */
class LedgerCrashTest {

    private static final int PAYEES = 20_000;
    private static final long SEED = 5;

    private static Process start(Path dir) throws IOException {
        String cp = System.getProperty("java.class.path");
        String modules = System.getProperty("jdk.module.path");
        if (modules != null && !modules.isBlank()) {
            cp = cp + File.pathSeparator + modules; // surefire may run the tests on the module path
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-Xmx1g", "-cp", cp, LedgerCommitMain.class.getName(), dir.toString(),
                "2026-02", String.valueOf(PAYEES), String.valueOf(SEED)).redirectErrorStream(true).start();
    }

    /** Reads the child's output until {@code line}; returns everything read, for messages. */
    private static String awaitLine(BufferedReader out, String line) throws IOException {
        StringBuilder seen = new StringBuilder();
        for (String l; (l = out.readLine()) != null; ) {
            seen.append(l).append('\n');
            if (l.equals(line)) {
                return seen.toString();
            }
        }
        throw new AssertionError("child ended without printing " + line + ":\n" + seen);
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path f : s.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    @Test
    void killingTheCommittingJvm_atRandomMoments_losesNothingAndPaysNothingTwice(@TempDir Path root) throws Exception {
        CompState jan = LedgerStates.state(PAYEES, SEED, month(1));
        CompState feb = LedgerStates.state(PAYEES, SEED, month(2));
        Path january = root.resolve("january");
        LedgerEntry old;
        try (Ledger l = Ledger.open(january)) {
            old = l.commit(month(1), jan, List.of());
        }

        // One undisturbed run shows the child works and how long its commit takes on this machine now.
        Path clean = root.resolve("clean");
        copy(january, clean);
        Process p = start(clean);
        long commitNanos;
        long writeNanos;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            awaitLine(out, "COMMITTING");
            long t0 = System.nanoTime();
            awaitLine(out, "WRITING");
            long t1 = System.nanoTime();
            awaitLine(out, "COMMITTED");
            commitNanos = System.nanoTime() - t0;
            writeNanos = System.nanoTime() - t1;
        }
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).isZero();
        try (Ledger l = Ledger.open(clean)) {
            assertThat(l.head().orElseThrow().state()).isEqualTo(feb);
        }

        SplittableRandom rnd = new SplittableRandom(20261129);
        List<String> outcomes = new ArrayList<>();
        for (int run = 0; run < 4; run++) {
            Path dir = root.resolve("run-" + run);
            copy(january, dir);
            Process child = start(dir);
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                if (run % 2 == 0) {
                    // Anywhere from the start of the commit to a little past its usual end.
                    awaitLine(out, "COMMITTING");
                    TimeUnit.NANOSECONDS.sleep(rnd.nextLong(commitNanos * 5 / 4 + 1));
                } else {
                    // While the bytes go to disk, where a torn file could arise.
                    awaitLine(out, "WRITING");
                    TimeUnit.NANOSECONDS.sleep(rnd.nextLong(writeNanos * 3 / 2 + 1));
                }
                child.destroyForcibly();
            }
            assertThat(child.waitFor(1, TimeUnit.MINUTES)).isTrue();

            try (Ledger after = Ledger.open(dir)) {
                LedgerEntry head = after.head().orElseThrow();
                if (head.equals(old)) {
                    outcomes.add("january" + (after.notes().isEmpty() ? "" : " (interrupted commit discarded)"));
                    assertThat(after.stateBefore(month(2), List.of())).isEqualTo(jan);
                    after.commit(month(2), feb, List.of());
                } else {
                    outcomes.add("february");
                    assertThat(head.period()).isEqualTo("2026-02");
                    assertThat(head.state()).isEqualTo(feb);
                    assertThatThrownBy(() -> after.stateBefore(month(2), List.of())).hasMessageContaining("pay twice");
                }
            }
            try (Ledger end = Ledger.open(dir)) {
                assertThat(end.head().orElseThrow().checksum()).as(outcomes.toString()).isEqualTo(
                        LedgerEntry.of(month(2), feb, old, List.of()).checksum());
            }
        }
        System.out.println("LedgerCrashTest: commit took " + commitNanos / 1_000_000 + " ms, its disk writes "
                + writeNanos / 1_000_000 + " ms; after each kill: " + outcomes);
    }
}
