package io.salesops.comp.file;

import io.salesops.core.period.Period;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The rule that commission periods follow each other: the next period starts the day after the committed one
 * ends, so that no day is paid twice and none is skipped, unless the skipped days are exactly the periods the
 * caller names as gaps. Stateless and thread-safe.
 */
final class PeriodChain {

    private PeriodChain() {
    }

    /**
     * Checks the first period of an empty ledger: there is nothing it could skip.
     *
     * @throws LedgerException if gaps are named, since there is nothing to skip
     */
    static void checkFirst(Period next, Collection<Period> gapsAllowed) {
        if (!gapsAllowed.isEmpty()) {
            throw new LedgerException("--allow-gap " + labels(gapsAllowed) + " names no gap: the state is empty, so "
                    + next + " is the first period and skips nothing");
        }
    }

    /**
     * @param last      the label of the last committed period
     * @param lastEnd   its last day
     * @param next      the period about to be calculated
     * @param gapsAllowed the periods the caller skips on purpose
     * @throws LedgerException if {@code next} repeats committed days or skips days not named
     */
    static void check(String last, LocalDate lastEnd, Period next, Collection<Period> gapsAllowed) {
        if (!next.start().isAfter(lastEnd)) {
            throw LedgerException.repeatingCommittedPeriod("the state already includes " + last + " (to " + lastEnd + "), and " + next
                    + " (from " + next.start() + ") " + (next.toString().equals(last) ? "is that period" : "starts inside it")
                    + "; calculating " + next + " on it would pay twice");
        }
        LocalDate firstMissing = lastEnd.plusDays(1);
        LocalDate lastMissing = next.start().minusDays(1);
        if (firstMissing.isAfter(lastMissing)) {
            if (!gapsAllowed.isEmpty()) {
                throw new LedgerException("--allow-gap " + labels(gapsAllowed) + " names no gap: the state ends with "
                        + last + " and " + next + " follows it directly");
            }
            return;
        }
        String missing = describe(firstMissing, lastMissing, next);
        if (gapsAllowed.isEmpty()) {
            throw new LedgerException("the state ends with " + last + " (to " + lastEnd + "); calculating " + next
                    + " would skip " + missing + ", which would never be paid. Calculate the skipped period first, or"
                    + " pass --allow-gap " + missingLabels(firstMissing, lastMissing, next) + " if nothing is owed for it");
        }
        List<Period> sorted = new ArrayList<>(gapsAllowed);
        sorted.sort(null);
        LocalDate cursor = firstMissing;
        for (Period g : sorted) {
            if (!g.start().equals(cursor) || g.end().isAfter(lastMissing)) {
                throw new LedgerException("--allow-gap " + labels(gapsAllowed) + " does not match the skipped days: the"
                        + " state ends with " + last + " and " + next + " skips " + missing
                        + "; name exactly those periods (e.g. --allow-gap " + missingLabels(firstMissing, lastMissing, next) + ")");
            }
            cursor = g.end().plusDays(1);
        }
        if (!cursor.isAfter(lastMissing)) {
            throw new LedgerException("--allow-gap " + labels(gapsAllowed) + " leaves " + cursor + ".." + lastMissing
                    + " skipped without naming it; " + next + " skips " + missing);
        }
    }

    /** @return {@code 2026-02 (2026-02-01..2026-02-28)}, or the days alone when they are not whole periods */
    private static String describe(LocalDate from, LocalDate to, Period like) {
        List<Period> ps = periods(from, to, like);
        String days = from + ".." + to;
        return ps.isEmpty() ? days : labels(ps) + " (" + days + ")";
    }

    private static String missingLabels(LocalDate from, LocalDate to, Period like) {
        List<Period> ps = periods(from, to, like);
        return ps.isEmpty() ? "PERIOD" : labels(ps);
    }

    /** The periods of {@code like}'s kind that tile {@code from..to} exactly, or empty if none do. */
    private static List<Period> periods(LocalDate from, LocalDate to, Period like) {
        List<Period> out = new ArrayList<>();
        Period p = like.calendar().periodOf(from, like.kind());
        while (p.start().equals(from) && !p.end().isAfter(to) && out.size() < 1000) {
            out.add(p);
            if (p.end().equals(to)) {
                return out;
            }
            from = p.end().plusDays(1);
            p = p.next();
        }
        return List.of();
    }

    private static String labels(Collection<Period> ps) {
        List<String> out = new ArrayList<>();
        ps.stream().sorted().forEach(p -> out.add(p.toString()));
        return String.join(",", out);
    }
}
