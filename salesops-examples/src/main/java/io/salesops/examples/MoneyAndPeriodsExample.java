package io.salesops.examples;

import io.salesops.core.money.Money;
import io.salesops.core.money.Percent;
import io.salesops.core.period.FiscalCalendar;
import io.salesops.core.period.Period;
import io.salesops.core.period.PeriodKind;
import java.io.PrintStream;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;

/**
 * Embedding example: exact money and fiscal periods. Run it with
 * {@code java -cp salesops.jar io.salesops.examples.MoneyAndPeriodsExample}.
 */
public final class MoneyAndPeriodsExample {
    private MoneyAndPeriodsExample() {
    }

    /** Prints the example to standard output. @param args ignored */
    public static void main(String[] args) {
        run(System.out);
    }

    /**
     * Prints the example.
     *
     * @param out where to print, not null
     */
    public static void run(PrintStream out) {
        // Money is exact: minor units in a long, never a double.
        Money deal = Money.parse("USD 1,234.56");
        Money renewal = Money.of("800.00", "USD");
        out.println("deal + renewal = " + deal.plus(renewal));

        // A rate times money is rounded once, with the rounding mode you name.
        Percent rate = Percent.of("12.5");
        out.println("commission " + rate + " of " + deal + " = " + deal.times(rate, RoundingMode.HALF_EVEN));

        // Splitting never loses a cent: the parts always sum to the whole.
        List<Money> thirds = Money.of("100.00", "USD").allocate(3);
        out.println("USD 100.00 split three ways = " + thirds);
        List<Money> split = Money.of("1000.00", "USD").allocate(60, 40);
        out.println("USD 1,000.00 split 60/40 = " + split);

        // A fiscal year that starts in February is named by the calendar year it ends in.
        FiscalCalendar fy = FiscalCalendar.startingIn(Month.FEBRUARY);
        LocalDate day = LocalDate.of(2026, 5, 15);
        Period quarter = fy.periodOf(day, PeriodKind.QUARTER);
        out.println(day + " is in fiscal quarter " + quarter + " (" + quarter.start() + " to " + quarter.end() + ")");
        out.println("its months: " + quarter.split(PeriodKind.MONTH));
        out.println("fiscal year " + quarter.fiscalYear() + " runs " + fy.year(quarter.fiscalYear()).start()
                + " to " + fy.year(quarter.fiscalYear()).end());
        out.println("days left in the quarter after " + day + ": " + quarter.daysBetween(day.plusDays(1), quarter.end()));
    }
}
