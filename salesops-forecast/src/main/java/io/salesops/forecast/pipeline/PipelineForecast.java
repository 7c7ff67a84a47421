package io.salesops.forecast.pipeline;

import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.OpportunityTable;
import io.salesops.core.crm.Quotas;
import io.salesops.core.crm.StageModel;
import io.salesops.core.org.Org;
import io.salesops.core.period.Period;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleConsumer;

/**
 * The weekly pipeline forecast: what will we book this period, per rep, team or any dimension, and how sure
 * are we. Reads as a sentence:
 *
 * <pre>{@code
 * ForecastReport r = PipelineForecast.of(opportunities).asOf(date).period(q3).stages(model)
 *         .learnedProbabilities(history).byOwner(org).quotas(quotas).simulations(10_000, 42).run();
 * }</pre>
 *
 * <p>Without {@link #method}, the method is {@link PipelineMethod#AUTO}: rolling-origin backtests on the data's own
 * past periods choose how to blend a pipeline forecast with a run rate of past bookings; with an option only the
 * stage-weighted method reads (learned or fixed probabilities, timing, segment), it is that method.
 *
 * <p>Stage-weighted expected bookings = won so far in the period + for each deal open on the as-of date
 * amount x P(win) x P(closes inside the period | it wins), each rounded once to the minor unit + bookings
 * expected from opportunities not yet created, each part reported on its own. The forecast sees only what was
 * known at the end of the as-of day ({@link Opportunity#asOf(LocalDate)}).
 *
 * <p>Each method returns a new, independent configuration and checks its argument at once; the receiver is
 * never changed. Instances are immutable and thread-safe (the opportunity collections are copied).
 */
public final class PipelineForecast {

    List<Opportunity> opportunities;
    OpportunityTable table;
    LocalDate asOf;
    Period period;
    StageModel stages = StageModel.defaultModel();
    boolean stagesGiven;
    PipelineMethod method = PipelineMethod.AUTO;
    boolean methodGiven;
    /** True once an option only the stage-weighted method reads was set: without a method, it means that method. */
    boolean stageWeightedOptions;
    List<String> notes = List.of();
    boolean learned;
    List<Opportunity> history;
    String segmentBy;
    boolean valueWeighted;
    double priorStrength = 10;
    TimingSource timing;
    boolean notYetCreated = true;
    int lookback = 4;
    Org org;
    boolean byOwner;
    List<String> dimensions = List.of();
    Quotas quotas = Quotas.none();
    int simulations;
    long seed;
    int threads = Runtime.getRuntime().availableProcessors();
    boolean simulateNotYetCreated = true;
    RoundingMode rounding = RoundingMode.HALF_EVEN;
    List<Adjustment> adjustments = List.of();
    Currency currency;
    DoubleConsumer progress;

    private PipelineForecast() {
    }

    /** @return a field-by-field copy, for a variation of this configuration */
    PipelineForecast copy() {
        PipelineForecast c = new PipelineForecast();
        c.opportunities = opportunities;
        c.table = table;
        c.asOf = asOf;
        c.period = period;
        c.stages = stages;
        c.stagesGiven = stagesGiven;
        c.method = method;
        c.methodGiven = methodGiven;
        c.stageWeightedOptions = stageWeightedOptions;
        c.notes = notes;
        c.learned = learned;
        c.history = history;
        c.segmentBy = segmentBy;
        c.valueWeighted = valueWeighted;
        c.priorStrength = priorStrength;
        c.timing = timing;
        c.notYetCreated = notYetCreated;
        c.lookback = lookback;
        c.org = org;
        c.byOwner = byOwner;
        c.dimensions = dimensions;
        c.quotas = quotas;
        c.simulations = simulations;
        c.seed = seed;
        c.threads = threads;
        c.simulateNotYetCreated = simulateNotYetCreated;
        c.rounding = rounding;
        c.adjustments = adjustments;
        c.currency = currency;
        c.progress = progress;
        return c;
    }

    /**
     * A forecast over these opportunities (the CRM's current records, with history where available).
     *
     * @param opportunities every deal to forecast from, open, won and lost, in any order; copied, so later
     *                      changes to the collection do not reach the forecast; may be empty
     * @return a configuration still needing {@link #asOf(LocalDate)} and {@link #period(Period)} before
     *         {@link #run()}
     * @throws NullPointerException if the collection or an element is null
     */
    public static PipelineForecast of(Collection<Opportunity> opportunities) {
        PipelineForecast f = new PipelineForecast();
        f.opportunities = List.copyOf(opportunities);
        return f;
    }

