package io.salesops.cli;

import io.salesops.core.crm.Opportunity;
import io.salesops.core.money.Money;
import io.salesops.core.period.FiscalCalendar;
import io.salesops.core.period.Period;
import io.salesops.core.period.PeriodKind;
import io.salesops.examples.sample.SampleCompany;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What every {@link DemoSection} works on: the sample company and the demo's fixed as-of date, with small
 * helpers for the periods and sums that most sections need.
 *
 * <p>Immutable and thread-safe.
 *
 * @param company the sample data set, not null
 * @param asOf    the day the demo stands on, not null; {@link SampleCompany#AS_OF} for the standard demo
 * @param chart   where sections that draw may write a chart (PNG or SVG), or null to draw nothing
 */
public record DemoContext(SampleCompany company, LocalDate asOf, java.nio.file.Path chart) {

    /** The widest line a section may print. */
    public static final int WIDTH = 100;

    /** Checks the fields. @throws NullPointerException if one is null */
    public DemoContext {
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(asOf, "asOf");
    }

    /** The standard demo: {@link SampleCompany#get()} as of {@link SampleCompany#AS_OF}. */
    public static DemoContext standard() {
        SampleCompany c = SampleCompany.get();
        return new DemoContext(c, c.asOf(), null);
    }

    /** @return this context with charts written to {@code file} (null for none) */
    public DemoContext withChart(java.nio.file.Path file) {
        return new DemoContext(company, asOf, file);
    }

    /** @return the company's fiscal calendar */
    public FiscalCalendar calendar() {
        return company.calendar();
    }

    /** @return the quarter containing {@link #asOf()} */
    public Period currentQuarter() {
        return calendar().periodOf(asOf, PeriodKind.QUARTER);
    }

    /** @return the last quarter that ended before {@link #asOf()} */
    public Period lastClosedQuarter() {
        return currentQuarter().previous();
    }

    /** @return the last {@code n} quarters that ended before {@link #asOf()}, oldest first */
    public List<Period> closedQuarters(int n) {
        return lastClosedQuarter().plus(-(n - 1)).through(lastClosedQuarter());
    }

    /** @return the opportunities won with a close date in {@code period} */
    public List<Opportunity> wonIn(Period period) {
        return closedIn(period, Opportunity::isWon);
    }

    /** @return the opportunities closed (won or lost) in {@code period} that pass {@code filter} */
    public List<Opportunity> closedIn(Period period, Predicate<Opportunity> filter) {
        return company.opportunities().stream()
                .filter(o -> !o.isOpen() && period.contains(o.closeDate()) && filter.test(o))
                .toList();
    }

    /** @return the sum of the amounts, zero in the company currency if empty */
    public Money sum(List<Opportunity> opportunities) {
        Money total = Money.zero(SampleCompany.CURRENCY);
        for (Opportunity o : opportunities) {
            total = total.plus(o.amount());
        }
        return total;
    }
}
