package io.salesops.planning.quota;

import io.salesops.core.money.Money;
import io.salesops.core.money.Percent;
import io.salesops.core.org.Rep;
import io.salesops.core.period.Period;
import io.salesops.core.period.PeriodKind;
import io.salesops.core.problem.Problem;
import io.salesops.core.problem.SalesopsInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Sales capacity: how many reps, hired when, reach a bookings target, given the productivity of a fully ramped
 * rep, the ramp by tenure month and attrition.
 *
 * <p>Each simulated year draws, for every current rep and every possible hire, the month they leave (a monthly
 * hazard {@code 1 - (1 - annual attrition)^(1/12)}; a rep whose org end date falls in the year leaves then). A
 * rep in role books {@code productivity / 12 x ramp(tenure month)} each month (rounded half up to the cent
 * once per tenure month), prorated by days in role in the month they join. Hires are spread round-robin over
 * fiscal months 1..{@code hireBy}, each starting on the month's first day. Since another hire never lowers a
 * year's bookings, each simulated year has a least number of hires that reaches the target; the plan reports
 * the median of those numbers and their 10th and 90th percentiles.
 *
 * <pre>{@code
 * CapacityPlan plan = CapacityModel.builder(Money.of("12000000", "USD"), calendar.year(2027))
 *         .productivity(Money.of("1000000", "USD")).ramp(RampSchedule.of("25", "50", "75"))
 *         .attrition(Percent.of(20)).currentReps(8).hireBy(6).build().run();
 * plan.hires();       // the median simulated year's hires
 * plan.hiresHigh();   // P90: hire this many to reach the target nine years in ten
 * }</pre>
 *
 * <p>Immutable and thread-safe; the same inputs and seed give the same plan.
 */
public final class CapacityModel {

    /** The most hires the model will consider. */
    public static final int MAX_HIRES = 100_000;

    private final Money target;
    private final Period year;
    private final Money productivity;
    private final RampSchedule ramp;
    private final Percent attrition;
    private final List<Rep> current;
    private final int hireBy;
    private final int simulations;
    private final long seed;

    private CapacityModel(Builder b) {
        this.target = b.target;
        this.year = b.year;
        this.productivity = Objects.requireNonNull(b.productivity, "productivity of a ramped rep is required");
        this.ramp = b.ramp;
        this.attrition = b.attrition;
        this.current = List.copyOf(b.current);
        this.hireBy = b.hireBy;
        this.simulations = b.simulations;
        this.seed = b.seed;
    }

    /**
     * A builder for reaching {@code target} bookings in fiscal year {@code year}.
     *
     * @param target the bookings the team must reach in the year, positive; productivity must be in its currency;
     *               not null
     * @param year   a fiscal year ({@code calendar.year(2027)}); not null
     * @return a new builder with the defaults: no ramp, no attrition, no current reps, hires on the first day, 2000
     *         simulated years with seed 1
     * @throws IllegalArgumentException if the target is not positive or the period is not a year
     */
    public static Builder builder(Money target, Period year) {
        return new Builder(target, year);
    }