    /**
     * A forecast over the rows of a columnar table, as a CSV import reads them: the pass over the deals is a loop
     * over its arrays and makes no object per deal. The results are those of {@link #of(Collection)} over
     * {@code table.asList()}. Learned models and roll-ups by dimension read each deal they need as an
     * {@link Opportunity} view.
     *
     * @param table the deals, e.g. as a CSV import made them; not copied, and safe to share because the table
     *              is immutable
     * @return a configuration still needing {@link #asOf(LocalDate)} and {@link #period(Period)} before
     *         {@link #run()}
     * @throws NullPointerException if the table is null
     */
    public static PipelineForecast of(OpportunityTable table) {
        PipelineForecast f = new PipelineForecast();
        f.table = Objects.requireNonNull(table, "table");
        return f;
    }

    /**
     * Forecasts as of the end of {@code date}: later-created deals do not exist, later outcomes are unknown.
     * Required before {@link #run()}.
     *
     * @param date the last day whose events the forecast may see; usually inside or just before the period
     * @return a copy with this as-of date
     * @throws NullPointerException if {@code date} is null
     */
    public PipelineForecast asOf(LocalDate date) {
        PipelineForecast c = copy();
        c.asOf = Objects.requireNonNull(date, "asOf");
        return c;
    }

    /**
     * The period to forecast, e.g. {@code FiscalCalendar.calendarYear().parse("2026-Q3")}. Required before
     * {@link #run()}.
     *
     * @param period the period whose bookings are forecast; deals won in it before the as-of date count as won
     *               so far
     * @return a copy forecasting this period
     * @throws NullPointerException if {@code period} is null
     */
    public PipelineForecast period(Period period) {
        PipelineForecast c = copy();
        c.period = Objects.requireNonNull(period, "period");
        return c;
    }

    /**
     * The stage model: stage names, default probabilities and categories. Without it the built-in
     * {@link StageModel#defaultModel()} is used when it knows every open deal's stage, else a model inferred
     * from the data (open stages are those seen on open deals, won and lost come from the status), which the
     * assumptions say.
     *
     * @param model the stage model every open deal's stage must belong to
     * @return a copy using this stage model
     * @throws NullPointerException if {@code model} is null
     */
    public PipelineForecast stages(StageModel model) {
        PipelineForecast c = copy();
        c.stages = Objects.requireNonNull(model, "stages");
        c.stagesGiven = true;
        return c;
    }

    /**
     * How expected bookings are found. Without it: {@link PipelineMethod#AUTO}, the method the file's own
     * backtests choose; but {@link PipelineMethod#STAGE_WEIGHTED} once an option only that method reads is set
     * ({@link #learnedProbabilities()}, {@link #fixedProbabilities()}, {@link #timing}, {@link #segmentBy},
     * {@link #valueWeighted}, {@link #priorStrength}), as the CLI does.
     *
     * @param method the method; given explicitly, it wins over the stage-weighted options
     * @return a copy using this method
     * @throws NullPointerException if {@code method} is null
     */
    public PipelineForecast method(PipelineMethod method) {
        PipelineForecast c = copy();
        c.method = Objects.requireNonNull(method, "method");
        c.methodGiven = true;
        return c;
    }

    /**
     * Learns P(win) from {@code history}'s deals closed on or before the as-of date instead of using the
     * stage model's fixed probabilities; {@code history} also feeds the timing and not-yet-created models.
     * It may be the same collection as the forecast's opportunities. Selects
     * {@link PipelineMethod#STAGE_WEIGHTED} unless {@link #method(PipelineMethod)} says otherwise.
     *
     * @param history past deals with their outcomes and stage history; copied; only what was known at the end
     *                of the as-of date is read
     * @return a copy learning P(win) from {@code history}
     * @throws NullPointerException if {@code history} or an element is null
     */
    public PipelineForecast learnedProbabilities(Collection<Opportunity> history) {
        PipelineForecast c = copy();
        c.stageWeightedOptions = true;
        c.learned = true;
        c.history = List.copyOf(history);
        return c;
    }

    /**
     * Learns P(win) from the forecast's own opportunities closed on or before the as-of date, and forgets a
     * history set earlier. Selects {@link PipelineMethod#STAGE_WEIGHTED} unless {@link #method(PipelineMethod)}
     * says otherwise.
     *
     * @return a copy learning P(win) from its own opportunities
     */
    public PipelineForecast learnedProbabilities() {
        PipelineForecast c = copy();
        c.stageWeightedOptions = true;
        c.learned = true;
        c.history = null;
        return c;
    }

