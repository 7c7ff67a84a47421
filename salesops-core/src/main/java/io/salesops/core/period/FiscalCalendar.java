package io.salesops.core.period;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fiscal calendar of twelve calendar months starting in a given month.
 *
 * <p>A fiscal year is named by the calendar year in which it <em>ends</em> (the Salesforce and US-federal
 * convention): with a February start, FY2027 runs from 1 February 2026 to 31 January 2027. With a January
 * start fiscal and calendar years coincide.
 *
 * <pre>{@code
 * FiscalCalendar fy = FiscalCalendar.startingIn(Month.FEBRUARY);
 * fy.parse("FY2027-Q1");                                           // 2026-02-01 .. 2026-04-30
 * fy.periodOf(LocalDate.of(2026, 12, 15), PeriodKind.QUARTER);     // FY2027 Q4: 2026-11-01 .. 2027-01-31
 * fy.year(2027).split(PeriodKind.MONTH);                           // 2026-02 .. 2027-01
 * }</pre>
 *
 * <p>Every date lies in exactly one period of each {@link PeriodKind}, and the periods of a kind tile time
 * without gaps or overlaps.
 *
 * <p>Immutable and thread-safe.
 */
public final class FiscalCalendar {

    private static final FiscalCalendar CALENDAR_YEAR = new FiscalCalendar(Month.JANUARY);
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(?:FY)?(\\d{4})-?Q([1-4])");
    private static final Pattern HALF = Pattern.compile("(?:FY)?(\\d{4})-?H([12])");
    private static final Pattern YEAR = Pattern.compile("FY-?(\\d{4})|(\\d{4})");

    private final Month startMonth;

    private FiscalCalendar(Month startMonth) {
        this.startMonth = startMonth;
    }

    /**
     * The calendar whose fiscal year is the calendar year (a January start).
     *
     * @return the shared calendar-year instance; never null
     */
    public static FiscalCalendar calendarYear() {
        return CALENDAR_YEAR;
    }

    /**
     * A calendar whose fiscal year starts on the first day of {@code startMonth}: {@code startingIn(Month.FEBRUARY)}
     * makes FY2027 run from 1 February 2026 to 31 January 2027.
     *
     * @param startMonth the month in which every fiscal year starts; not null
     * @return the calendar; {@link #calendarYear()} for {@link Month#JANUARY}
     * @throws NullPointerException if {@code startMonth} is null
     */
    public static FiscalCalendar startingIn(Month startMonth) {
        Objects.requireNonNull(startMonth, "startMonth");
        return startMonth == Month.JANUARY ? CALENDAR_YEAR : new FiscalCalendar(startMonth);
    }

    /** @return the month in which each fiscal year starts */
    public Month startMonth() {
        return startMonth;
    }

    /**
     * The fiscal year a day falls in.
     *
     * @param date the day; not null
     * @return the fiscal year (named by the calendar year in which it ends) that contains {@code date}: with a
     *         February start, 2026-03-10 is in 2027
     */
    public int fiscalYearOf(LocalDate date) {
        int offset = startMonth.getValue() - 1;
        if (offset == 0) {
            return date.getYear();
        }
        return date.getMonthValue() > offset ? date.getYear() + 1 : date.getYear();
    }

    /**
     * The first day of a fiscal year.
     *
     * @param fiscalYear the fiscal year, named by the calendar year in which it ends
     * @return the first day of the start month, in the calendar year before {@code fiscalYear} unless the calendar
     *         starts in January
     */
    public LocalDate startOfYear(int fiscalYear) {
        int offset = startMonth.getValue() - 1;
        return LocalDate.of(offset == 0 ? fiscalYear : fiscalYear - 1, startMonth, 1);
    }

    /**
     * The period of {@code kind} containing {@code date}.
     *
     * @param date the day; not null
     * @param kind month, quarter, half or year; not null
     * @return the one period of that kind in this calendar that contains {@code date}
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if {@code date} falls in a fiscal year outside 1..9999
     */
    public Period periodOf(LocalDate date, PeriodKind kind) {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        int fy = fiscalYearOf(date);
        LocalDate yearStart = startOfYear(fy);
        int monthIndex = (int) java.time.temporal.ChronoUnit.MONTHS.between(YearMonth.from(yearStart), YearMonth.from(date));
        int index = monthIndex / kind.months() + 1;
        return period(kind, fy, index);
    }

    /**
     * A whole fiscal year.
     *
     * @param fiscalYear the fiscal year, 1..9999, named by the calendar year in which it ends
     * @return the year as a period
     * @throws IllegalArgumentException if {@code fiscalYear} is outside 1..9999
     */
    public Period year(int fiscalYear) {
        return period(PeriodKind.YEAR, fiscalYear, 1);
    }

