package io.salesops.comp.input;

import io.salesops.core.money.Money;
import io.salesops.core.money.Percent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A transaction that can earn commission: a booked deal, or a reversal or cancellation of one.
 *
 * <p>Plan conditions can test the built-in attributes {@code id}, {@code payee}, {@code date}, {@code amount},
 * {@code currency}, {@code type}, {@code product}, {@code dealId} and {@code status}, and any key of
 * {@link #attributes()} that the plan declares.
 *
 * <p>A reversal or cancellation row refers to the original deal by {@code dealId}; its amount is the amount
 * reversed, given as a non-negative number. Booked amounts are non-negative too (a negative correction is a
 * reversal of the original plus a new booking), so every credit can be placed on a tier axis.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id         unique id of the row, non-blank
 * @param payeeId    the owner, who is credited unless {@code splits} say otherwise, non-blank
 * @param date       the crediting date; decides the period, the exchange rate and the clawback window
 * @param amount     the amount, not negative, in any currency
 * @param type       e.g. {@code new}, {@code renewal}, {@code upsell}; blank becomes ""
 * @param product    product or product line; blank becomes ""
 * @param dealId     the deal the row belongs to; defaults to {@code id}
 * @param status     booked, reversed or cancelled
 * @param splits     the payees sharing the credit, summing to 100%; empty means 100% to {@code payeeId}
 * @param attributes further attributes, e.g. {@code region=EMEA}; copied, sorted by key
 */
public record Credit(String id, String payeeId, LocalDate date, Money amount, String type, String product,
                     String dealId, CreditStatus status, List<Split> splits, Map<String, String> attributes) {

    /**
     * Validates and normalizes the fields.
     *
     * @param id         unique id of the row, non-blank
     * @param payeeId    the owner's rep id, non-blank
     * @param date       the crediting date
     * @param amount     the amount, zero or more, in any currency (converted to the plan currency at
     *                   {@code date})
     * @param type       the deal type; null becomes "", other values are stripped
     * @param product    the product; null becomes "", other values are stripped
     * @param dealId     the deal the row belongs to; null or blank becomes {@code id}
     * @param status     booked, reversed or cancelled
     * @param splits     shares summing to exactly 100%, one per payee; null or empty means 100% to
     *                   {@code payeeId}; copied
     * @param attributes further attributes; null means none; copied and sorted by key
     * @throws IllegalArgumentException naming the credit and the rule: a blank id or payee, a negative amount,
     *                                  a payee split twice, or splits not summing to 100%
     * @throws NullPointerException     naming the credit if {@code date}, {@code amount} or {@code status} is
     *                                  null
     */
    public Credit {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("credit id is blank");
        }
        if (payeeId == null || payeeId.isBlank()) {
            throw new IllegalArgumentException("credit " + id + " has a blank payee");
        }
        Objects.requireNonNull(date, () -> "credit " + id + " has no date");
        Objects.requireNonNull(amount, () -> "credit " + id + " has no amount");
        Objects.requireNonNull(status, () -> "credit " + id + " has no status");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("credit " + id + " amount " + amount
                    + " is negative; record a reversal row referring to the deal instead");
        }
        type = type == null ? "" : type.strip();
        product = product == null ? "" : product.strip();
        dealId = dealId == null || dealId.isBlank() ? id : dealId.strip();
        splits = splits == null ? List.of() : List.copyOf(splits);
        attributes = attributes == null || attributes.isEmpty() ? Map.of()
                : java.util.Collections.unmodifiableMap(new TreeMap<>(attributes));
        if (!splits.isEmpty()) {
            BigDecimal total = BigDecimal.ZERO;
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (Split s : splits) {
                total = total.add(s.share().value());
                if (!seen.add(s.payeeId())) {
                    throw new IllegalArgumentException("credit " + id + " splits to " + s.payeeId() + " more than once");
                }
            }
            if (total.compareTo(Percent.HUNDRED.value()) != 0) {
                throw new IllegalArgumentException("credit " + id + " splits sum to " + total.toPlainString()
                        + "%, not 100%");
            }
        }
    }

    /**
     * A booked credit with no product, splits or attributes; for more, use {@link #builder(String)}.
     *
     * @param id      unique id of the row, non-blank
     * @param payeeId the owner's rep id, non-blank
     * @param date    the crediting date
     * @param amount  the amount, zero or more, in any currency
     * @param type    the deal type, e.g. {@code "new"}; null becomes ""
     * @param dealId  the deal the row belongs to; null or blank means {@code id}
     * @return the credit
     * @throws IllegalArgumentException naming the credit on a blank id or payee or a negative amount
     * @throws NullPointerException     if {@code date} or {@code amount} is null
     */
    public static Credit booked(String id, String payeeId, LocalDate date, Money amount, String type, String dealId) {
        return new Credit(id, payeeId, date, amount, type, "", dealId, CreditStatus.BOOKED, List.of(), Map.of());
    }

    /**
     * A reversal row: the deal {@code dealId} is reversed by {@code amount}, which claws pay back under the
     * plan's {@link io.salesops.comp.plan.Clawback} rule.
     *
     * @param id      unique id of this reversal row, non-blank
     * @param payeeId the deal owner's rep id, non-blank
     * @param date    the reversal date, which decides whether it falls in the clawback window
     * @param amount  the amount reversed, as a non-negative number
     * @param dealId  the id of the deal reversed (its booked row's {@code dealId}, or its id)
     * @return the reversal credit
     * @throws IllegalArgumentException naming the credit on a blank id or payee or a negative amount
     * @throws NullPointerException     if {@code date} or {@code amount} is null
     */
    public static Credit reversal(String id, String payeeId, LocalDate date, Money amount, String dealId) {
        return new Credit(id, payeeId, date, amount, "", "", dealId, CreditStatus.REVERSED, List.of(), Map.of());
    }

    /**
     * A copy with other splits.
     *
     * @param newSplits shares summing to exactly 100%; null or empty means 100% to the payee
     * @return a copy with these splits
     * @throws IllegalArgumentException if the shares do not sum to 100% or name a payee twice
     */
    public Credit withSplits(List<Split> newSplits) {
        return new Credit(id, payeeId, date, amount, type, product, dealId, status, newSplits, attributes);
    }

    /**
     * A copy with other custom attributes, replacing all of this credit's.
     *
     * @param newAttributes the attributes; null means none
     * @return a copy with these attributes
     */
    public Credit withAttributes(Map<String, String> newAttributes) {
        return new Credit(id, payeeId, date, amount, type, product, dealId, status, splits, newAttributes);
    }

    /**
     * A copy with another amount, e.g. after converting it to another currency.
     *
     * @param newAmount the amount, zero or more
     * @return a copy with this amount
     * @throws IllegalArgumentException if {@code newAmount} is negative
     * @throws NullPointerException     if {@code newAmount} is null
     */
    public Credit withAmount(Money newAmount) {
        return new Credit(id, payeeId, date, newAmount, type, product, dealId, status, splits, attributes);
    }

    /**
     * The value of a built-in or custom attribute as text, or null if the credit has no such attribute.
     * {@code amount} is the plain decimal amount in the credit's own currency; {@code date} is ISO-8601.
     *
     * @param name a built-in attribute (which wins over a custom one of the same name) or a custom one;
     *             case matters
     * @return the value; {@code status} in lower case ({@code booked}); null if the credit has no such
     *         attribute
     * @throws NullPointerException if {@code name} is null
     */
    public String attribute(String name) {
        switch (name) {
            case "id": return id;
            case "payee": return payeeId;
            case "date": return date.toString();
            case "amount": return amount.amount().toPlainString();
            case "currency": return amount.currency().getCurrencyCode();
            case "type": return type;
            case "product": return product;
            case "dealId": return dealId;
            case "status": return status.name().toLowerCase(java.util.Locale.ROOT);
            default: return attributes.get(name);
        }
    }

    /** The names every credit has, which plans may use without declaring them. */
    public static final java.util.Set<String> BUILT_IN_ATTRIBUTES = java.util.Set.of(
            "id", "payee", "date", "amount", "currency", "type", "product", "dealId", "status");

    /**
     * A builder for a credit with this id: booked, no splits or attributes, until told otherwise.
     *
     * <pre>{@code
     * Credit c = Credit.builder("OPP-1").payee("ae-1").date(LocalDate.of(2026, 3, 10))
     *         .amount(Money.of("20000.00", "USD")).type("new").build();
     * }</pre>
     *
     * @param id the credit's unique id, non-blank
     * @return a new builder
     */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /**
     * A mutable builder of {@link Credit}s; {@link #build()} checks every field (as the constructor does) and leaves
     * the builder usable for the next credit. Not thread-safe.
     */
    public static final class Builder {
        private final String id;
        private String payeeId;
        private LocalDate date;
        private Money amount;
        private String type = "";
        private String product = "";
        private String dealId;
        private CreditStatus status = CreditStatus.BOOKED;
        private final List<Split> splits = new java.util.ArrayList<>();
        private final Map<String, String> attributes = new TreeMap<>();

        private Builder(String id) {
            this.id = id;
        }

        /**
         * Sets the payee; required.
         *
         * @param repId the owner's rep id, credited unless splits say otherwise; checked by {@link #build()}
         * @return this builder
         */
        public Builder payee(String repId) {
            this.payeeId = repId;
            return this;
        }

        /**
         * Sets the crediting date; required.
         *
         * @param crediting the date that decides the period, the exchange rate and the clawback window
         * @return this builder
         */
        public Builder date(LocalDate crediting) {
            this.date = crediting;
            return this;
        }

        /**
         * Sets the amount; required.
         *
         * @param value the amount, zero or more, in any currency; checked by {@link #build()}
         * @return this builder
         */
        public Builder amount(Money value) {
            this.amount = value;
            return this;
        }

        /**
         * Sets the deal type (default "").
         *
         * @param value e.g. {@code new}, {@code renewal}, {@code upsell}; null is ""
         * @return this builder
         */
        public Builder type(String value) {
            this.type = value;
            return this;
        }

        /**
         * Sets the product (default "").
         *
         * @param value the product or product line; null is ""
         * @return this builder
         */
        public Builder product(String value) {
            this.product = value;
            return this;
        }

        /**
         * Sets the deal the credit belongs to (default: the credit's id).
         *
         * @param value the deal id; null or blank means the credit's id
         * @return this builder
         */
        public Builder deal(String value) {
            this.dealId = value;
            return this;
        }

        /**
         * Sets the status (default {@link CreditStatus#BOOKED}).
         *
         * @param value booked, reversed or cancelled
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         */
        public Builder status(CreditStatus value) {
            this.status = Objects.requireNonNull(value, "status");
            return this;
        }

        /**
         * Adds a payee's share; the shares must sum to 100% when built.
         *
         * @param repId the payee's rep id, non-blank, at most one share per payee (checked by {@link #build()})
         * @param share the payee's share of the credit, above 0% and at most 100%, e.g. {@code Percent.of("60")}
         * @return this builder
         * @throws IllegalArgumentException if {@code repId} is blank or {@code share} is out of range
         */
        public Builder split(String repId, Percent share) {
            splits.add(new Split(repId, share));
            return this;
        }

        /**
         * Sets a further attribute that plan conditions can test.
         *
         * @param name  the attribute's name, not null
         * @param value its value, not null
         * @return this builder
         */
        public Builder attribute(String name, String value) {
            attributes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Sets further attributes, added to (and overriding keys of) those set before.
         *
         * @param values the attributes, no null key or value
         * @return this builder
         * @throws NullPointerException if {@code values}, a key or a value is null
         */
        public Builder attributes(Map<String, String> values) {
            values.forEach(this::attribute);
            return this;
        }

        /**
         * Builds the credit.
         *
         * @return the credit
         * @throws IllegalArgumentException naming the credit and the rule, as {@link Credit}'s constructor does
         * @throws NullPointerException     if the date, amount or status is missing
         */
        public Credit build() {
            return new Credit(id, payeeId, date, amount, type, product, dealId, status, splits, attributes);
        }
    }
}