    /**
     * Uses the stage model's fixed probabilities (the default). Selects {@link PipelineMethod#STAGE_WEIGHTED}
     * unless {@link #method(PipelineMethod)} says otherwise.
     *
     * @return a copy using the stage model's probabilities
     */
    public PipelineForecast fixedProbabilities() {
        PipelineForecast c = copy();
        c.stageWeightedOptions = true;
        c.learned = false;
        return c;
    }

    /**
     * The history for the timing and not-yet-created models without learning P(win) from it (by default
     * they learn from the forecast's opportunities).
     *
     * @param history past deals with their outcomes; copied; only what was known at the end of the as-of date
     *                is read
     * @return a copy reading this history
     * @throws NullPointerException if {@code history} or an element is null
     */
    public PipelineForecast history(Collection<Opportunity> history) {
        PipelineForecast c = copy();
        c.history = List.copyOf(history);
        return c;
    }

    /**
     * Learned rates also by this field (product, owner, type, any attribute), shrunk toward the stage rate.
     * Selects {@link PipelineMethod#STAGE_WEIGHTED} unless {@link #method(PipelineMethod)} says otherwise.
     *
     * @param field a field name as {@link Opportunity#field(String)} reads it, e.g. {@code product}; stripped
     * @return a copy segmenting learned rates by {@code field}
     * @throws IllegalArgumentException if {@code field} is null or blank
     */
    public PipelineForecast segmentBy(String field) {
        PipelineForecast c = copy();
        c.stageWeightedOptions = true;
        c.segmentBy = requireName(field, "segment field");
        return c;
    }

    /**
     * Learned win rates weighted by deal value instead of by count (default off). Selects
     * {@link PipelineMethod#STAGE_WEIGHTED} unless {@link #method(PipelineMethod)} says otherwise.
     *
     * @param on true to weight each past deal by its amount, false to count each deal once
     * @return a copy with this weighting
     */
    public PipelineForecast valueWeighted(boolean on) {
        PipelineForecast c = copy();
        c.stageWeightedOptions = true;
        c.valueWeighted = on;
        return c;
    }

    /**
     * The prior strength {@code m} of the Beta shrinkage, in pseudo-deals (default 10): each learned rate is
     * {@code (wins + m x broader rate) / (deals + m)}. Selects {@link PipelineMethod#STAGE_WEIGHTED} unless
     * {@link #method(PipelineMethod)} says otherwise.
     *
     * @param m pseudo-deals, 0 or more; 0 uses the raw rates, larger values pull small segments harder toward
     *          the broader rate
     * @return a copy with this prior strength
     * @throws IllegalArgumentException if negative, NaN or infinite
     */
    public PipelineForecast priorStrength(double m) {
        if (!(m >= 0) || Double.isInfinite(m)) {
            throw new IllegalArgumentException("prior strength " + m + " must be a finite number >= 0");
        }
        PipelineForecast c = copy();
        c.stageWeightedOptions = true;
        c.priorStrength = m;
        return c;
    }

    /**
     * How P(closes in the period | wins) is found. By default it is learned when the history holds at least
     * one deal won on or before the as-of date, else taken from the close date. Selects
     * {@link PipelineMethod#STAGE_WEIGHTED} unless {@link #method(PipelineMethod)} says otherwise.
     *
     * @param source {@link TimingSource#CLOSE_DATE} or {@link TimingSource#LEARNED}
     * @return a copy with this timing source
     * @throws NullPointerException if {@code source} is null
     */
    public PipelineForecast timing(TimingSource source) {
        PipelineForecast c = copy();
        c.stageWeightedOptions = true;
        c.timing = Objects.requireNonNull(source, "timing");
        return c;
    }

    /**
     * Whether to add bookings from opportunities not yet created (default on): per group, the average over
     * the last {@code lookbackPeriods} complete periods of what was won in the period from deals created after
     * the same day of that period.
     *
     * @param on              true to add them, false to forecast from the existing pipeline alone
     * @param lookbackPeriods how many complete past periods to average, at least 1 (default 4); used only when
     *                        {@code on}
     * @return a copy with this setting
     * @throws IllegalArgumentException if {@code lookbackPeriods < 1}
     */
    public PipelineForecast notYetCreated(boolean on, int lookbackPeriods) {
        if (lookbackPeriods < 1) {
            throw new IllegalArgumentException("lookback of " + lookbackPeriods + " periods must be at least 1");
        }
        PipelineForecast c = copy();
        c.notYetCreated = on;
        c.lookback = lookbackPeriods;
        return c;
    }

