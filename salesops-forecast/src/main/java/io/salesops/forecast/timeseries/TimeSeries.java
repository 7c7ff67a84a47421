package io.salesops.forecast.timeseries;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A named, regular time series: one value per month ({@code frequency} 12), quarter (4) or year (1),
 * without gaps, starting at a given year and period.
 *
 * <p>Periods are written {@code 2024-03} (monthly), {@code 2024-Q1} (quarterly) and {@code 2024}
 * (yearly); {@link #parse(String, List, List)} also reads ISO dates on the first of a month
 * ({@code 2024-03-01}).
 *
 * <p>Immutable and thread-safe. No method accepts or returns null.
 */
public final class TimeSeries {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{1,2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-?[Qq]([1-4])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final String name;
    private final int frequency;
    private final int startYear;
    private final int startPeriod;
    private final double[] values;

    private TimeSeries(String name, int frequency, int startYear, int startPeriod, double[] values) {
        this.name = name;
        this.frequency = frequency;
        this.startYear = startYear;
        this.startPeriod = startPeriod;
        this.values = values;
    }

    /**
     * Creates a series from consecutive values.
     *
     * @param name the series name used in messages and results; not null, may be empty
     * @param frequency periods per year: 1, 4 or 12
     * @param startYear the year of the first value
     * @param startPeriod the period (month 1..12, quarter 1..4, or 1 for yearly) of the first value
     * @param values the values, oldest first; at least one, all finite; copied
     * @return the series
     * @throws InvalidSeriesException if the frequency or start period is out of range, there are no
     *     values, or a value is NaN or infinite (the message names the period)
     */
    public static TimeSeries of(String name, int frequency, int startYear, int startPeriod, double... values) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(values, "values");
        checkFrequency(name, frequency);
        if (startPeriod < 1 || startPeriod > frequency) {
            throw new InvalidSeriesException(String.format(
                    "series \"%s\": start period %d is outside 1..%d for frequency %d",
                    name, startPeriod, frequency, frequency));
        }
        if (values.length == 0) {
            throw new InvalidSeriesException(String.format("series \"%s\" has no values", name));
        }
        TimeSeries series = new TimeSeries(name, frequency, startYear, startPeriod, values.clone());
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new InvalidSeriesException(String.format(
                        "series \"%s\": value at period %s is %s; every value must be a finite number",
                        name, series.periodLabel(i), values[i]));
            }
        }
        return series;
    }

    /**
     * Builds a series from period labels and values, detecting the frequency from the labels
     * ({@code 2024-03} or {@code 2024-03-01} monthly, {@code 2024-Q1} quarterly, {@code 2024} yearly).
     * ISO dates spaced three months apart on quarter starts are read as quarterly, twelve months
     * apart on January 1 as yearly. The pairs may come in any order; they are sorted by period.
     *
     * @param name the series name; not null
     * @param periods period labels; not null, same size as {@code values}
     * @param values the values; not null, no null elements
     * @return the series
     * @throws InvalidSeriesException on an unreadable or mixed label, a duplicate period, a gap, or a
     *     non-finite value; the message names the series and the period
     */
    public static TimeSeries parse(String name, List<String> periods, List<Double> values) {
        return parse(name, 0, periods, values);
    }

    /**
     * Builds a series from period labels and values with a known frequency.
     *
     * @param name the series name; not null
     * @param frequency 1, 4 or 12, or 0 to detect it from the labels
     * @param periods period labels; not null, same size as {@code values}
     * @param values the values; not null, no null elements
     * @return the series
     * @throws InvalidSeriesException as {@link #parse(String, List, List)}, or when a label does not fit
     *     the given frequency
     */
    public static TimeSeries parse(String name, int frequency, List<String> periods, List<Double> values) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(periods, "periods");
        Objects.requireNonNull(values, "values");
        if (periods.size() != values.size()) {
            throw new IllegalArgumentException(String.format(
                    "series \"%s\": %d periods but %d values", name, periods.size(), values.size()));
        }
        if (periods.isEmpty()) {
            throw new InvalidSeriesException(String.format("series \"%s\" has no values", name));
        }
        if (frequency != 0) {
            checkFrequency(name, frequency);
        }
        List<Parsed> parsed = new ArrayList<>(periods.size());
        for (int i = 0; i < periods.size(); i++) {
            parsed.add(parseLabel(name, periods.get(i), Objects.requireNonNull(values.get(i), "value")));
        }
        int detected = detectFrequency(name, parsed, frequency);
        long[] index = new long[parsed.size()];
        Integer[] order = new Integer[parsed.size()];
        for (int i = 0; i < parsed.size(); i++) {
            index[i] = parsed.get(i).indexAt(name, detected);
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(index[a], index[b]));
        double[] sorted = new double[order.length];
        for (int k = 0; k < order.length; k++) {
            sorted[k] = parsed.get(order[k]).value;
            if (k > 0) {
                long previous = index[order[k - 1]];
                long current = index[order[k]];
                if (current == previous) {
                    throw new InvalidSeriesException(String.format(
                            "series \"%s\": period %s appears more than once",
                            name, label(current, detected)));
                }
                if (current > previous + 1) {
                    String missing = current == previous + 2
                            ? "period " + label(previous + 1, detected) + " is missing"
                            : "periods " + label(previous + 1, detected) + " to " + label(current - 1, detected)
                                    + " are missing";
                    throw new InvalidSeriesException(String.format("series \"%s\": %s (gap between %s and %s)",
                            name, missing, label(previous, detected), label(current, detected)));
                }
            }
        }
        long first = index[order[0]];
        return of(name, detected, Math.toIntExact(Math.floorDiv(first, detected)),
                (int) Math.floorMod(first, detected) + 1, sorted);
    }

    private static void checkFrequency(String name, int frequency) {
        if (frequency != 1 && frequency != 4 && frequency != 12) {
            throw new InvalidSeriesException(String.format(
                    "series \"%s\": frequency %d is not supported; use 1 (yearly), 4 (quarterly) or 12 (monthly)",
                    name, frequency));
        }
    }

    /** A label read as year/month (monthly or date) or year/quarter or year. */
    private record Parsed(String label, int kind, int year, int sub, double value) {
        static final int MONTH_KIND = 12;
        static final int QUARTER_KIND = 4;
        static final int YEAR_KIND = 1;
        static final int DATE_KIND = 0;

        long indexAt(String name, int frequency) {
            int month = kind == DATE_KIND || kind == MONTH_KIND ? sub : 0;
            if (kind == frequency) {
                return (long) year * frequency + (kind == YEAR_KIND ? 0 : sub - 1);
            }
            if (kind == DATE_KIND && frequency == 12) {
                return (long) year * 12 + month - 1;
            }
            if (kind == DATE_KIND && frequency == 4 && (month - 1) % 3 == 0) {
                return (long) year * 4 + (month - 1) / 3;
            }
            if (kind == DATE_KIND && frequency == 1 && month == 1) {
                return year;
            }
            throw new InvalidSeriesException(String.format(
                    "series \"%s\": period \"%s\" does not fit frequency %d (%s)",
                    name, label, frequency, describe(frequency)));
        }
    }

    private static String describe(int frequency) {
        return switch (frequency) {
            case 12 -> "monthly, e.g. 2024-03";
            case 4 -> "quarterly, e.g. 2024-Q1";
            default -> "yearly, e.g. 2024";
        };
    }

    private static Parsed parseLabel(String name, String raw, double value) {
        String label = raw == null ? "" : raw.trim();
        Matcher m;
        if (DATE.matcher(label).matches()) {
            LocalDate date;
            try {
                date = LocalDate.parse(label);
            } catch (DateTimeException e) {
                throw new InvalidSeriesException(String.format(
                        "series \"%s\": period \"%s\" is not a valid date", name, label));
            }
            if (date.getDayOfMonth() != 1) {
                throw new InvalidSeriesException(String.format(
                        "series \"%s\": period \"%s\" is not the first of a month; dates must name a period start",
                        name, label));
            }
            return new Parsed(label, Parsed.DATE_KIND, date.getYear(), date.getMonthValue(), value);
        }
        if ((m = MONTH.matcher(label)).matches()) {
            int month = Integer.parseInt(m.group(2));
            if (month < 1 || month > 12) {
                throw new InvalidSeriesException(String.format(
                        "series \"%s\": period \"%s\" has month %d outside 1..12", name, label, month));
            }
            return new Parsed(label, Parsed.MONTH_KIND, Integer.parseInt(m.group(1)), month, value);
        }
        if ((m = QUARTER.matcher(label)).matches()) {
            return new Parsed(label, Parsed.QUARTER_KIND, Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2)), value);
        }
        if ((m = YEAR.matcher(label)).matches()) {
            return new Parsed(label, Parsed.YEAR_KIND, Integer.parseInt(m.group(1)), 1, value);
        }
        throw new InvalidSeriesException(String.format(
                "series \"%s\": period \"%s\" is not a period; write 2024-03, 2024-Q1, 2024 or 2024-03-01",
                name, label));
    }

    private static int detectFrequency(String name, List<Parsed> parsed, int given) {
        int kind = parsed.get(0).kind;
        for (Parsed p : parsed) {
            if (p.kind != kind) {
                throw new InvalidSeriesException(String.format(
                        "series \"%s\": period \"%s\" is written differently from \"%s\"; use one form throughout",
                        name, p.label, parsed.get(0).label));
            }
        }
        if (given != 0) {
            return given;
        }
        if (kind != Parsed.DATE_KIND) {
            return kind;
        }
        long[] months = parsed.stream().mapToLong(p -> (long) p.year * 12 + p.sub - 1).sorted().toArray();
        long step = Long.MAX_VALUE;
        for (int i = 1; i < months.length; i++) {
            if (months[i] > months[i - 1]) {
                step = Math.min(step, months[i] - months[i - 1]);
            }
        }
        boolean quarterStarts = parsed.stream().allMatch(p -> (p.sub - 1) % 3 == 0);
        boolean januaries = parsed.stream().allMatch(p -> p.sub == 1);
        if (step == 12 && januaries) {
            return 1;
        }
        if (step == 3 && quarterStarts) {
            return 4;
        }
        return 12;
    }

    private static String label(long index, int frequency) {
        long year = Math.floorDiv(index, frequency);
        int period = (int) Math.floorMod(index, frequency) + 1;
        return switch (frequency) {
            case 12 -> String.format("%d-%02d", year, period);
            case 4 -> year + "-Q" + period;
            default -> Long.toString(year);
        };
    }

    /** @return the series name, never null */
    public String name() {
        return name;
    }

    /** @return periods per year: 1, 4 or 12 */
    public int frequency() {
        return frequency;
    }

    /** @return the year of the first value */
    public int startYear() {
        return startYear;
    }

    /** @return the period within the year (1-based) of the first value */
    public int startPeriod() {
        return startPeriod;
    }

    /** @return the number of values */
    public int size() {
        return values.length;
    }

    /**
     * @param index 0-based position
     * @return the value at that position
     * @throws IndexOutOfBoundsException if the index is outside the series
     */
    public double get(int index) {
        return values[index];
    }

    /** @return a copy of the values, oldest first */
    public double[] values() {
        return values.clone();
    }

    /**
     * The label of the period at a position; positions at or beyond {@link #size()} name future periods,
     * so {@code periodLabel(size())} is the first forecast period.
     *
     * @param index 0-based position, may exceed the series (but not be negative)
     * @return a label such as {@code 2024-03}, {@code 2024-Q1} or {@code 2024}
     */
    public String periodLabel(int index) {
        if (index < 0) {
            throw new IndexOutOfBoundsException("period index " + index + " is negative");
        }
        return label(firstIndex() + index, frequency);
    }

    /**
     * The position of a value within its year, 0-based (January is 0 for monthly series); lets seasonal
     * models line up with the calendar.
     *
     * @param index 0-based position, may exceed the series
     * @return the season position in 0..frequency-1
     */
    public int seasonOf(int index) {
        return (int) Math.floorMod(firstIndex() + index, frequency);
    }

    private long firstIndex() {
        return (long) startYear * frequency + startPeriod - 1;
    }

    /**
     * A series with the same periods and the first {@code length} values; used for backtests.
     *
     * @param length number of values to keep, 1..size()
     * @return the truncated series
     * @throws IllegalArgumentException if {@code length} is out of range
     */
    public TimeSeries head(int length) {
        if (length < 1 || length > values.length) {
            throw new IllegalArgumentException("head length " + length + " is outside 1.." + values.length);
        }
        return new TimeSeries(name, frequency, startYear, startPeriod, Arrays.copyOf(values, length));
    }

    /**
     * The same series with every value multiplied by {@code factor}, e.g. to change currency units.
     *
     * @param factor a finite multiplier
     * @return the scaled series
     * @throws InvalidSeriesException if a scaled value is not finite
     */
    public TimeSeries scaled(double factor) {
        double[] copy = values.clone();
        for (int i = 0; i < copy.length; i++) {
            copy[i] *= factor;
        }
        return of(name, frequency, startYear, startPeriod, copy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeSeries t && t.name.equals(name) && t.frequency == frequency
                && t.startYear == startYear && t.startPeriod == startPeriod && Arrays.equals(t.values, values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, frequency, startYear, startPeriod, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return String.format("TimeSeries[%s, frequency %d, %s..%s, %d values]",
                name, frequency, periodLabel(0), periodLabel(values.length - 1), values.length);
    }
}
