package io.salesops.comp.internal;

import io.salesops.comp.engine.CalculationResult;
import io.salesops.comp.engine.CompState;
import io.salesops.comp.engine.ComponentState;
import io.salesops.comp.engine.DealHistory;
import io.salesops.comp.engine.DealPay;
import io.salesops.comp.engine.PayeeState;
import io.salesops.comp.input.CompContext;
import io.salesops.comp.input.Credit;
import io.salesops.comp.input.Leave;
import io.salesops.comp.input.Split;
import io.salesops.comp.plan.Cap;
import io.salesops.comp.plan.Clawback;
import io.salesops.comp.plan.CompPlan;
import io.salesops.comp.plan.Component;
import io.salesops.comp.plan.CreditTarget;
import io.salesops.comp.plan.Draw;
import io.salesops.comp.plan.Gate;
import io.salesops.comp.plan.Guarantee;
import io.salesops.comp.plan.Measure;
import io.salesops.comp.plan.Multiplier;
import io.salesops.comp.plan.PayRule;
import io.salesops.comp.plan.PlanValidationException;
import io.salesops.comp.plan.PlanValidator;
import io.salesops.comp.plan.QuotaProration;
import io.salesops.comp.plan.RoundingPoint;
import io.salesops.comp.plan.Tier;
import io.salesops.comp.plan.TierTable;
import io.salesops.comp.statement.ComponentResult;
import io.salesops.comp.statement.LineKind;
import io.salesops.comp.statement.PayoutLine;
import io.salesops.comp.statement.Statement;
import io.salesops.core.money.Money;
import io.salesops.core.money.Percent;
import io.salesops.core.org.Rep;
import io.salesops.core.period.Period;
import io.salesops.core.period.PeriodKind;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * One period's calculation. Crediting runs once over the credits and groups them per payee; each payee is
 * then calculated independently (in parallel when a pool is given) on {@code long} minor units, with
 * {@link BigDecimal} only where a rate multiplies a base, once per line. Results are gathered in org order,
 * so the output does not depend on the thread count.
 */
public final class Calculation {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Bookings in date order, then by id (ids are unique within a period). */
    private static final Comparator<Credit> CREDIT_ORDER = (x, y) -> {
        int c = x.date().compareTo(y.date());
        return c != 0 ? c : x.id().compareTo(y.id());
    };

    private final List<Segment> segments;
    private final CompPlan last;
    private final CompContext ctx;
    private final Period period;
    /** The period's label, formatted once: it is stamped on every deal-pay entry. */
    private final String periodLabel;
    private final CompState prior;
    private final Currency currency;
    private final RoundingMode rounding;
    private final Rep[] reps;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, List<Leave>> leaves = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final int nComps;
    @SuppressWarnings("unchecked")
    private final List<Item>[][] buckets;
    @SuppressWarnings("unchecked")
    private final List<Credit>[] reversalsOf;
    private final Map<String, List<Credit>> reversalsByDeal = new HashMap<>();

    /** A plan version applied to part of the period, and its components compiled. */
    private record Segment(CompPlan plan, LocalDate from, LocalDate to, Compiled[] comps) {
    }

    private record Compiled(Component c, Predicate<Credit> when, String label, int slot) {
    }

    /**
     * One credit credited to one payee for one component; {@code from} is the owner or split payee it came
     * from (differs from the payee for overrides and team credit); {@code pay} is what it earned, attributed.
     */
    private static final class Item {
        final Credit credit;
        final long amount;
        final String from;
        long pay;
        String rule;

        Item(Credit credit, long amount, String from) {
            this.credit = credit;
            this.amount = amount;
            this.from = from;
        }
    }

    /** A payout line before rounding and attribution. */
    private static final class Draft {
        LineKind kind;
        String component;
        String rule;
        Money base;
        Percent rate;
        BigDecimal mult;
        List<String> applied = List.of();
        String formula;
        BigDecimal exact;
        long amount;
        List<Item> items = List.of();
        long[] weights;
        boolean gross;

        PayoutLine toLine(Currency cur) {
            List<String> ids = new ArrayList<>(items.size());
            for (Item i : items) {
                ids.add(i.credit.id());
            }
            return new PayoutLine(kind, component, rule, ids, base, rate, mult, applied, Money.ofMinor(amount, cur), formula);
        }
    }

    /** Year-to-date values of one component for one payee, mutable during the payee's calculation. */
    private static final class Acc {
        long ytdMeasure;
        long ytdCount;
        long ytdGross;
        long ytdEarned;
    }

    private record Measured(long start, long periodAmount, long value, long count, Long quota, BigDecimal attainment) {
    }

    /** What one payee's calculation produced. */
    private record Outcome(Statement statement, PayeeState state, List<String> paidDeals) {
    }

    @SuppressWarnings("unchecked")
    private Calculation(List<CompPlan> versions, CompContext ctx, Period period, CompState prior) {
        this.ctx = ctx;
        this.period = period;
        this.periodLabel = period.toString();
        this.prior = prior;
        List<CompPlan> active = new ArrayList<>();
        for (CompPlan v : versions) {
            if ((v.effectiveFrom() == null || !v.effectiveFrom().isAfter(period.end()))
                    && (v.effectiveTo() == null || !v.effectiveTo().isBefore(period.start()))) {
                active.add(v);
            }
        }
        if (active.isEmpty()) {
            throw new IllegalArgumentException("no plan version is effective in " + period + " (" + period.start()
                    + " to " + period.end() + ")");
        }
        active.sort(Comparator.comparing(v -> v.effectiveFrom() == null ? LocalDate.MIN : v.effectiveFrom()));
        this.last = active.get(active.size() - 1);
        this.currency = last.currency();
        this.rounding = last.rounding();
        List<Segment> segs = new ArrayList<>();
        int slot = 0;
        for (int i = 0; i < active.size(); i++) {
            CompPlan v = active.get(i);
            if (!v.currency().equals(currency)) {
                throw new IllegalArgumentException("plan versions " + v.name() + " (" + v.currency() + ") and "
                        + last.name() + " (" + currency + ") pay in different currencies in " + period);
            }
            LocalDate from = v.effectiveFrom() == null || v.effectiveFrom().isBefore(period.start()) ? period.start() : v.effectiveFrom();
            LocalDate to = v.effectiveTo() == null || v.effectiveTo().isAfter(period.end()) ? period.end() : v.effectiveTo();
            if (i + 1 < active.size()) {
                LocalDate nextFrom = active.get(i + 1).effectiveFrom();
                if (nextFrom != null && !nextFrom.isAfter(to)) {
                    to = nextFrom.minusDays(1);
                }
            }
            if (to.isBefore(from)) {
                continue;
            }
            Compiled[] comps = new Compiled[v.components().size()];
            for (int k = 0; k < comps.length; k++) {
                Component c = v.components().get(k);
                String label = active.size() > 1 ? c.name() + " [" + v.name() + "]" : c.name();
                comps[k] = new Compiled(c, Conditions.compile(c.crediting().when()), label, slot++);
            }
            segs.add(new Segment(v, from, to, comps));
        }
        this.segments = segs;
        this.nComps = slot;
        this.reps = ctx.org().reps().toArray(new Rep[0]);
        for (int i = 0; i < reps.length; i++) {
            index.put(reps[i].id(), i);
        }
        for (Leave l : ctx.leaves()) {
            leaves.computeIfAbsent(l.repId(), k -> new ArrayList<>()).add(l);
        }
        this.buckets = new List[reps.length][];
        this.reversalsOf = new List[reps.length];
    }