    /**
     * Rolls up by owner through the org's management tree; managers' own deals form a {@code <id> (own)} child.
     * Without this or {@link #by(String...)} the report has only the {@code Total} node.
     *
     * @param org the org every deal's owner must belong to (else {@link #run()} throws
     *            {@link PipelineInputException})
     * @return a copy rolling up by owner
     * @throws NullPointerException  if {@code org} is null
     * @throws IllegalStateException if {@link #by(String...)} was called already: the two exclude each other
     */
    public PipelineForecast byOwner(Org org) {
        if (!dimensions.isEmpty()) {
            throw new IllegalStateException("already grouped by " + dimensions + "; byOwner and by(...) exclude each other");
        }
        PipelineForecast c = copy();
        c.org = Objects.requireNonNull(org, "org");
        c.byOwner = true;
        return c;
    }

    /**
     * Rolls up by one or more dimensions, nested in the order given: any {@link Opportunity#field(String)}
     * (owner, product, type, an attribute), and {@code team} or {@code territory}, which come from the owner's
     * {@link io.salesops.core.org.Rep} when the deal has no such attribute and an org is set with {@link #org(Org)}.
     * A later call replaces the dimensions of an earlier one.
     *
     * @param dimensions one or more field names, outermost first, e.g. {@code by("team", "product")}; each
     *                   stripped
     * @return a copy rolling up by these dimensions
     * @throws IllegalArgumentException if no dimension is given or one is null or blank
     * @throws IllegalStateException    if {@link #byOwner(Org)} was called already: the two exclude each other
     */
    public PipelineForecast by(String... dimensions) {
        if (byOwner) {
            throw new IllegalStateException("already grouped by owner; byOwner and by(...) exclude each other");
        }
        if (dimensions.length == 0) {
            throw new IllegalArgumentException("by(...) needs at least one dimension");
        }
        List<String> dims = new ArrayList<>();
        for (String d : dimensions) {
            dims.add(requireName(d, "dimension"));
        }
        PipelineForecast c = copy();
        c.dimensions = List.copyOf(dims);
        return c;
    }

    /**
     * The org used to look up team and territory in {@link #by(String...)}, without rolling up by owner.
     *
     * @param org the org whose reps carry team and territory
     * @return a copy with this org
     * @throws NullPointerException if {@code org} is null
     */
    public PipelineForecast org(Org org) {
        PipelineForecast c = copy();
        c.org = Objects.requireNonNull(org, "org");
        return c;
    }

    /**
     * Quotas, for attainment and coverage per node (default none: no node has a quota).
     *
     * @param quotas the reps' quotas; those for the forecast period, in the forecast currency, are read
     *               ({@link #run()} throws {@link IllegalArgumentException} for one in another currency)
     * @return a copy with these quotas
     * @throws NullPointerException if {@code quotas} is null
     */
    public PipelineForecast quotas(Quotas quotas) {
        PipelineForecast c = copy();
        c.quotas = Objects.requireNonNull(quotas, "quotas");
        return c;
    }

