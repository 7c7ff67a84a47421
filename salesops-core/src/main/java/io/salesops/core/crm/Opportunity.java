package io.salesops.core.crm;

import io.salesops.core.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A sales opportunity (a deal) as the CRM holds it now, with optional stage history so that the pipeline can
 * be reconstructed as it stood on a past date ({@link #asOf(LocalDate)}).
 *
 * <pre>{@code
 * Opportunity deal = Opportunity.builder("D-17")
 *         .owner("ae-1").stage("Proposal").amount("25000.00", "USD")
 *         .created(LocalDate.of(2026, 3, 2)).closeDate(LocalDate.of(2026, 6, 30))
 *         .change(LocalDate.of(2026, 3, 2), "Qualification")
 *         .change(LocalDate.of(2026, 4, 20), "Proposal")
 *         .build();
 * deal.asOf(LocalDate.of(2026, 4, 1)).map(Opportunity::stage);   // Optional[Qualification]
 * }</pre>
 *
 * <p>Build one with {@link #builder(String)}. Nullable fields: {@code name} (defaults to the id),
 * {@code accountId}, {@code closeDate} (only while open: an open deal may have no expected close date yet),
 * {@code forecastCategory} (derive it from the stage), {@code product} and {@code type}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id               unique, non-blank
 * @param name             display name
 * @param accountId        the account, or null
 * @param ownerId          the owning rep, non-blank
 * @param stage            the current stage name, non-blank
 * @param amount           the deal value, not negative
 * @param createdDate      the day it was created
 * @param closeDate        actual close date for won/lost deals; expected close date, or null, for open deals
 * @param status           open, won or lost
 * @param forecastCategory the rep's forecast category, or null to use the stage's default
 * @param product          product or product line, or null
 * @param type             deal type such as new, renewal, expansion, or null
 * @param attributes       any other fields, never null
 * @param history          stage changes in date order, possibly empty, never null
 */
public record Opportunity(String id, String name, String accountId, String ownerId, String stage, Money amount,
                          LocalDate createdDate, LocalDate closeDate, OpportunityStatus status,
                          ForecastCategory forecastCategory, String product, String type,
                          Map<String, String> attributes, List<StageChange> history) {

    /** The stage of a snapshot whose stage on the day is not known (closed later, no history). */
    public static final String UNKNOWN_STAGE = "(unknown)";

    /**
     * Validates the fields and normalises them: a null or blank name becomes the id, null attributes and history
     * become empty, and both are copied.
     *
     * @param id               unique, non-blank
     * @param name             display name, or null or blank for the id
     * @param accountId        the account, or null
     * @param ownerId          the owning rep, non-blank
     * @param stage            the current stage name, non-blank
     * @param amount           the deal value, not negative; not null
     * @param createdDate      the day it was created; not null
     * @param closeDate        required for won and lost deals, optional for open ones; not before
     *                         {@code createdDate}
     * @param status           open, won or lost; not null
     * @param forecastCategory the rep's forecast category, or null to use the stage's default
     * @param product          product or product line, or null
     * @param type             deal type, or null
     * @param attributes       any other fields, or null for none; no null key or value
     * @param history          stage changes in date order, none before {@code createdDate}, amounts in the deal's
     *                         currency; or null for none
     * @throws IllegalArgumentException naming the opportunity and the rule broken
     * @throws NullPointerException     naming the opportunity if the amount, created date or status is null
     */
    public Opportunity {
        check(id, ownerId, stage, amount, createdDate, closeDate, status);
        name = name == null || name.isBlank() ? id : name;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        history = history == null ? List.of() : List.copyOf(history);
        String who = history.isEmpty() ? null : "opportunity " + id;
        for (int i = 0; i < history.size(); i++) {
            StageChange c = history.get(i);
            if (c.date().isBefore(createdDate)) {
                throw new IllegalArgumentException(who + " has a stage change on " + c.date() + ", before it was created on " + createdDate);
            }
            if (i > 0 && c.date().isBefore(history.get(i - 1).date())) {
                throw new IllegalArgumentException(who + " history is not in date order at " + c.date());
            }
            if (c.amount() != null && !c.amount().isSameCurrency(amount)) {
                throw new IllegalArgumentException(who + " history amount " + c.amount() + " is not in " + amount.currency());
            }
        }
    }

    /**
     * The rules of one opportunity's own fields, shared with {@link OpportunityTableBuilder}.
     *
     * @throws IllegalArgumentException naming the opportunity and the rule broken
     * @throws NullPointerException     if the amount, created date or status is null
     */
    static void check(String id, String ownerId, String stage, Money amount, LocalDate createdDate, LocalDate closeDate,
                      OpportunityStatus status) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("opportunity id is blank");
        }
        // Messages are built only on failure: this constructor runs once per row of a million-row import.
        if (ownerId == null || ownerId.isBlank()) {
            throw new IllegalArgumentException("opportunity " + id + " has no owner");
        }
        if (stage == null || stage.isBlank()) {
            throw new IllegalArgumentException("opportunity " + id + " has no stage");
        }
        if (amount == null || createdDate == null || status == null) {
            throw new NullPointerException("opportunity " + id + " has no "
                    + (amount == null ? "amount" : createdDate == null ? "created date" : "status"));
        }
        if (amount.isNegative()) {
            throw new IllegalArgumentException("opportunity " + id + " has negative amount " + amount);
        }
        if (status.isClosed() && closeDate == null) {
            throw new IllegalArgumentException("opportunity " + id + " is " + status.name().toLowerCase(Locale.ROOT)
                    + " but has no close date");
        }
        if (closeDate != null && closeDate.isBefore(createdDate)) {
            throw new IllegalArgumentException("opportunity " + id + " closes on " + closeDate
                    + ", before it was created on " + createdDate);
        }
    }

    /**
     * A builder for an opportunity with this id; the status starts as open.
     *
     * @param id the opportunity id, unique and non-blank (checked by {@link Builder#build()})
     * @return a new builder
     */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** @return a builder holding this opportunity's fields */
    public Builder toBuilder() {
        Builder b = new Builder(id);
        b.name = name;
        b.accountId = accountId;
        b.ownerId = ownerId;
        b.stage = stage;
        b.amount = amount;
        b.createdDate = createdDate;
        b.closeDate = closeDate;
        b.status = status;
        b.forecastCategory = forecastCategory;
        b.product = product;
        b.type = type;
        b.attributes.putAll(attributes);
        b.history.addAll(history);
        return b;
    }

    /** @return true if open */
    public boolean isOpen() {
        return status == OpportunityStatus.OPEN;
    }

    /** @return true if closed won */
    public boolean isWon() {
        return status == OpportunityStatus.WON;
    }

    /** @return true if closed lost */
    public boolean isLost() {
        return status == OpportunityStatus.LOST;
    }

    /** @return the close date (expected while open, actual once closed), or empty for an open deal without one */
    public Optional<LocalDate> close() {
        return Optional.ofNullable(closeDate);
    }

    /**
     * The forecast category the deal counts in: {@link ForecastCategory#CLOSED} once won,
     * {@link ForecastCategory#OMITTED} once lost, else the one set on the deal, else its stage's default.
     *
     * @param model the stage model that gives the stage's default; not null
     * @return the category; {@link ForecastCategory#PIPELINE} for an open deal with no category in a stage the model
     *         does not know; never null
     */
    public ForecastCategory forecastCategory(StageModel model) {
        if (status == OpportunityStatus.WON) {
            return ForecastCategory.CLOSED;
        }
        if (status == OpportunityStatus.LOST) {
            return ForecastCategory.OMITTED;
        }
        if (forecastCategory != null) {
            return forecastCategory;
        }
        return model.find(stage).map(Stage::forecastCategory).orElse(ForecastCategory.PIPELINE);
    }

    /**
     * The value of a field by name, for crediting rules and roll-ups by any dimension: the standard fields
     * {@code id, name, account, owner, stage, product, type, status, forecast_category, amount, currency,
     * created_date, close_date}, then the free-form attributes. Amounts are plain decimals in major units
     * ({@code 1234.50}), dates ISO ({@code 2026-05-15}), the status lower case ({@code won}).
     *
     * @param field a standard field name, matched ignoring case ({@code account_id} and {@code owner_id} are
     *              accepted too), or an attribute name, matched exactly; not null
     * @return the value, or empty if the field is absent or null
     */
    public Optional<String> field(String field) {
        switch (field.toLowerCase(Locale.ROOT)) {
            case "id":
                return Optional.of(id);
            case "name":
                return Optional.of(name);
            case "account":
            case "account_id":
                return Optional.ofNullable(accountId);
            case "owner":
            case "owner_id":
                return Optional.of(ownerId);
            case "stage":
                return Optional.of(stage);
            case "product":
                return Optional.ofNullable(product);
            case "type":
                return Optional.ofNullable(type);
            case "status":
                return Optional.of(status.name().toLowerCase(Locale.ROOT));
            case "forecast_category":
                return Optional.ofNullable(forecastCategory).map(ForecastCategory::label);
            case "amount":
                return Optional.of(amount.amount().toPlainString());
            case "currency":
                return Optional.of(amount.currency().getCurrencyCode());
            case "created_date":
                return Optional.of(createdDate.toString());
            case "close_date":
                return Optional.ofNullable(closeDate).map(LocalDate::toString);
            default:
                return Optional.ofNullable(attributes.get(field));
        }
    }

    /**
     * The opportunity as it stood at the end of {@code date}, knowing nothing that happened later.
     *
     * <p>Empty if it was created after {@code date}. If it closed on or before {@code date} it is returned
     * as it is. Otherwise it is open, at the stage, amount and expected close date that its history shows on
     * {@code date}; without history the current stage and amount are used while it is still open, and a deal
     * that closed later gets stage {@link #UNKNOWN_STAGE} and no expected close date, since its actual close
     * date was not known on {@code date} (using it would leak the outcome into a backtest).
     *
     * @param date the day whose end the snapshot shows; not null
     * @return the opportunity as known at the end of {@code date} (open, or closed on or before it), with the
     *         history up to that day; empty if it was created after {@code date}
     */
    public Optional<Opportunity> asOf(LocalDate date) {
        if (createdDate.isAfter(date)) {
            return Optional.empty();
        }
        boolean closedByThen = status.isClosed() && !closeDate.isAfter(date);
        if (closedByThen) {
            return Optional.of(this);
        }
        String s = null;
        Money a = null;
        LocalDate c = null;
        List<StageChange> known = new ArrayList<>();
        for (StageChange ch : history) {
            if (ch.date().isAfter(date)) {
                break;
            }
            known.add(ch);
            s = ch.stage();
            if (ch.amount() != null) {
                a = ch.amount();
            }
            if (ch.closeDate() != null) {
                c = ch.closeDate();
            }
        }
        if (s == null) {
            // Created before its first recorded change: the first recorded stage is the best knowledge.
            s = history.isEmpty() ? stage : history.get(0).stage();
        }
        if (status.isClosed() && s.equalsIgnoreCase(stage)) {
            // The only stage we know is the closing one, which was not known on the day.
            s = UNKNOWN_STAGE;
        }
        if (a == null) {
            a = amount;
        }
        if (c == null && !status.isClosed()) {
            c = closeDate;
        }
        if (c != null && c.isBefore(createdDate)) {
            c = null;
        }
        return Optional.of(new Opportunity(id, name, accountId, ownerId, s, a, createdDate, c, OpportunityStatus.OPEN,
                status.isClosed() ? null : forecastCategory, product, type, attributes, known));
    }

    /**
     * The stage the deal stood at on a day, by its history alone (unlike {@link #asOf(LocalDate)}, a deal that
     * closed later keeps its current stage when it has no history).
     *
     * @param date the day; not null
     * @return the stage of the last change on or before {@code date}; the first recorded stage if {@code date} is
     *         before every change; the current stage if there is no history; never null
     */
    public String stageOn(LocalDate date) {
        String s = null;
        for (StageChange ch : history) {
            if (ch.date().isAfter(date)) {
                break;
            }
            s = ch.stage();
        }
        return s != null ? s : (history.isEmpty() ? stage : history.get(0).stage());
    }

    /**
     * Builds an {@link Opportunity}. Each setter checks its argument; {@link #build()} checks the whole and
     * leaves the builder unchanged. Not thread-safe.
     */
    public static final class Builder {
        private final String id;
        private String name;
        private String accountId;
        private String ownerId;
        private String stage;
        private Money amount;
        private LocalDate createdDate;
        private LocalDate closeDate;
        private OpportunityStatus status = OpportunityStatus.OPEN;
        private ForecastCategory forecastCategory;
        private String product;
        private String type;
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private final List<StageChange> history = new ArrayList<>();

        private Builder(String id) {
            this.id = id;
        }

        /**
         * Sets the display name.
         *
         * @param v the name, or null or blank for the id
         * @return this builder
         */
        public Builder name(String v) { this.name = v; return this; }
        /**
         * Sets the account id.
         *
         * @param v the account's id, or null for none
         * @return this builder
         */
        public Builder account(String v) { this.accountId = v; return this; }
        /**
         * Sets the owner.
         *
         * @param v the owning rep's id, non-blank (checked by {@link #build()})
         * @return this builder
         */
        public Builder owner(String v) { this.ownerId = v; return this; }
        /**
         * Sets the current stage.
         *
         * @param v the stage name as the CRM spells it, non-blank (checked by {@link #build()})
         * @return this builder
         */
        public Builder stage(String v) { this.stage = v; return this; }
        /**
         * Sets the amount.
         *
         * @param v the deal value, not negative (checked by {@link #build()}); not null
         * @return this builder
         * @throws NullPointerException if {@code v} is null
         */
        public Builder amount(Money v) { this.amount = Objects.requireNonNull(v, "amount"); return this; }
        /**
         * Sets the amount from a decimal string and currency code, amount first as in {@link Money#of(String, String)}:
         * {@code amount("25000.00", "USD")}.
         *
         * @param v        the amount in major units, e.g. {@code "25000.00"}; not null
         * @param currency an ISO 4217 code such as {@code "USD"}; not null
         * @return this builder
         * @throws IllegalArgumentException if the amount is not a decimal or the currency is unknown
         * @throws ArithmeticException      if the amount has more decimals than the currency allows
         */
        public Builder amount(String v, String currency) { return amount(Money.of(v, currency)); }
        /**
         * Sets the created date.
         *
         * @param v the day the deal was created; required (checked by {@link #build()})
         * @return this builder
         */
        public Builder created(LocalDate v) { this.createdDate = v; return this; }
        /**
         * Sets the close date: the expected one while open, the actual one once closed.
         *
         * @param v the close date, not before the created date; or null for an open deal without one
         * @return this builder
         */
        public Builder closeDate(LocalDate v) { this.closeDate = v; return this; }
        /**
         * Sets the status; a won or lost deal needs a close date too.
         *
         * @param v open, won or lost; not null
         * @return this builder
         * @throws NullPointerException if {@code v} is null
         */
        public Builder status(OpportunityStatus v) { this.status = Objects.requireNonNull(v, "status"); return this; }
        /**
         * Marks it won on {@code date}: sets the status and the close date.
         *
         * @param date the day it was won, not before the created date (checked by {@link #build()})
         * @return this builder
         */
        public Builder won(LocalDate date) { this.status = OpportunityStatus.WON; this.closeDate = date; return this; }
        /**
         * Marks it lost on {@code date}: sets the status and the close date.
         *
         * @param date the day it was lost, not before the created date (checked by {@link #build()})
         * @return this builder
         */
        public Builder lost(LocalDate date) { this.status = OpportunityStatus.LOST; this.closeDate = date; return this; }
        /**
         * Sets the forecast category the rep chose.
         *
         * @param v the category, or null to use the stage's default
         * @return this builder
         */
        public Builder forecastCategory(ForecastCategory v) { this.forecastCategory = v; return this; }
        /**
         * Sets the product.
         *
         * @param v the product or product line, or null
         * @return this builder
         */
        public Builder product(String v) { this.product = v; return this; }
        /**
         * Sets the deal type.
         *
         * @param v the type such as {@code new}, {@code renewal}, {@code expansion}; or null
         * @return this builder
         */
        public Builder type(String v) { this.type = v; return this; }
        /**
         * Sets a free-form attribute, replacing any earlier value of the same key.
         *
         * @param key   the attribute name, as {@link Opportunity#field(String)} looks it up; not null
         * @param value the value; not null
         * @return this builder
         * @throws NullPointerException if the key or value is null
         */
        public Builder attribute(String key, String value) {
            attributes.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }
        /**
         * Appends a history entry; entries must come in date order, none before the created date (checked by
         * {@link #build()}).
         *
         * @param c the change; its amount, if any, in the deal's currency; not null
         * @return this builder
         * @throws NullPointerException if {@code c} is null
         */
        public Builder change(StageChange c) { history.add(Objects.requireNonNull(c, "change")); return this; }
        /**
         * Appends a stage change on {@code date}, without amount or expected close date.
         *
         * @param date  the day of the change, in date order after the earlier changes; not null
         * @param stage the stage entered, non-blank
         * @return this builder
         * @throws IllegalArgumentException if the stage is blank
         * @throws NullPointerException     if the date is null
         */
        public Builder change(LocalDate date, String stage) { return change(StageChange.of(date, stage)); }

        /**
         * Builds the opportunity, checking the whole; the builder is left as it was and may build again.
         *
         * @return the opportunity
         * @throws IllegalArgumentException naming the opportunity and the first rule broken
         * @throws NullPointerException     naming the opportunity if the amount or created date is not set
         */
        public Opportunity build() {
            return new Opportunity(id, name, accountId, ownerId, stage, amount, createdDate, closeDate, status,
                    forecastCategory, product, type, attributes, history);
        }
    }

    /** Orders opportunities by created date, then id. */
    public static final Comparator<Opportunity> BY_CREATED = Comparator.comparing(Opportunity::createdDate).thenComparing(Opportunity::id);
}
