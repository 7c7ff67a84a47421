package io.salesops.forecast.pipeline;

import io.salesops.core.crm.ForecastCategory;
import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.OpportunityStatus;
import io.salesops.core.crm.Stage;
import io.salesops.core.crm.StageChange;
import io.salesops.core.money.CurrencyMismatchException;
import io.salesops.core.money.Money;
import io.salesops.core.org.Rep;
import io.salesops.core.period.Period;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One run of a {@link PipelineForecast}. Not thread-safe; used once. */
final class ForecastEngine {

    private static final long E9 = 1_000_000_000L;

    private final PipelineForecast f;
    private final Period period;
    private final LocalDate asOf;
    private final LocalDate windowStart;
    private final LocalDate closedEnd;
    private Currency currency;

    // node table; parents always come before children
    private final List<String> group = new ArrayList<>();
    private final List<String> label = new ArrayList<>();
    private final List<String> kind = new ArrayList<>();
    private final List<String> repId = new ArrayList<>();
    private int[] parent = new int[16];
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> leafByOwner = new HashMap<>();

    // per-node measures, not rolled up until aggregate()
    private long[] closed = new long[16];
    private long[] open = new long[16];
    private long[] openExp = new long[16];
    private long[] nyc = new long[16];
    private long[] commit = new long[16];
    private long[] best = new long[16];
    private long[] pipe = new long[16];
    private long[] omit = new long[16];
    private int[] openCount = new int[16];

    private final List<String> assumptions = new ArrayList<>();

    ForecastEngine(PipelineForecast f) {
        this.f = f;
        this.period = f.period;
        this.asOf = f.asOf;
        LocalDate next = asOf.plusDays(1);
        this.windowStart = next.isAfter(period.start()) ? next : period.start();
        this.closedEnd = asOf.isBefore(period.end()) ? asOf : period.end();
        this.currency = f.currency;
        assumptions.addAll(f.notes);
    }