    /**
     * Runs a Monte Carlo simulation of the period's bookings for P10/P50/P90 per node. The same seed gives the
     * same numbers on any number of threads. Without it no simulation runs and the report has no percentiles.
     *
     * @param count how many simulated periods, at least 1
     * @param seed  the random seed; any value, the same seed gives the same draws
     * @return a copy that simulates
     * @throws IllegalArgumentException if {@code count < 1}
     */
    public PipelineForecast simulations(int count, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("simulation count " + count + " must be at least 1");
        }
        PipelineForecast c = copy();
        c.simulations = count;
        c.seed = seed;
        return c;
    }

    /**
     * Threads for the deal pass and the simulation (default: available processors); the numbers do not depend
     * on it.
     *
     * @param threads at least 1; 1 runs everything on the calling thread
     * @return a copy using this many threads
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public PipelineForecast threads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count " + threads + " must be at least 1");
        }
        PipelineForecast c = copy();
        c.threads = threads;
        return c;
    }

    /**
     * Whether the simulation draws not-yet-created bookings at random from the past periods (default) or adds
     * their average as a constant.
     *
     * @param random true to draw them (wider, more honest ranges), false to add the average in every simulation
     * @return a copy with this setting
     */
    public PipelineForecast simulateNotYetCreated(boolean random) {
        PipelineForecast c = copy();
        c.simulateNotYetCreated = random;
        return c;
    }

    /**
     * How each deal's expected value is rounded to the minor unit (default {@link RoundingMode#HALF_EVEN}).
     *
     * @param mode any rounding mode but {@link RoundingMode#UNNECESSARY}
     * @return a copy rounding this way
     * @throws NullPointerException     if {@code mode} is null
     * @throws IllegalArgumentException if {@code mode} is {@link RoundingMode#UNNECESSARY}
     */
    public PipelineForecast rounding(RoundingMode mode) {
        Objects.requireNonNull(mode, "rounding");
        if (mode == RoundingMode.UNNECESSARY) {
            throw new IllegalArgumentException("rounding UNNECESSARY cannot round an expected value; name a real mode");
        }
        PipelineForecast c = copy();
        c.rounding = mode;
        return c;
    }

    /**
     * Adds managers' adjustments to those given before; each must name a node of the report and be in the
     * forecast currency, which {@link #run()} checks.
     *
     * @param adjustments the overrides to add, possibly empty; copied
     * @return a copy with these adjustments added
     * @throws NullPointerException if {@code adjustments} or an element is null
     */
    public PipelineForecast adjustments(Collection<Adjustment> adjustments) {
        List<Adjustment> all = new ArrayList<>(this.adjustments);
        all.addAll(adjustments);
        PipelineForecast c = copy();
        c.adjustments = List.copyOf(all);
        return c;
    }

    /**
     * The report currency (default: the first opportunity's, or the first history deal's, or USD when there
     * are none); every amount must be in it.
     *
     * @param currency the currency of every deal, quota and adjustment
     * @return a copy reporting in this currency
     * @throws NullPointerException if {@code currency} is null
     */
    public PipelineForecast currency(Currency currency) {
        PipelineForecast c = copy();
        c.currency = Objects.requireNonNull(currency, "currency");
        return c;
    }

    /**
     * A listener told the fraction of simulation blocks done, from worker threads; it must be thread-safe.
     *
     * @param listener receives the fraction done, in (0, 1], once per block, 1 for the last; calls from
     *                 different threads may arrive out of order; it should return quickly
     * @return a copy reporting progress to {@code listener}
     * @throws NullPointerException if {@code listener} is null
     */
    public PipelineForecast onProgress(DoubleConsumer listener) {
        PipelineForecast c = copy();
        c.progress = Objects.requireNonNull(listener, "listener");
        return c;
    }

    /**
     * Runs the forecast.
     *
     * @return the immutable report
     * @throws IllegalStateException   if the as-of date or the period is missing
     * @throws PipelineInputException  naming the opportunity if one is at a stage the model does not have, is
     *                                 owned by a rep missing from the org, or is in another currency
     * @throws io.salesops.core.problem.SalesopsInputException if an adjustment names no node of the forecast or is in
     *                                                          another currency
     * @throws IllegalArgumentException if a quota is in another currency
     */
    public ForecastReport run() {
        return PipelineRun.run(this);
    }

    /**
     * Runs the forecast's simulation and returns every owner's simulated bookings in simulation order, so that a
     * caller can use the joint draws (simulation {@code s} of every owner together), not only the percentiles of
     * {@link #run()}: plan cost pays each simulated quarter through a comp plan. Draws are those {@link #run()}
     * sorts into P10/P50/P90: the same seed gives the same draws on any number of threads.
     *
     * <pre>{@code
     * SimulatedBookings q1 = PipelineForecast.of(deals).asOf(date).period(q).byOwner(org)
     *         .simulations(10_000, 42).simulateByOwner();
     * long[] ann = q1.bookings("ann");   // ann's bookings in each simulation, minor units
     * }</pre>
     *
     * @return the draws per owner: each rep of the org, managers with their own deals only
     * @throws IllegalStateException  if the as-of date, the period, {@link #byOwner(Org)} or
     *                                {@link #simulations(int, long)} is missing, or the method is
     *                                {@link PipelineMethod#AUTO} (whose range is widened after the simulation, so
     *                                its draws are not what it reports)
     * @throws PipelineInputException as {@link #run()}
     */
    public SimulatedBookings simulateByOwner() {
        return PipelineRun.simulateByOwner(this);
    }

    /** @return the opportunities as a list (a view over the columnar table when the forecast was made from one) */
    List<Opportunity> opportunityList() {
        return opportunities != null ? opportunities : table.asList();
    }

    private static String requireName(String s, String what) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(what + " is blank");
        }
        return s.strip();
    }
}
