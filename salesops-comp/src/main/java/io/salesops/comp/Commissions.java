package io.salesops.comp;

import io.salesops.comp.engine.CalculationResult;
import io.salesops.comp.engine.CommissionEngine;
import io.salesops.comp.engine.CompState;
import io.salesops.comp.file.PlanFiles;
import io.salesops.comp.input.CompContext;
import io.salesops.comp.input.Credit;
import io.salesops.comp.input.CreditRules;
import io.salesops.comp.input.Credits;
import io.salesops.comp.input.ExchangeRates;
import io.salesops.comp.plan.CompPlan;
import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.Quotas;
import io.salesops.core.org.Org;
import io.salesops.core.period.Period;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One import for a commission calculation: the plan, who is paid, what they sold, and the period.
 *
 * <pre>{@code
 * CalculationResult pay = Commissions.plan(Path.of("ae-marginal.yaml"))
 *         .org(org).quotas(quotas)
 *         .wonDeals(opportunities, CreditRules.standard().withType("expansion", "upsell"))
 *         .calculate(calendar.parse("2026-Q1"));
 * }</pre>
 *
 * <p>Each method returns a copy (like {@code java.time}), so a configured calculation can be reused for several
 * periods. The payees are {@link CompContext#withPayees named} or, by default, the reps the plan can pay (see
 * {@link io.salesops.comp.plan.Payees}). For plan versions, leaves or what-if questions use
 * {@link CommissionEngine} directly. Immutable and thread-safe.
 */
public final class Commissions {
    private final CompPlan plan;
    private final Org org;
    private final Quotas quotas;
    private final ExchangeRates rates;
    private final Set<String> payees;
    private final List<Credit> credits;
    private final List<Opportunity> won;
    private final CreditRules rules;
    private final CompState prior;

    private Commissions(CompPlan plan, Org org, Quotas quotas, ExchangeRates rates, Set<String> payees,
                        List<Credit> credits, List<Opportunity> won, CreditRules rules, CompState prior) {
        this.plan = plan;
        this.org = org;
        this.quotas = quotas;
        this.rates = rates;
        this.payees = payees;
        this.credits = credits;
        this.won = won;
        this.rules = rules;
        this.prior = prior;
    }

    /**
     * A calculation of this plan: no org, quotas, rates or credits yet, no prior state.
     *
     * @param plan the plan, not null
     * @return the calculation
     */
    public static Commissions plan(CompPlan plan) {
        return new Commissions(Objects.requireNonNull(plan, "plan"), null, Quotas.none(), ExchangeRates.none(),
                Set.of(), List.of(), List.of(), CreditRules.standard(), CompState.empty());
    }

    /**
     * A calculation of the plan in this YAML or JSON file.
     *
     * @param planFile the plan file, not null
     * @return the calculation
     * @throws IOException                               if the file cannot be read
     * @throws io.salesops.comp.file.PlanFileException if the file is not a valid plan (every problem listed)
     */
    public static Commissions plan(Path planFile) throws IOException {
        return plan(PlanFiles.read(planFile));
    }

    /**
     * Sets the sales org; required before {@link #calculate(Period)}.
     *
     * @param value the org: who manages whom, teams, start and end dates
     * @return a copy with this org
     * @throws NullPointerException if {@code value} is null
     */
    public Commissions org(Org value) {
        return new Commissions(plan, Objects.requireNonNull(value, "org"), quotas, rates, payees, credits, won, rules, prior);
    }

    /**
     * Sets the quotas (default none), needed by attainment measures, gates and multipliers.
     *
     * @param value quotas per rep and period, in the plan currency
     * @return a copy with these quotas
     * @throws NullPointerException if {@code value} is null
     */
    public Commissions quotas(Quotas value) {
        return new Commissions(plan, org, Objects.requireNonNull(value, "quotas"), rates, payees, credits, won, rules, prior);
    }

    /**
     * Sets the exchange rates (default none: every credit must be in the plan currency).
     *
     * @param value rates into the plan currency, effective-dated
     * @return a copy with these rates
     * @throws NullPointerException if {@code value} is null
     */
    public Commissions rates(ExchangeRates value) {
        return new Commissions(plan, org, quotas, Objects.requireNonNull(value, "rates"), payees, credits, won, rules, prior);
    }

    /**
     * Names the payees instead of the default population.
     *
     * @param repIds the reps to pay, each in the org (checked by {@link #calculate(Period)}); empty restores the
     *               default population; copied
     * @return a copy with these payees
     * @throws NullPointerException if {@code repIds} is null or holds a null
     */
    public Commissions payees(Collection<String> repIds) {
        return new Commissions(plan, org, quotas, rates, Set.copyOf(repIds), credits, won, rules, prior);
    }

    /**
     * Adds credits built by hand or read from a file.
     *
     * @param more the credits, in any currency the rates convert; added to those given before; copied
     * @return a copy with these credits added
     * @throws NullPointerException if {@code more} is null or holds a null
     */
    public Commissions credits(Collection<Credit> more) {
        List<Credit> all = new ArrayList<>(credits);
        all.addAll(more);
        return new Commissions(plan, org, quotas, rates, payees, List.copyOf(all), won, rules, prior);
    }

    /**
     * Credits the deals among {@code opportunities} that are won in the period calculated
     * ({@link Credits#fromWon}).
     *
     * @param opportunities the CRM's opportunities, any status; replaces those given by an earlier call; copied
     * @param creditRules   how CRM types are named in the plan, e.g. {@code CreditRules.standard()}
     * @return a copy that credits these wins
     * @throws NullPointerException if an argument is null or {@code opportunities} holds a null
     */
    public Commissions wonDeals(Collection<Opportunity> opportunities, CreditRules creditRules) {
        return new Commissions(plan, org, quotas, rates, payees, credits, List.copyOf(opportunities),
                Objects.requireNonNull(creditRules, "creditRules"), prior);
    }

    /**
     * Continues from an earlier calculation, so year-to-date measures, draws and clawbacks carry over.
     *
     * @param state the state carried from the previous period, {@link CalculationResult#state()}
     * @return a copy starting from it
     * @throws NullPointerException if {@code state} is null
     */
    public Commissions after(CompState state) {
        return new Commissions(plan, org, quotas, rates, payees, credits, won, rules, Objects.requireNonNull(state, "state"));
    }

    /**
     * Calculates {@code period}.
     *
     * @param period the period, not null
     * @return a statement per payee, warnings about input not used, and the state for the next period
     * @throws IllegalStateException                                if no org was given
     * @throws io.salesops.comp.plan.PlanValidationException         if the plan itself has problems
     * @throws io.salesops.core.problem.SalesopsInputException if the input has problems (every one listed)
     */
    public CalculationResult calculate(Period period) {
        if (org == null) {
            throw new IllegalStateException("no org: call org(...) before calculate");
        }
        CompContext context = new CompContext(org, quotas, rates, List.of());
        if (!payees.isEmpty()) {
            context = context.withPayees(payees);
        }
        List<Credit> all = new ArrayList<>(credits);
        all.addAll(Credits.fromWon(won, period, rules));
        return CommissionEngine.calculate(plan, context, all, period, prior);
    }
}
