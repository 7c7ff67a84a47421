package io.salesops.planning.quota;

import io.salesops.core.money.Money;
import io.salesops.core.money.Percent;
import io.salesops.core.org.Org;
import io.salesops.core.org.Rep;
import io.salesops.core.period.Period;
import io.salesops.core.period.PeriodKind;
import io.salesops.core.problem.SalesopsInputException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One run of {@link QuotaPlanner#plan()}: weights, the top-down splits, the lines. Not thread-safe; used once. */
final class TopDownAllocation {

    private static final MathContext MC = RepWeights.MC;
    private static final String COMPANY = "\u0000company";

    private final QuotaPlanner p;
    private final Org org;
    private final List<Rep> leaves = new ArrayList<>();
    private final List<Period> months;
    private final List<Period> periods;
    /** Per leaf: the fiscal months' weights under the method and under the team method. */
    private final Map<String, BigDecimal[]> units = new HashMap<>();
    private final Map<String, BigDecimal[]> teamUnits = new HashMap<>();
    private final Map<String, BigDecimal[]> factors = new HashMap<>();
    private final Map<String, String> limitText = new HashMap<>();
    private final List<String> notes = new ArrayList<>();

    TopDownAllocation(QuotaPlanner planner) {
        this.p = planner;
        this.org = planner.org;
        this.months = planner.year.split(PeriodKind.MONTH);
        this.periods = planner.year.split(planner.periods);
        for (Rep r : org.reps()) {
            if (org.isLeaf(r.id())) {
                leaves.add(r);
            }
        }
    }

    QuotaPlan run() {
        if (leaves.isEmpty()) {
            throw SalesopsInputException.of("the org has no reps to give quotas to");
        }
        Map<String, RepWeights.Share> shares = RepWeights.shares(p.method, p.inputs, leaves);
        Map<String, RepWeights.Share> teamShares = p.teamMethod.equals(p.method) ? shares
                : RepWeights.shares(p.teamMethod, p.inputs, leaves);
        int fallbacks = 0;
        for (Rep r : leaves) {
            BigDecimal[] f = new BigDecimal[12];
            BigDecimal[] u = new BigDecimal[12];
            BigDecimal[] t = new BigDecimal[12];
            for (int m = 0; m < 12; m++) {
                Period month = months.get(m);
                f[m] = p.ramp.at(tenureMonth(r, month)).fraction().multiply(RepWeights.inRole(r, month), MC);
                BigDecimal seasonal = p.seasonality.month(m + 1).multiply(f[m], MC);
                u[m] = shares.get(r.id()).share().multiply(seasonal, MC);
                t[m] = teamShares.get(r.id()).share().multiply(seasonal, MC);
            }
            factors.put(r.id(), f);
            units.put(r.id(), u);
            teamUnits.put(r.id(), t);
            fallbacks += shares.get(r.id()).fallback() ? 1 : 0;
        }
        notes.add("method " + p.method + (p.teamMethod.equals(p.method) ? "" : "; teams weighed by " + p.teamMethod));
        notes.add("seasonality " + p.seasonality.source());
        if (fallbacks > 0) {
            notes.add(fallbacks + " of " + leaves.size() + " reps had no usable figure for the method and got their"
                    + " team's median (else the company's); their lines say so");
        }
        Money company = p.target.times(onePlus(level(0)), RoundingMode.HALF_UP);
        if (p.limits != null) {
            new ChangeLimiter(p, leaves, units, teamUnits, limitText, notes).apply(company);
        }
        Map<String, BigDecimal> weight = subtreeSums(units);
        Map<String, BigDecimal> teamWeight = p.teamMethod.equals(p.method) ? weight : subtreeSums(teamUnits);
        if (weight.get(COMPANY).signum() == 0 && company.isPositive()) {
            throw SalesopsInputException.of("no rep of the org is in role during " + p.year
                    + " (check start_date and end_date), so the target cannot be allocated");
        }
        Map<String, Money> assigned = new HashMap<>();
        Map<String, Money> split = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        assigned.put(COMPANY, p.target);
        split.put(COMPANY, company);
        queue.add(COMPANY);
        while (!queue.isEmpty()) {
            String node = queue.poll();
            List<Rep> children = node.equals(COMPANY) ? org.roots() : org.directReports(node);
            if (children.isEmpty()) {
                continue;
            }
            boolean teams = children.stream().anyMatch(c -> !org.isLeaf(c.id()));
            Map<String, BigDecimal> w = teams ? teamWeight : weight;
            BigDecimal[] ratios = new BigDecimal[children.size()];
            boolean any = false;
            for (int i = 0; i < ratios.length; i++) {
                ratios[i] = w.get(children.get(i).id());
                any |= ratios[i].signum() > 0;
            }
            Money amount = split.get(node);
            if (!any && amount.isPositive()) {
                throw SalesopsInputException.of("no rep under " + node + " is in role during " + p.year
                        + ", but " + amount + " was allocated to them");
            }
            List<Money> parts = any ? amount.allocate(ratios) : amount.allocate(ones(ratios.length));
            for (int i = 0; i < children.size(); i++) {
                Rep c = children.get(i);
                assigned.put(c.id(), parts.get(i));
                Percent o = level(org.depth(c.id()) + 1);
                split.put(c.id(), org.isLeaf(c.id()) ? parts.get(i) : parts.get(i).times(onePlus(o), RoundingMode.HALF_UP));
                queue.add(c.id());
            }
        }
        return result(shares, assigned, split);
    }

    private QuotaPlan result(Map<String, RepWeights.Share> shares, Map<String, Money> assigned, Map<String, Money> split) {
        List<QuotaLine> lines = new ArrayList<>(leaves.size() * periods.size());
        String method = p.method.toString();
        String over = overAssignText();
        for (Rep r : leaves) {
            Money year = split.get(r.id());
            BigDecimal[] u = units.get(r.id());
            BigDecimal[] per = new BigDecimal[periods.size()];
            BigDecimal total = BigDecimal.ZERO;
            for (int k = 0; k < periods.size(); k++) {
                per[k] = BigDecimal.ZERO;
                for (int m = 0; m < 12; m++) {
                    if (periods.get(k).contains(months.get(m))) {
                        per[k] = per[k].add(u[m], MC);
                    }
                }
                total = total.add(per[k], MC);
            }
            List<Money> parts = total.signum() > 0 ? year.allocate(per) : year.allocate(ones(per.length));
            String base = shares.get(r.id()).explanation() + limitText.getOrDefault(r.id(), "");
            for (int k = 0; k < periods.size(); k++) {
                String text = total.signum() == 0
                        ? "not in role during " + p.year + " (start " + r.startDate() + ", end " + r.endDate() + "): no quota"
                        : base + "; " + periods.get(k) + " " + periodText(r, periods.get(k), per[k], total) + over;
                lines.add(new QuotaLine(r.id(), periods.get(k), parts.get(k), method, text));
            }
        }
        List<TeamQuota> teams = new ArrayList<>();
        Map<String, Money> sums = new HashMap<>();
        List<Rep> deepestFirst = new ArrayList<>(org.reps());
        deepestFirst.sort(Comparator.comparingInt((Rep r) -> org.depth(r.id())).reversed());
        for (Rep r : deepestFirst) {
            Money own = org.isLeaf(r.id()) ? split.get(r.id()) : sums.getOrDefault(r.id(), Money.zero(p.target.currency()));
            sums.put(r.id(), own);
            if (r.managerId() != null) {
                sums.merge(r.managerId(), own, Money::plus);
            }
        }
        Map<String, Integer> count = new HashMap<>();
        for (Rep leaf : leaves) {
            for (Rep m : org.managementChain(leaf.id())) {
                count.merge(m.id(), 1, Integer::sum);
            }
        }
        for (Rep r : org.reps()) {
            if (!org.isLeaf(r.id())) {
                teams.add(new TeamQuota(r.id(), org.depth(r.id()), count.getOrDefault(r.id(), 0), sums.get(r.id()),
                        assigned.get(r.id())));
            }
        }
        return new QuotaPlan(p.target, p.year, method, p.overAssign, periods, lines, teams, notes);
    }

    private String periodText(Rep r, Period period, BigDecimal unitsIn, BigDecimal total) {
        BigDecimal season = BigDecimal.ZERO;
        BigDecimal inRole = BigDecimal.ZERO;
        BigDecimal ramped = BigDecimal.ZERO;
        BigDecimal[] f = factors.get(r.id());
        for (int m = 0; m < 12; m++) {
            if (period.contains(months.get(m))) {
                BigDecimal s = p.seasonality.month(m + 1);
                BigDecimal active = RepWeights.inRole(r, months.get(m));
                season = season.add(s, MC);
                inRole = inRole.add(s.multiply(active, MC), MC);
                ramped = ramped.add(s.multiply(f[m], MC), MC);
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append("carries ").append(RepWeights.percent(unitsIn.divide(total, MC))).append(" of the rep's year (season ")
                .append(RepWeights.percent(season));
        if (inRole.compareTo(season) != 0) {
            sb.append(", in role ").append(season.signum() == 0 ? "0.00%" : RepWeights.percent(inRole.divide(season, MC)));
        }
        if (ramped.compareTo(inRole) != 0) {
            sb.append(", ramp ").append(inRole.signum() == 0 ? "0.00%" : RepWeights.percent(ramped.divide(inRole, MC)))
                    .append(" from start ").append(r.startDate());
        }
        return sb.append(')').toString();
    }

    private String overAssignText() {
        if (p.overAssign.stream().allMatch(o -> o.value().signum() == 0)) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < p.overAssign.size(); i++) {
            if (p.overAssign.get(i).value().signum() != 0) {
                parts.add(p.overAssign.get(i) + (i == 0 ? " on the company target " + p.target : " at org level " + i));
            }
        }
        return "; over-assigned " + String.join(", ", parts);
    }

    /** Sums each leaf's units up the tree: a value per rep (its subtree) and one for the whole company. */
    private Map<String, BigDecimal> subtreeSums(Map<String, BigDecimal[]> perLeaf) {
        Map<String, BigDecimal> sums = new HashMap<>();
        List<Rep> deepestFirst = new ArrayList<>(org.reps());
        deepestFirst.sort(Comparator.comparingInt((Rep r) -> org.depth(r.id())).reversed());
        BigDecimal company = BigDecimal.ZERO;
        for (Rep r : deepestFirst) {
            BigDecimal own = sums.getOrDefault(r.id(), BigDecimal.ZERO);
            BigDecimal[] u = perLeaf.get(r.id());
            if (u != null) {
                for (BigDecimal x : u) {
                    own = own.add(x, MC);
                }
            }
            sums.put(r.id(), own);
            if (r.managerId() != null) {
                sums.merge(r.managerId(), own, (a, b) -> a.add(b, MC));
            } else {
                company = company.add(own, MC);
            }
        }
        sums.put(COMPANY, company);
        return sums;
    }

    private Percent level(int i) {
        return i < p.overAssign.size() ? p.overAssign.get(i) : Percent.ZERO;
    }

    private static BigDecimal onePlus(Percent o) {
        return BigDecimal.ONE.add(o.fraction());
    }

    private static long[] ones(int n) {
        long[] a = new long[n];
        java.util.Arrays.fill(a, 1);
        return a;
    }

    /** @return the 1-based month of tenure that {@code month} is, from the start date; large if it is unknown */
    static int tenureMonth(Rep r, Period month) {
        if (r.startDate() == null) {
            return Integer.MAX_VALUE;
        }
        return (int) java.time.temporal.ChronoUnit.MONTHS.between(java.time.YearMonth.from(r.startDate()),
                java.time.YearMonth.from(month.start())) + 1;
    }
}
