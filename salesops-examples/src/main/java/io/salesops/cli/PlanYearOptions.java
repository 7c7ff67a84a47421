package io.salesops.cli;

import io.salesops.core.money.Money;
import io.salesops.core.money.Percent;
import io.salesops.core.period.FiscalCalendar;
import io.salesops.core.period.Period;
import io.salesops.core.period.PeriodKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options that name a planning year and its target, shared by {@code quota plan} and {@code quota capacity}:
 * {@code --target}, {@code --currency}, {@code --fiscal-year} and {@code --fiscal-year-start}; with the parsers of
 * the amounts and percentages the planning commands take. A picocli mixin; not thread-safe.
 */
final class PlanYearOptions {

    @Option(names = "--target", required = true, paramLabel = "AMOUNT",
            description = "Bookings target of the year, e.g. 10000000 or \"USD 10000000\".")
    String target;

    @Option(names = "--currency", defaultValue = "USD", paramLabel = "CODE", description = "Currency of bare amounts (default: ${DEFAULT-VALUE}).")
    String currency;

    @Option(names = "--fiscal-year", required = true, paramLabel = "FY", description = "The plan year, e.g. FY2027.")
    String year;

    @Mixin
    FiscalYearStartOption yearStart;

    /** @return the fiscal calendar of {@code --fiscal-year-start} */
    FiscalCalendar calendar() {
        return yearStart.calendar();
    }

    /** @return {@code --target} as money (a bare number in {@code --currency}) */
    Money target() {
        return amount(target, currency, "target");
    }

    /** @return {@code --fiscal-year} in the fiscal calendar; {@code FY2027} or {@code 2027} */
    Period year() {
        FiscalCalendar calendar = calendar();
        Period p;
        try {
            p = calendar.parse(year);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("fiscal year \"" + year + "\" is not a year such as FY2027");
        }
        if (p.kind() != PeriodKind.YEAR) {
            throw new UserInputException("fiscal year \"" + year + "\" is a " + p.kind().name().toLowerCase(Locale.ROOT)
                    + "; give a year such as FY2027");
        }
        return p;
    }

    /**
     * Parses {@code 10000000}, {@code 10,000,000.00} or {@code "USD 10000000"}; a bare number is in {@code currency}.
     *
     * @param what the option's meaning for the message, e.g. {@code target}
     * @throws UserInputException naming the value if it is not an amount in reach of exact cents
     */
    static Money amount(String text, String currency, String what) {
        String s = text.strip();
        try {
            if (s.chars().anyMatch(Character::isLetter)) {
                return UserInputException.fromUser(what, () -> Money.parse(s));
            }
            BigDecimal d = new BigDecimal(s.replace(",", ""));
            if (d.precision() - d.scale() > 15) {
                throw new UserInputException(what + " \"" + text + "\" has more than 15 integer digits");
            }
            return Money.of(d, UserInputException.fromUser("--currency", () -> Money.currency(currency)));
        } catch (NumberFormatException e) {
            throw new UserInputException(what + " \"" + text + "\" is not an amount such as 10000000 or \"USD 10000000\"");
        } catch (ArithmeticException e) {
            throw new UserInputException(what + " \"" + text + "\": " + e.getMessage());
        }
    }

    /**
     * Parses {@code 10%}, {@code 10} or a list per level {@code 10%,5%}.
     *
     * @throws UserInputException naming the value if a part is not a percentage or is negative
     */
    static List<Percent> percents(String text, String what) {
        List<Percent> out = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            try {
                Percent p = Percent.of(part);
                if (p.value().signum() < 0) {
                    throw new UserInputException(what + " " + p + " is negative");
                }
                out.add(p);
            } catch (UserInputException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new UserInputException(what + " \"" + text + "\" is not a percentage such as 10% (or one per level: 10%,5%)");
            }
        }
        return out;
    }
}
