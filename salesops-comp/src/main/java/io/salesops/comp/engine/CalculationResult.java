package io.salesops.comp.engine;

import io.salesops.comp.statement.Statement;
import io.salesops.core.money.Money;
import io.salesops.core.period.Period;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of calculating one period: a statement per payee (in org order), the state to carry into the
 * next period, and warnings about input the engine could not use (e.g. a credit whose payee is not in the
 * org, or a reversal of a deal that paid nobody). Immutable and thread-safe.
 *
 * @param period     the period calculated
 * @param planName   the plan (the version in effect at the end of the period)
 * @param currency   the plan currency
 * @param statements one per payee, in org order; copied
 * @param state      the state after this period
 * @param warnings   input that was not used, each naming the row and the reason; copied
 */
public record CalculationResult(Period period, String planName, Currency currency, List<Statement> statements,
                                CompState state, List<String> warnings) {
    /**
     * Checks for nulls and copies the lists.
     *
     * @param period     the period calculated
     * @param planName   the plan's name
     * @param currency   the plan currency
     * @param statements one per payee, in org order; copied
     * @param state      the state after this period
     * @param warnings   input that was not used, one sentence each; copied
     * @throws NullPointerException if {@code period}, {@code state} or a list is null, or a list holds a null
     */
    public CalculationResult {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(state, "state");
        statements = List.copyOf(statements);
        warnings = List.copyOf(warnings);
    }

    /**
     * One payee's statement.
     *
     * @param payeeId the payee's rep id, exact match
     * @return the statement, empty if {@code payeeId} is not a payee of this calculation
     */
    public Optional<Statement> statement(String payeeId) {
        return statements.stream().filter(s -> s.payeeId().equals(payeeId)).findFirst();
    }

    /** @return the sum of every statement's net pay, in the plan currency; zero with no statement */
    public Money totalNetPay() {
        long s = 0;
        for (Statement st : statements) {
            s = Math.addExact(s, st.netPay().minorUnits());
        }
        return Money.ofMinor(s, currency);
    }

    /** @return the sum of every statement's earnings, in the plan currency; zero with no statement */
    public Money totalEarned() {
        long s = 0;
        for (Statement st : statements) {
            s = Math.addExact(s, st.earned().minorUnits());
        }
        return Money.ofMinor(s, currency);
    }
}
