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

    /** Validates the fields. @throws IllegalArgumentException naming the credit and the rule */
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

    /** A booked credit with no splits or attributes. */
    public static Credit booked(String id, String payeeId, LocalDate date, Money amount, String type, String dealId) {
        return new Credit(id, payeeId, date, amount, type, "", dealId, CreditStatus.BOOKED, List.of(), Map.of());
    }

    /** A reversal row for deal {@code dealId}, reversing {@code amount}. */
    public static Credit reversal(String id, String payeeId, LocalDate date, Money amount, String dealId) {
        return new Credit(id, payeeId, date, amount, "", "", dealId, CreditStatus.REVERSED, List.of(), Map.of());
    }

    /** @return a copy with these splits */
    public Credit withSplits(List<Split> newSplits) {
        return new Credit(id, payeeId, date, amount, type, product, dealId, status, newSplits, attributes);
    }

    /** @return a copy with these attributes */
    public Credit withAttributes(Map<String, String> newAttributes) {
        return new Credit(id, payeeId, date, amount, type, product, dealId, status, splits, newAttributes);
    }

    /** @return a copy with another amount */
    public Credit withAmount(Money newAmount) {
        return new Credit(id, payeeId, date, newAmount, type, product, dealId, status, splits, attributes);
    }

    /**
     * The value of a built-in or custom attribute as text, or null if the credit has no such attribute.
     * {@code amount} is the plain decimal amount in the credit's own currency; {@code date} is ISO-8601.
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

        /** @param repId the owner, credited unless splits say otherwise @return this builder */
        public Builder payee(String repId) {
            this.payeeId = repId;
            return this;
        }

        /** @param crediting the crediting date @return this builder */
        public Builder date(LocalDate crediting) {
            this.date = crediting;
            return this;
        }

        /** @param value the amount, not negative, in any currency @return this builder */
        public Builder amount(Money value) {
            this.amount = value;
            return this;
        }

        /** @param value e.g. {@code new}, {@code renewal}, {@code upsell}; null is "" @return this builder */
        public Builder type(String value) {
            this.type = value;
            return this;
        }

        /** @param value the product or product line; null is "" @return this builder */
        public Builder product(String value) {
            this.product = value;
            return this;
        }

        /** @param value the deal this credit belongs to (default: the credit's id) @return this builder */
        public Builder deal(String value) {
            this.dealId = value;
            return this;
        }

        /** @param value booked (the default), reversed or cancelled, not null @return this builder */
        public Builder status(CreditStatus value) {
            this.status = Objects.requireNonNull(value, "status");
            return this;
        }

        /**
         * Adds a payee's share; the shares must sum to 100% when built.
         *
         * @param repId the payee
         * @param share the payee's share of the credit
         * @return this builder
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

        /** @param values further attributes, added to those set before; not null @return this builder */
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
