package io.salesops.core.crm;

import io.salesops.core.money.CurrencyMismatchException;
import io.salesops.core.money.Money;
import io.salesops.core.period.Period;
import io.salesops.core.problem.Problem;
import io.salesops.core.problem.SalesopsInputException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every rep's quotas, looked up by rep and period.
 *
 * <p>A quota for a period is the one set for exactly that period, or else the sum of the quotas set for
 * periods that tile it (three monthly quotas make a quarter's). Immutable and thread-safe.
 */
public final class Quotas {

    private static final Quotas NONE = new Quotas(List.of());

    private final List<Quota> all;
    private final Map<String, List<Quota>> byRep = new HashMap<>();
    /**
     * The quota set for exactly a period, by period, then rep: the common lookup (a commission run asks for every
     * payee's quota of the period) reads one entry instead of scanning the rep's quotas of every period.
     */
    private final Map<Period, Map<String, Money>> byPeriod = new HashMap<>();

    private Quotas(List<Quota> quotas) {
        this.all = quotas;
        for (Quota q : quotas) {
            byRep.computeIfAbsent(q.repId(), k -> new ArrayList<>()).add(q);
            // A rep has at most one quota per period (of() refuses two of one kind that overlap).
            byPeriod.computeIfAbsent(q.period(), k -> new HashMap<>()).put(q.repId(), q.amount());
        }
    }

    /**
     * Quotas from a list.
     *
     * @param quotas the quotas, not null
     * @return the quotas
     * @throws SalesopsInputException listing every rep with two quotas for overlapping periods, each problem at
     *                                {@code quotas[rep]}
     */
    public static Quotas of(Collection<Quota> quotas) {
        List<Quota> list = List.copyOf(quotas);
        List<Problem> problems = new ArrayList<>();
        Map<String, List<Quota>> seen = new HashMap<>();
        for (Quota q : list) {
            for (Quota other : seen.getOrDefault(q.repId(), List.of())) {
                if (other.period().overlaps(q.period()) && other.period().kind() == q.period().kind()) {
                    problems.add(Problem.at("quotas[" + q.repId() + "]", "rep " + q.repId() + " has two quotas for "
                            + q.period()));
                }
            }
            seen.computeIfAbsent(q.repId(), k -> new ArrayList<>()).add(q);
        }
        if (!problems.isEmpty()) {
            throw new SalesopsInputException("quotas are invalid: " + String.join("; ",
                    problems.stream().map(Problem::message).toList()), problems);
        }
        return new Quotas(list);
    }

    /**
     * No quotas: every lookup is empty.
     *
     * @return the shared empty instance
     */
    public static Quotas none() {
        return NONE;
    }

    /** @return every quota, in the order given */
    public List<Quota> all() {
        return all;
    }

    /**
     * The rep's quota for {@code period}: set for exactly that period, or the sum of quotas that tile it. Finer
     * kinds are tried from the shortest: a year is its twelve monthly quotas if all are set, else its four
     * quarterly ones, else its two halves. A partial tiling (two of three months) counts as none.
     *
     * @param repId  the rep's id, matched exactly; not null
     * @param period the period; not null
     * @return the quota, or empty if the rep has none for the period or for every part of it
     * @throws CurrencyMismatchException if the tiling quotas are in different currencies
     */
    public Optional<Money> quota(String repId, Period period) {
        Map<String, Money> set = byPeriod.get(period);
        Money exact = set == null ? null : set.get(repId);
        if (exact != null) {
            return Optional.of(exact);
        }
        List<Quota> qs = byRep.getOrDefault(repId, List.of());
        for (var kind : io.salesops.core.period.PeriodKind.values()) {
            if (kind.months() >= period.kind().months()) {
                break;
            }
            List<Period> parts = period.split(kind);
            List<Money> found = new ArrayList<>();
            for (Period part : parts) {
                qs.stream().filter(q -> q.period().equals(part)).findFirst().ifPresent(q -> found.add(q.amount()));
            }
            if (found.size() == parts.size()) {
                return Optional.of(Money.sum(found, found.get(0).currency()));
            }
        }
        return Optional.empty();
    }

    /** @return the reps that have at least one quota */
    public java.util.Set<String> reps() {
        return java.util.Collections.unmodifiableSet(byRep.keySet());
    }
}
