package io.salesops.comp.input;

import io.salesops.core.crm.Quotas;
import io.salesops.core.org.Org;
import io.salesops.core.problem.Problem;
import io.salesops.core.problem.SalesopsInputException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything a plan is evaluated against besides the credits: the org (who manages whom, teams, start and
 * end dates), quotas, exchange rates and leaves. Immutable and thread-safe.
 *
 * @param org    the sales org: who manages whom, teams, start and end dates; every payee must be one of its reps
 * @param quotas quotas per rep and period; {@link Quotas#none()} if the plan uses none
 * @param rates  exchange rates; {@link ExchangeRates#none()} if every amount is in the plan currency
 * @param leaves leaves of absence, which prorate quotas; copied
 * @param payees the ids of the reps to pay; empty for the default population (every rep the plan can pay: all reps
 *               when it needs no quota, else those with a quota for the period; see
 *               {@link io.salesops.comp.plan.Payees}); copied
 * @param targets bonus and MBO targets set per payee, replacing the plan's for them; {@link PayeeTargets#none()}
 *               for the plan's targets alone
 * @param payments what customers paid against deals, which releases commission paid on collection;
 *               {@link DealPayments#none()} when no component pays on collection
 */
public record CompContext(Org org, Quotas quotas, ExchangeRates rates, List<Leave> leaves, Set<String> payees,
                          PayeeTargets targets, DealPayments payments) {
    /**
     * Validates the fields.
     *
     * @param org    the sales org
     * @param quotas quotas per rep and period; {@link Quotas#none()} if the plan uses none
     * @param rates  exchange rates; {@link ExchangeRates#none()} if every amount is in the plan currency
     * @param leaves leaves of absence; null means none; copied
     * @param payees rep ids to pay, each in the org; null or empty for the default population; copied
     * @param targets targets set per payee; null means none (checked against the plan and org by
     *               {@link io.salesops.comp.plan.PlanValidator#validateTargets})
     * @param payments customers' payments against deals; null means none
     * @throws NullPointerException   if org, quotas or rates is null, or a list holds a null
     * @throws SalesopsInputException if a named payee is not in the org (every one listed)
     */
    public CompContext {
        targets = targets == null ? PayeeTargets.none() : targets;
        payments = payments == null ? DealPayments.none() : payments;
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(quotas, "quotas");
        Objects.requireNonNull(rates, "rates");
        leaves = leaves == null ? List.of() : List.copyOf(leaves);
        payees = payees == null ? Set.of() : Set.copyOf(payees);
        List<Problem> unknown = new ArrayList<>();
        for (String id : new TreeSet<>(payees)) {
            if (!org.contains(id)) {
                unknown.add(Problem.at("payees[" + id + "]", "payee " + id + " is not in the org"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new SalesopsInputException(unknown);
        }
    }

    /**
     * A context without payments against deals.
     *
     * @param org     the sales org
     * @param quotas  quotas per rep and period
     * @param rates   exchange rates
     * @param leaves  leaves of absence; null means none; copied
     * @param payees  rep ids to pay, each in the org; null or empty for the default population; copied
     * @param targets targets set per payee; null means none
     * @throws NullPointerException   if org, quotas or rates is null, or a list holds a null
     * @throws SalesopsInputException if a named payee is not in the org (every one listed)
     */
    public CompContext(Org org, Quotas quotas, ExchangeRates rates, List<Leave> leaves, Set<String> payees,
                       PayeeTargets targets) {
        this(org, quotas, rates, leaves, payees, targets, DealPayments.none());
    }

    /**
     * A context without targets set per payee.
     *
     * @param org    the sales org
     * @param quotas quotas per rep and period
     * @param rates  exchange rates
     * @param leaves leaves of absence; null means none; copied
     * @param payees rep ids to pay, each in the org; null or empty for the default population; copied
     * @throws NullPointerException   if org, quotas or rates is null, or a list holds a null
     * @throws SalesopsInputException if a named payee is not in the org (every one listed)
     */
    public CompContext(Org org, Quotas quotas, ExchangeRates rates, List<Leave> leaves, Set<String> payees) {
        this(org, quotas, rates, leaves, payees, PayeeTargets.none());
    }

    /**
     * A context with the default payee population.
     *
     * @param org    the sales org
     * @param quotas quotas per rep and period
     * @param rates  exchange rates
     * @param leaves leaves of absence; copied
     */
    public CompContext(Org org, Quotas quotas, ExchangeRates rates, List<Leave> leaves) {
        this(org, quotas, rates, leaves, Set.of());
    }

    /**
     * A context with an org only: no quotas, no exchange rates, no leaves, the default payees. Enough for a
     * plan that needs no quota and credits in the plan currency.
     *
     * @param org the sales org
     * @return the context
     * @throws NullPointerException if {@code org} is null
     */
    public static CompContext of(Org org) {
        return new CompContext(org, Quotas.none(), ExchangeRates.none(), List.of());
    }

    /**
     * A context with an org and quotas: no exchange rates, no leaves, the default payees.
     *
     * @param org    the sales org
     * @param quotas quotas per rep and period
     * @return the context
     * @throws NullPointerException if either is null
     */
    public static CompContext of(Org org, Quotas quotas) {
        return new CompContext(org, quotas, ExchangeRates.none(), List.of());
    }

    /**
     * A copy with other exchange rates.
     *
     * @param newRates the exchange rates, replacing this context's
     * @return a copy with these exchange rates
     * @throws NullPointerException if {@code newRates} is null
     */
    public CompContext withRates(ExchangeRates newRates) {
        return new CompContext(org, quotas, newRates, leaves, payees, targets, payments);
    }

    /**
     * A copy with other leaves of absence.
     *
     * @param newLeaves the leaves, replacing this context's; null means none
     * @return a copy with these leaves
     * @throws NullPointerException if a leave is null
     */
    public CompContext withLeaves(List<Leave> newLeaves) {
        return new CompContext(org, quotas, rates, newLeaves, payees, targets, payments);
    }

    /**
     * Names who is paid, apart from the org chart (which still says who manages whom): an SE or a manager on
     * another plan stays in the org for overrides and roll-ups without becoming a payee of this one.
     *
     * @param repIds the reps to pay, each in the org; empty restores the default population; copied
     * @return a copy with these payees
     * @throws SalesopsInputException if a rep is not in the org (every one listed)
     * @throws NullPointerException   if {@code repIds} is null or holds a null
     */
    public CompContext withPayees(Collection<String> repIds) {
        return new CompContext(org, quotas, rates, leaves, Set.copyOf(repIds), targets, payments);
    }

    /**
     * A copy with bonus and MBO targets set per payee (a bonus target of 10,000 for one rep and 12,000 for
     * another), each replacing the plan's target for that payee and component.
     *
     * @param newTargets the targets, replacing this context's; {@link PayeeTargets#none()} for the plan's alone
     * @return a copy with these targets
     * @throws NullPointerException if {@code newTargets} is null
     */
    public CompContext withTargets(PayeeTargets newTargets) {
        return new CompContext(org, quotas, rates, leaves, payees, Objects.requireNonNull(newTargets, "newTargets"), payments);
    }

    /**
     * A copy with what customers paid against deals, which releases the commission of components paid on
     * collection ({@link io.salesops.comp.plan.Payout}).
     *
     * @param newPayments every payment to date (all history, as the credits hold every booking); replaces this
     *                    context's
     * @return a copy with these payments
     * @throws NullPointerException if {@code newPayments} is null
     */
    public CompContext withPayments(DealPayments newPayments) {
        return new CompContext(org, quotas, rates, leaves, payees, targets, Objects.requireNonNull(newPayments, "newPayments"));
    }
}