    /**
     * Calculates {@code period}.
     *
     * @param versions plan versions; those effective in the period apply to their part of it
     * @param pool     the pool to calculate payees in, or null for the calling thread
     * @throws PlanValidationException listing every problem of a version's own
     * @throws io.salesops.core.problem.SalesopsInputException listing every problem of the context and credits
     *         ({@link io.salesops.comp.input.MissingRateException} when they are all missing exchange rates)
     */
    public static CalculationResult run(List<CompPlan> versions, CompContext ctx, Collection<Credit> credits,
                                        Period period, CompState prior, ForkJoinPool pool) {
        Calculation calc = new Calculation(versions, ctx, period, prior);
        List<Credit> inPeriod = new ArrayList<>();
        for (Credit c : credits) {
            if (period.contains(c.date())) {
                inPeriod.add(c);
            }
        }
        for (Segment s : calc.segments) {
            PlanValidator.check(s.plan(), ctx, period, inPeriod);
        }
        return calc.calculate(inPeriod, pool);
    }

    private CalculationResult calculate(List<Credit> credits, ForkJoinPool pool) {
        credit(credits);
        Outcome[] out = new Outcome[reps.length];
        if (pool == null) {
            for (int p = 0; p < reps.length; p++) {
                out[p] = payee(p);
            }
        } else if (pool == ForkJoinPool.commonPool()) {
            // The calling thread joins in, so two cores give two workers even though the common pool has one.
            IntStream.range(0, reps.length).parallel().forEach(p -> out[p] = payee(p));
        } else {
            try {
                pool.submit(() -> IntStream.range(0, reps.length).parallel().forEach(p -> out[p] = payee(p))).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("calculation of " + period + " was interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
        List<Statement> statements = new ArrayList<>(reps.length);
        Map<String, PayeeState> states = new HashMap<>(reps.length * 2);
        Map<String, List<String>> paid = new HashMap<>(reps.length * 32);
        for (Outcome o : out) {
            statements.add(o.statement());
            states.put(o.state().payeeId(), o.state());
            for (String d : o.paidDeals()) {
                paid.computeIfAbsent(d, k -> new ArrayList<>(2)).add(o.state().payeeId());
            }
        }
        Map<String, String[]> chunk = new HashMap<>(paid.size() * 2);
        paid.forEach((k, v) -> chunk.put(k, v.toArray(new String[0])));
        return new CalculationResult(period, last.name(), currency, statements, prior.next(states, chunk), warnings);
    }

    // ---------------------------------------------------------------- crediting

    private void credit(List<Credit> credits) {
        Set<String> ids = new HashSet<>(credits.size() * 2);
        Map<String, List<Integer>> teams = new HashMap<>();
        for (int i = 0; i < reps.length; i++) {
            if (reps[i].team() != null) {
                teams.computeIfAbsent(reps[i].team(), k -> new ArrayList<>()).add(i);
            }
        }
        List<Credit> bookings = new ArrayList<>(credits.size());
        for (Credit c : credits) {
            if (!ids.add(c.id())) {
                throw new IllegalArgumentException("credit id " + c.id() + " appears more than once in " + period
                        + "; credit ids must be unique so that crediting does not depend on row order");
            }
            if (c.status().isReversal()) {
                reversalsByDeal.computeIfAbsent(c.dealId(), k -> new ArrayList<>()).add(c);
            } else {
                bookings.add(c);
            }
        }
        // One sort of all bookings puts every payee's items in (date, id) order as they are appended, so
        // no payee list needs sorting and the result does not depend on the order of the input rows.
        bookings.sort(CREDIT_ORDER);
        int[][] chains = new int[reps.length][];
        for (Credit c : bookings) {
            Segment seg = segmentOf(c.date());
            if (seg == null) {
                continue;
            }
            List<Credit> reversed = reversalsByDeal.isEmpty() ? null : reversalsByDeal.get(c.dealId());
            long amount = Long.MIN_VALUE;
            for (Compiled k : seg.comps()) {
                if (!k.when().test(c)) {
                    continue;
                }
                if (amount == Long.MIN_VALUE) {
                    amount = ctx.rates().convert(c.amount(), currency, c.date(), rounding).minorUnits();
                }
                creditTo(c, amount, k, teams, chains, reversed);
            }
        }
        for (Map.Entry<String, List<Credit>> e : reversalsByDeal.entrySet()) {
            for (String payee : prior.payeesPaidFor(e.getKey())) {
                Integer p = index.get(payee);
                if (p != null) {
                    noteReversals(p, e.getValue());
                }
            }
        }
    }

    private void noteReversals(int p, List<Credit> reversed) {
        if (reversalsOf[p] == null) {
            reversalsOf[p] = new ArrayList<>(2);
        }
        for (Credit r : reversed) {
            if (!reversalsOf[p].contains(r)) {
                reversalsOf[p].add(r);
            }
        }
    }

    private Segment segmentOf(LocalDate d) {
        for (Segment s : segments) {
            if (!d.isBefore(s.from()) && !d.isAfter(s.to())) {
                return s;
            }
        }
        return null;
    }

    private void creditTo(Credit c, long amount, Compiled k, Map<String, List<Integer>> teams, int[][] chains,
                          List<Credit> reversed) {
        Component comp = k.c();
        // Who the credit belongs to, before overrides or team credit: the owner or the split payees.
        String[] who;
        long[] parts;
        if (comp.crediting().splits() && !c.splits().isEmpty()) {
            int n = c.splits().size();
            who = new String[n];
            long[] w = new long[n];
            BigDecimal[] shares = new BigDecimal[n];
            int scale = 0;
            for (int i = 0; i < n; i++) {
                Split s = c.splits().get(i);
                who[i] = s.payeeId();
                shares[i] = s.share().value();
                scale = Math.max(scale, shares[i].scale()); // Percent keeps its value stripped of trailing zeros
            }
            for (int i = 0; i < n; i++) {
                w[i] = shares[i].setScale(scale, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
            }
            parts = Alloc.allocate(amount, w, n);
            if (comp.crediting().target() != CreditTarget.OWNER) {
                // Items of one credit reaching one manager or team member are ordered by whose share they are.
                Integer[] order = new Integer[n];
                for (int i = 0; i < n; i++) {
                    order[i] = i;
                }
                String[] w0 = who;
                java.util.Arrays.sort(order, Comparator.comparing(i -> w0[i]));
                String[] sw = new String[n];
                long[] sp = new long[n];
                for (int i = 0; i < n; i++) {
                    sw[i] = who[order[i]];
                    sp[i] = parts[order[i]];
                }
                who = sw;
                parts = sp;
            }
        } else {
            who = new String[] {c.payeeId()};
            parts = new long[] {amount};
        }
        for (int i = 0; i < who.length; i++) {
            Integer p = index.get(who[i]);
            if (p == null) {
                warnings.add("credit " + c.id() + ": payee " + who[i] + " is not in the org; not credited to "
                        + comp.name());
                continue;
            }
            CreditTarget target = comp.crediting().target();
            if (target == CreditTarget.OWNER) {
                add(p, k.slot(), new Item(c, parts[i], who[i]));
                if (reversed != null) {
                    noteReversals(p, reversed);
                }
            } else if (target == CreditTarget.MANAGERS) {
                int[] chain = chains[p];
                if (chain == null) {
                    chain = ctx.org().managementChain(who[i]).stream().mapToInt(r -> index.get(r.id())).toArray();
                    chains[p] = chain;
                }
                int levels = comp.crediting().levels() == 0 ? chain.length : Math.min(chain.length, comp.crediting().levels());
                for (int l = 0; l < levels; l++) {
                    add(chain[l], k.slot(), new Item(c, parts[i], who[i]));
                    if (reversed != null) {
                        noteReversals(chain[l], reversed);
                    }
                }
            } else {
                String team = reps[p].team();
                if (team == null) {
                    warnings.add("credit " + c.id() + ": payee " + who[i] + " has no team; no team credit in " + comp.name());
                    continue;
                }
                for (int member : teams.get(team)) {
                    add(member, k.slot(), new Item(c, parts[i], who[i]));
                    if (reversed != null) {
                        noteReversals(member, reversed);
                    }
                }
            }
        }
    }

    private void add(int p, int slot, Item item) {
        List<Item>[] b = buckets[p];
        if (b == null) {
            @SuppressWarnings("unchecked")
            List<Item>[] nb = new List[nComps];
            b = nb;
            buckets[p] = b;
        }
        if (b[slot] == null) {
            b[slot] = new ArrayList<>();
        }
        b[slot].add(item);
    }

    // ---------------------------------------------------------------- one payee

    private Outcome payee(int p) {
        return new PayeeCalc(p).run();
    }

    private final class PayeeCalc {
        final Rep rep;
        final int p;
        final PayeeState before;
        final boolean sameYear;
        final Map<String, Acc> accs = new LinkedHashMap<>();
        final List<PayoutLine> lines = new ArrayList<>();
        final List<ComponentResult> results = new ArrayList<>();
        final List<List<Item>> paidItems = new ArrayList<>();
        final List<Compiled> paidComps = new ArrayList<>();
        Map<String, Long> priorDealPay;

        PayeeCalc(int p) {
            this.p = p;
            this.rep = reps[p];
            this.before = prior.payee(rep.id()).orElse(null);
            this.sameYear = before != null && before.fiscalYear() == period.fiscalYear();
            if (sameYear) {
                before.components().forEach((name, cs) -> {
                    Acc a = new Acc();
                    a.ytdMeasure = cs.ytdMeasure().minorUnits();
                    a.ytdCount = cs.ytdCount();
                    a.ytdGross = cs.ytdGross().minorUnits();
                    a.ytdEarned = cs.ytdEarned().minorUnits();
                    accs.put(name, a);
                });
            }
        }

        Outcome run() {
            List<Item>[] mine = buckets[p];
            for (Segment s : segments) {
                Measured[] ms = new Measured[s.comps().length];
                List<Item>[] items = new List[s.comps().length];
                for (int k = 0; k < ms.length; k++) {
                    Compiled c = s.comps()[k];
                    List<Item> it = mine == null || mine[c.slot()] == null ? List.of() : mine[c.slot()];
                    items[k] = it;
                    ms[k] = measure(s, c, it);
                }
                for (int k = 0; k < ms.length; k++) {
                    component(s, s.comps()[k], items[k], ms, k);
                }
            }
            totalCaps();
            List<DealPay> entries = history();
            List<String> paidDeals = new ArrayList<>();
            Set<String> seenDeal = new HashSet<>();
            for (DealPay d : entries) {
                if (seenDeal.add(d.dealId())) {
                    paidDeals.add(d.dealId());
                }
            }
            clawbacks(entries);
            long earned = 0;
            for (PayoutLine l : lines) {
                earned = Math.addExact(earned, l.amount().minorUnits());
            }
            long balance = before == null ? 0 : before.drawBalance().minorUnits();
            balance = drawAndGuarantee(earned, balance);
            long net = 0;
            for (PayoutLine l : lines) {
                net = Math.addExact(net, l.amount().minorUnits());
            }
            long ytdEarned = Math.addExact(sameYear ? before.ytdEarned().minorUnits() : 0, earned);
            long ytdPaid = Math.addExact(sameYear ? before.ytdPaid().minorUnits() : 0, net);
            List<ComponentResult> withPay = new ArrayList<>(results.size());
            for (ComponentResult r : results) {
                long s = 0;
                for (PayoutLine l : lines) {
                    if (r.component().equals(l.component())) {
                        s += l.amount().minorUnits();
                    }
                }
                withPay.add(new ComponentResult(r.component(), r.measure(), r.count(), r.quota(), r.attainment(),
                        r.gateOpen(), money(s)));
            }
            Statement st = new Statement(rep.id(), last.name(), period, currency, withPay, lines, money(earned),
                    money(net), money(balance), money(ytdEarned), money(ytdPaid));
            Map<String, ComponentState> cs = new LinkedHashMap<>();
            accs.forEach((name, a) -> cs.put(name, new ComponentState(money(a.ytdMeasure), a.ytdCount,
                    money(a.ytdGross), money(a.ytdEarned))));
            DealHistory h = before == null ? DealHistory.empty() : before.history();
            PayeeState state = new PayeeState(rep.id(), period.fiscalYear(), periodLabel, money(ytdEarned),
                    money(ytdPaid), money(balance), cs, h.plus(entries));
            return new Outcome(st, state, paidDeals);
        }

        Acc acc(String name) {
            return accs.computeIfAbsent(name, k -> new Acc());
        }

        Measured measure(Segment s, Compiled k, List<Item> items) {
            Component c = k.c();
            long amt = 0;
            for (Item i : items) {
                amt = Math.addExact(amt, i.amount);
            }
            Acc a = acc(c.name());
            boolean cum = c.measure().cumulative();
            long start = cum ? a.ytdMeasure : 0;
            long value = Math.addExact(start, amt);
            long count = (cum ? a.ytdCount : 0) + items.size();
            Long quota = null;
            BigDecimal att = null;
            if (c.needsQuota()) {
                quota = quota(rep, s, cum, c.name());
                if (quota != 0) {
                    att = BigDecimal.valueOf(value).multiply(HUNDRED).divide(BigDecimal.valueOf(quota), MathContext.DECIMAL128);
                }
            }
            return new Measured(start, amt, value, count, quota, att);
        }

        void component(Segment s, Compiled k, List<Item> items, Measured[] ms, int idx) {
            Component c = k.c();
            Measured m = ms[idx];
            Acc a = acc(c.name());
            String label = k.label();
            List<Draft> drafts = new ArrayList<>();
            String closed = null;
            for (Gate g : c.gates()) {
                Measured target = m;
                if (g.component() != null) {
                    for (int j = 0; j < s.comps().length; j++) {
                        if (s.comps()[j].c().name().equals(g.component())) {
                            target = ms[j];
                        }
                    }
                }
                BigDecimal v = switch (g.basis()) {
                    case ATTAINMENT -> target.attainment() == null ? BigDecimal.ZERO : target.attainment();
                    case AMOUNT -> BigDecimal.valueOf(target.value(), currency.getDefaultFractionDigits());
                    case COUNT -> BigDecimal.valueOf(target.count());
                };
                if (!g.opens(v)) {
                    closed = "gate closed: " + g.describe(c.name()) + " not met at " + plain(v)
                            + (g.basis() == Gate.Basis.ATTAINMENT ? "%" : "") + "; nothing paid";
                    break;
                }
            }
            a.ytdMeasure = Math.addExact(a.ytdMeasure, m.periodAmount());
            a.ytdCount += items.size();
            if (closed != null) {
                Draft d = new Draft();
                d.kind = LineKind.GATE;
                d.component = label;
                d.rule = "gate";
                d.applied = List.of(closed);
                d.formula = closed;
                d.items = items;
                d.amount = 0;
                lines.add(d.toLine(currency));
                results.add(new ComponentResult(label, money(m.value()), m.count(), quotaMoney(m), m.attainment(), false, money(0)));
                return;
            }
            PayRule rule = c.pay();
            if (rule instanceof PayRule.FlatRate f) {
                marginal(c, label, TierTable.marginal(TierTable.Basis.AMOUNT).above(f.rate().value().toPlainString()), true, items, m, drafts);
            } else if (rule instanceof PayRule.Tiered t && t.table().mode() == TierTable.Mode.MARGINAL) {
                marginal(c, label, t.table(), false, items, m, drafts);
            } else if (rule instanceof PayRule.Tiered t) {
                retroactive(c, label, t.table(), items, m, a, drafts);
            } else if (rule instanceof PayRule.Bonus b) {
                bonus(c, label, b, m, a, drafts);
            } else if (rule instanceof PayRule.Mbo mbo) {
                mbo(c, label, mbo, m, a, drafts);
            } else if (rule instanceof PayRule.Spiff sp) {
                spiff(label, sp, items, drafts);
            }
            roundAndAttribute(drafts);
            long gross = 0;
            for (Draft d : drafts) {
                gross = Math.addExact(gross, d.amount);
            }
            a.ytdGross = Math.addExact(a.ytdGross, gross);
            long total = gross;
            for (Cap cap : c.caps()) {
                total = cap(cap, c, label, items, total, a, drafts);
            }
            if (c.floor() != null && total < c.floor().minorUnits()) {
                Draft d = new Draft();
                d.kind = LineKind.FLOOR;
                d.component = label;
                d.rule = "floor " + c.floor();
                d.amount = c.floor().minorUnits() - total;
                d.applied = List.of("floor " + c.floor());
                d.formula = "floor " + c.floor() + " less " + money(total) + " earned";
                drafts.add(d);
                total = c.floor().minorUnits();
            }
            a.ytdEarned = Math.addExact(a.ytdEarned, total);
            for (Draft d : drafts) {
                lines.add(d.toLine(currency));
            }
            results.add(new ComponentResult(label, money(m.value()), m.count(), quotaMoney(m), m.attainment(), true, money(0)));
            paidItems.add(items);
            paidComps.add(k);
        }

        Money quotaMoney(Measured m) {
            return m.quota() == null ? null : money(m.quota());
        }

        // ------------------------------------------------------------ pay rules

        /** Places the period's credits on the measure axis from the year-to-date start and pays each slice. */
        void marginal(Component c, String label, TierTable table, boolean flat, List<Item> items, Measured m,
                      List<Draft> drafts) {
            List<Tier> tiers = table.tiers();
            int nt = tiers.size();
            long[] tFrom = new long[nt];
            long[] tTo = new long[nt];
            for (int i = 0; i < nt; i++) {
                tFrom[i] = axis(tiers.get(i).from(), table.basis(), m.quota());
                tTo[i] = tiers.get(i).upTo() == null ? Long.MAX_VALUE : axis(tiers.get(i).upTo(), table.basis(), m.quota());
            }
            List<Multiplier> mults = c.multipliers();
            long[] mFrom = new long[mults.size()];
            long[] mTo = new long[mults.size()];
            java.util.TreeSet<Long> bps = new java.util.TreeSet<>();
            bps.add(0L);
            for (int i = 0; i < nt; i++) {
                bps.add(tFrom[i]);
                if (tTo[i] != Long.MAX_VALUE) {
                    bps.add(tTo[i]);
                }
            }
            for (int i = 0; i < mults.size(); i++) {
                mFrom[i] = axis(mults.get(i).from(), TierTable.Basis.ATTAINMENT, m.quota());
                mTo[i] = mults.get(i).upTo() == null ? Long.MAX_VALUE : axis(mults.get(i).upTo(), TierTable.Basis.ATTAINMENT, m.quota());
                bps.add(mFrom[i]);
                if (mTo[i] != Long.MAX_VALUE) {
                    bps.add(mTo[i]);
                }
            }
            long[] bp = bps.stream().mapToLong(Long::longValue).toArray();
            int ns = bp.length;
            long[] segBase = new long[ns];
            List<List<Item>> segItems = new ArrayList<>(ns);
            List<long[]> segW = new ArrayList<>(ns);
            int[] segN = new int[ns];
            for (int i = 0; i < ns; i++) {
                segItems.add(null);
                segW.add(null);
            }
            long pos = m.start();
            int seg = 0;
            while (seg + 1 < ns && bp[seg + 1] <= pos) {
                seg++;
            }
            for (Item it : items) {
                long rem = it.amount;
                do {
                    long hi = seg + 1 < ns ? bp[seg + 1] : Long.MAX_VALUE;
                    long take = Math.min(rem, hi - pos);
                    if (segItems.get(seg) == null) {
                        segItems.set(seg, new ArrayList<>());
                        segW.set(seg, new long[Math.max(4, items.size())]);
                    }
                    segItems.get(seg).add(it);
                    segW.get(seg)[segN[seg]++] = take;
                    segBase[seg] = Math.addExact(segBase[seg], take);
                    pos += take;
                    rem -= take;
                    if (pos == hi && seg + 1 < ns) {
                        seg++;
                    }
                } while (rem > 0);
            }
            for (int s = 0; s < ns; s++) {
                if (segItems.get(s) == null) {
                    continue;
                }
                long lo = bp[s];
                long hi = s + 1 < ns ? bp[s + 1] : Long.MAX_VALUE;
                int tier = 0;
                for (int i = 0; i < nt; i++) {
                    if (tFrom[i] <= lo && tTo[i] >= hi) {
                        tier = i;
                        break;
                    }
                }
                Multiplier mult = null;
                for (int i = 0; i < mults.size(); i++) {
                    if (mFrom[i] <= lo && mTo[i] >= hi) {
                        mult = mults.get(i);
                        break;
                    }
                }
                Percent rate = tiers.get(tier).rate();
                BigDecimal exact = BigDecimal.valueOf(segBase[s]).multiply(rate.fraction());
                if (mult != null) {
                    exact = exact.multiply(mult.factor());
                }
                Draft d = new Draft();
                d.kind = LineKind.COMMISSION;
                d.component = label;
                d.rule = flat ? "flat rate" : tierRule(table, tier, false);
                d.base = money(segBase[s]);
                d.rate = rate;
                d.mult = mult == null ? null : mult.factor();
                d.applied = mult == null ? List.of() : List.of(multName(mult) + " " + mult.describe());
                d.formula = rate + " x " + (mult == null ? "" : plain(mult.factor()) + " x ") + d.base
                        + " (" + d.rule + (mult == null ? "" : "; " + multName(mult) + " " + mult.describe()) + ")";
                d.exact = exact;
                d.items = segItems.get(s);
                d.weights = segW.get(s);
                d.gross = true;
                drafts.add(d);
            }
        }

        void retroactive(Component c, String label, TierTable table, List<Item> items, Measured m, Acc a,
                         List<Draft> drafts) {
            int tier = reached(table, m);
            Percent rate = table.tiers().get(tier).rate();
            Multiplier mult = multiplierAt(c, m);
            BigDecimal exact = BigDecimal.valueOf(m.value()).multiply(rate.fraction());
            if (mult != null) {
                exact = exact.multiply(mult.factor());
            }
            boolean cum = c.measure().cumulative();
            Draft d = new Draft();
            d.kind = LineKind.COMMISSION;
            d.component = label;
            d.rule = tierRule(table, tier, true) + at(m);
            d.base = money(m.value());
            d.rate = rate;
            d.mult = mult == null ? null : mult.factor();
            d.applied = mult == null ? List.of() : List.of(multName(mult) + " " + mult.describe());
            d.formula = rate + " x " + (mult == null ? "" : plain(mult.factor()) + " x ") + d.base
                    + (cum ? " year to date" : "") + " (" + d.rule
                    + (mult == null ? "" : "; " + multName(mult) + " " + mult.describe()) + ")"
                    + (cum ? " less " + money(a.ytdGross) + " earned earlier this year" : "");
            if (cum) {
                // Round the earned-to-date once, then subtract what earlier periods earned: a true-up.
                exact = BigDecimal.valueOf(exact.setScale(0, rounding).longValueExact() - a.ytdGross);
            }
            d.exact = exact;
            d.items = items;
            d.weights = amounts(items);
            d.gross = true;
            drafts.add(d);
        }

        void bonus(Component c, String label, PayRule.Bonus b, Measured m, Acc a, List<Draft> drafts) {
            int tier = reached(b.table(), m);
            Percent rate = b.table().tiers().get(tier).rate();
            Multiplier mult = multiplierAt(c, m);
            BigDecimal exact = BigDecimal.valueOf(b.target().minorUnits()).multiply(rate.fraction());
            if (mult != null) {
                exact = exact.multiply(mult.factor());
            }
            boolean cum = c.measure().cumulative();
            Draft d = new Draft();
            d.kind = LineKind.BONUS;
            d.component = label;
            d.rule = tierRule(b.table(), tier, true) + at(m);
            d.base = b.target();
            d.rate = rate;
            d.mult = mult == null ? null : mult.factor();
            d.formula = rate + " x target " + b.target() + (mult == null ? "" : " x " + plain(mult.factor()))
                    + " (" + d.rule + ")" + (cum ? " less " + money(a.ytdGross) + " earned earlier this year" : "");
            if (cum) {
                exact = BigDecimal.valueOf(exact.setScale(0, rounding).longValueExact() - a.ytdGross);
            }
            d.exact = exact;
            d.gross = true;
            drafts.add(d);
        }

        void mbo(Component c, String label, PayRule.Mbo mbo, Measured m, Acc a, List<Draft> drafts) {
            BigDecimal att = m.attainment() == null ? BigDecimal.ZERO : m.attainment();
            BigDecimal paid = mbo.maxPercent() != null && att.compareTo(mbo.maxPercent()) > 0 ? mbo.maxPercent() : att;
            Multiplier mult = multiplierAt(c, m);
            BigDecimal exact = BigDecimal.valueOf(mbo.target().minorUnits()).multiply(paid).divide(HUNDRED);
            if (mult != null) {
                exact = exact.multiply(mult.factor());
            }
            boolean cum = c.measure().cumulative();
            Draft d = new Draft();
            d.kind = LineKind.BONUS;
            d.component = label;
            d.rule = "MBO at " + pct(att) + (paid != att ? ", paid at the maximum " + plain(mbo.maxPercent()) + "%" : "");
            d.base = mbo.target();
            d.rate = Percent.of(paid);
            d.mult = mult == null ? null : mult.factor();
            d.formula = pct(paid) + " x target " + mbo.target() + (mult == null ? "" : " x " + plain(mult.factor()))
                    + " (" + d.rule + ")" + (cum ? " less " + money(a.ytdGross) + " earned earlier this year" : "");
            if (cum) {
                exact = BigDecimal.valueOf(exact.setScale(0, rounding).longValueExact() - a.ytdGross);
            }
            d.exact = exact;
            d.gross = true;
            drafts.add(d);
        }

        void spiff(String label, PayRule.Spiff sp, List<Item> items, List<Draft> drafts) {
            if (items.isEmpty()) {
                return;
            }
            Draft d = new Draft();
            d.kind = LineKind.SPIFF;
            d.component = label;
            d.rule = "SPIFF " + sp.perDeal() + " per qualifying deal";
            d.base = sp.perDeal();
            d.formula = sp.perDeal() + " x " + items.size() + " qualifying deal" + (items.size() == 1 ? "" : "s");
            d.exact = BigDecimal.valueOf(Math.multiplyExact(sp.perDeal().minorUnits(), items.size()));
            d.items = items;
            d.weights = new long[items.size()];
            java.util.Arrays.fill(d.weights, 1);
            d.gross = true;
            drafts.add(d);
        }

        int reached(TierTable table, Measured m) {
            List<Tier> tiers = table.tiers();
            BigDecimal v;
            if (table.basis() == TierTable.Basis.ATTAINMENT) {
                if (m.attainment() == null) {
                    // A zero quota: any credit is above every attainment bound.
                    return m.value() > 0 ? tiers.size() - 1 : 0;
                }
                v = m.attainment();
            } else {
                v = BigDecimal.valueOf(m.value(), currency.getDefaultFractionDigits());
            }
            for (int i = 0; i < tiers.size(); i++) {
                Tier t = tiers.get(i);
                if (t.upTo() == null) {
                    return i;
                }
                int cmp = v.compareTo(t.upTo());
                if (cmp < 0 || (cmp == 0 && t.upToInclusive())) {
                    return i;
                }
            }
            return tiers.size() - 1;
        }

        Multiplier multiplierAt(Component c, Measured m) {
            if (c.multipliers().isEmpty()) {
                return null;
            }
            BigDecimal att = m.attainment() == null ? BigDecimal.ZERO : m.attainment();
            for (Multiplier mu : c.multipliers()) {
                if (mu.covers(att)) {
                    return mu;
                }
            }
            return null;
        }

        String at(Measured m) {
            if (m.attainment() != null) {
                return " at " + pct(m.attainment()) + " attainment";
            }
            return " at " + money(m.value());
        }

        long axis(BigDecimal bound, TierTable.Basis basis, Long quota) {
            BigDecimal minor = basis == TierTable.Basis.AMOUNT
                    ? bound.movePointRight(currency.getDefaultFractionDigits())
                    : BigDecimal.valueOf(quota).multiply(bound).movePointLeft(2);
            return minor.setScale(0, rounding).longValueExact();
        }

        String tierRule(TierTable table, int tier, boolean reached) {
            Tier t = table.tiers().get(tier);
            String range;
            if (table.basis() == TierTable.Basis.ATTAINMENT) {
                range = (t.upTo() == null ? "over " + plain(t.from()) + "%" : plain(t.from()) + "%-" + plain(t.upTo()) + "%"
                        + (t.upToInclusive() ? "" : " excl.")) + " of quota";
            } else {
                String f = Money.of(t.from(), currency, rounding).toString();
                range = t.upTo() == null ? "over " + f
                        : f + "-" + Money.of(t.upTo(), currency, rounding).formatAmount() + (t.upToInclusive() ? "" : " excl.");
            }
            return "tier " + (tier + 1) + (reached ? " reached" : "") + ": " + range;
        }

        // ------------------------------------------------------------ rounding, attribution, caps

        void roundAndAttribute(List<Draft> drafts) {
            if (drafts.isEmpty()) {
                return;
            }
            if (last.roundingPoint() == RoundingPoint.EACH_LINE || drafts.size() == 1) {
                for (Draft d : drafts) {
                    d.amount = d.exact.setScale(0, rounding).longValueExact();
                }
            } else {
                BigDecimal sum = BigDecimal.ZERO;
                long floors = 0;
                BigDecimal[] frac = new BigDecimal[drafts.size()];
                for (int i = 0; i < drafts.size(); i++) {
                    Draft d = drafts.get(i);
                    sum = sum.add(d.exact);
                    d.amount = d.exact.setScale(0, RoundingMode.FLOOR).longValueExact();
                    frac[i] = d.exact.subtract(BigDecimal.valueOf(d.amount));
                    floors += d.amount;
                }
                long leftover = sum.setScale(0, rounding).longValueExact() - floors;
                Integer[] order = new Integer[drafts.size()];
                for (int i = 0; i < order.length; i++) {
                    order[i] = i;
                }
                java.util.Arrays.sort(order, (x, y) -> frac[y].compareTo(frac[x]));
                for (int i = 0; i < leftover; i++) {
                    drafts.get(order[i]).amount++;
                }
            }
            for (Draft d : drafts) {
                attribute(d.amount, d.items, d.weights, d.formula);
            }
        }

        void attribute(long amount, List<Item> items, long[] weights, String formula) {
            if (items.isEmpty() || weights == null) {
                return;
            }
            int n = items.size();
            long sum = 0;
            for (int i = 0; i < n; i++) {
                sum += weights[i];
            }
            if (sum == 0) {
                return;
            }
            long[] parts = amount == 0 ? new long[n] : Alloc.allocate(amount, weights, n);
            for (int i = 0; i < n; i++) {
                Item it = items.get(i);
                it.pay = Math.addExact(it.pay, parts[i]);
                if (formula != null && weights[i] > 0) {
                    it.rule = it.rule == null ? formula : it.rule + " + " + formula;
                }
            }
        }

        /** Takes {@code reduction} (positive) off the items in proportion to their pay. */
        void reduce(long reduction, List<Item> items) {
            int n = items.size();
            long[] w = new long[n];
            long sum = 0;
            for (int i = 0; i < n; i++) {
                w[i] = Math.max(0, items.get(i).pay);
                sum += w[i];
            }
            if (sum == 0) {
                return;
            }
            long[] parts = Alloc.allocate(reduction, w, n);
            for (int i = 0; i < n; i++) {
                items.get(i).pay -= parts[i];
            }
        }

        long cap(Cap cap, Component c, String label, List<Item> items, long total, Acc a, List<Draft> drafts) {
            long limit = cap.limit().minorUnits();
            switch (cap.scope()) {
                case PER_DEAL -> {
                    Map<String, List<Item>> byDeal = new LinkedHashMap<>();
                    for (Item i : items) {
                        byDeal.computeIfAbsent(i.credit.dealId(), k -> new ArrayList<>(1)).add(i);
                    }
                    for (Map.Entry<String, List<Item>> e : byDeal.entrySet()) {
                        long now = 0;
                        for (Item i : e.getValue()) {
                            now += i.pay;
                        }
                        long earlier = priorDealPay(e.getKey(), label);
                        long over = Math.min(now, earlier + now - limit);
                        if (over > 0) {
                            reduce(over, e.getValue());
                            drafts.add(capDraft(cap, label, e.getValue(), -over, "deal " + e.getKey() + " earned "
                                    + money(now) + (earlier != 0 ? " after " + money(earlier) + " earlier" : "")
                                    + "; " + cap.describe() + " allows " + money(Math.max(0, limit - earlier))));
                            total -= over;
                        }
                    }
                }
                case PER_PERIOD -> {
                    if (total > limit) {
                        long over = total - limit;
                        reduce(over, items);
                        drafts.add(capDraft(cap, label, items, -over, "earned " + money(total) + " in " + period
                                + "; " + cap.describe() + " allows " + cap.limit()));
                        total = limit;
                    }
                }
                case PER_YEAR -> {
                    long room = Math.max(0, limit - a.ytdEarned);
                    if (total > room) {
                        long over = total - room;
                        reduce(over, items);
                        drafts.add(capDraft(cap, label, items, -over, "earned " + money(total) + " after "
                                + money(a.ytdEarned) + " earlier this year; " + cap.describe() + " leaves " + money(room)));
                        total = room;
                    }
                }
                default -> throw new IllegalStateException("unknown cap scope " + cap.scope());
            }
            return total;
        }

        Draft capDraft(Cap cap, String label, List<Item> items, long amount, String why) {
            Draft d = new Draft();
            d.kind = label == null ? LineKind.TOTAL_CAP : LineKind.CAP;
            d.component = label;
            d.rule = cap.describe();
            d.amount = amount;
            d.items = items;
            d.applied = List.of(cap.describe());
            d.formula = cap.describe() + " bites: " + why + ", so " + money(-amount) + " is not paid";
            return d;
        }

        long priorDealPay(String dealId, String component) {
            if (before == null || before.history().size() == 0) {
                return 0;
            }
            if (priorDealPay == null) {
                priorDealPay = new HashMap<>();
                for (DealPay d : before.history().all()) {
                    priorDealPay.merge(d.dealId() + '\u0000' + d.component(), d.payMinor(), Long::sum);
                }
            }
            return priorDealPay.getOrDefault(dealId + '\u0000' + component, 0L);
        }

        void totalCaps() {
            if (last.totalCaps().isEmpty()) {
                return;
            }
            long total = 0;
            for (PayoutLine l : lines) {
                total += l.amount().minorUnits();
            }
            List<Item> all = new ArrayList<>();
            for (List<Item> l : paidItems) {
                all.addAll(l);
            }
            long ytd = sameYear ? before.ytdEarned().minorUnits() : 0;
            for (Cap cap : last.totalCaps()) {
                long limit = cap.limit().minorUnits();
                long room = cap.scope() == Cap.Scope.PER_YEAR ? Math.max(0, limit - ytd) : limit;
                if (total > room) {
                    long over = total - room;
                    reduce(over, all);
                    Draft d = capDraft(cap, null, all, -over, "all components earned " + money(total)
                            + (cap.scope() == Cap.Scope.PER_YEAR ? " after " + money(ytd) + " earlier this year" : "")
                            + "; the total " + cap.describe() + " allows " + money(room));
                    d.formula = "total " + d.formula;
                    lines.add(d.toLine(currency));
                    total = room;
                }
            }
        }

        /** The per-deal pay of this period, one entry per deal and component. */
        List<DealPay> history() {
            List<DealPay> out = new ArrayList<>();
            for (int k = 0; k < paidItems.size(); k++) {
                List<Item> items = paidItems.get(k);
                String label = paidComps.get(k).label();
                Map<String, DealPay> byDeal = null;
                for (Item i : items) {
                    if (i.pay == 0 && i.amount == 0) {
                        continue;
                    }
                    String rule = i.rule == null ? "" : i.rule;
                    DealPay d = new DealPay(i.credit.dealId(), label, periodLabel, i.credit.date(), i.pay, i.amount, rule);
                    if (byDeal == null) {
                        byDeal = new LinkedHashMap<>();
                    }
                    byDeal.merge(d.dealId(), d, (x, y) -> new DealPay(x.dealId(), x.component(), x.period(),
                            x.dealDate().isBefore(y.dealDate()) ? x.dealDate() : y.dealDate(),
                            x.payMinor() + y.payMinor(), x.baseMinor() + y.baseMinor(),
                            x.rule().equals(y.rule()) ? x.rule() : x.rule() + " + " + y.rule()));
                }
                if (byDeal != null) {
                    out.addAll(byDeal.values());
                }
            }
            return out;
        }

        void clawbacks(List<DealPay> entries) {
            if (reversalsOf[p] == null) {
                return;
            }
            List<Credit> revs = new ArrayList<>(reversalsOf[p]);
            revs.sort(Comparator.comparing(Credit::date).thenComparing(Credit::id));
            Clawback rule = last.clawback();
            for (Credit r : revs) {
                List<DealPay> paid = new ArrayList<>();
                if (before != null) {
                    paid.addAll(before.history().forDeal(r.dealId()));
                }
                for (DealPay d : entries) {
                    if (d.dealId().equals(r.dealId())) {
                        paid.add(d);
                    }
                }
                Map<String, List<DealPay>> byComp = new LinkedHashMap<>();
                for (DealPay d : paid) {
                    byComp.computeIfAbsent(d.component(), k -> new ArrayList<>()).add(d);
                }
                for (Map.Entry<String, List<DealPay>> e : byComp.entrySet()) {
                    long net = 0;
                    long base = 0;
                    LocalDate booked = null;
                    List<String> how = new ArrayList<>();
                    for (DealPay d : e.getValue()) {
                        net += d.payMinor();
                        base += d.baseMinor();
                        if (d.payMinor() > 0 || d.baseMinor() > 0) {
                            booked = booked == null || d.dealDate().isBefore(booked) ? d.dealDate() : booked;
                            how.add(money(d.payMinor()) + " in " + d.period() + (d.rule().isEmpty() ? "" : " (" + d.rule() + ")"));
                        }
                    }
                    if (net == 0 && base == 0) {
                        continue;
                    }
                    Draft line = new Draft();
                    line.kind = LineKind.CLAWBACK;
                    line.component = e.getKey();
                    line.items = List.of(new Item(r, 0, r.payeeId()));
                    long days = booked == null ? 0 : ChronoUnit.DAYS.between(booked, r.date());
                    if (rule == null) {
                        line.rule = "no clawback rule";
                        line.formula = "reversal " + r.id() + " of deal " + r.dealId() + " ignored: the plan has no clawback rule";
                    } else if (days > rule.windowDays()) {
                        line.rule = "outside clawback window";
                        line.formula = "reversal " + r.id() + " of deal " + r.dealId() + " on " + r.date() + " is " + days
                                + " days after booking on " + booked + ", outside the " + rule.windowDays()
                                + "-day window; nothing clawed back";
                    } else {
                        line.rule = "clawback within " + rule.windowDays() + " days";
                        line.amount = -net;
                        line.base = money(base);
                        line.formula = "clawback of deal " + r.dealId() + " (" + r.status().name().toLowerCase(java.util.Locale.ROOT)
                                + " by " + r.id() + " on " + r.date() + ", " + days + " days after booking): reverses "
                                + String.join(" and ", how);
                        String compName = nameOf(e.getKey());
                        Acc a = acc(compName);
                        a.ytdEarned -= net;
                        if (rule.attainment() == Clawback.Attainment.REDUCE) {
                            a.ytdMeasure -= base;
                            a.ytdCount -= 1;
                        }
                        entries.add(new DealPay(r.dealId(), e.getKey(), periodLabel, booked == null ? r.date() : booked,
                                -net, -base, "clawback by " + r.id()));
                    }
                    lines.add(line.toLine(currency));
                }
            }
        }

        String nameOf(String label) {
            for (Segment s : segments) {
                for (Compiled k : s.comps()) {
                    if (k.label().equals(label)) {
                        return k.c().name();
                    }
                }
            }
            int i = label.indexOf(" [");
            return i < 0 ? label : label.substring(0, i);
        }

        /** Adds draw, recovery and guarantee lines; returns the draw balance to carry forward. */
        long drawAndGuarantee(long earned, long balance) {
            Draw draw = last.draw();
            Guarantee g = last.guarantee();
            boolean gActive = g != null && g.activeDuring(period.start(), period.end()) && rep.isActiveOn(period.end());
            long floor = gActive ? g.amount().minorUnits() : Long.MIN_VALUE;
            long net = earned;
            if (draw != null) {
                boolean active = draw.activeDuring(period.start(), period.end());
                long amt = draw.amount().minorUnits();
                if (active && earned < amt) {
                    long advance = amt - earned;
                    boolean recoverable = draw.kind() == Draw.Kind.RECOVERABLE;
                    addLine(LineKind.DRAW, recoverable ? "recoverable draw" : "non-recoverable draw", advance,
                            (recoverable ? "recoverable" : "non-recoverable") + " draw " + draw.amount() + " less "
                                    + money(earned) + " earned" + (recoverable ? "; added to the draw balance" : ""));
                    net += advance;
                    if (recoverable) {
                        balance = Math.addExact(balance, advance);
                    }
                } else if (balance > 0) {
                    long available = active ? earned - amt : earned;
                    long recover = Math.min(balance, Math.max(0, available));
                    if (gActive) {
                        // Recovery never takes net pay below the guarantee.
                        recover = Math.min(recover, Math.max(0, net - floor));
                    }
                    if (recover > 0) {
                        addLine(LineKind.DRAW_RECOVERY, "draw recovery", -recover, "recovers " + money(recover)
                                + " of the draw balance " + money(balance) + " from " + money(earned) + " earned"
                                + (active ? " above the draw " + draw.amount() : "")
                                + (gActive ? ", keeping the guarantee " + g.amount() : ""));
                        balance -= recover;
                        net -= recover;
                    }
                }
            }
            if (gActive && net < floor) {
                addLine(LineKind.GUARANTEE, "guarantee", floor - net, "guarantee " + g.amount() + " less "
                        + money(net) + " otherwise paid");
            }
            return balance;
        }

        void addLine(LineKind kind, String rule, long amount, String formula) {
            lines.add(new PayoutLine(kind, null, rule, List.of(), null, null, null, List.of(rule), money(amount), formula));
        }
    }

    // ---------------------------------------------------------------- quotas

    /** The rep's prorated quota for the segment, plus the earlier periods of the fiscal year when cumulative. */
    private long quota(Rep rep, Segment s, boolean cumulative, String component) {
        QuotaProration pr = s.plan().proration();
        long q = quotaFor(rep, period, s.from(), s.to(), pr, component);
        if (cumulative) {
            Period first = period.calendar().period(period.kind(), period.fiscalYear(), 1);
            for (Period e = first; e.compareTo(period) < 0; e = e.next()) {
                q = Math.addExact(q, quotaFor(rep, e, e.start(), e.end(), pr, component));
            }
        }
        return q;
    }

    private long quotaFor(Rep rep, Period per, LocalDate from, LocalDate to, QuotaProration pr, String component) {
        Money raw = ctx.quotas().quota(rep.id(), per).orElseThrow(() -> new IllegalArgumentException("rep " + rep.id()
                + " has no quota for " + per + ", which component " + component + " needs"));
        if (!raw.currency().equals(currency)) {
            raw = ctx.rates().convert(raw, currency, per.end(), rounding);
        }
        BigDecimal q = BigDecimal.valueOf(raw.minorUnits());
        int days = per.days();
        switch (pr.method()) {
            case NONE -> {
                long d = ChronoUnit.DAYS.between(from, to) + 1;
                return d == days ? raw.minorUnits() : q.multiply(BigDecimal.valueOf(d)).divide(BigDecimal.valueOf(days), 0, rounding).longValueExact();
            }
            case BY_DAYS -> {
                long d = activeDays(rep, from, to);
                return d == days ? raw.minorUnits() : q.multiply(BigDecimal.valueOf(d)).divide(BigDecimal.valueOf(days), 0, rounding).longValueExact();
            }
            default -> {
                List<Period> months = per.split(PeriodKind.MONTH);
                if (months.size() != pr.weights().size()) {
                    throw new IllegalArgumentException("quota proration has " + pr.weights().size() + " weights but "
                            + per + " has " + months.size() + " month" + (months.size() == 1 ? "" : "s"));
                }
                BigDecimal num = BigDecimal.ZERO;
                BigDecimal den = BigDecimal.ZERO;
                for (int i = 0; i < months.size(); i++) {
                    Period mth = months.get(i);
                    LocalDate a = from.isAfter(mth.start()) ? from : mth.start();
                    LocalDate b = to.isBefore(mth.end()) ? to : mth.end();
                    long ad = b.isBefore(a) ? 0 : activeDays(rep, a, b);
                    num = num.add(pr.weights().get(i).multiply(BigDecimal.valueOf(ad))
                            .divide(BigDecimal.valueOf(mth.days()), MathContext.DECIMAL128));
                    den = den.add(pr.weights().get(i));
                }
                return q.multiply(num).divide(den, MathContext.DECIMAL128).setScale(0, rounding).longValueExact();
            }
        }
    }

    /** Days from {@code from} to {@code to} on which the rep is employed and not on leave. */
    private long activeDays(Rep rep, LocalDate from, LocalDate to) {
        LocalDate a = rep.startDate() != null && rep.startDate().isAfter(from) ? rep.startDate() : from;
        LocalDate b = rep.endDate() != null && rep.endDate().isBefore(to) ? rep.endDate() : to;
        if (b.isBefore(a)) {
            return 0;
        }
        List<Leave> ls = leaves.get(rep.id());
        if (ls == null) {
            return ChronoUnit.DAYS.between(a, b) + 1;
        }
        long n = 0;
        for (LocalDate d = a; !d.isAfter(b); d = d.plusDays(1)) {
            boolean away = false;
            for (Leave l : ls) {
                if (!d.isBefore(l.from()) && !d.isAfter(l.to())) {
                    away = true;
                    break;
                }
            }
            if (!away) {
                n++;
            }
        }
        return n;
    }

    private Money money(long minor) {
        return Money.ofMinor(minor, currency);
    }

    private static long[] amounts(List<Item> items) {
        long[] w = new long[items.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = items.get(i).amount;
        }
        return w;
    }

    private static String multName(Multiplier m) {
        return m.factor().compareTo(BigDecimal.ONE) >= 0 ? "accelerator" : "decelerator";
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    private static String pct(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_EVEN).toPlainString() + "%";
    }
}
