package io.salesops.comp.statement;

import io.salesops.core.money.Money;
import io.salesops.core.period.Period;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One payee's commission statement for one period: the lines, what each component measured, and the totals.
 *
 * <p>The totals always equal the sum of their lines to the cent: {@code earned} is the sum of the earning
 * lines (commission, bonus, SPIFF, caps, floors, clawbacks) and {@code netPay} the sum of all lines (draws,
 * recoveries and guarantees too). The constructor refuses a statement that does not add up.
 * Immutable and thread-safe.
 *
 * @param payeeId     the payee's rep id
 * @param planName    the plan (the version in effect at the end of the period)
 * @param period      the period the statement pays
 * @param currency    the plan currency
 * @param components  per-component measures, in plan order; copied
 * @param lines       every line, in the order computed; copied
 * @param earned      sum of the earning lines
 * @param netPay      sum of all lines: what is paid this period (negative if the payee owes)
 * @param drawBalance recoverable draw balance carried forward, never negative
 * @param ytdEarned   earned in the fiscal year to date, this period included
 * @param ytdPaid     paid in the fiscal year to date, this period included
 * @param held        earned and not yet paid after this period, by components paid later (on collection, in
 *                    instalments); zero for a plan that pays as it earns
 */
public record Statement(String payeeId, String planName, Period period, Currency currency,
                        List<ComponentResult> components, List<PayoutLine> lines, Money earned, Money netPay,
                        Money drawBalance, Money ytdEarned, Money ytdPaid, Money held) {

    /**
     * Checks that the totals add up.
     *
     * @param payeeId     the payee's rep id
     * @param planName    the plan's name
     * @param period      the period the statement pays
     * @param currency    the plan currency
     * @param components  per-component measures, in plan order; copied
     * @param lines       every line, in the order computed; copied
     * @param earned      the sum of the earning lines, exactly
     * @param netPay      the sum of all lines, exactly; negative if the payee owes
     * @param drawBalance recoverable draw balance carried forward, zero or more
     * @param ytdEarned   earned in the fiscal year to date, this period included
     * @param ytdPaid     paid in the fiscal year to date, this period included
     * @param held        earned and not yet paid after this period; null means zero
     * @throws IllegalStateException if {@code earned} or {@code netPay} differs from the sum of its lines
     * @throws NullPointerException  if {@code payeeId}, {@code period}, {@code currency}, a list, {@code earned}
     *                               or {@code netPay} is null
     */
    public Statement {
        Objects.requireNonNull(payeeId, "payeeId");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(currency, "currency");
        held = held == null ? Money.zero(currency) : held;
        components = List.copyOf(components);
        lines = List.copyOf(lines);
        long e = 0;
        long n = 0;
        for (PayoutLine l : lines) {
            n = Math.addExact(n, l.amount().minorUnits());
            if (l.kind().isEarning()) {
                e = Math.addExact(e, l.amount().minorUnits());
            }
        }
        if (e != earned.minorUnits() || n != netPay.minorUnits()) {
            throw new IllegalStateException("statement of " + payeeId + " for " + period + " does not add up: earned "
                    + earned + " vs lines " + Money.ofMinor(e, currency) + ", net " + netPay + " vs lines "
                    + Money.ofMinor(n, currency));
        }
    }

    /**
     * A statement with nothing held for later.
     *
     * @param payeeId     the payee's rep id
     * @param planName    the plan's name
     * @param period      the period the statement pays
     * @param currency    the plan currency
     * @param components  per-component measures, in plan order; copied
     * @param lines       every line, in the order computed; copied
     * @param earned      the sum of the earning lines, exactly
     * @param netPay      the sum of all lines, exactly; negative if the payee owes
     * @param drawBalance recoverable draw balance carried forward, zero or more
     * @param ytdEarned   earned in the fiscal year to date, this period included
     * @param ytdPaid     paid in the fiscal year to date, this period included
     * @throws IllegalStateException if {@code earned} or {@code netPay} differs from the sum of its lines
     * @throws NullPointerException  if {@code payeeId}, {@code period}, {@code currency}, a list, {@code earned}
     *                               or {@code netPay} is null
     */
    public Statement(String payeeId, String planName, Period period, Currency currency,
                     List<ComponentResult> components, List<PayoutLine> lines, Money earned, Money netPay,
                     Money drawBalance, Money ytdEarned, Money ytdPaid) {
        this(payeeId, planName, period, currency, components, lines, earned, netPay, drawBalance, ytdEarned, ytdPaid,
                null);
    }

    /**
     * What one component measured and paid.
     *
     * @param name the component's name, exact match
     * @return the component's result, empty if the plan has no component of that name
     */
    public Optional<ComponentResult> component(String name) {
        return components.stream().filter(c -> c.component().equals(name)).findFirst();
    }

    /**
     * The lines of one kind, e.g. every {@link LineKind#CLAWBACK}.
     *
     * @param kind the kind wanted
     * @return those lines in statement order; empty if none, unmodifiable
     */
    public List<PayoutLine> lines(LineKind kind) {
        return lines.stream().filter(l -> l.kind() == kind).toList();
    }

    /**
     * The pay of one component: the sum of its lines, caps and clawbacks included.
     *
     * @param componentName the component's name, exact match
     * @return the sum in the plan currency; zero if the component has no line (or does not exist)
     * @throws NullPointerException if {@code componentName} is null
     */
    public Money payOf(String componentName) {
        long s = 0;
        for (PayoutLine l : lines) {
            if (componentName.equals(l.component())) {
                s = Math.addExact(s, l.amount().minorUnits());
            }
        }
        return Money.ofMinor(s, currency);
    }

    /** @return the statement as text a payee can read: one line per payout line, then the totals */
    public String explain() {
        StringBuilder sb = new StringBuilder();
        sb.append("Statement for ").append(payeeId).append(", ").append(period).append(", plan ").append(planName).append('\n');
        for (ComponentResult c : components) {
            sb.append("  ").append(c.component()).append(": measured ").append(c.measure());
            if (c.quota() != null) {
                sb.append(" against quota ").append(c.quota());
            }
            c.attainment().ifPresent(a -> sb.append(" = ")
                    .append(a.value().setScale(2, RoundingMode.HALF_EVEN).toPlainString()).append("% attainment"));
            sb.append('\n');
        }
        for (PayoutLine l : lines) {
            sb.append(String.format("  %-14s %-16s %20s  %s%n", l.kind(), l.component() == null ? "-" : l.component(),
                    l.amount().toString(), l.formula()));
        }
        sb.append("  earned ").append(earned).append(", net pay ").append(netPay);
        if (drawBalance.isPositive()) {
            sb.append(", draw balance ").append(drawBalance);
        }
        if (held.isPositive()) {
            sb.append(", held until due ").append(held);
        }
        sb.append('\n');
        return sb.toString();
    }
}
