package io.salesops.forecast.kpi;

import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.OpportunityStatus;
import io.salesops.core.crm.Stage;
import io.salesops.core.crm.StageChange;
import io.salesops.core.crm.StageModel;
import io.salesops.core.money.Money;
import io.salesops.core.org.Org;
import io.salesops.core.period.Period;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The KPIs as computed over {@link Opportunity} objects before they moved onto the columnar table, kept unchanged
 * as the oracle the table's results must equal exactly ({@code SalesKpisTableProperties}). The standard sales KPIs
 * over a window of periods, in total and per group:
 *
 * <pre>{@code
 * KpiReport r = ObjectKpis.of(opportunities).window(cal.parse("2017-Q1"), cal.parse("2017-Q4")).by("owner").run();
 * }</pre>
 *
 * <p>Deals count in the window by their close date (won or lost inside it); open deals and pipeline are as of
 * the last day of the window ({@link Opportunity#asOf(LocalDate)}). Each row has a {@link KpiDetail} with the
 * tables: stage durations, win rate by creation cohort and the consistency of bookings across periods.
 * Immutable and thread-safe.
 */
public final class ObjectKpis {

    /** The most periods a window may span (100 years of months): the report has a row per period and group. */
    public static final int MAX_WINDOW_PERIODS = 1200;

    private final List<Opportunity> opportunities;
    private final Period from;
    private final Period to;
    private final String dimension;
    private final StageModel stages;
    private final Org org;

    private ObjectKpis(List<Opportunity> opportunities, Period from, Period to, String dimension, StageModel stages, Org org) {
        this.opportunities = opportunities;
        this.from = from;
        this.to = to;
        this.dimension = dimension;
        this.stages = stages;
        this.org = org;
    }

    /**
     * KPIs of these opportunities.
     *
     * @param opportunities the deals, open and closed, all in one currency; copied
     * @return a configuration still needing {@link #window(Period, Period)} before {@link #run()}
     * @throws NullPointerException if the collection or an element is null
     */
    public static ObjectKpis of(Collection<Opportunity> opportunities) {
        return new ObjectKpis(List.copyOf(opportunities), null, null, null, StageModel.defaultModel(), null);
    }

    /**
     * The window: periods {@code from} to {@code to} inclusive, of one kind. Required before {@link #run()}.
     *
     * @param from the first period, e.g. {@code cal.parse("2017-Q1")}
     * @param to   the last period, of the same kind, equal to or after {@code from}
     * @return a copy over this window
     * @throws NullPointerException     if either is null
     * @throws IllegalArgumentException if the kinds differ, {@code to} is before {@code from}, or the window has
     *                                  more than {@link #MAX_WINDOW_PERIODS} periods
     */
    public ObjectKpis window(Period from, Period to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.kind() != to.kind()) {
            throw new IllegalArgumentException("KPI window " + from + " to " + to + " mixes period kinds");
        }
        if (to.compareTo(from) < 0) {
            throw new IllegalArgumentException("KPI window ends at " + to + ", before it starts at " + from);
        }
        // The report has a row per period (and group): bound what a request or a command line can ask for.
        long periods = java.time.temporal.ChronoUnit.MONTHS.between(from.start(), to.start()) / from.kind().months() + 1;
        if (periods > MAX_WINDOW_PERIODS) {
            throw new IllegalArgumentException("KPI window " + from + " to " + to + " has " + periods
                    + " periods; at most " + MAX_WINDOW_PERIODS);
        }
        return new ObjectKpis(opportunities, from, to, dimension, stages, org);
    }

    /**
     * Groups by any {@link Opportunity#field(String)}; {@code team} and {@code territory} come from the org if
     * set. Deals without a value fall in the group {@code (none)}. Without it the report has the total only.
     *
     * @param dimension the field name, e.g. {@code owner} or {@code product}; stripped
     * @return a copy grouping by {@code dimension}
     * @throws IllegalArgumentException if {@code dimension} is null or blank
     */
    public ObjectKpis by(String dimension) {
        if (dimension == null || dimension.isBlank()) {
            throw new IllegalArgumentException("KPI dimension is blank");
        }
        return new ObjectKpis(opportunities, from, to, dimension.strip(), stages, org);
    }

    /**
     * The stage model whose open stages define the conversion steps (default {@link StageModel#defaultModel()}).
     *
     * @param model the stage model
     * @return a copy with this model
     * @throws NullPointerException if {@code model} is null
     */
    public ObjectKpis stages(StageModel model) {
        return new ObjectKpis(opportunities, from, to, dimension, Objects.requireNonNull(model, "stages"), org);
    }

    /**
     * The org, for team and territory of the owner when a deal has no such field.
     *
     * @param org the org whose reps' team and territory fill in for deals without those fields
     * @return a copy with this org
     * @throws NullPointerException if {@code org} is null
     */
    public ObjectKpis org(Org org) {
        return new ObjectKpis(opportunities, from, to, dimension, stages, Objects.requireNonNull(org, "org"));
    }

    /**
     * Computes the KPIs.
     *
     * @return the report: the total row first, then one row per group sorted by key; never null
     * @throws IllegalStateException    if no window is set
     * @throws IllegalArgumentException naming the opportunity if amounts are in different currencies
     */
    public KpiReport run() {
        if (from == null) {
            throw new IllegalStateException("no window: call window(from, to) before run()");
        }
        List<Period> periods = from.through(to);
        LocalDate start = from.start();
        LocalDate end = to.end();
        Currency currency = null;
        Map<String, Acc> groups = new TreeMap<>();
        Map<String, List<Opportunity>> members = new TreeMap<>();
        Acc total = new Acc();
        boolean history = false;
        boolean lostAtOpenStage = false;
        List<Stage> open = stages.openStages();
        for (Opportunity o : opportunities) {
            if (currency == null) {
                currency = o.amount().currency();
            } else if (!currency.equals(o.amount().currency())) {
                throw new IllegalArgumentException("opportunity " + o.id() + " is in " + o.amount().currency()
                        + ", the others in " + currency + "; convert amounts to one currency first");
            }
            history |= !o.history().isEmpty();
            Acc g = null;
            if (dimension != null) {
                String key = groupOf(o);
                g = groups.computeIfAbsent(key, k -> new Acc());
                members.computeIfAbsent(key, k -> new ArrayList<>()).add(o);
            }
            boolean closedIn = o.status().isClosed() && !o.closeDate().isBefore(start) && !o.closeDate().isAfter(end);
            if (closedIn) {
                long days = ChronoUnit.DAYS.between(o.createdDate(), o.closeDate());
                int periodIndex = ObjectKpiTables.periodIndex(periods, o.closeDate());
                int reached = reachedStage(o, open);
                lostAtOpenStage |= o.status() == OpportunityStatus.LOST && indexOf(open, o.stage()) >= 0;
                int slip = slipped(o);
                total.closed(o, days, periodIndex, periods.size(), reached, slip);
                if (g != null) {
                    g.closed(o, days, periodIndex, periods.size(), reached, slip);
                }
            }
            if (!o.createdDate().isAfter(end) && (o.isOpen() || o.closeDate().isAfter(end))) {
                Opportunity s = o.asOf(end).orElseThrow();
                total.open(s);
                if (g != null) {
                    g.open(s);
                }
            }
        }
        Currency cur = currency == null ? Currency.getInstance("USD") : currency;
        List<KpiRow> rows = new ArrayList<>();
        rows.add(total.row("Total", cur, periods.size(), open, stages));
        groups.forEach((k, a) -> rows.add(a.row(k, cur, periods.size(), open, stages)));
        if (!history && !lostAtOpenStage && open.size() > 1) {
            rows.replaceAll(KpiRow::withOneConversionStep);
        }
        List<KpiDetail> details = new ArrayList<>();
        details.add(ObjectKpiTables.of("Total", opportunities, periods, stages, rows.get(0).bookings(), cur));
        for (KpiRow row : rows.subList(1, rows.size())) {
            details.add(ObjectKpiTables.of(row.group(), members.get(row.group()), periods, stages, row.bookings(), cur));
        }
        return new KpiReport(periods, dimension, rows, details, history, List.of());
    }

    private String groupOf(Opportunity o) {
        Optional<String> v = o.field(dimension);
        String d = dimension.toLowerCase(Locale.ROOT);
        if (v.isEmpty() && org != null && (d.equals("team") || d.equals("territory"))) {
            v = org.find(o.ownerId()).map(r -> d.equals("team") ? r.team() : r.territory());
        }
        return v.filter(s -> !s.isBlank()).orElse("(none)");
    }

    /**
     * Index in the open stages of the furthest stage reached; open.size() for won; -1 if unknown. A lost deal
     * without history at a closing stage entered the process but left no trace of where it was lost: it counts
     * as having reached the last open stage, so that it stays in every stage's denominator ("all deals that
     * entered the stage") instead of vanishing from all of them, which made the last stage convert at 100%.
     */
    private int reachedStage(Opportunity o, List<Stage> open) {
        if (o.isWon()) {
            return open.size();
        }
        int max = -1;
        List<StageChange> h = o.history();
        if (h.isEmpty()) {
            int i = indexOf(open, o.stage());
            return i >= 0 || !o.isLost() ? i : open.size() - 1;
        }
        for (StageChange c : h) {
            max = Math.max(max, indexOf(open, c.stage()));
        }
        return max;
    }

    private static int indexOf(List<Stage> open, String stage) {
        for (int i = 0; i < open.size(); i++) {
            if (open.get(i).name().equalsIgnoreCase(stage)) {
                return i;
            }
        }
        return -1;
    }

    /** 1 if it closed in a later period than its first recorded expected close date, 0 if not, -1 if none recorded. */
    private int slipped(Opportunity o) {
        for (StageChange c : o.history()) {
            if (c.closeDate() != null) {
                Period expected = from.calendar().periodOf(c.closeDate(), from.kind());
                return o.closeDate().isAfter(expected.end()) ? 1 : 0;
            }
        }
        return -1;
    }

    /** Running sums for one group. */
    private static final class Acc {
        long won;
        long lost;
        long wonAmount;
        long lostAmount;
        long[] wonDays = new long[16];
        long[] lostDays = new long[16];
        long slipN;
        long slipK;
        long openDeals;
        long openAmount;
        long[] bookings;
        long[] reached;

        void closed(Opportunity o, long days, int periodIndex, int periods, int reachedStage, int slip) {
            if (bookings == null) {
                bookings = new long[periods];
                reached = new long[64];
            }
            if (o.isWon()) {
                wonDays = push(wonDays, (int) won, days);
                won++;
                wonAmount = Math.addExact(wonAmount, o.amount().minorUnits());
                bookings[periodIndex] = Math.addExact(bookings[periodIndex], o.amount().minorUnits());
            } else {
                lostDays = push(lostDays, (int) lost, days);
                lost++;
                lostAmount = Math.addExact(lostAmount, o.amount().minorUnits());
            }
            if (reachedStage >= 0) {
                reached[Math.min(reachedStage, 63)]++;
            }
            if (slip >= 0) {
                slipN++;
                slipK += slip;
            }
        }

        void open(Opportunity s) {
            openDeals++;
            openAmount = Math.addExact(openAmount, s.amount().minorUnits());
        }

        private static long[] push(long[] a, int n, long v) {
            long[] b = n == a.length ? Arrays.copyOf(a, n * 2) : a;
            b[n] = v;
            return b;
        }

        KpiRow row(String group, Currency cur, int periods, List<Stage> open, StageModel stages) {
            long closed = won + lost;
            OptionalDouble winCount = closed == 0 ? OptionalDouble.empty() : OptionalDouble.of(won / (double) closed);
            long closedValue = Math.addExact(wonAmount, lostAmount);
            OptionalDouble winValue = closedValue == 0 ? OptionalDouble.empty() : OptionalDouble.of(wonAmount / (double) closedValue);
            Money avg = won == 0 ? null : Money.ofMinor(BigDecimal.valueOf(wonAmount)
                    .divide(BigDecimal.valueOf(won), 0, RoundingMode.HALF_EVEN).longValueExact(), cur);
            OptionalDouble meanWon = mean(wonDays, won);
            Money velocity = null;
            if (avg != null && meanWon.isPresent() && meanWon.getAsDouble() > 0) {
                BigDecimal factor = BigDecimal.valueOf(openDeals * winCount.getAsDouble() / meanWon.getAsDouble());
                velocity = avg.times(factor.round(MathContext.DECIMAL64), RoundingMode.HALF_EVEN);
            }
            List<Money> book = new ArrayList<>();
            for (int i = 0; i < periods; i++) {
                book.add(Money.ofMinor(bookings == null ? 0 : bookings[i], cur));
            }
            List<StageConversion> conv = new ArrayList<>();
            for (int i = 0; i < open.size(); i++) {
                long r = 0;
                long c = 0;
                if (reached != null) {
                    for (int j = i; j < reached.length; j++) {
                        r += reached[j];
                        if (j > i) {
                            c += reached[j];
                        }
                    }
                }
                String next = i + 1 < open.size() ? open.get(i + 1).name() : stages.wonStage().name();
                conv.add(new StageConversion(open.get(i).name(), next, r, c));
            }
            return new KpiRow(group, won, lost, Money.ofMinor(wonAmount, cur), Money.ofMinor(lostAmount, cur), winCount, winValue,
                    avg, median(wonDays, won), meanWon, median(lostDays, lost), mean(lostDays, lost),
                    slipN == 0 ? OptionalDouble.empty() : OptionalDouble.of(slipK / (double) slipN),
                    openDeals, Money.ofMinor(openAmount, cur), velocity, book, conv);
        }

        private static OptionalDouble mean(long[] a, long n) {
            if (n == 0) {
                return OptionalDouble.empty();
            }
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += a[i];
            }
            return OptionalDouble.of(s / n);
        }

        private static OptionalDouble median(long[] a, long n) {
            if (n == 0) {
                return OptionalDouble.empty();
            }
            long[] s = Arrays.copyOf(a, (int) n);
            Arrays.sort(s);
            int m = (int) n / 2;
            return OptionalDouble.of(n % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2.0);
        }
    }
}
