package io.salesops.comp.plan;

import io.salesops.comp.input.CompContext;
import io.salesops.comp.input.Credit;
import io.salesops.comp.input.MissingRateException;
import io.salesops.comp.internal.VersionOverlaps;
import io.salesops.core.crm.Quota;
import io.salesops.core.money.Money;
import io.salesops.core.org.Rep;
import io.salesops.core.period.Period;
import io.salesops.core.problem.Problem;
import io.salesops.core.problem.SalesopsInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds every problem in a plan at once, each with a path such as {@code components[2].pay.tiers[1].upTo}:
 * gaps or overlaps in a tier table, negative rates, a cap below a floor, an unknown attribute, a currency
 * without an exchange rate, a quota missing for a payee.
 *
 * <p>Stateless and thread-safe.
 */
public final class PlanValidator {

    private PlanValidator() {
    }

    /**
     * The problems of {@code plan}, checked against {@code context} when it is not null.
     *
     * @param plan    the plan to check; not changed
     * @param context org, quotas and rates, or null to check the plan alone
     * @return every problem found, in plan order; empty if the plan is valid
     */
    public static List<PlanProblem> validate(CompPlan plan, CompContext context) {
        return validate(plan, context, null, null);
    }

    /**
     * The problems of {@code plan} for a calculation of {@code period} over {@code credits}: besides the plan's
     * own problems, every payee without a quota for the period in a component that needs one, and every
     * credit whose currency has no exchange rate to the plan currency on its date.
     *
     * @param plan    the plan to check; not changed
     * @param context org, quotas and rates, or null
     * @param period  the period to be calculated, or null to skip the quota check per period
     * @param credits the credits to be calculated, or null to skip the exchange-rate check per credit
     * @return every problem found; empty if valid
     */
    public static List<PlanProblem> validate(CompPlan plan, CompContext context, Period period,
                                             Collection<Credit> credits) {
        List<PlanProblem> out = new ArrayList<>();
        Set<String> known = new HashSet<>(Credit.BUILT_IN_ATTRIBUTES);
        known.addAll(plan.attributes());
        if (plan.components().isEmpty()) {
            out.add(new PlanProblem("components", "plan \"" + plan.name() + "\" has no components"));
        }
        Set<String> names = new HashSet<>();
        for (Component c : plan.components()) {
            names.add(c.name());
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < plan.components().size(); i++) {
            Component c = plan.components().get(i);
            String p = "components[" + i + "]";
            if (c.name().isBlank()) {
                out.add(new PlanProblem(p + ".name", "component name is blank"));
            } else if (!seen.add(c.name())) {
                out.add(new PlanProblem(p + ".name", "component name \"" + c.name() + "\" is used more than once"));
            }
            condition(c.crediting().when(), p + ".crediting.when", known, out);
            PayRuleChecks.check(plan, c, p, out);
            for (int g = 0; g < c.gates().size(); g++) {
                Gate gate = c.gates().get(g);
                String gp = p + ".gates[" + g + "]";
                if (gate.component() != null && !names.contains(gate.component())) {
                    out.add(new PlanProblem(gp + ".component", "gate refers to component \"" + gate.component()
                            + "\", which the plan does not have"));
                }
                if (gate.threshold().signum() < 0) {
                    out.add(new PlanProblem(gp + ".threshold", "gate threshold " + gate.threshold().toPlainString() + " is negative"));
                }
            }
            for (int k = 0; k < c.caps().size(); k++) {
                Cap cap = c.caps().get(k);
                String cp = p + ".caps[" + k + "].limit";
                money(plan, cap.limit(), cp, "cap", out);
                if (c.floor() != null && cap.scope() == Cap.Scope.PER_PERIOD && sameCurrency(cap.limit(), c.floor())
                        && cap.limit().isLessThan(c.floor())) {
                    out.add(new PlanProblem(cp, cap.describe() + " is below the floor " + c.floor()
                            + "; a period could never pay both"));
                }
            }
            if (c.floor() != null) {
                money(plan, c.floor(), p + ".floor", "floor", out);
            }
        }
        PayoutChecks.check(plan, out);
        if (plan.rounding() == java.math.RoundingMode.UNNECESSARY) {
            out.add(new PlanProblem("rounding", "rounding unnecessary would stop the calculation at the first rate"
                    + " times amount that falls between two cents; name how to round: half_even, half_up, down, ..."));
        }
        for (int k = 0; k < plan.totalCaps().size(); k++) {
            Cap cap = plan.totalCaps().get(k);
            money(plan, cap.limit(), "totalCaps[" + k + "].limit", "total cap", out);
            if (cap.scope() == Cap.Scope.PER_DEAL) {
                out.add(new PlanProblem("totalCaps[" + k + "].scope", "a total cap limits a period or a year, not a deal"));
            }
        }
        if (plan.draw() != null) {
            money(plan, plan.draw().amount(), "draw.amount", "draw", out);
            if (plan.draw().to() != null && plan.draw().to().isBefore(plan.draw().from())) {
                out.add(new PlanProblem("draw.to", "draw ends on " + plan.draw().to() + ", before it starts on " + plan.draw().from()));
            }
        }
        if (plan.guarantee() != null) {
            money(plan, plan.guarantee().amount(), "guarantee.amount", "guarantee", out);
            if (plan.guarantee().to() != null && plan.guarantee().to().isBefore(plan.guarantee().from())) {
                out.add(new PlanProblem("guarantee.to", "guarantee ends on " + plan.guarantee().to()
                        + ", before it starts on " + plan.guarantee().from()));
            }
        }
        QuotaProration pr = plan.proration();
        if (pr.method() == QuotaProration.Method.BY_WEIGHTS) {
            if (pr.weights().isEmpty()) {
                out.add(new PlanProblem("proration.weights", "proration by weights lists no weights"));
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (int w = 0; w < pr.weights().size(); w++) {
                if (pr.weights().get(w).signum() < 0) {
                    out.add(new PlanProblem("proration.weights[" + w + "]", "weight " + pr.weights().get(w).toPlainString() + " is negative"));
                }
                sum = sum.add(pr.weights().get(w));
            }
            if (!pr.weights().isEmpty() && sum.signum() <= 0) {
                out.add(new PlanProblem("proration.weights", "proration weights sum to " + sum.toPlainString() + "; they must sum to more than 0"));
            }
        }
        if (plan.effectiveFrom() != null && plan.effectiveTo() != null && plan.effectiveTo().isBefore(plan.effectiveFrom())) {
            out.add(new PlanProblem("effectiveTo", "plan ends on " + plan.effectiveTo() + ", before it starts on " + plan.effectiveFrom()));
        }
        if (context != null) {
            contextProblems(plan, context, period, credits, out, out);
        }
        return List.copyOf(out);
    }

    /**
     * The problems of effective-dated versions of one plan taken together: every two versions that share a day,
     * located at the later version ({@code versions[1].effectiveFrom}). The engine never decides which of two
     * overlapping versions pays by cutting one short; the caller ends the earlier version the day before.
     *
     * @param versions the versions, in any order
     * @return every overlap found; empty if no two versions share a day
     */
    public static List<PlanProblem> validateVersions(List<CompPlan> versions) {
        List<PlanProblem> out = new ArrayList<>();
        for (VersionOverlaps.Overlap o : VersionOverlaps.find(versions)) {
            CompPlan earlier = versions.get(o.earlier());
            CompPlan later = versions.get(o.later());
            String fix = later.effectiveFrom() == null
                    ? "give versions[" + o.later() + "] an effectiveFrom after versions[" + o.earlier() + "] ends"
                    : "end versions[" + o.earlier() + "] with effectiveTo " + later.effectiveFrom().minusDays(1);
            out.add(new PlanProblem("versions[" + o.later() + "]." + (later.effectiveFrom() != null ? "effectiveFrom" : "effectiveTo"),
                    "version \"" + later.name() + "\" (" + VersionOverlaps.span(later) + ") overlaps versions[" + o.earlier()
                    + "] \"" + earlier.name() + "\" (" + VersionOverlaps.span(earlier) + ") on " + o.shared()
                    + "; versions of a plan must not share a day (" + fix + ")"));
        }
        return List.copyOf(out);
    }

    /**
     * Checks a calculation of {@code period} over {@code credits} before it runs, telling a wrong plan from wrong
     * data: the plan's own problems throw a {@link PlanValidationException}; a plan that is fine but meets input
     * it cannot be calculated on (a payee without a quota, an amount without an exchange rate) throws an input
     * exception that names the data, never "plan is invalid".
     *
     * @param plan    the plan to check; not changed
     * @param context org, quotas and rates
     * @param period  the period to be calculated, or null to skip the quota check per period
     * @param credits the credits to be calculated, or null to skip the exchange-rate check per credit
     * @throws PlanValidationException if the plan itself has problems
     * @throws MissingRateException    if the only problems are amounts without an exchange rate (all of them listed)
     * @throws SalesopsInputException  if the data has other problems (all of them listed)
     */
    public static void check(CompPlan plan, CompContext context, Period period, Collection<Credit> credits) {
        List<PlanProblem> own = validate(plan, null);
        if (!own.isEmpty()) {
            throw new PlanValidationException(plan.name(), own);
        }
        List<PlanProblem> data = new ArrayList<>();
        List<PlanProblem> rates = new ArrayList<>();
        contextProblems(plan, context, period, credits, data, rates);
        if (data.isEmpty() && rates.isEmpty()) {
            return;
        }
        if (data.isEmpty()) {
            throw new MissingRateException(rates.stream().map(PlanProblem::toProblem).toList());
        }
        data.addAll(rates);
        List<Problem> problems = data.stream().map(PlanProblem::toProblem).toList();
        throw new SalesopsInputException("the input cannot be calculated with plan \"" + plan.name() + "\": "
                + String.join("; ", data.stream().map(Object::toString).toList()), problems);
    }

    /** Adds the data's problems to {@code out}, and those of missing exchange rates to {@code rates}. */
    private static void contextProblems(CompPlan plan, CompContext ctx, Period period, Collection<Credit> credits,
                                        List<PlanProblem> out, List<PlanProblem> rates) {
        List<Component> needing = plan.components().stream().filter(Component::needsQuota).toList();
        // Without named payees, the payees are the reps with a quota serving the period (Payees), so none
        // can miss one: only named payees need the check.
        if (!needing.isEmpty() && !ctx.payees().isEmpty()) {
            String names = String.join(", ", needing.stream().map(Component::name).toList());
            for (Rep rep : Payees.of(List.of(plan), ctx, period)) {
                boolean missing = period == null
                        ? ctx.quotas().all().stream().noneMatch(q -> q.repId().equals(rep.id()))
                        : io.salesops.comp.internal.QuotaSource.find(ctx.quotas(), rep.id(), period).isEmpty();
                if (missing) {
                    out.add(new PlanProblem("quotas[" + rep.id() + "]", "rep " + rep.id() + " has no quota"
                            + (period == null ? "" : " for " + period) + ", which " + names + " need"
                            + (needing.size() == 1 ? "s" : "")));
                }
            }
        }
        Set<String> reported = new TreeSet<>();
        for (Quota q : ctx.quotas().all()) {
            if (!q.amount().currency().equals(plan.currency())
                    && !ctx.rates().hasPair(q.amount().currency(), plan.currency())
                    && reported.add(q.amount().currency().getCurrencyCode())) {
                rates.add(new PlanProblem("quotas[" + q.repId() + "]", "quota currency " + q.amount().currency()
                        + " has no exchange rate to the plan currency " + plan.currency()));
            }
        }
        if (credits != null) {
            int i = 0;
            for (Credit c : credits) {
                if (!c.amount().currency().equals(plan.currency())
                        && ctx.rates().rate(c.amount().currency(), plan.currency(), c.date()).isEmpty()) {
                    rates.add(new PlanProblem("credits[" + i + "].amount", "credit " + c.id() + " is in "
                            + c.amount().currency() + ", which has no exchange rate to " + plan.currency()
                            + " effective on " + c.date()));
                }
                i++;
            }
        }
    }

    /**
     * The problems of the targets set per payee in {@code context} against the plan versions and the org: a
     * payee not in the org, a component that no version has, a component that pays no target (a rate, a tier
     * table or a SPIFF: only a bonus or MBO has one), and a target not in the plan currency. Each problem is at
     * {@code targets[i]} (the index in {@link io.salesops.comp.input.PayeeTargets#all()}), so a reader can name
     * the line it came from.
     *
     * @param versions the plan versions; not changed
     * @param context  the org and the targets
     * @return every problem found; empty if the targets are usable
     * @throws NullPointerException if an argument is null
     */
    public static List<PlanProblem> validateTargets(List<CompPlan> versions, CompContext context) {
        List<PlanProblem> out = new ArrayList<>();
        List<io.salesops.comp.input.PayeeTarget> all = context.targets().all();
        for (int i = 0; i < all.size(); i++) {
            io.salesops.comp.input.PayeeTarget t = all.get(i);
            String path = "targets[" + i + "]";
            if (!context.org().contains(t.payeeId())) {
                out.add(new PlanProblem(path + ".payee", "payee " + t.payeeId() + " is not in the org"));
            }
            Set<String> withTarget = new TreeSet<>();
            Component named = null;
            CompPlan in = null;
            for (CompPlan v : versions) {
                for (Component c : v.components()) {
                    boolean takes = c.pay() instanceof PayRule.Bonus || c.pay() instanceof PayRule.Mbo;
                    if (takes) {
                        withTarget.add(c.name());
                    }
                    if (c.name().equals(t.component()) && (named == null || takes)) {
                        named = c;
                        in = v;
                    }
                }
            }
            if (named == null) {
                out.add(new PlanProblem(path + ".component", "the plan has no component \"" + t.component()
                        + "\" (target of payee " + t.payeeId() + "); components with a target: " + withTarget));
            } else if (!(named.pay() instanceof PayRule.Bonus || named.pay() instanceof PayRule.Mbo)) {
                out.add(new PlanProblem(path + ".component", "component \"" + t.component() + "\" pays "
                        + PayRuleChecks.describe(named.pay()) + ", which has no target; a target set per payee replaces"
                        + " the target of a bonus or MBO" + (withTarget.isEmpty() ? "" : " " + withTarget)));
            } else if (!t.target().currency().equals(in.currency())) {
                out.add(new PlanProblem(path + ".target", "target " + t.target() + " of payee " + t.payeeId()
                        + " is not in the plan currency " + in.currency()));
            }
        }
        return out;
    }

    private static boolean sameCurrency(Money a, Money b) {
        return a.currency().equals(b.currency());
    }

    static void money(CompPlan plan, Money m, String path, String what, List<PlanProblem> out) {
        if (!m.currency().equals(plan.currency())) {
            out.add(new PlanProblem(path, what + " " + m + " is not in the plan currency " + plan.currency()));
        }
        if (m.isNegative()) {
            out.add(new PlanProblem(path, what + " " + m + " is negative"));
        }
    }

    private static void condition(Condition c, String path, Set<String> known, List<PlanProblem> out) {
        for (String a : c.attributes()) {
            if (!known.contains(a)) {
                out.add(new PlanProblem(path, "unknown attribute \"" + a + "\"; declare it in the plan's attributes"
                        + " or use a built-in one " + new TreeSet<>(Credit.BUILT_IN_ATTRIBUTES)));
            }
        }
        ranges(c, path, out);
    }

    private static void ranges(Condition c, String path, List<PlanProblem> out) {
        if (c instanceof Condition.Range r && r.min() != null && r.max() != null) {
            int cmp = r.kind() == Condition.RangeKind.NUMBER
                    ? new BigDecimal(r.min()).compareTo(new BigDecimal(r.max()))
                    : java.time.LocalDate.parse(r.min()).compareTo(java.time.LocalDate.parse(r.max()));
            if (cmp > 0 || (cmp == 0 && !(r.minInclusive() && r.maxInclusive()))) {
                out.add(new PlanProblem(path, "range on " + r.attribute() + " from " + r.min() + " to " + r.max()
                        + " is empty"));
            }
        } else if (c instanceof Condition.And a) {
            for (int i = 0; i < a.all().size(); i++) {
                ranges(a.all().get(i), path + ".all[" + i + "]", out);
            }
        } else if (c instanceof Condition.Or o) {
            for (int i = 0; i < o.any().size(); i++) {
                ranges(o.any().get(i), path + ".any[" + i + "]", out);
            }
        } else if (c instanceof Condition.Not n) {
            ranges(n.condition(), path + ".condition", out);
        }
    }






}
