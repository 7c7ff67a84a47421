package io.salesops.io;

import io.salesops.core.money.Decimals;

/**
 * Parses a decimal amount straight to minor units, without {@code BigDecimal}: {@code 1234.56},
 * {@code -5}, and in a quoted field also {@code "1,234.56"}. More decimals than the currency has are an
 * error unless they are zeros, since dropping them would round silently. The byte reader reads the common
 * {@code digits[.digits]} from UTF-8 bytes ({@link #simpleMinor}) and leaves anything else to the full rules.
 */
final class Amounts {

    private static final long[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000,
        1_000_000_000L};

    private Amounts() {
    }

    /**
     * @param fractionDigits the currency's decimal places, 0 to 9
     * @throws IllegalArgumentException naming the value and the rule it breaks
     */
    static long parseMinor(char[] c, int start, int end, boolean quoted, int fractionDigits, String currencyCode) {
        int i = start;
        boolean negative = false;
        if (i < end && (c[i] == '-' || c[i] == '+')) {
            negative = c[i] == '-';
            i++;
        }
        long whole = 0;
        int intDigits = 0;
        int group = 0;
        boolean grouped = false;
        for (; i < end; i++) {
            char ch = c[i];
            if (ch >= '0' && ch <= '9') {
                if (intDigits >= 18) {
                    throw tooLarge(c, start, end);
                }
                whole = whole * 10 + (ch - '0');
                intDigits++;
                group++;
            } else if (ch == ',') {
                if (!quoted) {
                    throw bad(c, start, end, "is not a decimal amount; thousands separators are allowed only in quoted fields");
                }
                if (group == 0 || group > 3 || (grouped && group != 3)) {
                    throw bad(c, start, end, "is not a decimal amount; thousands separators must separate groups of three digits");
                }
                grouped = true;
                group = 0;
            } else {
                break;
            }
        }
        if (intDigits == 0 || (grouped && group != 3)) {
            throw bad(c, start, end, grouped ? "is not a decimal amount; thousands separators must separate groups of three digits"
                    : "is not a decimal amount");
        }
        long frac = 0;
        int fracDigits = 0;
        if (i < end && c[i] == '.') {
            i++;
            int fracStart = i;
            for (; i < end && c[i] >= '0' && c[i] <= '9'; i++) {
                if (fracDigits < fractionDigits) {
                    frac = frac * 10 + (c[i] - '0');
                    fracDigits++;
                } else if (c[i] != '0') {
                    while (i < end && c[i] >= '0' && c[i] <= '9') {
                        i++;
                    }
                    if (i == end) {
                        throw bad(c, start, end, "has " + (i - fracStart) + " decimal places; " + currencyCode
                                + (fractionDigits == 0 ? " has no minor unit" : " allows at most " + fractionDigits)
                                + " and amounts are not rounded");
                    }
                    break;
                }
            }
            if (i == fracStart) {
                throw bad(c, start, end, "is not a decimal amount; a decimal point needs digits after it");
            }
        }
        if (i != end) {
            throw bad(c, start, end, "is not a decimal amount");
        }
        try {
            long minor = Math.addExact(Math.multiplyExact(whole, POW10[fractionDigits]), frac * POW10[fractionDigits - fracDigits]);
            return negative ? -minor : minor;
        } catch (ArithmeticException e) {
            throw tooLarge(c, start, end);
        }
    }

    private static IllegalArgumentException tooLarge(char[] c, int start, int end) {
        return bad(c, start, end, "is too large an amount");
    }

    private static IllegalArgumentException bad(char[] c, int start, int end, String rule) {
        for (int i = start; i < end; i++) {
            char ch = c[i];
            if (!(ch >= '0' && ch <= '9') && ch != ',' && ch != '.' && ch != '-' && ch != '+') {
                // Letters or symbols: the detail about separators or decimals would mislead.
                rule = "is not a decimal amount";
                break;
            }
        }
        return new IllegalArgumentException(Decimals.quote(new String(c, start, end - start)) + " " + rule);
    }

    /**
     * @return the amount {@code digits[.digits]} in minor units, or -1 for anything else (a sign, grouping, more
     * decimals than the currency has, too many digits), which the exact way reads or rejects
     */
    static long simpleMinor(byte[] b, int s, int e, int fractionDigits) {
        if (fractionDigits > 9) {
            return -1;
        }
        int i = s;
        long whole = 0;
        int digits = 0;
        while (i < e && b[i] >= '0' && b[i] <= '9') {
            if (digits >= 18) {
                return -1;
            }
            whole = whole * 10 + (b[i++] - '0');
            digits++;
        }
        if (digits == 0) {
            return -1;
        }
        long frac = 0;
        int fracDigits = 0;
        if (i < e && b[i] == '.') {
            int fracStart = ++i;
            while (i < e && b[i] >= '0' && b[i] <= '9') {
                if (fracDigits < fractionDigits) {
                    frac = frac * 10 + (b[i] - '0');
                    fracDigits++;
                } else if (b[i] != '0') {
                    return -1;
                }
                i++;
            }
            if (i == fracStart) {
                return -1;
            }
        }
        if (i != e) {
            return -1;
        }
        long pow = POW10[fractionDigits];
        // below 10^18 when the digits are 18 at most: no division needed to know the sum fits
        if (digits + fractionDigits > 18 && whole > (Long.MAX_VALUE - frac * POW10[fractionDigits - fracDigits]) / pow) {
            return -1;
        }
        return whole * pow + frac * POW10[fractionDigits - fracDigits];
    }
}
