package io.salesops.forecast.kpi;

import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.OpportunityTable;
import io.salesops.core.crm.Snapshot;
import io.salesops.core.crm.StageModel;
import io.salesops.core.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The pipeline upkeep report sales operations runs on the CRM as it stood at the end of a day: every open deal
 * whose close date has passed, that sits in its stage beyond a multiple of the stage's usual duration, that
 * lacks a field, that looks like a duplicate of another (same account, product and amount), and every deal
 * whose history moves back to an earlier stage. Each flag names the deal and the rule:
 *
 * <pre>{@code
 * List<HygieneFlag> flags = PipelineHygiene.of(opportunities).asOf(today).staleAfter(3).run();
 * }</pre>
 *
 * <p>A stage's usual duration is the median stay of the deals that left it by the day (from stage history);
 * without history, the median age at close of the deals closed by then stands in for every stage. The report
 * runs over the columns of an {@link OpportunityTable}, each deal as of the day from the table's snapshot (no
 * object per deal). Immutable and thread-safe.
 */
public final class PipelineHygiene {

    private final OpportunityTable table;
    private final LocalDate asOf;
    private final double staleFactor;
    private final StageModel stages;

    private PipelineHygiene(OpportunityTable table, LocalDate asOf, double staleFactor, StageModel stages) {
        this.table = table;
        this.asOf = asOf;
        this.staleFactor = staleFactor;
        this.stages = stages;
    }

    /**
     * A report over these opportunities (the CRM's current records), as of the latest date any of them
     * mentions unless {@link #asOf} says otherwise; stale after 3 times the usual stay.
     *
     * @param opportunities the deals to check, open and closed (closed deals give the usual stays); copied
     * @return a report configuration, ready to {@link #run()}
     * @throws NullPointerException if the collection or an element is null
     */
    public static PipelineHygiene of(Collection<Opportunity> opportunities) {
        return of(OpportunityTable.of(opportunities));
    }

    /**
     * A report over the rows of a table (the CRM's current records), as {@link #of(Collection)} over its
     * opportunities, without an object per row.
     *
     * @param table the deals to check, open and closed; not null (a table is immutable, so it is not copied)
     * @return a report configuration, ready to {@link #run()}
     * @throws NullPointerException if {@code table} is null
     */
    public static PipelineHygiene of(OpportunityTable table) {
        return new PipelineHygiene(Objects.requireNonNull(table, "table"), null, 3, StageModel.defaultModel());
    }

    /**
     * The day whose end the report stands at (default: the latest date any deal mentions).
     *
     * @param date the day; deals created after it are ignored and later history is not read
     * @return a copy standing at this day
     * @throws NullPointerException if {@code date} is null
     */
    public PipelineHygiene asOf(LocalDate date) {
        return new PipelineHygiene(table, Objects.requireNonNull(date, "asOf"), staleFactor, stages);
    }

    /**
     * A deal is stale after {@code factor} times its stage's usual stay (default 3).
     *
     * @param factor a multiple of the usual stay, at least 1, e.g. 2.5
     * @return a copy with this factor
     * @throws IllegalArgumentException unless {@code factor >= 1} and finite
     */
    public PipelineHygiene staleAfter(double factor) {
        if (!(factor >= 1) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("stale factor " + factor + " must be a finite number of at least 1");
        }
        return new PipelineHygiene(table, asOf, factor, stages);
    }

    /**
     * The stage model whose order tells a regression (default {@link StageModel#defaultModel()}).
     *
     * @param model the model whose open stages, in order, define "back to an earlier stage"
     * @return a copy with this model
     * @throws NullPointerException if {@code model} is null
     */
    public PipelineHygiene stages(StageModel model) {
        return new PipelineHygiene(table, asOf, staleFactor, Objects.requireNonNull(model, "stages"));
    }

    /** @return every flag, deal by deal in input order, rules in the order of {@link HygieneFlag.Rule} */
    public List<HygieneFlag> run() {
        OpportunityTable t = table;
        LocalDate date = asOf != null ? asOf : latestDate();
        int day = (int) date.toEpochDay();
        List<String> names = t.stages();
        // per stage code, its lower-cased name: stays are pooled by name ignoring case
        String[] keys = names.stream().map(s -> s.toLowerCase(Locale.ROOT)).toArray(String[]::new);
        Map<String, long[]> stays = new HashMap<>();
        long[] closedAges = new long[16];
        int closed = 0;
        for (int row = 0; row < t.size(); row++) {
            int created = t.createdDay(row);
            if (created > day) {
                continue;
            }
            if (t.status(row).isClosed() && t.closeDay(row) <= day) {
                closedAges = closed == closedAges.length ? Arrays.copyOf(closedAges, closed * 2) : closedAges;
                closedAges[closed++] = t.closeDay(row) - created;
            }
            int end = t.historyEnd(row);
            for (int i = t.historyStart(row); i + 1 < end && t.historyDay(i + 1) <= day; i++) {
                int from = i == t.historyStart(row) ? created : t.historyDay(i);
                String stage = names.get(t.historyStageCode(i));
                if (!names.get(t.historyStageCode(i + 1)).equalsIgnoreCase(stage)) {
                    long[] s = stays.getOrDefault(keys[t.historyStageCode(i)], new long[0]);
                    s = Arrays.copyOf(s, s.length + 1);
                    s[s.length - 1] = t.historyDay(i + 1) - from;
                    stays.put(keys[t.historyStageCode(i)], s);
                }
            }
        }
        long closedMedian = median(Arrays.copyOf(closedAges, closed));
        List<HygieneFlag> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Snapshot s = new Snapshot();
        for (int row = 0; row < t.size(); row++) {
            if (!t.snapshot(row, day, s)) {
                continue;
            }
            if (s.status() == io.salesops.core.crm.OpportunityStatus.OPEN) {
                openDealFlags(s, date, stays, closedMedian, seen, out);
            }
            regression(row, day, out);
        }
        return List.copyOf(out);
    }

