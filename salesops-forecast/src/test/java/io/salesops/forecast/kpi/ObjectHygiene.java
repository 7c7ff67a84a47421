package io.salesops.forecast.kpi;

import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.StageChange;
import io.salesops.core.crm.StageModel;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The pipeline upkeep report as {@link PipelineHygiene} computed it over {@code Opportunity} objects before it moved
 * onto the columnar table: kept unchanged as the oracle of {@code PipelineHygieneTableProperties}.
 */
final class ObjectHygiene {

    private final List<Opportunity> opportunities;
    private final LocalDate asOf;
    private final double staleFactor;
    private final StageModel stages;

    private ObjectHygiene(List<Opportunity> opportunities, LocalDate asOf, double staleFactor, StageModel stages) {
        this.opportunities = opportunities;
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
    public static ObjectHygiene of(Collection<Opportunity> opportunities) {
        return new ObjectHygiene(List.copyOf(opportunities), null, 3, StageModel.defaultModel());
    }

    /**
     * The day whose end the report stands at (default: the latest date any deal mentions).
     *
     * @param date the day; deals created after it are ignored and later history is not read
     * @return a copy standing at this day
     * @throws NullPointerException if {@code date} is null
     */
    public ObjectHygiene asOf(LocalDate date) {
        return new ObjectHygiene(opportunities, Objects.requireNonNull(date, "asOf"), staleFactor, stages);
    }

    /**
     * A deal is stale after {@code factor} times its stage's usual stay (default 3).
     *
     * @param factor a multiple of the usual stay, at least 1, e.g. 2.5
     * @return a copy with this factor
     * @throws IllegalArgumentException unless {@code factor >= 1} and finite
     */
    public ObjectHygiene staleAfter(double factor) {
        if (!(factor >= 1) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("stale factor " + factor + " must be a finite number of at least 1");
        }
        return new ObjectHygiene(opportunities, asOf, factor, stages);
    }

    /**
     * The stage model whose order tells a regression (default {@link StageModel#defaultModel()}).
     *
     * @param model the model whose open stages, in order, define "back to an earlier stage"
     * @return a copy with this model
     * @throws NullPointerException if {@code model} is null
     */
    public ObjectHygiene stages(StageModel model) {
        return new ObjectHygiene(opportunities, asOf, staleFactor, Objects.requireNonNull(model, "stages"));
    }

    /** @return every flag, deal by deal in input order, rules in the order of {@link HygieneFlag.Rule} */
    public List<HygieneFlag> run() {
        LocalDate day = asOf != null ? asOf : latestDate();
        Map<String, long[]> stays = new HashMap<>();
        List<Long> closedAges = new ArrayList<>();
        for (Opportunity o : opportunities) {
            if (o.createdDate().isAfter(day)) {
                continue;
            }
            if (o.status().isClosed() && !o.closeDate().isAfter(day)) {
                closedAges.add(ChronoUnit.DAYS.between(o.createdDate(), o.closeDate()));
            }
            List<StageChange> h = o.history();
            for (int i = 0; i + 1 < h.size() && !h.get(i + 1).date().isAfter(day); i++) {
                LocalDate from = i == 0 ? o.createdDate() : h.get(i).date();
                if (!h.get(i + 1).stage().equalsIgnoreCase(h.get(i).stage())) {
                    String key = h.get(i).stage().toLowerCase(Locale.ROOT);
                    long[] s = stays.computeIfAbsent(key, k -> new long[0]);
                    s = Arrays.copyOf(s, s.length + 1);
                    s[s.length - 1] = ChronoUnit.DAYS.between(from, h.get(i + 1).date());
                    stays.put(key, s);
                }
            }
        }
        long closedMedian = median(closedAges.stream().mapToLong(Long::longValue).toArray());
        List<HygieneFlag> out = new ArrayList<>();
        Map<String, Opportunity> seen = new HashMap<>();
        for (Opportunity o : opportunities) {
            Opportunity s = o.asOf(day).orElse(null);
            if (s == null) {
                continue;
            }
            if (s.isOpen()) {
                openDealFlags(s, day, stays, closedMedian, seen, out);
            }
            regression(o, day, out);
        }
        return List.copyOf(out);
    }

    private void openDealFlags(Opportunity s, LocalDate day, Map<String, long[]> stays, long closedMedian,
                               Map<String, Opportunity> seen, List<HygieneFlag> out) {
        if (s.closeDate() != null && s.closeDate().isBefore(day)) {
            out.add(flag(s, HygieneFlag.Rule.PAST_CLOSE_DATE, "close date " + s.closeDate() + " passed "
                    + ChronoUnit.DAYS.between(s.closeDate(), day) + " days before " + day));
        }
        LocalDate since = s.createdDate();
        for (StageChange c : s.history()) {
            if (!c.stage().equalsIgnoreCase(s.stage())) {
                since = null;
            } else if (since == null) {
                since = c.date();
            }
        }
        since = since == null ? s.createdDate() : since;
        long inStage = ChronoUnit.DAYS.between(since, day);
        long[] st = stays.get(s.stage().toLowerCase(Locale.ROOT));
        long usual = st != null && st.length >= 5 ? median(st) : closedMedian;
        String basis = st != null && st.length >= 5 ? "its usual " + usual + " days in " + s.stage()
                : "the usual " + usual + " days from creation to close";
        if (usual > 0 && inStage > staleFactor * usual) {
            out.add(flag(s, HygieneFlag.Rule.STALE, String.format(Locale.ROOT, "%d days in %s, more than %s x %s",
                    inStage, s.stage(), fmt(staleFactor), basis)));
        }
        if (s.closeDate() == null) {
            out.add(flag(s, HygieneFlag.Rule.MISSING_FIELD, "no close date"));
        }
        if (blank(s.accountId())) {
            out.add(flag(s, HygieneFlag.Rule.MISSING_FIELD, "no account"));
        }
        if (blank(s.product())) {
            out.add(flag(s, HygieneFlag.Rule.MISSING_FIELD, "no product"));
        }
        if (s.amount().isZero()) {
            out.add(flag(s, HygieneFlag.Rule.MISSING_FIELD, "amount is zero"));
        }
        if (!blank(s.accountId())) {
            String key = s.accountId().strip().toLowerCase(Locale.ROOT) + '\u0000'
                    + (s.product() == null ? "" : s.product().strip().toLowerCase(Locale.ROOT)) + '\u0000' + s.amount();
            Opportunity first = seen.putIfAbsent(key, s);
            if (first != null) {
                out.add(flag(s, HygieneFlag.Rule.LIKELY_DUPLICATE, "same account " + s.accountId() + ", product "
                        + s.product() + " and amount " + s.amount() + " as " + first.id()));
            }
        }
    }

    private void regression(Opportunity o, LocalDate day, List<HygieneFlag> out) {
        int furthest = -1;
        String furthestName = null;
        for (StageChange c : o.history()) {
            if (c.date().isAfter(day)) {
                break;
            }
            int i = stages.find(c.stage()).filter(st -> !st.isClosed()).map(st -> stages.order(st.name())).orElse(-1);
            if (i < 0) {
                continue;
            }
            if (i < furthest) {
                out.add(flag(o, HygieneFlag.Rule.STAGE_REGRESSION, "moved back from " + furthestName + " to " + c.stage()
                        + " on " + c.date()));
                return;
            }
            if (i > furthest) {
                furthest = i;
                furthestName = c.stage();
            }
        }
    }

    private static HygieneFlag flag(Opportunity o, HygieneFlag.Rule rule, String detail) {
        return new HygieneFlag(o.id(), o.ownerId() == null ? "" : o.ownerId(), rule, detail);
    }

    private LocalDate latestDate() {
        LocalDate max = LocalDate.MIN;
        for (Opportunity o : opportunities) {
            max = o.createdDate().isAfter(max) ? o.createdDate() : max;
            if (o.status().isClosed() && o.closeDate().isAfter(max)) {
                max = o.closeDate();
            }
            for (StageChange c : o.history()) {
                max = c.date().isAfter(max) ? c.date() : max;
            }
        }
        return max.equals(LocalDate.MIN) ? LocalDate.now() : max;
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
