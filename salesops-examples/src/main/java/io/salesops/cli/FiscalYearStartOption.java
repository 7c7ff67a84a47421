package io.salesops.cli;

import io.salesops.core.period.FiscalCalendar;
import java.time.Month;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * A picocli mixin adding {@code --fiscal-year-start MONTH} (a name such as {@code february}, {@code feb}, or a
 * number; default {@code january}) to the planning commands: {@code @Mixin FiscalYearStartOption yearStart;}.
 * Not thread-safe (a picocli option holder).
 */
final class FiscalYearStartOption {

    @Option(names = "--fiscal-year-start", defaultValue = "january", paramLabel = "MONTH",
            description = "First month of the fiscal year (default: ${DEFAULT-VALUE}); FY2027 ends in 2027.")
    String yearStart = "january";

    /**
     * @return the fiscal calendar starting in the month given
     * @throws UserInputException if the value is not a month
     */
    FiscalCalendar calendar() {
        String s = yearStart.strip().toUpperCase(Locale.ROOT);
        try {
            return FiscalCalendar.startingIn(Month.of(Integer.parseInt(s)));
        } catch (NumberFormatException e) {
            for (Month m : Month.values()) {
                if (m.name().equals(s) || (s.length() >= 3 && m.name().startsWith(s))) {
                    return FiscalCalendar.startingIn(m);
                }
            }
        } catch (java.time.DateTimeException e) {
            // falls through to the message below
        }
        throw new UserInputException("fiscal year start \"" + yearStart + "\" is not a month such as february or 2");
    }
}
