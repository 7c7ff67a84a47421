package io.salesops.comp.internal;

import io.salesops.comp.input.Credit;
import io.salesops.core.problem.Problem;
import io.salesops.core.problem.SalesopsInputException;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the units a SPIFF per unit pays for from a credit's quantity column, within bounds: a plain decimal from
 * 0 to {@value #MAX_UNITS} with at most {@value #MAX_DECIMALS} decimals. A qualifying credit whose cell is
 * empty, not such a number, or out of bounds is an input error naming the credit, the column and the cell, never
 * a silent 0. Stateless; thread-safe.
 */
final class SpiffUnits {

    static final long MAX_UNITS = 1_000_000;
    static final int MAX_DECIMALS = 4;
    private static final Pattern PLAIN = Pattern.compile("\\+?[0-9]{1,15}(\\.[0-9]{1,12})?|\\+?\\.[0-9]{1,12}");

    private SpiffUnits() {
    }

    /**
     * @param credit a credit the SPIFF pays for
     * @param column the quantity column
     * @return the credit's units, 0 to {@value #MAX_UNITS}
     * @throws SalesopsInputException naming the credit and cell if the cell is not such a number
     */
    static BigDecimal of(Credit credit, String column) {
        String cell = credit.attribute(column);
        String t = cell == null ? "" : cell.strip();
        if (t.isEmpty()) {
            throw bad(credit, column, cell, "is empty; a deal the SPIFF pays per unit needs its number of units");
        }
        if (!PLAIN.matcher(t).matches()) {
            throw bad(credit, column, cell, "is not a plain number of units, 0 or more (such as 12 or 2.5)");
        }
        BigDecimal u = new BigDecimal(t);
        if (u.compareTo(BigDecimal.valueOf(MAX_UNITS)) > 0) {
            throw bad(credit, column, cell, "is above " + MAX_UNITS + " units a deal");
        }
        if (u.stripTrailingZeros().scale() > MAX_DECIMALS) {
            throw bad(credit, column, cell, "has more than " + MAX_DECIMALS + " decimals");
        }
        return u;
    }

    private static SalesopsInputException bad(Credit c, String column, String cell, String why) {
        return new SalesopsInputException(List.of(Problem.at("credits[" + c.id() + "]." + column,
                "credit " + c.id() + " has " + column + " \"" + (cell == null ? "" : cell) + "\", which " + why
                        + "; the plan pays its SPIFF per unit of " + column)));
    }
}