    /**
     * Simulates the years and finds, in each, the least number of hires that reaches the target.
     *
     * @return the plan: hires needed (median, P10, P90) and the bookings and headcount by month
     * @throws io.salesops.core.problem.SalesopsInputException at {@code productivity} if even {@link #MAX_HIRES}
     *         hires would not reach the target in some simulated year
     */
    public CapacityPlan run() {
        List<Period> months = year.split(PeriodKind.MONTH);
        // A ramped rep's year split exactly over the months (largest remainder), then each month by ramp.
        List<Money> parts = productivity.allocate(12);
        long[] monthly = new long[12];
        for (int m = 0; m < 12; m++) {
            monthly[m] = parts.get(m).minorUnits();
        }
        BigDecimal hazard = BigDecimal.ONE.subtract(BigDecimal.valueOf(Math.pow(1 - attrition.toDouble(), 1.0 / 12)));
        double h = hazard.doubleValue();
        long[][] byTenure = new long[12][ramp.months() + 1];
        for (int m = 0; m < 12; m++) {
            for (int t = 1; t <= ramp.months(); t++) {
                byTenure[m][t] = parts.get(m).times(ramp.at(t), RoundingMode.HALF_UP).minorUnits();
            }
        }
        int[] needed = new int[simulations];
        for (int s = 0; s < simulations; s++) {
            SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + s);
            long have = 0;
            for (Rep r : current) {
                have += year(r.startDate(), r.endDate(), leaveMonth(rnd, h), months, monthly, byTenure, null);
            }
            int hires = 0;
            while (have < target.minorUnits()) {
                if (hires >= MAX_HIRES) {
                    // The inputs are unreachable together, a problem with the user's numbers, not with the code.
                    String message = "even " + MAX_HIRES + " hires do not reach " + target
                            + " in a simulated year; check the productivity (" + productivity + " a year)";
                    throw new SalesopsInputException(message, List.of(Problem.at("productivity", message)));
                }
                have += year(months.get(hireMonth(hires)).start(), null, leaveMonth(rnd, h), months, monthly, byTenure, null);
                hires++;
            }
            needed[s] = hires;
        }
        int[] sorted = needed.clone();
        Arrays.sort(sorted);
        int p50 = sorted[CostStatistics.rank(simulations, 50)];
        return table(p50, sorted[CostStatistics.rank(simulations, 10)], sorted[CostStatistics.rank(simulations, 90)],
                months, monthly, byTenure, h);
    }

    private CapacityPlan table(int hires, int low, int high, List<Period> months, long[] monthly, long[][] byTenure, double h) {
        long[] totals = new long[simulations];
        double[] head = new double[12];
        double[] ramped = new double[12];
        BigDecimal[] booked = new BigDecimal[12];
        Arrays.fill(booked, BigDecimal.ZERO);
        for (int s = 0; s < simulations; s++) {
            SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + s);
            long[] perMonth = new long[12];
            double[][] stats = {head, ramped};
            for (Rep r : current) {
                totals[s] += year(r.startDate(), r.endDate(), leaveMonth(rnd, h), months, monthly, byTenure, new Object[] {perMonth, stats});
            }
            for (int i = 0; i < hires; i++) {
                totals[s] += year(months.get(hireMonth(i)).start(), null, leaveMonth(rnd, h), months, monthly, byTenure,
                        new Object[] {perMonth, stats});
            }
            for (int m = 0; m < 12; m++) {
                booked[m] = booked[m].add(BigDecimal.valueOf(perMonth[m]));
            }
        }
        List<CapacityPlan.Month> rows = new ArrayList<>();
        int[] hiredIn = new int[12];
        for (int i = 0; i < hires; i++) {
            hiredIn[hireMonth(i)]++;
        }
        for (int m = 0; m < 12; m++) {
            rows.add(new CapacityPlan.Month(months.get(m), hiredIn[m],
                    BigDecimal.valueOf(head[m] / simulations).setScale(1, RoundingMode.HALF_EVEN),
                    BigDecimal.valueOf(ramped[m] / simulations).setScale(1, RoundingMode.HALF_EVEN),
                    Money.ofMinor(booked[m].divide(BigDecimal.valueOf(simulations), 0, RoundingMode.HALF_EVEN).longValueExact(),
                            target.currency())));
        }
        Arrays.sort(totals);
        List<String> notes = List.of(
                current.size() + " current reps; a fully ramped rep books " + productivity + " a year",
                "ramp " + (ramp.months() == 0 ? "none" : ramp.monthly() + " in tenure months 1.." + ramp.months()),
                "attrition " + attrition + " a year (monthly hazard " + BigDecimal.valueOf(h).setScale(4, RoundingMode.HALF_EVEN) + "), "
                        + simulations + " simulated years, seed " + seed,
                "hires spread over fiscal months 1.." + hireBy + ", starting on the first day; leavers are not backfilled");
        return new CapacityPlan(target, hires, low, high, money(totals, 10), money(totals, 50), money(totals, 90), rows, notes);
    }

    /**
     * Bookings of one rep over the year; fills per-month bookings and headcount statistics if {@code sink} is given.
     *
     * @param leave the 0-based month of the year in which the rep leaves by attrition (12 or more: stays)
     */
    private long year(java.time.LocalDate start, java.time.LocalDate end, int leave, List<Period> months, long[] monthly,
                      long[][] byTenure, Object[] sink) {
        long total = 0;
        for (int m = 0; m < 12 && m < leave; m++) {
            Period month = months.get(m);
            if ((start != null && start.isAfter(month.end())) || (end != null && end.isBefore(month.start()))) {
                continue;
            }
            int tenure = start == null ? Integer.MAX_VALUE : (int) java.time.temporal.ChronoUnit.MONTHS.between(
                    java.time.YearMonth.from(start), java.time.YearMonth.from(month.start())) + 1;
            long full = tenure > ramp.months() ? monthly[m] : byTenure[m][tenure];
            int days = month.daysBetween(start == null ? month.start() : start, end == null ? month.end() : end);
            long amount = days == month.days() ? full : (2 * full * days + month.days()) / (2L * month.days()); // half up
            total += amount;
            if (sink != null) {
                ((long[]) sink[0])[m] += amount;
                double[][] stats = (double[][]) sink[1];
                stats[0][m] += 1;
                stats[1][m] += ramp.at(tenure).toDouble();
            }
        }
        return total;
    }

    private static int leaveMonth(SplittableRandom rnd, double hazard) {
        if (hazard <= 0) {
            return Integer.MAX_VALUE;
        }
        int m = 0;
        while (m < 12 && rnd.nextDouble() >= hazard) {
            m++;
        }
        return m;
    }

    private int hireMonth(int i) {
        return i % hireBy;
    }

    private Money money(long[] sorted, int q) {
        return Money.ofMinor(sorted[CostStatistics.rank(sorted.length, q)], target.currency());
    }

    /** Collects the inputs of a {@link CapacityModel}; each call checks its argument. Not thread-safe. */
    public static final class Builder {
        private final Money target;
        private final Period year;
        private Money productivity;
        private RampSchedule ramp = RampSchedule.none();
        private Percent attrition = Percent.ZERO;
        private final List<Rep> current = new ArrayList<>();
        private int hireBy = 1;
        private int simulations = 2000;
        private long seed = 1;

        private Builder(Money target, Period year) {
            if (!Objects.requireNonNull(target, "target").isPositive()) {
                throw new IllegalArgumentException("bookings target " + target + " is not positive");
            }
            if (year.kind() != PeriodKind.YEAR) {
                throw new IllegalArgumentException("capacity is planned for a fiscal year, not " + year);
            }
            this.target = target;
            this.year = year;
        }

        /**
         * Bookings of a fully ramped rep in a year (required).
         *
         * @param perYear a ramped rep's bookings over a whole year, positive, in the target's currency; not null
         * @return this builder
         * @throws IllegalArgumentException if the amount is not positive or in another currency
         */
        public Builder productivity(Money perYear) {
            if (!perYear.isPositive() || !perYear.currency().equals(target.currency())) {
                throw new IllegalArgumentException("productivity " + perYear + " must be positive and in " + target.currency());
            }
            this.productivity = perYear;
            return this;
        }

        /**
         * The ramp of a new hire by tenure month (default: none, productive from the first day).
         *
         * @param ramp the schedule; it applies to current reps by their start dates as well; not null
         * @return this builder
         */
        public Builder ramp(RampSchedule ramp) {
            this.ramp = Objects.requireNonNull(ramp, "ramp");
            return this;
        }

        /**
         * Annual attrition (default 0%).
         *
         * @param annual the share of reps who leave in a year, at least 0% and below 100%, e.g. {@code Percent.of(20)};
         *               not null
         * @return this builder
         * @throws IllegalArgumentException if the percentage is negative, or 100% or more
         */
        public Builder attrition(Percent annual) {
            if (!annual.isProbability() || annual.equals(Percent.HUNDRED)) {
                throw new IllegalArgumentException("attrition " + annual + " is outside 0%..<100%");
            }
            this.attrition = annual;
            return this;
        }

        /**
         * Adds current reps: their start dates give their tenure (no start date: fully ramped), an end date in the
         * year makes them known leavers.
         *
         * @param reps the reps already in role; added to any given before; not null
         * @return this builder
         */
        public Builder current(List<Rep> reps) {
            this.current.addAll(reps);
            return this;
        }

        /**
         * Adds {@code n} current reps, fully ramped and with no known leaving date.
         *
         * @param n how many, 0 or more
         * @return this builder
         * @throws IllegalArgumentException if {@code n} is negative
         */
        public Builder currentReps(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("current headcount " + n + " is negative");
            }
            for (int i = 0; i < n; i++) {
                current.add(Rep.of("current-" + (i + 1), null));
            }
            return this;
        }

        /**
         * Spreads hires round-robin over fiscal months 1..{@code month}, each starting on its month's first day
         * (default 1: all on the first day of the year).
         *
         * @param month the last fiscal month (1 is the year's first month, not January) in which a hire starts,
         *              1-12
         * @return this builder
         * @throws IllegalArgumentException if {@code month} is outside 1..12
         */
        public Builder hireBy(int month) {
            if (month < 1 || month > 12) {
                throw new IllegalArgumentException("hire-by month " + month + " is outside 1..12");
            }
            this.hireBy = month;
            return this;
        }

        /**
         * How many years to simulate, and the seed that makes the run repeatable.
         *
         * @param n    simulated years, 1-100,000 (default 2000); more narrows the P10-P90 band's noise
         * @param seed the random seed (default 1); the same inputs and seed give the same plan
         * @return this builder
         * @throws IllegalArgumentException if {@code n} is outside 1..100,000
         */
        public Builder simulations(int n, long seed) {
            if (n < 1 || n > 100_000) {
                throw new IllegalArgumentException("simulation count " + n + " is outside 1..100,000");
            }
            this.simulations = n;
            this.seed = seed;
            return this;
        }

        /**
         * Makes the model; the builder stays usable.
         *
         * @return the model
         * @throws NullPointerException if no productivity was given
         */
        public CapacityModel build() {
            return new CapacityModel(this);
        }
    }
}
