package io.salesops.cli;

import java.io.PrintWriter;
import java.util.Objects;

/**
 * Progress of a long step, printed to standard error only when a person is watching
 * ({@code System.console() != null}), so that piped and captured output stays clean.
 *
 * <pre>{@code
 * Progress p = Progress.start("backtest", periods.size());
 * for (...) { ...; p.step(); }
 * p.done();
 * }</pre>
 *
 * <p>Redraws at most once per percent. Mutable, not thread-safe.
 */
public final class Progress {

    private final PrintWriter err;
    private final boolean enabled;
    private final String label;
    private final long total;
    private long done;
    private int lastPercent = -1;

    private Progress(PrintWriter err, boolean enabled, String label, long total) {
        this.err = err;
        this.enabled = enabled;
        this.label = Objects.requireNonNull(label, "label");
        if (total < 0) {
            throw new IllegalArgumentException("progress total " + total + " is negative");
        }
        this.total = total;
    }

    /**
     * Progress of {@code total} steps, shown on {@code System.err} if there is a console.
     *
     * @throws IllegalArgumentException if {@code total} is negative
     */
    public static Progress start(String label, long total) {
        return new Progress(new PrintWriter(System.err, true), System.console() != null, label, total);
    }

    /** Progress shown on {@code err} if {@code enabled}, for tests and embedding. */
    public static Progress to(PrintWriter err, boolean enabled, String label, long total) {
        return new Progress(Objects.requireNonNull(err, "err"), enabled, label, total);
    }

    /** Records one step done. */
    public void step() {
        advance(1);
    }

    /** Records {@code n} steps done. */
    public void advance(long n) {
        done = Math.min(total, done + n);
        if (!enabled || total == 0) {
            return;
        }
        int percent = (int) (done * 100 / total);
        if (percent != lastPercent) {
            lastPercent = percent;
            err.print("\r" + label + ": " + done + "/" + total + " (" + percent + "%)");
            err.flush();
        }
    }

    /** Clears the progress line. */
    public void done() {
        if (enabled && lastPercent >= 0) {
            err.print("\r" + " ".repeat(label.length() + 40) + "\r");
            err.flush();
        }
    }

    /** @return the steps done so far */
    public long completed() {
        return done;
    }
}
