package io.salesops.core.money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Objects;

/** Reading and writing {@link Money} as text, kept apart from the value type's arithmetic. */
final class MoneyText {

    private MoneyText() {
    }

    /** See {@link Money#parse(String)}. */
    static Money parse(String text) {
        Objects.requireNonNull(text, "text");
        String s = text.strip();
        boolean negative = false;
        if (s.startsWith("-")) {
            negative = true;
            s = s.substring(1).strip();
        }
        String code;
        String number;
        if (s.length() >= 3 && isLetters(s.substring(0, 3))) {
            code = s.substring(0, 3);
            number = s.substring(3).strip();
        } else if (s.length() >= 3 && isLetters(s.substring(s.length() - 3))) {
            code = s.substring(s.length() - 3);
            number = s.substring(0, s.length() - 3).strip();
        } else {
            throw new IllegalArgumentException("money " + Decimals.quote(text) + " has no ISO 4217 currency code, expected e.g. \"USD 1,234.56\"");
        }
        String digits = number.replace(",", "");
        if (negative && (digits.startsWith("-") || digits.startsWith("+"))) {
            // "-USD -5.00" is not USD 5.00: two signs are a typo, not a double negation to resolve for the user.
            throw new IllegalArgumentException("money " + Decimals.quote(text) + " has two signs, expected e.g. \"USD -5.00\"");
        }
        if (digits.isEmpty() || !digits.matches("[-+]?\\d+(\\.\\d+)?")) {
            throw new IllegalArgumentException("money " + Decimals.quote(text) + " has no valid amount, expected e.g. \"USD 1,234.56\"");
        }
        Money m = Money.of(new BigDecimal(digits), Money.currency(code.toUpperCase(Locale.ROOT)));
        return negative ? m.negate() : m;
    }

    /**
     * Refuses {@code Money.of("USD", "1234.56")} with a message that shows the right order, rather than saying
     * "USD" is not a number.
     */
    static void refuseSwapped(String amount, String currencyCode) {
        if (isCurrencyCode(amount) && looksLikeAmount(currencyCode)) {
            throw new IllegalArgumentException("Money.of(\"" + amount.strip() + "\", \"" + currencyCode.strip()
                    + "\") has its arguments swapped: the amount comes first, Money.of(\"" + currencyCode.strip()
                    + "\", \"" + amount.strip() + "\")");
        }
    }

    /** A decimal amount from text, bounded as {@link Decimals#parse(String)} bounds it, with a message for money. */
    static BigDecimal decimal(String amount) {
        Objects.requireNonNull(amount, "amount");
        try {
            return Decimals.parse(amount);
        } catch (BadDecimalException e) {
            if (e.reason() == BadDecimalException.Reason.NOT_A_NUMBER) {
                throw new BadDecimalException(e.reason(), Decimals.quote(amount.strip()) + " is not a decimal amount");
            }
            throw e;
        }
    }

    /** The amount with thousands grouping, {@code "-1,234.56"}. */
    static String grouped(BigDecimal amount) {
        String plain = amount.abs().toPlainString();
        int dot = plain.indexOf('.');
        String intPart = dot < 0 ? plain : plain.substring(0, dot);
        String frac = dot < 0 ? "" : plain.substring(dot);
        StringBuilder sb = new StringBuilder();
        int len = intPart.length();
        for (int i = 0; i < len; i++) {
            if (i > 0 && (len - i) % 3 == 0) {
                sb.append(',');
            }
            sb.append(intPart.charAt(i));
        }
        return (amount.signum() < 0 ? "-" : "") + sb + frac;
    }

    /** The amount for a message: plain if short, else to 12 significant digits in scientific notation. */
    static String brief(BigDecimal amount) {
        if (Math.abs((long) amount.precision() - amount.scale()) <= 40 && amount.precision() <= 40) {
            return amount.toPlainString();
        }
        return amount.round(new MathContext(12)).toString();
    }

    private static boolean isCurrencyCode(String s) {
        String t = s.strip();
        return t.length() == 3 && isLetters(t);
    }

    private static boolean looksLikeAmount(String s) {
        String t = s.strip();
        return t.length() <= Decimals.MAX_LENGTH && t.matches("[-+]?\\d+(\\.\\d*)?");
    }

    private static boolean isLetters(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isLetter(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
