package io.salesops.planning.territory;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The balance of an assignment, computed from the assignment alone (so {@code territory check} on a plan's CSV
 * reports what the plan reported): per rep loads against targets, per measure spread, moves against the cap,
 * coverage and compactness, and which constraints bind.
 *
 * <p>A rep's target on a measure is its group's total times its share of the group's capacity; it is inside
 * the tolerance when {@code target x (1 - t) <= load <= target x (1 + t)}, checked exactly in decimals.
 * Immutable and thread-safe.
 */
public final class BalanceReport {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int MAX_LISTED = 5;

    private final List<RepLoad> reps;
    private final Map<Measure, MeasureBalance> balance;
    private final int accounts;
    private final int moves;
    private final int moveCap;
    private final double meanDistanceKm;
    private final List<String> coverageProblems;
    private final List<String> binding;
    private final boolean withinTolerance;

    private BalanceReport(List<RepLoad> reps, Map<Measure, MeasureBalance> balance, int accounts, int moves,
                          int moveCap, double meanDistanceKm, List<String> coverageProblems, List<String> binding,
                          boolean withinTolerance) {
        this.reps = List.copyOf(reps);
        this.balance = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(balance));
        this.accounts = accounts;
        this.moves = moves;
        this.moveCap = moveCap;
        this.meanDistanceKm = meanDistanceKm;
        this.coverageProblems = List.copyOf(coverageProblems);
        this.binding = List.copyOf(binding);
        this.withinTolerance = withinTolerance;
    }

    /**
     * Measures an assignment.
     *
     * @param book       the accounts and reps; its current assignment is the previous one unless {@code previous}
     *                   is given
     * @param assignment account id to rep id; accounts left out or given unknown reps are coverage problems
     * @param previous   account id to previous rep id, or null to use the book's current assignment
     * @param groupOfRep rep id to rule group; reps left out are in group {@code "all"}
     * @param settings   the measures, tolerance and move cap to check against
     * @return the report
     */
    public static BalanceReport of(AccountBook book, Map<String, String> assignment, Map<String, String> previous,
                                   Map<String, String> groupOfRep, AlignmentSettings settings) {
        Map<String, String> prev = previous == null ? book.current() : previous;
        List<String> coverage = book.coverageProblems(assignment);
        Map<String, Integer> repIndex = new HashMap<>();
        for (int j = 0; j < book.reps().size(); j++) {
            repIndex.put(book.reps().get(j).id(), j);
        }
        int m = book.reps().size();
        BigDecimal[][] load = new BigDecimal[2][m];
        for (int k = 0; k < 2; k++) {
            java.util.Arrays.fill(load[k], BigDecimal.ZERO);
        }
        int[] count = new int[m];
        double[] distance = new double[m];
        int[] in = new int[m];
        int[] out = new int[m];
        int moves = 0;
        double distanceSum = 0;
        int placed = 0;
        for (Account a : book.accounts()) {
            String rep = assignment.get(a.id());
            Integer j = rep == null ? null : repIndex.get(rep);
            String before = prev.get(a.id());
            Integer was = before == null ? null : repIndex.get(before);
            if (j == null) {
                continue;
            }
            placed++;
            load[0][j] = load[0][j].add(a.potential());
            load[1][j] = load[1][j].add(a.workload());
            count[j]++;
            double d = GroupProblem.haversineMetres(a, book.reps().get(j)) / 1000;
            distance[j] += d;
            distanceSum += d;
            if (before != null && !before.equals(rep)) {
                moves++;
                in[j]++;
                if (was != null) {
                    out[was]++;
                }
            }
        }
        Map<String, BigDecimal[]> groupTotal = new HashMap<>();
        Map<String, BigDecimal> groupCapacity = new HashMap<>();
        for (int j = 0; j < m; j++) {
            TerritoryRep r = book.reps().get(j);
            String g = groupOfRep.getOrDefault(r.id(), "all");
            BigDecimal[] t = groupTotal.computeIfAbsent(g, x -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            t[0] = t[0].add(load[0][j]);
            t[1] = t[1].add(load[1][j]);
            groupCapacity.merge(g, r.capacity(), BigDecimal::add);
        }
        BigDecimal tol = settings.tolerancePercent().movePointLeft(2);
        List<RepLoad> rows = new ArrayList<>(m);
        boolean[][] outside = new boolean[2][m];
        for (int j = 0; j < m; j++) {
            TerritoryRep r = book.reps().get(j);
            String g = groupOfRep.getOrDefault(r.id(), "all");
            BigDecimal capTotal = groupCapacity.get(g);
            BigDecimal[] total = groupTotal.get(g);
            BigDecimal[] target = new BigDecimal[2];
            for (int k = 0; k < 2; k++) {
                BigDecimal exact = total[k].multiply(r.capacity());
                target[k] = exact.divide(capTotal, 6, RoundingMode.HALF_EVEN);
                // load x capTotal against total x capacity x (1 +- t): exact, no rounded target involved
                BigDecimal scaledLoad = load[k][j].multiply(capTotal);
                outside[k][j] = settings.balances(Measure.values()[k])
                        && (scaledLoad.compareTo(exact.multiply(BigDecimal.ONE.add(tol))) > 0
                        || scaledLoad.compareTo(exact.multiply(BigDecimal.ONE.subtract(tol))) < 0);
            }
            rows.add(new RepLoad(r.id(), g, count[j], load[0][j], load[1][j], target[0], target[1],
                    count[j] == 0 ? 0 : distance[j] / count[j], in[j], out[j]));
        }
        Map<Measure, MeasureBalance> balance = new LinkedHashMap<>();
        List<String> binding = new ArrayList<>();
        boolean within = coverage.isEmpty();
        for (Measure measure : Measure.values()) {
            MeasureBalance b = balance(measure, rows, book, outside[measure.ordinal()]);
            balance.put(measure, b);
            if (settings.balances(measure) && b.repsOutside() > 0) {
                within = false;
                RepLoad worst = rows.stream().max(java.util.Comparator.comparing(
                        (RepLoad x) -> x.deviationPercent(measure).abs())).orElseThrow();
                binding.add(measure + ": " + b.repsOutside() + " of " + m + " reps outside +-"
                        + settings.tolerancePercent().toPlainString() + "% of target (worst " + worst.rep() + " "
                        + signed(worst.deviationPercent(measure)) + "%)");
                binding.addAll(indivisible(book, measure, rows, tol));
            }
        }
        int cap = settings.moveCap(book.accounts().size());
        if (moves > cap) {
            binding.add("moves: " + moves + " accounts moved, more than the cap of " + cap + " ("
                    + settings.maxMoveShare().multiply(HUNDRED).stripTrailingZeros().toPlainString() + "% of "
                    + book.accounts().size() + ")");
        } else if (!within && moves >= cap && !prev.isEmpty()) {
            binding.add("moves: all " + cap + " allowed moves are used; a larger --max-moves may reach the tolerance");
        }
        long gone = book.accounts().stream().filter(a -> prev.containsKey(a.id())
                && !repIndex.containsKey(prev.get(a.id()))).count();
        if (gone > 0) {
            binding.add("moves: " + gone + " accounts had a previous rep who is not among the reps and had to move");
        }
        if (!coverage.isEmpty()) {
            binding.add("coverage: " + coverage.size() + " accounts are not assigned to a known rep (first: "
                    + coverage.get(0) + ")");
        }
        return new BalanceReport(rows, balance, book.accounts().size(), moves, cap,
                placed == 0 ? 0 : distanceSum / placed, coverage, binding, within && moves <= cap);
    }

    private static MeasureBalance balance(Measure measure, List<RepLoad> rows, AccountBook book, boolean[] outside) {
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        double sum = 0;
        double sumSq = 0;
        int counted = 0;
        BigDecimal worst = BigDecimal.ZERO;
        int repsOutside = 0;
        for (int j = 0; j < rows.size(); j++) {
            RepLoad r = rows.get(j);
            double perCapacity = r.load(measure).doubleValue() / book.reps().get(j).capacity().doubleValue();
            max = Math.max(max, perCapacity);
            min = Math.min(min, perCapacity);
            if (r.target(measure).signum() > 0) {
                double ratio = r.load(measure).divide(r.target(measure), MathContext.DECIMAL64).doubleValue();
                sum += ratio;
                sumSq += ratio * ratio;
                counted++;
            }
            worst = worst.max(r.deviationPercent(measure).abs());
            repsOutside += outside[j] ? 1 : 0;
        }
        double mean = counted == 0 ? 0 : sum / counted;
        double cv = counted == 0 || mean == 0 ? 0 : Math.sqrt(Math.max(0, sumSq / counted - mean * mean)) / mean;
        double ratio = max == 0 ? 1 : min == 0 ? Double.POSITIVE_INFINITY : max / min;
        return new MeasureBalance(measure, ratio, cv, worst, repsOutside);
    }

    /** Accounts too big for any rep's band in their group: the tolerance cannot be met while they exist. */
    private static List<String> indivisible(AccountBook book, Measure measure, List<RepLoad> rows, BigDecimal tol) {
        Map<String, BigDecimal> largestUpper = new HashMap<>();
        for (RepLoad r : rows) {
            largestUpper.merge(r.group(), r.target(measure).multiply(BigDecimal.ONE.add(tol)), BigDecimal::max);
        }
        BigDecimal upper = largestUpper.values().stream().reduce(BigDecimal::max).orElse(null);
        List<String> out = new ArrayList<>();
        for (Account a : book.accounts()) {
            if (upper != null && a.value(measure).compareTo(upper) > 0 && out.size() < MAX_LISTED) {
                out.add(measure + ": account " + a.id() + " alone has " + a.value(measure).toPlainString()
                        + ", above the upper band " + upper.setScale(2, RoundingMode.HALF_EVEN).toPlainString()
                        + " of every rep: the tolerance cannot be met");
            }
        }
        return out;
    }

    private static String signed(BigDecimal v) {
        return (v.signum() > 0 ? "+" : "") + v.toPlainString();
    }

    /** @return one row per rep, in the book's rep order, unmodifiable */
    public List<RepLoad> reps() {
        return reps;
    }

    /**
     * @param measure a measure, not null
     * @return how balanced it is (reported for both measures, whether balanced or not)
     */
    public MeasureBalance balance(Measure measure) {
        return balance.get(measure);
    }

    /** @return the number of accounts in the book */
    public int accounts() {
        return accounts;
    }

    /** @return accounts whose rep differs from their previous rep (accounts without one never count) */
    public int moves() {
        return moves;
    }

    /** @return the most accounts that may move: the share times the accounts, rounded down */
    public int moveCap() {
        return moveCap;
    }

    /** @return the mean distance from an assigned account to its rep's home, km */
    public double meanDistanceKm() {
        return meanDistanceKm;
    }

    /** @return accounts not assigned exactly once to a known rep, one message each, unmodifiable */
    public List<String> coverageProblems() {
        return coverageProblems;
    }

    /** @return the constraints that bind or are broken, one sentence each, unmodifiable; empty when none */
    public List<String> bindingConstraints() {
        return binding;
    }

    /**
     * @return whether every account has a known rep, every rep is within the tolerance on every balanced
     * measure, and the moves are within the cap
     */
    public boolean meetsConstraints() {
        return withinTolerance;
    }
}
