package io.salesops.forecast.synthetic;

import io.salesops.core.crm.Opportunity;
import io.salesops.core.money.Money;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A CRM export as real ones look, for judging forecasts against honest baselines: no stage history, the
 * company's own stage names (not the built-in B2B model's), a few dozen owners who join (and ramp up) and leave
 * (their open deals partly reassigned, partly left to rot), zombie deals that stay open and never close,
 * seasonal deal creation with a year-end peak, a quarter-end push, expected close dates that reps push (or
 * leave in the past, or never set), and data starting mid-year. The export is taken at the end of
 * {@link #exportDate()}: deals still open then carry their current stage and close date, closed deals their
 * closing stage, outcome and close date. Deterministic for a seed; immutable and thread-safe.
 */
public final class MessyCrm {

    /** Open stage names per seed (none of them in the built-in model); closed stages are won/lost words. */
    private static final String[][] OPEN_STAGES = {
        {"Prospecting", "Engaging"},
        {"Discovery", "Demo", "Contract Sent"},
        {"Lead", "Qualified", "Proposal Out", "Legal"},
    };
    private static final String[][] CLOSED_STAGES = {{"Won", "Lost"}, {"Closed - Won", "Closed - Dead"}, {"Booked", "Lost"}};
    private static final double[] PRODUCTS = {550, 1_100, 3_400, 5_500, 26_000};
    private static final double[] PRODUCT_MIX = {0.32, 0.27, 0.25, 0.145, 0.015};
    /** Deal creation by month: a slow summer, a year-end peak. */
    private static final double[] SEASON = {0.9, 1.0, 1.15, 1.0, 1.0, 1.1, 0.8, 0.75, 1.1, 1.15, 1.25, 0.9};

    private final LocalDate start;
    private final LocalDate export;
    private final List<Opportunity> opportunities;
    private final String[] openStages;

    private MessyCrm(LocalDate start, LocalDate export, List<Opportunity> opportunities, String[] openStages) {
        this.start = start;
        this.export = export;
        this.opportunities = List.copyOf(opportunities);
        this.openStages = openStages;
    }

    /**
     * The shape of an export.
     *
     * @param minReps      fewest owners at the start
     * @param spread       owners at the start range over {@code minReps .. minReps + spread - 1}
     * @param minDays      fewest days from the first deal to the export
     * @param volume       deals a day per owner is {@code volume x} a uniform draw in [0.3, 0.8)
     * @param undatedZombies share of zombie deals that carry no expected close date at all
     * @param volumeSigma  owners' volumes also differ by a log-normal factor of this sigma (mean 1)
     * @param whales       share of deals of the largest product (26,000 dollars list)
     * @param startSpread  the first deal falls on one of this many days from 15 June 2016
     * @param sizeSpread   1 for the products' list prices; below 1 they move toward their mean (power of the
     *                     ratio to it), so a rep's deals differ less in size
     * @param dynamics     how the team and its deals behave over time
     */
    public record Profile(int minReps, int spread, int minDays, double volume, double undatedZombies, double volumeSigma,
                          double whales, int startSpread, double sizeSpread, Dynamics dynamics) {

        /** A profile with the first generator's {@link Dynamics#MESSY} dynamics. */
        public Profile(int minReps, int spread, int minDays, double volume, double undatedZombies, double volumeSigma,
                       double whales, int startSpread, double sizeSpread) {
            this(minReps, spread, minDays, volume, undatedZombies, volumeSigma, whales, startSpread, sizeSpread,
                    Dynamics.MESSY);
        }
    }

    /**
     * How a team and its deals behave over time.
     *
     * @param zombieScale      the share of deals that sit open and never close, times the first generator's (8-16%)
     * @param leaveRate        share of the first owners who leave within the data's first 13 months
     * @param joiners          owners who join during the data
     * @param cycleScale       sales cycles (creation to close) times the first generator's (50-90 days for most deals)
     * @param seasonAmplitude  1 for the first generator's seasonal creation, 0 for none, between for less
     * @param datedCloses      true when an open deal's expected close date is near the day it will really close (a
     *                         team that keeps its close dates up to date), false for the first generator's arbitrary
     *                         dates, a quarter of them missing
     * @param phasedCycles     0 for cycles that do not depend on the calendar; 1 for the calendar-phase cycles seen in
     *                         a real export: a deal created in the first month of a calendar quarter closes (won or
     *                         lost) in a fifth of the usual time, one created in its second or third month takes 1.3
     *                         times as long (between: partly so)
     * @param cohortZombies    0 for the same share of zombie deals in every month's deals; above 0, each calendar
     *                         month's share is the export's times a log-normal factor of this sigma (mean 1), so some
     *                         months' deals hold twice the zombies of others, as in a real export
     * @param calendarCloses   the share of deals that close by the calendar, as in a real export (0 for none, 1 for
     *                         all): such a deal created in calendar quarter Q closes in Q or Q+1 or is left open for
     *                         good, and in a quarter's first month only such deals created in it or in the month
     *                         before close (older ones wait for its second or third month); see {@link #calendarClose}
     */
    public record Dynamics(double zombieScale, double leaveRate, int joiners, double cycleScale, double seasonAmplitude,
                           boolean datedCloses, double phasedCycles, double cohortZombies, double calendarCloses) {

        /** The first generator's: 8-16% zombies, a fifth of owners leave, six join, arbitrary close dates. */
        public static final Dynamics MESSY = new Dynamics(1, 0.2, 6, 1, 1, false);

        /** Dynamics whose cycles do not depend on the calendar, with the same zombie share in every month. */
        public Dynamics(double zombieScale, double leaveRate, int joiners, double cycleScale, double seasonAmplitude,
                        boolean datedCloses) {
            this(zombieScale, leaveRate, joiners, cycleScale, seasonAmplitude, datedCloses, 0, 0);
        }

        /** Dynamics whose deals close whenever their cycle ends, not by the calendar. */
        public Dynamics(double zombieScale, double leaveRate, int joiners, double cycleScale, double seasonAmplitude,
                        boolean datedCloses, double phasedCycles, double cohortZombies) {
            this(zombieScale, leaveRate, joiners, cycleScale, seasonAmplitude, datedCloses, phasedCycles, cohortZombies,
                    0);
        }

        /** The cycle factor of a deal created on {@code day}. */
        double phaseFactor(LocalDate day) {
            double f = (day.getMonthValue() - 1) % 3 == 0 ? 0.2 : 1.3;
            return 1 + phasedCycles * (f - 1);
        }

        /**
         * When a deal created on {@code created} whose cycle ends on {@code closeOn} closes by the calendar: never
         * (null) past the quarter after its creation quarter; in a quarter's first month only if created in it or in
         * the month before, else on a day of that quarter's second or third month drawn from {@code calendar}.
         */
        static LocalDate calendarClose(LocalDate created, LocalDate closeOn, SplittableRandom calendar) {
            if (!closeOn.isBefore(created.with(IsoFields.DAY_OF_QUARTER, 1).plusMonths(6))) {
                return null; // past the next quarter: left open for good
            }
            LocalDate month = closeOn.withDayOfMonth(1);
            if ((month.getMonthValue() - 1) % 3 != 0 || !created.isBefore(month.minusMonths(1))) {
                return closeOn;
            }
            LocalDate later = month.plusMonths(1); // an older deal waits for the quarter's second or third month
            return later.plusDays(calendar.nextInt((int) ChronoUnit.DAYS.between(later, month.plusMonths(3))));
        }
    }

    /** The profile of the first generator: about 15 months, 26 to 35 owners, about 6,000-7,000 deals. */
    public static final Profile FIFTEEN_MONTHS = new Profile(26, 10, 440, 1, 0, 0, PRODUCT_MIX[4], 120, 1);

    /**
     * Shaped like the exports the pipeline forecast is judged on: 18 to 20 months from the first deal (any day of
     * a year from mid-2016) to the export, so quarters with about a year of history before them can be tried; 28
     * to 33 owners (and six who join later) of very different volume, a few thousand deals, hardly any very large
     * deal, and hundreds of zombie deals that sit open for a year, most with no close date.
     */
    public static final Profile JUDGE_LIKE = new Profile(28, 6, 540, 0.7, 0.85, 1.0, 0.003, 365, 0.5);

    /**
     * A calmer export where the open pipeline is the better guide: cycles 1.4 times as long (about a quarter
     * bookings are open on its first day), a quarter of the zombies, one owner in twenty leaves and two join,
     * half the seasonality, close dates kept up to date. Otherwise {@link #JUDGE_LIKE}.
     */
    public static final Profile STEADY_PIPELINE = new Profile(28, 6, 540, 0.7, 0.85, 0.7, 0.003, 365, 0.5,
            new Dynamics(0.25, 0.05, 2, 1.4, 0.5, true));

    /**
     * A calm export where the run rate is the better guide: short cycles (most of a quarter's bookings come from
     * deals created in it), twice the deals per owner, owners of more even volume who stay, little seasonality.
     * Otherwise {@link #JUDGE_LIKE}.
     */
    public static final Profile STEADY_RUN_RATE = new Profile(28, 6, 540, 1.4, 0.85, 0.5, 0.003, 365, 0.5,
            new Dynamics(1, 0.05, 2, 0.4, 0.3, false));

    /**
     * {@link #JUDGE_LIKE} with the calendar pathologies of a real export: deals created in a quarter's first month
     * close fast or never, later ones slowly ({@link Dynamics#phasedCycles} 1), and each month's deals hold a
     * different share of zombies ({@link Dynamics#cohortZombies} 0.5). Nothing seen on the as-of day tells a
     * month's zombie share, and an age-only model pooled over all history misjudges the survivors of a fast month.
     */
    public static final Profile PHASED = new Profile(28, 6, 540, 0.7, 0.85, 1.0, 0.003, 365, 0.5,
            new Dynamics(1, 0.2, 6, 1, 1, false, 1, 0.5));

    /**
     * {@link #JUDGE_LIKE} whose deals close by the calendar, as in a real export ({@link Dynamics#calendarCloses}): a
     * deal closes in its creation quarter or the next or never, and a quarter's first month closes only its newest
     * deals. Half the zombies of {@link #JUDGE_LIKE} (deals whose cycle runs past the next quarter make up the
     * rest), each month's deals holding a different share of them, as in {@link #PHASED}; cycles do not depend on
     * the creation month. An age in days blurs this: a deal two quarters on has no chance, one of the same age
     * created a month later still has one.
     */
    public static final Profile CALENDAR = new Profile(28, 6, 540, 0.7, 0.85, 1.0, 0.003, 365, 0.5,
            new Dynamics(0.5, 0.2, 6, 1, 1, false, 0, 0.5, 1));

    /**
     * {@link #CALENDAR} where only half the deals close by the calendar, the others whenever their cycle ends: the
     * calendar still shows, less sharply, as it might in a real export.
     */
    public static final Profile CALENDAR_HALF = new Profile(28, 6, 540, 0.7, 0.85, 1.0, 0.003, 365, 0.5,
            new Dynamics(0.5, 0.2, 6, 1, 1, false, 0, 0.5, 0.5));

    /** About 15 months of a team of 26 to 35 owners starting on a random day of the second half of 2016. */
    public static MessyCrm generate(long seed) {
        return generate(seed, FIFTEEN_MONTHS);
    }

    /**
     * About 15 months of a team of {@code minReps} to {@code minReps + spread - 1} owners (and six who join
     * later) starting on a random day of the second half of 2016.
     */
    public static MessyCrm generate(long seed, int minReps, int spread) {
        return generate(seed, new Profile(minReps, spread, FIFTEEN_MONTHS.minDays(), 1, 0, 0, PRODUCT_MIX[4],
                FIFTEEN_MONTHS.startSpread(), 1));
    }

    /** An export of this profile. */
    public static MessyCrm generate(long seed, Profile profile) {
        SplittableRandom rnd = new SplittableRandom(seed);
        // draws the first profile never made come from their own stream, so its exports stay as they were
        SplittableRandom extra = new SplittableRandom(seed ^ 0x5DEECE66DL);
        LocalDate start = LocalDate.of(2016, 6, 15).plusDays(rnd.nextInt(profile.startSpread()));
        LocalDate export = start.plusDays(profile.minDays() + rnd.nextInt(60));
        int variant = (int) Math.floorMod(seed, OPEN_STAGES.length);
        String[] open = OPEN_STAGES[variant];
        String[] closed = CLOSED_STAGES[variant];
        int reps = profile.minReps() + rnd.nextInt(profile.spread());
        Dynamics dyn = profile.dynamics();
        double zombieShare = (0.08 + 0.08 * rnd.nextDouble()) * dyn.zombieScale();
        Rep[] team = new Rep[reps + dyn.joiners()];
        for (int r = 0; r < team.length; r++) {
            LocalDate joined = r < reps ? start.minusDays(400) : start.plusDays(60 + rnd.nextInt(300));
            LocalDate left = r < reps && rnd.nextDouble() < dyn.leaveRate() ? start.plusDays(90 + rnd.nextInt(300)) : LocalDate.MAX;
            team[r] = new Rep(String.format("rep%02d", r + 1), joined, left, 0.5 + 0.8 * rnd.nextDouble(),
                    0.6 + 0.8 * rnd.nextDouble(), profile.volume() * (0.3 + 0.5 * rnd.nextDouble())
                    * Math.exp(profile.volumeSigma() * (RandomDraws.gaussian(extra) - profile.volumeSigma() / 2)), Math.exp(0.4 * RandomDraws.gaussian(rnd)));
        }
        // each calendar month's zombie factor, from a stream of its own so the other profiles' exports stay as they were
        SplittableRandom months = new SplittableRandom(seed ^ 0x2545F4914F6CDD1DL);
        java.util.Map<java.time.YearMonth, Double> monthZombies = new java.util.HashMap<>();
        for (java.time.YearMonth m = java.time.YearMonth.from(start); !m.isAfter(java.time.YearMonth.from(export)); m = m.plusMonths(1)) {
            double sigma = dyn.cohortZombies();
            monthZombies.put(m, sigma == 0 ? 1 : Math.exp(sigma * RandomDraws.gaussian(months) - sigma * sigma / 2));
        }
        // the calendar's close days also come from a stream of their own
        Streams streams = new Streams(rnd, extra, new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L));
        List<Opportunity> out = new ArrayList<>();
        int seq = 0;
        for (LocalDate d = start; !d.isAfter(export); d = d.plusDays(1)) {
            double month = SEASON[d.getMonthValue() - 1];
            month = dyn.seasonAmplitude() == 1 ? month : 1 + dyn.seasonAmplitude() * (month - 1);
            double season = month * (d.getDayOfWeek().getValue() >= 6 ? 0.2 : 1.2);
            for (Rep rep : team) {
                if (d.isBefore(rep.joined) || !d.isBefore(rep.left)) {
                    continue;
                }
                double ramp = Math.min(1, (ChronoUnit.DAYS.between(rep.joined, d) + 20) / 90.0);
                int n = RandomDraws.poisson(rnd, rep.volume * ramp * season);
                for (int k = 0; k < n; k++) {
                    out.add(deal(streams, profile, String.format("%08X", 0x10000 + seq++), rep, team, d, export,
                            zombieShare * monthZombies.get(java.time.YearMonth.from(d)), open, closed));
                }
            }
        }
        return new MessyCrm(start, export, out, open);
    }

    private record Rep(String id, LocalDate joined, LocalDate left, double skill, double pace, double volume, double size) {
    }

    /**
     * The random streams of an export: the first generator's, one for the draws it never made, one for the
     * calendar's close days. A profile that makes no such draw leaves the later streams untouched.
     */
    private record Streams(SplittableRandom main, SplittableRandom extra, SplittableRandom calendar) {
    }

    private static Opportunity deal(Streams streams, Profile profile, String id, Rep rep,
                                    Rep[] team, LocalDate created, LocalDate export, double zombieShare, String[] open,
                                    String[] closed) {
        SplittableRandom rnd = streams.main();
        SplittableRandom extra = streams.extra();
        int product = pick(rnd, profile.whales() == PRODUCT_MIX[4] ? PRODUCT_MIX : mix(profile.whales()));
        double list = profile.sizeSpread() == 1 ? PRODUCTS[product] : 2_500 * Math.pow(PRODUCTS[product] / 2_500, profile.sizeSpread());
        long dollars = Math.max(100, Math.round(list * rep.size * (0.85 + 0.3 * rnd.nextDouble())));
        Opportunity.Builder b = Opportunity.builder(id).owner(rep.id).amount(Money.ofMinor(dollars * 100, "USD"))
                .created(created).product("P" + (product + 1)).account("A" + rnd.nextInt(400));
        LocalDate expected = rnd.nextDouble() < 0.25 ? null : created.plusDays(20 + rnd.nextInt(50));
        boolean zombie = rnd.nextDouble() < zombieShare;
        // big deals take longer; a better rep wins more and a faster one closes sooner
        double meanDays = (25 + 25 * Math.sqrt(product + 1) / rep.pace) * profile.dynamics().cycleScale()
                * profile.dynamics().phaseFactor(created);
        boolean won = rnd.nextDouble() < Math.min(0.85, 0.55 * rep.skill * (product == 4 ? 0.7 : 1));
        long days = 1 + Math.round(meanDays * (won ? 1 : 0.7) * Math.exp(0.6 * RandomDraws.gaussian(rnd)));
        LocalDate closeOn = created.plusDays(days);
        if (won) {
            // the quarter-end push: deals nearly done close before the quarter ends
            LocalDate qStart = closeOn.with(IsoFields.DAY_OF_QUARTER, 1);
            if (ChronoUnit.DAYS.between(qStart, closeOn) < 12 && rnd.nextDouble() < 0.4) {
                LocalDate pulled = qStart.minusDays(1 + rnd.nextInt(4));
                closeOn = pulled.isAfter(created) ? pulled : closeOn;
            }
        }
        double byCalendar = profile.dynamics().calendarCloses();
        if (byCalendar >= 1 || byCalendar > 0 && streams.calendar().nextDouble() < byCalendar) {
            LocalDate onTheCalendar = Dynamics.calendarClose(created, closeOn, streams.calendar());
            zombie |= onTheCalendar == null;
            closeOn = onTheCalendar == null ? closeOn : onTheCalendar;
        }
        String owner = rep.id;
        if (!closeOn.isBefore(rep.left)) {
            // the rep leaves first: half of their deals go to a colleague, the rest rot in the CRM
            if (rnd.nextDouble() < 0.5) {
                Rep heir = team[rnd.nextInt(team.length)];
                if (!rep.left.isBefore(heir.joined) && rep.left.isBefore(heir.left)) {
                    owner = heir.id;
                } else {
                    zombie = true;
                }
            } else {
                zombie = true;
            }
        }
        b.owner(owner);
        if (zombie || closeOn.isAfter(export)) {
            long age = ChronoUnit.DAYS.between(created, export);
            int stage = Math.min(open.length - 1, (int) (open.length * Math.min(0.99, age / (2.0 * meanDays) + rnd.nextDouble() * 0.5)));
            if (profile.dynamics().datedCloses() && !zombie) {
                LocalDate near = closeOn.plusDays(extra.nextInt(31) - 15); // kept up to date: near the real close
                expected = near.isBefore(created) ? created : near;
            } else if (expected != null && expected.isBefore(export) && rnd.nextDouble() < 0.6) {
                expected = export.plusDays(5 + rnd.nextInt(60)); // pushed out once more when it passed
            }
            if (zombie && profile.undatedZombies() > 0 && extra.nextDouble() < profile.undatedZombies()) {
                expected = null; // nobody ever set a date on it
            }
            return b.stage(open[stage]).closeDate(expected).build();
        }
        b.stage(won ? closed[0] : closed[1]);
        return (won ? b.won(closeOn) : b.lost(closeOn)).build();
    }

    /**
     * The same export as a CRM gives it when closed deals were archived before {@code day}: every deal closed
     * before that day is gone, deals open then (and those created later) are kept, however old. What is left
     * looks as if the team created deals for months and closed none of them until that day.
     *
     * @param day the first close day kept
     * @return this export without the deals closed before {@code day}
     */
    public MessyCrm withoutClosesBefore(LocalDate day) {
        List<Opportunity> kept = new ArrayList<>();
        for (Opportunity o : opportunities) {
            if (o.isOpen() || !o.closeDate().isBefore(day)) {
                kept.add(o);
            }
        }
        return new MessyCrm(start, export, kept, openStages);
    }

    /** @return the export, in creation order */
    public List<Opportunity> opportunities() {
        return opportunities;
    }

    /** @return the first day with data */
    public LocalDate start() {
        return start;
    }

    /** @return the day whose end the export stands at */
    public LocalDate exportDate() {
        return export;
    }

    /** @return the open stage names of this seed's CRM */
    public List<String> openStages() {
        return List.of(openStages);
    }

    /** The product mix with this share of the largest product, the others scaled to make up the rest. */
    private static double[] mix(double whales) {
        double[] out = PRODUCT_MIX.clone();
        double scale = (1 - whales) / (1 - PRODUCT_MIX[4]);
        for (int i = 0; i < 4; i++) {
            out[i] *= scale;
        }
        out[4] = whales;
        return out;
    }

    private static int pick(SplittableRandom rnd, double[] weights) {
        double u = rnd.nextDouble();
        for (int i = 0; i < weights.length - 1; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
