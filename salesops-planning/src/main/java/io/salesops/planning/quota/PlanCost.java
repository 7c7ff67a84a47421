package io.salesops.planning.quota;

import io.salesops.comp.engine.CalculationResult;
import io.salesops.comp.engine.CommissionEngine;
import io.salesops.comp.engine.CompState;
import io.salesops.comp.input.CompContext;
import io.salesops.comp.input.Credit;
import io.salesops.comp.plan.CompPlan;
import io.salesops.comp.statement.Statement;
import io.salesops.core.crm.Quota;
import io.salesops.core.money.Money;
import io.salesops.core.org.Rep;
import io.salesops.core.period.Period;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * What a comp plan will cost: simulated years of attainment per rep, turned into credits and paid by the real
 * {@link CommissionEngine}.
 *
 * <pre>{@code
 * PlanCost cost = PlanCost.builder(CompContext.of(org, quotas), HistoricalAttainment.of(rows, 4, 1))
 *     .simulations(10_000, 42).build();
 * CostReport a = cost.run(List.of(planA));
 * CostReport b = cost.run(List.of(planB));   // the same simulated years
 * }</pre>
 *
 * <p>A simulated year gives each rep with a quota one credit per period (dated the period's last day, of the
 * {@linkplain Builder#creditType type} the plan counts) of {@code quota x attainment}, rounded half up to the
 * cent; {@link #credits(int)} returns them, so {@code comp calculate} can pay them again.
 *
 * <p>How the engine is run: if the plan pays each rep in each period from that rep's credits in that period
 * alone (one version; no draw, guarantee, clawback, year-to-date measure, cap per year, nor credit to managers
 * or teams), the engine is run once per period and attainment grid point the model can draw, for every rep at
 * once, and a simulated year's pay is the sum of those exact results. Two simulated years are then paid by
 * the engine in full, period after period with state carried, and must agree to the cent; if they do not, or
 * the plan is not separable, every simulated year is paid by the engine in full (slower) and the report's
 * notes say so.
 *
 * <p>Immutable and thread-safe; the same inputs and seed give the same report on any number of threads.
 */
public final class PlanCost {

    private final CompContext context;
    private final AttainmentModel model;
    private final int simulations;
    private final long seed;
    private final String creditType;
    private final int threads;
    private final List<Rep> reps;
    private final List<Period> periods;
    /** quota[r][p] in minor units; 0 where the rep has none. */
    private final long[][] quota;
    private final Currency currency;
    private final AttainmentModel.Draws draws;

    private PlanCost(Builder b) {
        this.context = b.context;
        this.model = b.model;
        this.simulations = b.simulations;
        this.seed = b.seed;
        this.creditType = b.creditType;
        this.threads = b.threads;
        TreeSet<Period> ps = new TreeSet<>();
        Currency cur = null;
        for (Quota q : context.quotas().all()) {
            if (context.org().contains(q.repId())) {
                ps.add(q.period());
                if (cur != null && !cur.equals(q.amount().currency())) {
                    throw new IllegalArgumentException("quotas are in " + cur + " and " + q.amount().currency()
                            + "; plan cost needs one currency");
                }
                cur = q.amount().currency();
            }
        }
        if (ps.isEmpty()) {
            throw new IllegalArgumentException("no rep of the org has a quota; plan cost simulates attainment of quota");
        }
        this.periods = List.copyOf(ps);
        for (int i = 1; i < periods.size(); i++) {
            if (periods.get(i).overlaps(periods.get(i - 1)) || periods.get(i).kind() != periods.get(0).kind()) {
                throw new IllegalArgumentException("quota periods " + periods.get(i - 1) + " and " + periods.get(i)
                        + " are not periods of one kind that follow each other; give one quota per rep and period");
            }
        }
        this.currency = cur;
        List<Rep> withQuota = new ArrayList<>();
        for (Rep r : context.org().reps()) {
            if (context.quotas().reps().contains(r.id())) {
                withQuota.add(r);
            }
        }
        this.reps = List.copyOf(withQuota);
        this.quota = new long[reps.size()][periods.size()];
        for (int r = 0; r < reps.size(); r++) {
            for (int p = 0; p < periods.size(); p++) {
                quota[r][p] = context.quotas().quota(reps.get(r).id(), periods.get(p)).map(Money::minorUnits).orElse(0L);
            }
        }
        this.draws = model.bind(reps.stream().map(Rep::id).toList(), periods, quota, currency, simulations, seed);
    }

    /**
     * A builder.
     *
     * @param context the org (its reps with a quota are simulated) and the quotas (one per rep and period, in one
     *                currency); not null
     * @param model   where attainment comes from: {@link HistoricalAttainment} or {@link ForecastAttainment}; not
     *                null
     * @return a new builder with the defaults: 1000 simulated years, seed 1, credit type {@code new}, one thread
     *         per available processor
     */
    public static Builder builder(CompContext context, AttainmentModel model) {
        return new Builder(context, model);
    }

    /** @return the periods simulated: those of the quotas, in order */
    public List<Period> periods() {
        return periods;
    }

    /** @return the simulated reps: the org's reps with a quota, in org order */
    public List<Rep> reps() {
        return reps;
    }

    /**
     * The credits of simulated year {@code k}: one per rep and period with a positive amount, for inspecting what
     * {@link #run(List)} pays.
     *
     * @param k the simulated year, 0 to the simulation count - 1
     * @return the credits, by period then rep; each dated on its period's last day, typed as the builder's credit
     *         type
     * @throws IllegalArgumentException if {@code k} is not a simulation of this run
     */
    public List<Credit> credits(int k) {
        if (k < 0 || k >= simulations) {
            throw new IllegalArgumentException("simulation " + k + " is outside 0.." + (simulations - 1));
        }
        int[][] g = draw(k);
        List<Credit> out = new ArrayList<>();
        for (int p = 0; p < periods.size(); p++) {
            for (int r = 0; r < reps.size(); r++) {
                long amount = amount(r, p, g[r][p]);
                if (amount > 0) {
                    out.add(credit(k, r, p, amount));
                }
            }
        }
        return out;
    }

    /**
     * Pays every simulated year under the plan.
     *
     * @param versions the plan's effective-dated versions (usually one)
     * @return the report
     * @throws io.salesops.comp.plan.PlanValidationException if the plan cannot be calculated on this input
     * @throws IllegalArgumentException if the plan's currency is not the quotas'
     */
    public CostReport run(List<CompPlan> versions) {
        Objects.requireNonNull(versions, "versions");
        CompPlan plan = versions.get(versions.size() - 1);
        if (!plan.currency().equals(currency)) {
            throw new IllegalArgumentException("plan " + plan.name() + " pays in " + plan.currency()
                    + " but the quotas are in " + currency + "; simulate in the plan's currency");
        }
        CommissionEngine engine = CommissionEngine.withParallelism(threads);
        List<String> notes = new ArrayList<>();
        notes.add(draws.describe());
        List<String> why = Separability.reasons(versions);
        PayTable table = null;
        if (why.isEmpty()) {
            table = PayTable.evaluate(this, engine, versions);
            int checks = Math.min(2, simulations);
            for (int k = 0; k < checks && table != null; k++) {
                long full = fullYear(engine, versions, k);
                long fromTable = table.total(draw(k));
                if (full != fromTable) {
                    notes.add("the exact tables paid simulated year " + k + " " + Money.ofMinor(fromTable, currency)
                            + " but the engine over the whole year paid " + Money.ofMinor(full, currency)
                            + "; every year was paid by the engine in full");
                    table = null;
                }
            }
            if (table != null) {
                notes.add("exact pay tables: " + table.evaluations() + " engine evaluations (rep x period x attainment"
                        + " grid point), checked against " + checks + " whole years paid by the engine");
            }
        } else {
            notes.add("paid every simulated year by the engine in full, because " + String.join("; ", why));
        }
        long[] payout = new long[simulations];
        long[] bookings = new long[simulations];
        int[] atQuota = new int[simulations];
        int withQuota = 0;
        for (long[] q : quota) {
            withQuota += java.util.Arrays.stream(q).sum() > 0 ? 1 : 0;
        }
        final PayTable t = table;
        IntStream ks = IntStream.range(0, simulations);
        (t != null ? ks.parallel() : ks).forEach(k -> {
            int[][] g = draw(k);
            payout[k] = t != null ? t.total(g) : fullYear(engine, versions, k);
            long b = 0;
            int reached = 0;
            for (int r = 0; r < reps.size(); r++) {
                long booked = 0;
                long q = 0;
                for (int p = 0; p < periods.size(); p++) {
                    booked += t != null ? t.credited(r, p, g[r][p]) : amount(r, p, g[r][p]);
                    q += quota[r][p];
                }
                b += booked;
                reached += q > 0 && booked >= q ? 1 : 0;
            }
            bookings[k] = b;
            atQuota[k] = reached;
        });
        List<CostReport.CurveStep> steepest = t == null ? List.of() : PayTable.steepest(this, engine, versions, 3);
        if (t == null) {
            notes.add("the payout curve is not shown: it needs a plan that pays each rep from their own credits");
        }
        return CostStatistics.report(plan.name(), simulations, seed, currency, payout, bookings, atQuota,
                Math.max(withQuota, 1), steepest, notes);
    }

    /** Pays simulated year {@code k} with the engine, period after period, carrying the state. */
    private long fullYear(CommissionEngine engine, List<CompPlan> versions, int k) {
        List<Credit> credits = credits(k);
        CompState state = CompState.empty();
        long total = 0;
        for (Period p : periods) {
            CalculationResult r = engine.run(versions, context, credits, p, state);
            total = Math.addExact(total, r.totalEarned().minorUnits());
            state = r.state();
        }
        return total;
    }

    int[][] draw(int k) {
        int[][] g = new int[reps.size()][periods.size()];
        draws.draw(k, g);
        return g;
    }

    long amount(int r, int p, int grid) {
        return BigDecimal.valueOf(quota[r][p]).multiply(BigDecimal.valueOf((long) grid * model.gridStep()))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact();
    }

    Credit credit(int k, int r, int p, long amount) {
        String id = "SIM" + k + "-" + reps.get(r).id() + "-" + periods.get(p);
        return Credit.booked(id, reps.get(r).id(), periods.get(p).end(), Money.ofMinor(amount, currency), creditType, id);
    }

    CompContext context() {
        return context;
    }

    AttainmentModel model() {
        return model;
    }

    AttainmentModel.Draws draws() {
        return draws;
    }

    long[][] quotas() {
        return quota;
    }

    Currency currency() {
        return currency;
    }

    /** Collects the inputs of a {@link PlanCost}. Not thread-safe. */
    public static final class Builder {
        private final CompContext context;
        private final AttainmentModel model;
        private int simulations = 1000;
        private long seed = 1;
        private String creditType = "new";
        private int threads = Runtime.getRuntime().availableProcessors();

        private Builder(CompContext context, AttainmentModel model) {
            this.context = Objects.requireNonNull(context, "context");
            this.model = Objects.requireNonNull(model, "model");
        }

        /**
         * The number of simulated years (default 1000) and the seed (default 1).
         *
         * @param count simulated years, 1-1,000,000; more narrows the noise of the percentiles
         * @param seed  the random seed; the same inputs and seed give the same report
         * @return this builder
         * @throws IllegalArgumentException if {@code count} is outside 1..1,000,000
         */
        public Builder simulations(int count, long seed) {
            if (count < 1 || count > 1_000_000) {
                throw new IllegalArgumentException("simulation count " + count + " is outside 1..1,000,000");
            }
            this.simulations = count;
            this.seed = seed;
            return this;
        }

        /**
         * The type of the simulated credits (default {@code new}), which the plan's crediting may test.
         *
         * @param type a credit type such as {@code new} or {@code renewal}; stripped of surrounding spaces; not null
         * @return this builder
         */
        public Builder creditType(String type) {
            this.creditType = Objects.requireNonNull(type, "type").strip();
            return this;
        }

        /**
         * Threads for the engine and the simulations (default: available processors); results do not depend on it.
         *
         * @param n the number of threads, 1 or more
         * @return this builder
         * @throws IllegalArgumentException if {@code n < 1}
         */
        public Builder threads(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("thread count " + n + " is below 1");
            }
            this.threads = n;
            return this;
        }

        /**
         * Binds the model to the org's reps with a quota and the quotas' periods.
         *
         * @return the plan cost; the builder stays usable
         * @throws IllegalArgumentException if no rep of the org has a quota, quotas mix currencies or periods, or the
         *                                  model cannot simulate these reps and periods
         */
        public PlanCost build() {
            return new PlanCost(this);
        }
    }
}