    ForecastReport run() {
        List<Opportunity> history = f.history != null ? f.history : f.opportunities;
        buildSkeleton();

        LearnedWinRates learned = null;
        if (f.method == PipelineMethod.TIME_TO_EVENT) {
            List<java.util.function.Function<Opportunity, String>> keys = new ArrayList<>();
            List<String> names = new ArrayList<>();
            java.util.function.Function<Opportunity, String> size = TimeToEvent.sizeBands(history, asOf);
            if (size != null) {
                keys.add(size);
                names.add("deal size");
            }
            if (f.segmentBy != null) {
                keys.add(o -> o.field(f.segmentBy).orElse(""));
                names.add(f.segmentBy);
            }
            keys.add(Opportunity::ownerId);
            names.add("owner");
            timeToEvent = TimeToEvent.learn(history, asOf, keys, names);
            assumptions.add(timeToEvent == null
                    ? "P(won in the period) from the stage model: no deal in the history closed on or before " + asOf
                    : "P(won in the period) from won, lost and still-open deals as competing risks by age (time to event),"
                            + " learned from " + timeToEvent.observations() + " deals as known on " + asOf
                            + ", by " + String.join(" then ", names) + ", each shrunk toward the level above");
        }
        if (timeToEvent != null) {
            // the time-to-event model holds both P(win) and the timing
        } else if (f.learned) {
            learned = LearnedWinRates.learn(history, asOf, f.stages, f.segmentBy, f.valueWeighted, f.priorStrength);
            if (learned.hasData()) {
                assumptions.add("P(win) learned from deals closed on or before " + asOf + " (" + learned.overallText()
                        + "), by stage, days in stage" + (f.segmentBy != null ? " and " + f.segmentBy : "")
                        + ", shrunk toward the broader rate with prior strength " + f.priorStrength
                        + (f.valueWeighted ? ", weighted by value" : ""));
            } else {
                assumptions.add("P(win) from the stage model: no deal in the history closed on or before " + asOf);
                learned = null;
            }
        } else {
            assumptions.add("P(win) from the stage model's fixed probabilities");
        }

        CloseTiming timing = null;
        if (timeToEvent == null && f.timing != TimingSource.CLOSE_DATE) {
            timing = CloseTiming.learn(history, asOf, period, f.lookback);
            if (timing == null && f.timing == TimingSource.LEARNED) {
                throw new IllegalArgumentException("timing LEARNED needs deals won on or before " + asOf + " in the history; there are none");
            }
        }
        if (timeToEvent == null) {
            assumptions.add(timing == null
                ? "P(in period | win) from the close date: 1 if it falls between " + windowStart + " and " + period.end()
                        + ", else 0 (a close date already passed counts as slipped)"
                : "P(in period | win) learned from the days to close of " + timing.wonDeals() + " won deals, conditioned on age,"
                        + " blended with how deals in the same close-date situation closed in the last " + f.lookback + " periods");
        }

        // the main pass over the pipeline
        if (currency == null) {
            currency = !f.opportunities.isEmpty() ? f.opportunities.get(0).amount().currency()
                    : history.isEmpty() ? Currency.getInstance("USD") : history.get(0).amount().currency();
        }
        this.learnedRates = learned;
        this.timingModel = timing;
        this.historyList = history;
        for (Stage st : f.stages.stages()) {
            stageInfo.put(st.name(), new StageInfo(st, st.winProbability().toDouble(), "stage model: " + st.name() + " " + st.winProbability()));
        }
        Pass pass = mainPass();
        resolvePending(pass);
        DealTable table = pass.deals;
        for (int i = 0; i < group.size(); i++) {
            closed[i] = pass.closed[i];
            open[i] = pass.open[i];
            openExp[i] = pass.openExp[i];
            commit[i] = pass.commit[i];
            best[i] = pass.best[i];
            pipe[i] = pass.pipe[i];
            omit[i] = pass.omit[i];
            openCount[i] = pass.openCount[i];
        }
        long[][] newByPeriod = f.notYetCreated ? learnNotYetCreated(history) : null;
        int n = group.size();
        long[] base = Arrays.copyOf(closed, n);
        long[] nycLeaf = Arrays.copyOf(nyc, n);
        aggregate();

        // simulation
        long[][] sims = null;
        if (f.simulations > 0) {
            long[] simBase = base;
            long[][] simNew = null;
            if (newByPeriod != null && f.simulateNotYetCreated) {
                simNew = newByPeriod;
            } else {
                simBase = new long[n];
                for (int i = 0; i < n; i++) {
                    simBase[i] = base[i] + nycLeaf[i];
                }
            }
            sims = Simulation.run(Arrays.copyOf(parent, n), Arrays.copyOf(table.node, table.size),
                    Arrays.copyOf(table.amount, table.size), table.probabilities(), simBase, simNew, f.simulations, f.seed, f.threads, f.progress);
            assumptions.add(f.simulations + " simulations with seed " + f.seed + ": each open deal wins inside the period with"
                    + " P(win) x P(in period | win), independently"
                    + (simNew != null ? "; not-yet-created bookings drawn from one of the past periods per simulation" : ""));
        }

        Map<String, List<Adjustment>> adj = new HashMap<>();
        for (Adjustment a : f.adjustments) {
            if (!index.containsKey(a.group())) {
                throw new IllegalArgumentException("adjustment by " + a.by() + " names group \"" + a.group()
                        + "\", which is not a node of this forecast");
            }
            if (!a.value().currency().equals(currency)) {
                throw new CurrencyMismatchException(currency, a.value().currency());
            }
            adj.computeIfAbsent(a.group(), k -> new ArrayList<>()).add(a);
        }
        List<List<Integer>> children = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            children.add(new ArrayList<>());
        }
        for (int i = 1; i < n; i++) {
            children.get(parent[i]).add(i);
        }
        if (!f.byOwner) {
            for (List<Integer> c : children) {
                c.sort(Comparator.comparing(group::get));
            }
        }
        ForecastNode root = build(0, children, sims, adj);
        return new ForecastReport(period, asOf, currency, root, table.asList(List.copyOf(group), asOf), assumptions,
                f.simulations, f.seed);
    }

    // ---- the main pass

    private record StageInfo(Stage stage, double pWin, String why) {
    }

    /** A deal at an unknown stage whose P(win), the overall rate, is known only after the pass. */
    private record Pending(int slot, Opportunity source, Opportunity snapshot, int leaf, ForecastCategory category) {
    }

    private final Map<String, StageInfo> stageInfo = new HashMap<>();
    private TimeToEvent timeToEvent;
    private LearnedWinRates learnedRates;
    private CloseTiming timingModel;
    private List<Opportunity> historyList;
    private double[] overallFallback;

    /** Chunk size of the parallel pass; chunks merge in input order, so the result does not depend on threads. */
    private static final int CHUNK = 1 << 16;

    /** Accumulators of one chunk of the pass. */
    private final class Pass {
        long[] closed;
        long[] open;
        long[] openExp;
        long[] commit;
        long[] best;
        long[] pipe;
        long[] omit;
        int[] openCount;
        final DealTable deals;
        long closedN;
        long wonN;
        final List<Pending> pending = new ArrayList<>();

        Pass(int nodes) {
            this(nodes, new DealTable());
        }

        Pass(int nodes, DealTable deals) {
            this.deals = deals;
            resize(nodes);
        }

        void resize(int nodes) {
            closed = closed == null ? new long[nodes] : Arrays.copyOf(closed, nodes);
            open = open == null ? new long[nodes] : Arrays.copyOf(open, nodes);
            openExp = openExp == null ? new long[nodes] : Arrays.copyOf(openExp, nodes);
            commit = commit == null ? new long[nodes] : Arrays.copyOf(commit, nodes);
            best = best == null ? new long[nodes] : Arrays.copyOf(best, nodes);
            pipe = pipe == null ? new long[nodes] : Arrays.copyOf(pipe, nodes);
            omit = omit == null ? new long[nodes] : Arrays.copyOf(omit, nodes);
            openCount = openCount == null ? new int[nodes] : Arrays.copyOf(openCount, nodes);
        }

        void merge(Pass o) {
            for (int i = 0; i < closed.length; i++) {
                closed[i] = Math.addExact(closed[i], o.closed[i]);
                open[i] = Math.addExact(open[i], o.open[i]);
                openExp[i] += o.openExp[i];
                commit[i] += o.commit[i];
                best[i] += o.best[i];
                pipe[i] += o.pipe[i];
                omit[i] += o.omit[i];
                openCount[i] += o.openCount[i];
            }
            for (Pending x : o.pending) {
                pending.add(new Pending(x.slot() + deals.size, x.source(), x.snapshot(), x.leaf(), x.category()));
            }
            closedN += o.closedN;
            wonN += o.wonN;
            deals.append(o.deals);
        }

        /** Adds {@code o}'s sums and counts; its rows are already in this pass's table, moved by {@code shift}. */
        void mergeSums(Pass o, int shift) {
            for (int i = 0; i < closed.length; i++) {
                closed[i] = Math.addExact(closed[i], o.closed[i]);
                open[i] = Math.addExact(open[i], o.open[i]);
                openExp[i] += o.openExp[i];
                commit[i] += o.commit[i];
                best[i] += o.best[i];
                pipe[i] += o.pipe[i];
                omit[i] += o.omit[i];
                openCount[i] += o.openCount[i];
            }
            for (Pending x : o.pending) {
                pending.add(new Pending(x.slot() + shift, x.source(), x.snapshot(), x.leaf(), x.category()));
            }
            closedN += o.closedN;
            wonN += o.wonN;
        }
    }

    /**
     * Runs {@link #process} over every opportunity: in chunks (in parallel with more than one thread) when the
     * node table is fixed (by owner or no grouping), else in one sequential pass since dimension values create
     * nodes as they appear. Chunks merge in input order into tables allocated once at their final size.
     */
    private Pass mainPass() {
        List<Opportunity> opps = f.opportunities;
        if (!f.dimensions.isEmpty() || opps.size() <= CHUNK) {
            Pass p = new Pass(group.size());
            for (Opportunity o : opps) {
                process(o, p);
            }
            if (p.closed.length < group.size()) {
                p.resize(group.size());
            }
            return p;
        }
        int chunks = (opps.size() + CHUNK - 1) / CHUNK;
        // First an upper bound of each chunk's rows, so that every chunk writes its rows straight into one table
        // allocated once: per-chunk tables grown by doubling and then copied into the final one allocated (and
        // left for the GC) about three times the rows kept.
        int[] bound = new int[chunks];
        List<Runnable> counts = new ArrayList<>();
        for (int c = 0; c < chunks; c++) {
            final int chunk = c;
            counts.add(() -> {
                int to = Math.min(opps.size(), (chunk + 1) * CHUNK);
                int n = 0;
                for (int i = chunk * CHUNK; i < to; i++) {
                    if (mayGetRow(opps.get(i))) {
                        n++;
                    }
                }
                bound[chunk] = n;
            });
        }
        runAll(counts, chunks);
        int[] from = new int[chunks];
        int cap = 0;
        for (int c = 0; c < chunks; c++) {
            from[c] = cap;
            cap = Math.addExact(cap, bound[c]);
        }
        DealTable table = new DealTable();
        table.ensure(cap);
        Pass[] parts = new Pass[chunks];
        RuntimeException[] failures = new RuntimeException[chunks];
        List<Runnable> tasks = new ArrayList<>();
        for (int c = 0; c < chunks; c++) {
            final int chunk = c;
            tasks.add(() -> {
                // the chunk's rows go to [from[chunk], from[chunk] + bound[chunk]) of the shared table; chunks
                // write disjoint ranges, and the futures' completion publishes them to this thread
                Pass p = new Pass(group.size(), table.window(from[chunk]));
                int to = Math.min(opps.size(), (chunk + 1) * CHUNK);
                try {
                    for (int i = chunk * CHUNK; i < to; i++) {
                        process(opps.get(i), p);
                    }
                } catch (RuntimeException e) {
                    failures[chunk] = e;
                }
                parts[chunk] = p;
            });
        }
        runAll(tasks, chunks);
        for (RuntimeException e : failures) {
            if (e != null) {
                throw e; // the first failure in input order, as a sequential pass would report it
            }
        }
        // close the gaps the bounds left, in input order, so rows are where a sequential pass puts them
        Pass all = new Pass(group.size(), table);
        int size = 0;
        for (int c = 0; c < chunks; c++) {
            Pass part = parts[c];
            int rows = part.deals.size - from[c];
            if (rows > bound[c]) {
                throw new IllegalStateException("chunk " + c + " wrote " + rows + " rows, more than its bound " + bound[c]);
            }
            table.moveRows(from[c], size, rows);
            all.mergeSums(part, size - from[c]);
            size += rows;
        }
        table.size = size;
        return all;
    }

    /**
     * Whether {@link #process} may record a row for {@code o}: it records none for a deal created after the
     * as-of day (no snapshot) or closed on or before it (the snapshot is the closed deal itself).
     */
    private boolean mayGetRow(Opportunity o) {
        if (o.createdDate().isAfter(asOf)) {
            return false;
        }
        return !(o.status().isClosed() && !o.closeDate().isAfter(asOf));
    }

    /** Runs the tasks on up to {@link PipelineForecast#threads} threads, or here with one. */
    private void runAll(List<Runnable> tasks, int chunks) {
        if (f.threads <= 1) {
            tasks.forEach(Runnable::run);
            return;
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                Math.min(f.threads, chunks), r -> {
                    Thread t = new Thread(r, "salesops-forecast");
                    t.setDaemon(true);
                    return t;
                });
        try {
            List<java.util.concurrent.Future<?>> fs = new ArrayList<>();
            for (Runnable t : tasks) {
                fs.add(pool.submit(t));
            }
            for (java.util.concurrent.Future<?> fu : fs) {
                fu.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("forecast interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("forecast failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private void process(Opportunity o, Pass p) {
        Opportunity s = snapshot(o, asOf);
        if (s == null) {
            return;
        }
        checkCurrency(s);
        if (s.status() == OpportunityStatus.LOST) {
            p.closedN++;
            return;
        }
        if (s.status() == OpportunityStatus.WON) {
            p.closedN++;
            p.wonN++;
            LocalDate c = s.closeDate();
            if (!c.isBefore(period.start()) && !c.isAfter(closedEnd)) {
                int leaf = leafOf(s);
                if (leaf >= p.closed.length) {
                    p.resize(group.size());
                }
                p.closed[leaf] = Math.addExact(p.closed[leaf], s.amount().minorUnits());
            }
            return;
        }
        StageInfo info = null;
        if (!s.stage().equals(Opportunity.UNKNOWN_STAGE)) {
            info = stageInfo.get(s.stage());
            if (info == null) {
                Stage st = f.stages.find(s.stage()).orElse(null);
                if (st == null) {
                    throw new PipelineInputException(s.id(), "opportunity " + s.id() + " is at stage \"" + s.stage()
                            + "\" on " + asOf + ", which the stage model does not have; known stages: "
                            + f.stages.stages().stream().map(Stage::name).toList());
                }
                info = stageInfo.get(st.name());
            }
            if (info.stage().isClosed()) {
                throw new PipelineInputException(s.id(), "opportunity " + s.id() + " is open on " + asOf
                        + " but at closing stage \"" + info.stage().name() + "\"");
            }
        }
        int leaf = leafOf(s);
        if (leaf >= p.closed.length) {
            p.resize(group.size());
        }
        long amount = s.amount().minorUnits();
        p.open[leaf] = Math.addExact(p.open[leaf], amount);
        p.openCount[leaf]++;
        ForecastCategory cat = s.forecastCategory() != null ? s.forecastCategory()
                : info != null ? info.stage().forecastCategory() : ForecastCategory.PIPELINE;
        LocalDate cd = s.closeDate();
        if (cd != null && period.contains(cd)) {
            switch (cat) {
                case COMMIT -> p.commit[leaf] += amount;
                case BEST_CASE -> p.best[leaf] += amount;
                case PIPELINE -> p.pipe[leaf] += amount;
                default -> p.omit[leaf] += amount;
            }
        }
        double pWin;
        ProbabilitySource winSource;
        String winWhy;
        if (timeToEvent != null) {
            TimeToEvent.Estimate e = timeToEvent.estimate(s, asOf, windowStart, period.end());
            pWin = e.p();
            winSource = ProbabilitySource.TIME_TO_EVENT;
            winWhy = e.explanation();
        } else if (learnedRates != null) {
            LearnedWinRates.Estimate e = learnedRates.estimate(s.stage(), daysInStage(s),
                    f.segmentBy == null ? null : s.field(f.segmentBy).orElse(""));
            pWin = e.p();
            winSource = e.source();
            winWhy = e.explanation();
        } else if (info != null) {
            pWin = info.pWin();
            winSource = ProbabilitySource.STAGE_MODEL;
            winWhy = info.why();
        } else if (overallFallback != null) {
            pWin = overallFallback[0];
            winSource = ProbabilitySource.OVERALL;
            winWhy = overallWhy;
        } else {
            int slot = p.deals.add();
            p.deals.node[slot] = leaf;
            p.deals.amount[slot] = amount;
            p.pending.add(new Pending(slot, o, s, leaf, cat));
            return;
        }
        complete(p, -1, o, s, leaf, cat, pWin, winSource, winWhy);
    }

    /** Finds P(in period | win) and the expected value, and records the deal at {@code slot} (-1: append). */
    private void complete(Pass p, int slot, Opportunity o, Opportunity s, int leaf, ForecastCategory cat, double pWin,
                          ProbabilitySource winSource, String winWhy) {
        LocalDate cd = s.closeDate();
        long amount = s.amount().minorUnits();
        double pIn;
        TimingSource timingSource;
        String timingWhy;
        if (winSource == ProbabilitySource.TIME_TO_EVENT) {
            pIn = 1;
            timingSource = TimingSource.LEARNED;
            timingWhy = "in the time-to-event probability";
        } else if (timingModel != null) {
            CloseTiming.Estimate e = timingModel.estimate(s.createdDate(), cd, asOf, windowStart, period.end());
            pIn = e.p();
            timingSource = e.source();
            timingWhy = e.explanation();
        } else {
            CloseTiming.Situation sit = CloseTiming.situation(cd, asOf, windowStart, period.end());
            boolean inWindow = sit == CloseTiming.Situation.IN_WINDOW && !cd.isBefore(windowStart);
            pIn = inWindow ? 1 : 0;
            timingSource = TimingSource.CLOSE_DATE;
            timingWhy = inWindow ? "close date in the period" : sit == CloseTiming.Situation.IN_WINDOW
                    ? "close date before the period" : sit.text;
        }
        long pE9 = Math.round(pWin * pIn * E9);
        pE9 = Math.max(0, Math.min(E9, pE9));
        long exp = expectedMinor(amount, pE9, f.rounding);
        p.openExp[leaf] += exp;
        DealTable t = p.deals;
        int i = slot < 0 ? t.add() : slot;
        t.deal(i, o, s);
        t.node[i] = leaf;
        t.amount[i] = amount;
        t.pWin[i] = pWin;
        t.pIn[i] = pIn;
        t.winSource[i] = winSource;
        t.winWhy[i] = winWhy;
        t.timingSource[i] = timingSource;
        t.timingWhy[i] = timingWhy;
        t.pE9[i] = pE9;
        t.expected[i] = exp;
        t.category[i] = cat;
    }

    /** Resolves the deals at unknown stages once the overall win rate is known. */
    private void resolvePending(Pass p) {
        if (p.pending.isEmpty()) {
            return;
        }
        if (overallFallback == null) {
            // the pass counted the forecast's own closed deals; a separate history needs its own count
            setOverall(f.history == null && p.closedN > 0 ? new double[] {p.wonN / (double) p.closedN, p.closedN, p.wonN}
                    : overallRate(historyList));
        }
        for (Pending x : p.pending) {
            complete(p, x.slot(), x.source(), x.snapshot(), x.leaf(), x.category(), overallFallback[0], ProbabilitySource.OVERALL, overallWhy);
        }
        p.pending.clear();
    }

    private String overallWhy;

    private void setOverall(double[] fb) {
        overallWhy = fb[1] > 0
                ? String.format(Locale.ROOT, "stage unknown on the day: overall %d of %d closed deals won", (long) fb[2], (long) fb[1])
                : "stage unknown on the day and no closed history: average of the stage model's open stages";
        overallFallback = fb;
    }

    // ---- the roll-up tree

    private void buildSkeleton() {
        addNode("Total", "Total", "total", null, -1);
        if (f.byOwner) {
            for (Rep r : f.org.roots()) {
                addRep(r, 0);
            }
        }
    }

    private void addRep(Rep r, int parentNode) {
        int node = addNode(r.id(), r.name(), "rep", r.id(), parentNode);
        if (f.org.isLeaf(r.id())) {
            leafByOwner.put(r.id(), node);
            return;
        }
        for (Rep c : f.org.directReports(r.id())) {
            addRep(c, node);
        }
        leafByOwner.put(r.id(), addNode(r.id() + " (own)", r.name() + " (own deals)", "own", null, node));
    }

    private int addNode(String g, String l, String k, String rep, int parentNode) {
        int i = group.size();
        if (index.putIfAbsent(g, i) != null) {
            throw new IllegalArgumentException("two roll-up nodes would be called \"" + g + "\"");
        }
        group.add(g);
        label.add(l);
        kind.add(k);
        repId.add(rep);
        if (i == parent.length) {
            int cap = i * 2;
            parent = Arrays.copyOf(parent, cap);
            closed = Arrays.copyOf(closed, cap);
            open = Arrays.copyOf(open, cap);
            openExp = Arrays.copyOf(openExp, cap);
            nyc = Arrays.copyOf(nyc, cap);
            commit = Arrays.copyOf(commit, cap);
            best = Arrays.copyOf(best, cap);
            pipe = Arrays.copyOf(pipe, cap);
            omit = Arrays.copyOf(omit, cap);
            openCount = Arrays.copyOf(openCount, cap);
        }
        parent[i] = parentNode;
        return i;
    }

    /** The leaf node of a deal, created on first sight when rolling up by dimensions. */
    private int leafOf(Opportunity o) {
        if (f.byOwner) {
            Integer leaf = leafByOwner.get(o.ownerId());
            if (leaf == null) {
                throw new PipelineInputException(o.id(), "opportunity " + o.id() + " is owned by " + o.ownerId()
                        + ", who is not in the org");
            }
            return leaf;
        }
        if (f.dimensions.isEmpty()) {
            return 0;
        }
        int node = 0;
        String path = null;
        for (String d : f.dimensions) {
            String v = dimensionValue(o, d);
            path = path == null ? v : path + " / " + v;
            Integer i = index.get(path);
            if (i == null) {
                boolean owner = d.equalsIgnoreCase("owner") || d.equalsIgnoreCase("owner_id");
                String lbl = owner && f.org != null ? f.org.find(v).map(Rep::name).orElse(v) : v;
                i = addNode(path, lbl, d, owner ? v : null, node);
            }
            node = i;
        }
        return node;
    }

    private String dimensionValue(Opportunity o, String d) {
        Optional<String> v = o.field(d);
        if (v.isEmpty() && f.org != null) {
            String dl = d.toLowerCase(Locale.ROOT);
            if (dl.equals("team") || dl.equals("territory")) {
                v = f.org.find(o.ownerId()).map(r -> dl.equals("team") ? r.team() : r.territory());
            }
        }
        return v.filter(s -> !s.isBlank()).orElse("(none)");
    }

    private void aggregate() {
        for (int i = group.size() - 1; i > 0; i--) {
            int p = parent[i];
            closed[p] = Math.addExact(closed[p], closed[i]);
            open[p] = Math.addExact(open[p], open[i]);
            openExp[p] += openExp[i];
            nyc[p] += nyc[i];
            commit[p] += commit[i];
            best[p] += best[i];
            pipe[p] += pipe[i];
            omit[p] += omit[i];
            openCount[p] += openCount[i];
        }
    }

    private ForecastNode build(int i, List<List<Integer>> children, long[][] sims, Map<String, List<Adjustment>> adj) {
        List<ForecastNode> kids = new ArrayList<>();
        Money childQuota = null;
        Money childAdjusted = null;
        Money childExpected = null;
        for (int c : children.get(i)) {
            if (kind.get(c).equals("own") && openCount[c] == 0 && closed[c] == 0 && nyc[c] == 0 && !adj.containsKey(group.get(c))) {
                continue; // a manager without deals of their own: nothing to show, nothing to sum
            }
            ForecastNode k = build(c, children, sims, adj);
            kids.add(k);
            if (k.quota().isPresent()) {
                childQuota = childQuota == null ? k.quota().get() : childQuota.plus(k.quota().get());
            }
            childAdjusted = childAdjusted == null ? k.adjustedExpected() : childAdjusted.plus(k.adjustedExpected());
            childExpected = childExpected == null ? k.expected() : childExpected.plus(k.expected());
        }
        Money quota = null;
        if (repId.get(i) != null) {
            try {
                quota = f.quotas.quota(repId.get(i), period).orElse(null);
            } catch (CurrencyMismatchException e) {
                throw new IllegalArgumentException("quotas of rep " + repId.get(i) + " for " + period + " mix currencies: " + e.getMessage(), e);
            }
            if (quota != null && !quota.currency().equals(currency)) {
                throw new IllegalArgumentException("quota of rep " + repId.get(i) + " for " + period + " is " + quota
                        + ", not in the forecast currency " + currency.getCurrencyCode());
            }
        }
        if (quota == null) {
            quota = childQuota;
        }
        Money p10 = null;
        Money p50 = null;
        Money p90 = null;
        Money mean = null;
        if (sims != null) {
            long[] row = sims[i];
            p10 = money(Simulation.percentile(row, 0.10));
            p50 = money(Simulation.percentile(row, 0.50));
            p90 = money(Simulation.percentile(row, 0.90));
            BigDecimal sum = BigDecimal.ZERO;
            long acc = 0;
            for (long v : row) {
                long r = acc + v;
                if (((acc ^ r) & (v ^ r)) < 0) {
                    sum = sum.add(BigDecimal.valueOf(acc));
                    r = v;
                }
                acc = r;
            }
            sum = sum.add(BigDecimal.valueOf(acc));
            mean = money(sum.divide(BigDecimal.valueOf(row.length), 0, RoundingMode.HALF_EVEN).longValueExact());
        }
        List<Adjustment> mine = adj.getOrDefault(group.get(i), List.of());
        Money expected = money(closed[i]).plus(money(openExp[i])).plus(money(nyc[i]));
        Money adjusted;
        if (!mine.isEmpty()) {
            Adjustment latest = mine.get(0);
            for (Adjustment a : mine) {
                if (!a.at().isBefore(latest.at())) {
                    latest = a;
                }
            }
            adjusted = latest.value();
        } else if (childExpected == null) {
            adjusted = expected;
        } else {
            adjusted = expected.minus(childExpected).plus(childAdjusted);
        }
        return new ForecastNode(group.get(i), label.get(i), kind.get(i), money(closed[i]), money(open[i]), money(openExp[i]),
                money(nyc[i]), money(commit[i]), money(best[i]), money(pipe[i]), money(omit[i]), openCount[i],
                p10, p50, p90, mean, quota, kids, mine, adjusted, money(0));
    }

    // ---- not-yet-created bookings

    /** Fills {@link #nyc} per leaf and returns per leaf and past period the raw amounts, or null if no period was usable. */
    private long[][] learnNotYetCreated(List<Opportunity> history) {
        long offset = ChronoUnit.DAYS.between(period.start(), asOf);
        List<Period> pasts = new ArrayList<>();
        // a period whose deals created after its same day predate the data is missing, not a period without sales
        LocalDate firstDay = null;
        for (Opportunity o : history) {
            if (firstDay == null || o.createdDate().isBefore(firstDay)) {
                firstDay = o.createdDate();
            }
        }
        for (int j = 1; pasts.size() < f.lookback && j <= f.lookback + 4; j++) {
            Period p = period.plus(-j);
            if (!p.end().isAfter(asOf) && (firstDay == null || !firstDay.isAfter(p.start().plusDays(offset + 1)))) {
                pasts.add(p);
            }
        }
        if (pasts.isEmpty()) {
            assumptions.add("no bookings from not-yet-created opportunities: no complete past period before " + asOf);
            return null;
        }
        int k = pasts.size();
        Map<Integer, long[]> byLeaf = new HashMap<>();
        for (int j = 0; j < k; j++) {
            Period p = pasts.get(j);
            LocalDate snapshot = p.start().plusDays(offset);
            for (Opportunity o : history) {
                if (!o.isWon() || o.createdDate().compareTo(snapshot) <= 0 || o.closeDate().isBefore(p.start())
                        || o.closeDate().isAfter(p.end())) {
                    continue;
                }
                checkCurrency(o);
                int leaf;
                if (f.byOwner) {
                    Integer l = leafByOwner.get(o.ownerId());
                    if (l == null) {
                        continue; // a rep who left: their new business is not this org's to forecast per rep
                    }
                    leaf = l;
                } else {
                    leaf = leafOf(o);
                }
                long[] row = byLeaf.computeIfAbsent(leaf, x -> new long[k]);
                row[j] = Math.addExact(row[j], o.amount().minorUnits());
            }
        }
        int n = group.size();
        long[][] out = new long[n][k];
        for (Map.Entry<Integer, long[]> e : byLeaf.entrySet()) {
            long[] row = e.getValue();
            out[e.getKey()] = row;
            long sum = 0;
            for (long v : row) {
                sum = Math.addExact(sum, v);
            }
            nyc[e.getKey()] = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(k), 0, f.rounding).longValueExact();
        }
        assumptions.add("bookings from not-yet-created opportunities: per group, the average over " + pasts
                + " of what was won in the period from deals created after the same day of the period (day "
                + (offset + 1) + ")");
        return out;
    }

    // ---- helpers

    /** The deal as known at the end of {@code date}, or null if not yet created; skips the copy when nothing can differ. */
    static Opportunity snapshot(Opportunity o, LocalDate date) {
        if (o.createdDate().isAfter(date)) {
            return null;
        }
        if (o.status().isClosed()) {
            if (!o.closeDate().isAfter(date)) {
                return o;
            }
        } else if (o.history().isEmpty() || nothingToReplay(o, date)) {
            return o;
        }
        return o.asOf(date).orElse(null);
    }

    /**
     * True if an open deal's history holds nothing that {@link Opportunity#asOf} would use instead of the
     * current fields: every change is on or before the date, records no amount or close date, and the last
     * one is at the current stage.
     */
    private static boolean nothingToReplay(Opportunity o, LocalDate date) {
        List<StageChange> h = o.history();
        for (StageChange c : h) {
            if (c.date().isAfter(date) || c.amount() != null || c.closeDate() != null) {
                return false;
            }
        }
        return h.get(h.size() - 1).stage().equals(o.stage());
    }

    private long daysInStage(Opportunity s) {
        List<StageChange> h = s.history();
        LocalDate since = s.createdDate();
        for (int i = h.size() - 1; i >= 0; i--) {
            if (h.get(i).stage().equalsIgnoreCase(s.stage())) {
                since = i == 0 ? s.createdDate() : h.get(i).date();
                for (int j = i - 1; j >= 0 && h.get(j).stage().equalsIgnoreCase(s.stage()); j--) {
                    since = j == 0 ? s.createdDate() : h.get(j).date();
                }
                break;
            }
        }
        return ChronoUnit.DAYS.between(since, asOf);
    }

    /** {overall rate, closed count, won count}; the stage model's average open probability without history. */
    private double[] overallRate(List<Opportunity> history) {
        long n = 0;
        long k = 0;
        for (Opportunity o : history) {
            if (o.status().isClosed() && !o.closeDate().isAfter(asOf)) {
                n++;
                if (o.isWon()) {
                    k++;
                }
            }
        }
        if (n > 0) {
            return new double[] {k / (double) n, n, k};
        }
        double avg = f.stages.openStages().stream().mapToDouble(s -> s.winProbability().toDouble()).average().orElse(0);
        return new double[] {avg, 0, 0};
    }

    private void checkCurrency(Opportunity o) {
        Currency c = o.amount().currency();
        if (currency == null) {
            currency = c;
        } else if (!currency.equals(c)) {
            throw new PipelineInputException(o.id(), "opportunity " + o.id() + " is in " + c.getCurrencyCode()
                    + ", the forecast is in " + currency.getCurrencyCode() + "; convert amounts to one currency first");
        }
    }

    private Money money(long minor) {
        return Money.ofMinor(minor, currency);
    }

    /** amount x pE9 / 10^9 rounded once with {@code mode}; exact in long arithmetic when it fits. */
    static long expectedMinor(long amount, long pE9, RoundingMode mode) {
        if (pE9 == 0 || amount == 0) {
            return 0;
        }
        if (pE9 == E9) {
            return amount;
        }
        long hi = Math.multiplyHigh(amount, pE9);
        long prod = amount * pE9;
        if (hi != 0 || prod < 0 || mode != RoundingMode.HALF_EVEN) {
            return BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(pE9, 9)).setScale(0, mode).longValueExact();
        }
        long q = prod / E9;
        long r = prod % E9;
        if (r > E9 / 2 || (r == E9 / 2 && (q & 1) == 1)) {
            q++;
        }
        return q;
    }
}
