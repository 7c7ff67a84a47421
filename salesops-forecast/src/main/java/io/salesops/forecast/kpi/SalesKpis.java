package io.salesops.forecast.kpi;

import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.OpportunityStatus;
import io.salesops.core.crm.OpportunityTable;
import io.salesops.core.crm.Snapshot;
import io.salesops.core.crm.Stage;
import io.salesops.core.crm.StageModel;
import io.salesops.core.money.Money;
import io.salesops.core.org.Org;
import io.salesops.core.period.Period;
import io.salesops.forecast.pipeline.InferredStages;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
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
 * The standard sales KPIs over a window of periods, in total and per group:
 *
 * <pre>{@code
 * KpiReport r = SalesKpis.of(opportunities).window(cal.parse("2017-Q1"), cal.parse("2017-Q4")).by("owner").run();
 * }</pre>
 *
 * <p>Deals count in the window by their close date (won or lost inside it); open deals and pipeline are as of
 * the last day of the window ({@link Opportunity#asOf(LocalDate)}). Each row has a {@link KpiDetail} with the
 * tables: stage durations, win rate by creation cohort and the consistency of bookings across periods.
 * Immutable and thread-safe.
 */
public final class SalesKpis {

    /** The most periods a window may span (100 years of months): the report has a row per period and group. */
    public static final int MAX_WINDOW_PERIODS = 1200;

    private final OpportunityTable table;
    private final Period from;
    private final Period to;
    private final String dimension;
    /** The model given by {@link #stages(StageModel)}, or null: then the default model, or one read from the deals. */
    private final StageModel stages;
    private final Org org;

    private SalesKpis(OpportunityTable table, Period from, Period to, String dimension, StageModel stages, Org org) {
        this.table = table;
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
    public static SalesKpis of(Collection<Opportunity> opportunities) {
        return of(OpportunityTable.of(opportunities));
    }

    /**
     * KPIs of the rows of a columnar table, as a CSV import or the server reads them: every pass is a loop over
     * its columns and makes no object per deal. The report is that of {@link #of(Collection)} over
     * {@code table.asList()}, to the cent.
     *
     * @param table the deals, open and closed, all in one currency; not copied, and safe to share because the
     *              table is immutable
     * @return a configuration still needing {@link #window(Period, Period)} before {@link #run()}
     * @throws NullPointerException if the table is null
     */
    public static SalesKpis of(OpportunityTable table) {
        return new SalesKpis(Objects.requireNonNull(table, "table"), null, null, null, null, null);
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
    public SalesKpis window(Period from, Period to) {
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
        return new SalesKpis(table, from, to, dimension, stages, org);
    }

    /**
     * Groups by any {@link Opportunity#field(String)}; {@code team} and {@code territory} come from the org if
     * set. Deals without a value fall in the group {@code (none)}. Without it the report has the total only.
     *
     * @param dimension the field name, e.g. {@code owner} or {@code product}; stripped
     * @return a copy grouping by {@code dimension}
     * @throws IllegalArgumentException if {@code dimension} is null or blank
     */
    public SalesKpis by(String dimension) {
        if (dimension == null || dimension.isBlank()) {
            throw new IllegalArgumentException("KPI dimension is blank");
        }
        return new SalesKpis(table, from, to, dimension.strip(), stages, org);
    }

    /**
     * The stage model whose open stages define the conversion steps. Without it the steps are those of
     * {@link StageModel#defaultModel()}, unless a deal open at the end of the window is at a stage that model
     * lacks: then, as the pipeline forecast does, the model is read from the deals themselves
     * ({@link InferredStages}) and {@link KpiReport#assumptions()} says so.
     *
     * @param model the stage model
     * @return a copy with this model
     * @throws NullPointerException if {@code model} is null
     */
    public SalesKpis stages(StageModel model) {
        return new SalesKpis(table, from, to, dimension, Objects.requireNonNull(model, "stages"), org);
    }

    /**
     * The org, for team and territory of the owner when a deal has no such field.
     *
     * @param org the org whose reps' team and territory fill in for deals without those fields
     * @return a copy with this org
     * @throws NullPointerException if {@code org} is null
     */
    public SalesKpis org(Org org) {
        return new SalesKpis(table, from, to, dimension, stages, Objects.requireNonNull(org, "org"));
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
        List<String> assumptions = new ArrayList<>();
        StageModel stages = stageModel(assumptions);
        KpiWindow w = new KpiWindow(table, periods, stages);
        int startDay = w.startDay;
        int endDay = w.endDay;
        int currency = -1;
        Map<String, Acc> groups = new TreeMap<>();
        Map<String, RowList> members = new TreeMap<>();
        Acc total = new Acc();
        boolean history = false;
        boolean lostAtOpenStage = false;
        List<Stage> open = stages.openStages();
        Snapshot snap = new Snapshot();
        for (int r = 0; r < table.size(); r++) {
            int cur = table.currencyCode(r);
            if (currency < 0) {
                currency = cur;
            } else if (cur != currency) {
                throw new IllegalArgumentException("opportunity " + table.id(r) + " is in " + table.currency(r)
                        + ", the others in " + table.currencies().get(currency) + "; convert amounts to one currency first");
            }
            history |= table.historyEnd(r) > table.historyStart(r);
            Acc g = null;
            if (dimension != null) {
                String key = groupOf(r);
                g = groups.computeIfAbsent(key, k -> new Acc());
                members.computeIfAbsent(key, k -> new RowList()).add(r);
            }
            OpportunityStatus status = table.status(r);
            int close = table.closeDay(r);
            if (status.isClosed() && close >= startDay && close <= endDay) {
                long days = (long) close - table.createdDay(r);
                int periodIndex = w.periodIndex(close);
                int reached = reachedStage(r, status, w, open.size());
                int slip = slipped(r);
                boolean won = status == OpportunityStatus.WON;
                lostAtOpenStage |= !won && w.openIndex[table.stageCode(r)] >= 0;
                long amount = table.amountMinor(r);
                total.closed(won, amount, days, periodIndex, periods.size(), reached, slip);
                if (g != null) {
                    g.closed(won, amount, days, periodIndex, periods.size(), reached, slip);
                }
            }
            if (table.createdDay(r) <= endDay && (status == OpportunityStatus.OPEN || close > endDay)) {
                table.snapshot(r, endDay, snap);
                total.open(snap.amountMinor());
                if (g != null) {
                    g.open(snap.amountMinor());
                }
            }
        }
        Currency cur = currency < 0 ? Currency.getInstance("USD") : table.currencies().get(currency);
        List<KpiRow> rows = new ArrayList<>();
        rows.add(total.row("Total", cur, periods.size(), open, stages));
        groups.forEach((k, a) -> rows.add(a.row(k, cur, periods.size(), open, stages)));
        if (!history && !lostAtOpenStage && open.size() > 1) {
            // Each lost deal was counted at the last open stage, so every step but the last would read 100%.
            rows.replaceAll(KpiRow::withOneConversionStep);
            assumptions.add(oneStepNote(stages));
        }
        List<KpiDetail> details = new ArrayList<>();
        details.add(KpiTables.of("Total", RowList.all(table.size()), w, rows.get(0).bookings(), cur));
        for (KpiRow row : rows.subList(1, rows.size())) {
            details.add(KpiTables.of(row.group(), members.get(row.group()), w, row.bookings(), cur));
        }
        return new KpiReport(periods, dimension, rows, details, history, assumptions);
    }

    /** The assumption line of a report whose conversion steps were folded into one. */
    static String oneStepNote(StageModel stages) {
        List<Stage> open = stages.openStages();
        return "no stage history and no lost deal at an open stage, so where lost deals left the process is unknown: "
                + "conversion is one step, " + open.get(0).name() + " -> " + stages.wonStage().name()
                + ", over all deals closed in the window";
    }

    /** The model given, else the default model unless it lacks an open deal's stage: then the deals' own. */
    private StageModel stageModel(List<String> assumptions) {
        if (stages != null) {
            return stages;
        }
        Optional<InferredStages> inferred = InferredStages.from(table, StageModel.defaultModel(), to.end());
        inferred.ifPresent(i -> assumptions.add(i.note()));
        return inferred.map(InferredStages::model).orElse(StageModel.defaultModel());
    }

    private String groupOf(int r) {
        String v = table.field(r, dimension);
        String d = dimension.toLowerCase(Locale.ROOT);
        if (v == null && org != null && (d.equals("team") || d.equals("territory"))) {
            v = org.find(table.ownerId(r)).map(rep -> d.equals("team") ? rep.team() : rep.territory()).orElse(null);
        }
        return v == null || v.isBlank() ? "(none)" : v;
    }

    /**
     * Index in the open stages of the furthest stage reached; open.size() for won; -1 if unknown. A lost deal
     * without history at a closing stage entered the process but left no trace of where it was lost: it counts
     * as having reached the last open stage, so that it stays in every stage's denominator ("all deals that
     * entered the stage") instead of vanishing from all of them, which made the last stage convert at 100%.
     */
    private int reachedStage(int r, OpportunityStatus status, KpiWindow w, int openStages) {
        if (status == OpportunityStatus.WON) {
            return openStages;
        }
        int start = table.historyStart(r);
        int end = table.historyEnd(r);
        if (start == end) {
            int i = w.openIndex[table.stageCode(r)];
            return i >= 0 || status != OpportunityStatus.LOST ? i : openStages - 1;
        }
        int max = -1;
        for (int i = start; i < end; i++) {
            max = Math.max(max, w.openIndex[table.historyStageCode(i)]);
        }
        return max;
    }

    /** 1 if it closed in a later period than its first recorded expected close date, 0 if not, -1 if none recorded. */
    private int slipped(int r) {
        for (int i = table.historyStart(r); i < table.historyEnd(r); i++) {
            int expectedClose = table.historyCloseDay(i);
            if (expectedClose != OpportunityTable.NO_DATE) {
                Period expected = from.calendar().periodOf(LocalDate.ofEpochDay(expectedClose), from.kind());
                return table.closeDay(r) > expected.end().toEpochDay() ? 1 : 0;
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

        void closed(boolean isWon, long amount, long days, int periodIndex, int periods, int reachedStage, int slip) {
            if (bookings == null) {
                bookings = new long[periods];
                reached = new long[64];
            }
            if (isWon) {
                wonDays = push(wonDays, (int) won, days);
                won++;
                wonAmount = Math.addExact(wonAmount, amount);
                bookings[periodIndex] = Math.addExact(bookings[periodIndex], amount);
            } else {
                lostDays = push(lostDays, (int) lost, days);
                lost++;
                lostAmount = Math.addExact(lostAmount, amount);
            }
            if (reachedStage >= 0) {
                reached[Math.min(reachedStage, 63)]++;
            }
            if (slip >= 0) {
                slipN++;
                slipK += slip;
            }
        }

        void open(long amount) {
            openDeals++;
            openAmount = Math.addExact(openAmount, amount);
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
