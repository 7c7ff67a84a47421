package io.salesops.core.period;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A fiscal period: a month, quarter, half or year of a {@link FiscalCalendar}, from {@link #start()} to
 * {@link #end()} inclusive. Obtain one from the calendar: {@code calendar.parse("2026-Q3")},
 * {@code calendar.periodOf(date, PeriodKind.QUARTER)}.
 *
 * <p>Periods order by start date, then by length (a month before the quarter that starts with it).
 *
 * <p>Immutable and thread-safe. No method accepts or returns null.
 */
public final class Period implements Comparable<Period> {

    private final FiscalCalendar calendar;
    private final PeriodKind kind;
    private final int fiscalYear;
    private final int index;
    private final LocalDate start;
    private final LocalDate end;

    Period(FiscalCalendar calendar, PeriodKind kind, int fiscalYear, int index, LocalDate start, LocalDate end) {
        this.calendar = calendar;
        this.kind = kind;
        this.fiscalYear = fiscalYear;
        this.index = index;
        this.start = start;
        this.end = end;
    }

    /** @return the calendar this period belongs to */
    public FiscalCalendar calendar() {
        return calendar;
    }

    /** @return month, quarter, half or year */
    public PeriodKind kind() {
        return kind;
    }

    /** @return the fiscal year the period lies in */
    public int fiscalYear() {
        return fiscalYear;
    }

    /** @return the 1-based number of the period within its fiscal year (a month's fiscal month number) */
    public int index() {
        return index;
    }

    /** @return the first day */
    public LocalDate start() {
        return start;
    }

    /** @return the last day, inclusive */
    public LocalDate end() {
        return end;
    }

    /** @return the day after the last day */
    public LocalDate endExclusive() {
        return end.plusDays(1);
    }

    /** @return the number of days in the period */
    public int days() {
        return (int) ChronoUnit.DAYS.between(start, end) + 1;
    }

    /**
     * Whether a day lies in this period.
     *
     * @param date the day; not null
     * @return true if {@code date} is on or after {@link #start()} and on or before {@link #end()}
     */
    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }

    /**
     * Whether another period lies wholly inside this one, compared by dates (its calendar is not checked).
     *
     * @param other the other period; not null
     * @return true if every day of {@code other} lies in this period; true for the period itself
     */
    public boolean contains(Period other) {
        return !other.start.isBefore(start) && !other.end.isAfter(end);
    }

    /**
     * Whether two periods share a day, compared by dates (their calendars are not checked).
     *
     * @param other the other period; not null
     * @return true if the two periods share at least one day
     */
    public boolean overlaps(Period other) {
        return !other.end.isBefore(start) && !other.start.isAfter(end);
    }

    /** @return the next period of the same kind */
    public Period next() {
        return calendar.periodOf(endExclusive(), kind);
    }

    /** @return the previous period of the same kind */
    public Period previous() {
        return calendar.periodOf(start.minusDays(1), kind);
    }

    /**
     * Moves by whole periods of this kind: Q3 plus 2 is Q1 of the next fiscal year.
     *
     * @param n how many periods to move; negative moves back, 0 gives an equal period
     * @return this period moved by {@code n} periods of its kind
     * @throws IllegalArgumentException if the result falls outside fiscal years 1..9999
     */
    public Period plus(int n) {
        return calendar.periodOf(start.plusMonths((long) n * kind.months()), kind);
    }

    /**
     * The coarser period this one lies in: the quarter of a month, the year of a half.
     *
     * @param coarser a kind at least as long as this period's; not null
     * @return the period of {@code coarser} kind containing this one (an equal period for the same kind)
     * @throws IllegalArgumentException if {@code coarser} is shorter than this period's kind
     */
    public Period enclosing(PeriodKind coarser) {
        if (coarser.months() < kind.months()) {
            throw new IllegalArgumentException("a " + kind + " is not contained in a " + coarser);
        }
        return calendar.periodOf(start, coarser);
    }

    /**
     * The periods of a finer (or the same) kind that tile this one, in order: a quarter splits into three months.
     *
     * @param finer a kind at most as long as this period's; not null
     * @return the periods in date order, without gaps or overlaps; unmodifiable, never empty
     * @throws IllegalArgumentException if {@code finer} is longer than this period's kind
     */
    public List<Period> split(PeriodKind finer) {
        if (finer.months() > kind.months()) {
            throw new IllegalArgumentException("a " + kind + " cannot be split into " + finer + "s");
        }
        List<Period> parts = new ArrayList<>();
        // next() is asked for only while a part remains: the last period of year 9999 has no next.
        for (Period p = calendar.periodOf(start, finer); ; p = p.next()) {
            parts.add(p);
            if (!p.end.isBefore(end)) {
                break;
            }
        }
        return List.copyOf(parts);
    }

    /**
     * The periods from this one to {@code last}, inclusive: {@code q1.through(q4)} is the four quarters.
     *
     * @param last the last period, of the same kind and calendar; not null
     * @return the periods in order, unmodifiable; empty if {@code last} starts before this one
     * @throws IllegalArgumentException if {@code last} is of another kind
     */
    public List<Period> through(Period last) {
        if (last.kind != kind) {
            throw new IllegalArgumentException("cannot iterate from a " + kind + " to a " + last.kind);
        }
        List<Period> out = new ArrayList<>();
        if (last.start.isBefore(start)) {
            return List.of();
        }
        // next() is asked for only while a period remains: the last period of year 9999 has no next.
        for (Period p = this; ; p = p.next()) {
            out.add(p);
            if (!p.start.isBefore(last.start)) {
                break;
            }
        }
        return List.copyOf(out);
    }

    /**
     * The days this period shares with a date range, e.g. the days a rep was in role during a quarter.
     *
     * @param from the first day of the range, inclusive; not null
     * @param to   the last day of the range, inclusive; not null
     * @return the number of days of this period on or after {@code from} and on or before {@code to}; 0 if they do
     *         not meet or {@code to} is before {@code from}
     */
    public int daysBetween(LocalDate from, LocalDate to) {
        LocalDate a = from.isAfter(start) ? from : start;
        LocalDate b = to.isBefore(end) ? to : end;
        return b.isBefore(a) ? 0 : (int) ChronoUnit.DAYS.between(a, b) + 1;
    }

    @Override
    public int compareTo(Period o) {
        int c = start.compareTo(o.start);
        return c != 0 ? c : end.compareTo(o.end);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Period p && p.kind == kind && p.start.equals(start) && p.calendar.equals(calendar);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, start, calendar);
    }

    /**
     * The label that {@link FiscalCalendar#parse} reads back: {@code 2026-07}, {@code 2026-Q3},
     * {@code 2026-H1}, {@code FY2026}. A month is labelled by its calendar month.
     */
    @Override
    public String toString() {
        switch (kind) {
            case MONTH:
                return String.format("%04d-%02d", start.getYear(), start.getMonthValue());
            case QUARTER:
                return year(fiscalYear) + "-Q" + index;
            case HALF:
                return year(fiscalYear) + "-H" + index;
            default:
                return "FY" + year(fiscalYear);
        }
    }

    /** Four digits, as {@link FiscalCalendar#parse} reads them: year 1 is {@code 0001}, never {@code 1}. */
    private static String year(int fiscalYear) {
        return fiscalYear >= 1000 ? Integer.toString(fiscalYear) : String.format("%04d", fiscalYear);
    }
}