    /**
     * A fiscal half.
     *
     * @param fiscalYear the fiscal year, 1..9999, named by the calendar year in which it ends
     * @param half       1 for the first six months of the fiscal year, 2 for the last six
     * @return the half as a period
     * @throws IllegalArgumentException if {@code half} is not 1 or 2, or {@code fiscalYear} is outside 1..9999
     */
    public Period half(int fiscalYear, int half) {
        return period(PeriodKind.HALF, fiscalYear, half);
    }

    /**
     * A fiscal quarter.
     *
     * @param fiscalYear the fiscal year, 1..9999, named by the calendar year in which it ends
     * @param quarter    1..4, counted from the start of the fiscal year (Q1 is the start month and the two after it)
     * @return the quarter as a period
     * @throws IllegalArgumentException if {@code quarter} is outside 1..4, or {@code fiscalYear} outside 1..9999
     */
    public Period quarter(int fiscalYear, int quarter) {
        return period(PeriodKind.QUARTER, fiscalYear, quarter);
    }

    /**
     * A calendar month as a period of this calendar; its {@link Period#index()} is its fiscal month number.
     *
     * @param year  the calendar year (not the fiscal year)
     * @param month the calendar month, 1 (January) to 12
     * @return the month as a period
     * @throws java.time.DateTimeException if {@code month} is outside 1..12 or {@code year} outside the range of
     *                                     {@link LocalDate}
     * @throws IllegalArgumentException    if the month falls in a fiscal year outside 1..9999
     */
    public Period month(int year, int month) {
        return periodOf(LocalDate.of(year, month, 1), PeriodKind.MONTH);
    }

    /**
     * The period of {@code kind} numbered {@code index} (1-based) within fiscal year {@code fiscalYear}.
     *
     * @param kind       month, quarter, half or year; not null
     * @param fiscalYear the fiscal year, 1..9999, named by the calendar year in which it ends
     * @param index      1-based number within the fiscal year: 1..12 for months (fiscal month, not calendar
     *                   month), 1..4 for quarters, 1..2 for halves, 1 for the year
     * @return the period
     * @throws IllegalArgumentException if the index is out of range for the kind or the year outside 1..9999
     */
    public Period period(PeriodKind kind, int fiscalYear, int index) {
        int count = 12 / kind.months();
        if (index < 1 || index > count) {
            throw new IllegalArgumentException(kind.name().toLowerCase(Locale.ROOT) + " number " + index
                    + " is out of range 1.." + count);
        }
        if (fiscalYear < 1 || fiscalYear > 9999) {
            throw new IllegalArgumentException("fiscal year " + fiscalYear + " is out of range 1..9999");
        }
        LocalDate start = startOfYear(fiscalYear).plusMonths((long) (index - 1) * kind.months());
        return new Period(this, kind, fiscalYear, index, start, start.plusMonths(kind.months()).minusDays(1));
    }

    /**
     * Parses a period: {@code 2026-07} (a calendar month), {@code 2026-Q3} or {@code FY2026-Q3} (a fiscal
     * quarter), {@code 2026-H1} (a fiscal half), {@code FY2026} or {@code 2026} (a fiscal year). Years in quarter,
     * half and year forms are fiscal years; the month form is a calendar month. Case and surrounding spaces are
     * ignored.
     *
     * @param text the period; not null
     * @return the period in this calendar
     * @throws IllegalArgumentException naming the text and the accepted forms if it does not parse
     */
    public Period parse(String text) {
        Objects.requireNonNull(text, "period");
        String s = text.strip().toUpperCase(Locale.ROOT);
        Matcher m;
        try {
            if ((m = MONTH.matcher(s)).matches()) {
                int month = Integer.parseInt(m.group(2));
                if (month < 1 || month > 12) {
                    throw new IllegalArgumentException("month " + month + " is out of range 1..12");
                }
                return month(Integer.parseInt(m.group(1)), month);
            }
            if ((m = QUARTER.matcher(s)).matches()) {
                return quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            if ((m = HALF.matcher(s)).matches()) {
                return half(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            if ((m = YEAR.matcher(s)).matches()) {
                return year(Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("period \"" + text + "\" is invalid: " + e.getMessage());
        }
        throw new IllegalArgumentException("period \"" + text
                + "\" does not parse; expected a month (2026-07), quarter (2026-Q3), half (2026-H1) or year (FY2026)");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FiscalCalendar c && c.startMonth == startMonth;
    }

    @Override
    public int hashCode() {
        return startMonth.hashCode();
    }

    @Override
    public String toString() {
        return "FiscalCalendar[starts " + startMonth.getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH) + "]";
    }
}
