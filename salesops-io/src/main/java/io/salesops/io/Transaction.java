package io.salesops.io;

import io.salesops.core.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One row of a credits (commission transactions) export, in core types only, so that this module needs nothing
 * from the commission engine: salesops-comp turns it into a credit. Immutable and thread-safe.
 *
 * @param id         unique row id, non-blank
 * @param payee      the rep credited (the owner), non-blank
 * @param date       the crediting date
 * @param amount     the amount, not negative; a reversal's amount is the amount reversed
 * @param type       e.g. {@code new}, {@code renewal}, {@code meeting}; "" if none
 * @param product    "" if none
 * @param dealId     the deal the row belongs to; defaults to {@code id}
 * @param status     booked, reversed or cancelled
 * @param splits     payee to share in percent, summing to 100, in file order; empty if not split; copied
 * @param attributes the values of the columns no field claims, by header name; copied, sorted by key
 */
public record Transaction(String id, String payee, LocalDate date, Money amount, String type, String product,
                          String dealId, Status status, Map<String, BigDecimal> splits, Map<String, String> attributes) {

    /** The life-cycle status of a row; reversals and cancellations are their own rows naming the deal. */
    public enum Status {
        /** A booked transaction. */
        BOOKED,
        /** A reversal of an earlier booking of the same deal. */
        REVERSED,
        /** A cancellation of an earlier booking of the same deal. */
        CANCELLED;

        /**
         * Parses {@code booked}, {@code reversed} or {@code cancelled}, ignoring case and surrounding spaces (also
         * {@code book} and {@code won}; {@code reversal} and {@code refund}; {@code canceled} and
         * {@code cancellation}).
         *
         * @param text the status as exported; not null
         * @return the status
         * @throws IllegalArgumentException naming the text and the accepted values
         */
        public static Status parse(String text) {
            switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "booked": case "book": case "won": return BOOKED;
                case "reversed": case "reversal": case "refund": return REVERSED;
                case "cancelled": case "canceled": case "cancellation": return CANCELLED;
                default: throw new IllegalArgumentException("status \"" + text
                        + "\" is not booked, reversed or cancelled");
            }
        }
    }

    /**
     * Validates the fields and fills the defaults; the maps are copied. (The split shares are checked by the reader,
     * which reads them; here they are taken as given.)
     *
     * @param id         unique row id, non-blank
     * @param payee      the rep credited, non-blank
     * @param date       the crediting date; not null
     * @param amount     the amount, not negative; not null
     * @param type       the type, or null for ""
     * @param product    the product, or null for ""
     * @param dealId     the deal the row belongs to, or null or blank for {@code id}
     * @param status     booked, reversed or cancelled; not null
     * @param splits     payee to share in percent, or null or empty if not split
     * @param attributes other columns' values by header name, or null for none
     * @throws IllegalArgumentException naming the row and the rule
     * @throws NullPointerException     if the date, amount or status is null
     */
    public Transaction {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("transaction id is blank");
        }
        if (payee == null || payee.isBlank()) {
            throw new IllegalArgumentException("transaction " + id + " has a blank payee");
        }
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(status, "status");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("transaction " + id + " amount " + amount + " is negative");
        }
        type = type == null ? "" : type;
        product = product == null ? "" : product;
        dealId = dealId == null || dealId.isBlank() ? id : dealId;
        splits = splits == null || splits.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(splits));
        attributes = attributes == null || attributes.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(attributes));
    }
}