    private void openDealFlags(Snapshot s, LocalDate date, Map<String, long[]> stays, long closedMedian,
                               Map<String, Integer> seen, List<HygieneFlag> out) {
        OpportunityTable t = table;
        int row = s.row();
        int day = (int) date.toEpochDay();
        if (s.closeDay() != OpportunityTable.NO_DATE && s.closeDay() < day) {
            out.add(flag(row, HygieneFlag.Rule.PAST_CLOSE_DATE, "close date " + OpportunityTable.date(s.closeDay())
                    + " passed " + (day - s.closeDay()) + " days before " + date));
        }
        String stage = s.stageCode() == Snapshot.UNKNOWN_STAGE ? Opportunity.UNKNOWN_STAGE : t.stages().get(s.stageCode());
        // the day the deal last entered its current stage, by the changes known on the day
        int since = t.createdDay(row);
        boolean in = true;
        for (int i = t.historyStart(row); i < s.historyEnd(); i++) {
            if (!t.stages().get(t.historyStageCode(i)).equalsIgnoreCase(stage)) {
                in = false;
            } else if (!in) {
                in = true;
                since = t.historyDay(i);
            }
        }
        since = in ? since : t.createdDay(row);
        long inStage = day - since;
        long[] st = stays.get(stage.toLowerCase(Locale.ROOT));
        long usual = st != null && st.length >= 5 ? median(st) : closedMedian;
        String basis = st != null && st.length >= 5 ? "its usual " + usual + " days in " + stage
                : "the usual " + usual + " days from creation to close";
        if (usual > 0 && inStage > staleFactor * usual) {
            out.add(flag(row, HygieneFlag.Rule.STALE, String.format(Locale.ROOT, "%d days in %s, more than %s x %s",
                    inStage, stage, fmt(staleFactor), basis)));
        }
        if (s.closeDay() == OpportunityTable.NO_DATE) {
            out.add(flag(row, HygieneFlag.Rule.MISSING_FIELD, "no close date"));
        }
        String account = t.accountId(row);
        String product = t.product(row);
        if (blank(account)) {
            out.add(flag(row, HygieneFlag.Rule.MISSING_FIELD, "no account"));
        }
        if (blank(product)) {
            out.add(flag(row, HygieneFlag.Rule.MISSING_FIELD, "no product"));
        }
        if (s.amountMinor() == 0) {
            out.add(flag(row, HygieneFlag.Rule.MISSING_FIELD, "amount is zero"));
        }
        if (!blank(account)) {
            Money amount = Money.ofMinor(s.amountMinor(), t.currency(row));
            String key = account.strip().toLowerCase(Locale.ROOT) + '\u0000'
                    + (product == null ? "" : product.strip().toLowerCase(Locale.ROOT)) + '\u0000' + amount;
            Integer first = seen.putIfAbsent(key, row);
            if (first != null) {
                out.add(flag(row, HygieneFlag.Rule.LIKELY_DUPLICATE, "same account " + account + ", product "
                        + product + " and amount " + amount + " as " + t.id(first)));
            }
        }
    }

    private void regression(int row, int day, List<HygieneFlag> out) {
        OpportunityTable t = table;
        int furthest = -1;
        String furthestName = null;
        for (int i = t.historyStart(row), end = t.historyEnd(row); i < end; i++) {
            if (t.historyDay(i) > day) {
                break;
            }
            String stage = t.stages().get(t.historyStageCode(i));
            int order = stages.find(stage).filter(st -> !st.isClosed()).map(st -> stages.order(st.name())).orElse(-1);
            if (order < 0) {
                continue;
            }
            if (order < furthest) {
                out.add(flag(row, HygieneFlag.Rule.STAGE_REGRESSION, "moved back from " + furthestName + " to " + stage
                        + " on " + OpportunityTable.date(t.historyDay(i))));
                return;
            }
            if (order > furthest) {
                furthest = order;
                furthestName = stage;
            }
        }
    }

    private HygieneFlag flag(int row, HygieneFlag.Rule rule, String detail) {
        String owner = table.ownerId(row);
        return new HygieneFlag(table.id(row), owner == null ? "" : owner, rule, detail);
    }

    private LocalDate latestDate() {
        OpportunityTable t = table;
        if (t.size() == 0) {
            return LocalDate.now();
        }
        int max = Integer.MIN_VALUE;
        for (int row = 0; row < t.size(); row++) {
            max = Math.max(max, t.createdDay(row));
            if (t.status(row).isClosed()) {
                max = Math.max(max, t.closeDay(row));
            }
            for (int i = t.historyStart(row), end = t.historyEnd(row); i < end; i++) {
                max = Math.max(max, t.historyDay(i));
            }
        }
        return OpportunityTable.date(max);
    }

    private static long median(long[] v) {
        if (v.length == 0) {
            return 0;
        }
        long[] s = v.clone();
        Arrays.sort(s);
        return s[(s.length - 1) / 2];
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
