package io.salesops.cli;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The one place every CSV the command line writes gets its cells: text that a spreadsheet would run as a formula
 * ({@code =HYPERLINK(...)}, {@code @SUM(1+1)}, {@code +1}, {@code -2+3}, or a leading tab or carriage return) is
 * prefixed with a single quote, as OWASP advises against CSV injection, so a payee or credit id from a CRM cannot
 * become a live formula. Numbers stay numbers: a clawback's {@code -500.00} is written as is. Stateless.
 */
final class CsvCells {

    /** A plain decimal, optionally signed, optionally in E notation: what a spreadsheet reads as a number. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private CsvCells() {
    }

    /**
     * @return the cell's text, neutralised if it is text that starts like a formula; numbers as plain decimals;
     * empty for null
     */
    static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Number) {
            return v.toString();
        }
        return neutralise(v.toString());
    }

    /** @return {@code s} with a leading single quote if a spreadsheet would take it for a formula */
    static String neutralise(String s) {
        if (s.isEmpty()) {
            return s;
        }
        char c = s.charAt(0);
        boolean risky = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
        return risky && !NUMBER.matcher(s).matches() ? "'" + s : s;
    }

    /** @return the cell as an RFC 4180 field: neutralised, and quoted when it holds a comma, quote or line break */
    static String field(Object v) {
        String s = text(v);
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
