package io.salesops.core.crm;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Whole columns of opportunities in the table's own encoding, for a reader that decodes a file straight into
 * columns instead of adding row by row: ids and names as UTF-8 bytes with an end offset per row, repeated
 * strings as a dictionary of distinct values and an int code per row ({@code -1} for absent), dates as epoch
 * days, amounts as long minor units with a currency code, status and forecast category as their enum ordinals.
 *
 * <p>Set every column, then {@link #toBuilder()} checks each row with the rules of {@link Opportunity} and hands
 * the arrays, without copying them, to a builder (which may then attach stage history). The arrays are taken as
 * they are: the caller must not change them afterwards. A per-row array may be longer than the rows (a reader that
 * grew it to an estimate need not copy it to size): what lies past the last row is ignored. Not thread-safe; used
 * once.
 */
public final class OpportunityColumns {

    private final int size;
    private byte[] idBytes;
    private int[] idEnds;
    private byte[] nameBytes;
    private int[] nameEnds;
    private final String[][] dictionaries = new String[5][];
    private final int[][] codes = new int[5][];
    private long[] amount;
    private Currency[] currencies;
    private short[] currency;
    private int[] created;
    private int[] close;
    private byte[] status;
    private byte[] category;
    private final Map<String, String[]> attributeValues = new LinkedHashMap<>();
    private final Map<String, int[]> attributeCodes = new LinkedHashMap<>();

    /** The dictionary-encoded columns. */
    public enum Coded {
        /** The account id. */
        ACCOUNT,
        /** The owner id; required, never -1. */
        OWNER,
        /** The current stage; required, never -1. */
        STAGE,
        /** The product. */
        PRODUCT,
        /** The deal type. */
        TYPE
    }

    /**
     * @param size the number of rows, 0 or more
     * @throws IllegalArgumentException if {@code size} is negative
     */
    public OpportunityColumns(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("a table cannot have " + size + " rows");
        }
        this.size = size;
    }

    /**
     * Sets the ids: row {@code r} is {@code utf8[ends[r-1], ends[r])} (from 0 for row 0).
     *
     * @param utf8 the ids' UTF-8 bytes, one after the other; may be longer than the last end; taken, not copied
     * @param ends one end offset (exclusive) per row, non-decreasing; each id non-empty; taken, not copied
     * @return this
     * @throws NullPointerException if an array is null
     */
    public OpportunityColumns ids(byte[] utf8, int[] ends) {
        this.idBytes = Objects.requireNonNull(utf8, "utf8");
        this.idEnds = Objects.requireNonNull(ends, "ends");
        return this;
    }

    /**
     * Sets the display names like {@link #ids}; an empty name stands for the id.
     *
     * @param utf8 the names' UTF-8 bytes, one after the other; taken, not copied
     * @param ends one end offset (exclusive) per row, non-decreasing; taken, not copied
     * @return this
     * @throws NullPointerException if an array is null
     */
    public OpportunityColumns names(byte[] utf8, int[] ends) {
        this.nameBytes = Objects.requireNonNull(utf8, "utf8");
        this.nameEnds = Objects.requireNonNull(ends, "ends");
        return this;
    }

    /**
     * Sets a dictionary-encoded column: {@code values} holds distinct strings, {@code codes[r]} is an index into
     * it or -1 for absent.
     *
     * @param column which column; not null
     * @param values the distinct values, each listed once; taken, not copied
     * @param codes  one code per row: an index into {@code values}, or -1 for absent (never for
     *               {@link Coded#OWNER} and {@link Coded#STAGE}); taken, not copied
     * @return this
     * @throws NullPointerException if an argument is null
     */
    public OpportunityColumns coded(Coded column, String[] values, int[] codes) {
        this.dictionaries[column.ordinal()] = Objects.requireNonNull(values, "values");
        this.codes[column.ordinal()] = Objects.requireNonNull(codes, "codes");
        return this;
    }

    /**
     * Sets the amounts in minor units of {@code currencies[codes[r]]}.
     *
     * @param minor      one amount per row in minor units of its currency (cents for USD), not negative; taken,
     *                   not copied
     * @param currencies the distinct currencies, each listed once; taken, not copied
     * @param codes      one code per row, an index into {@code currencies}; taken, not copied
     * @return this
     * @throws NullPointerException if an array is null
     */
    public OpportunityColumns amounts(long[] minor, Currency[] currencies, short[] codes) {
        this.amount = Objects.requireNonNull(minor, "minor");
        this.currencies = Objects.requireNonNull(currencies, "currencies");
        this.currency = Objects.requireNonNull(codes, "codes");
        return this;
    }

    /**
     * Sets the created and close dates as epoch days, {@link OpportunityTable#NO_DATE} for no close date.
     *
     * @param createdDays one created date per row, as an epoch day; never {@code NO_DATE}; taken, not copied
     * @param closeDays   one close date per row, as an epoch day not before the created date, or
     *                    {@link OpportunityTable#NO_DATE} for an open deal without one; taken, not copied
     * @return this
     * @throws NullPointerException if an array is null
     */
    public OpportunityColumns dates(int[] createdDays, int[] closeDays) {
        this.created = Objects.requireNonNull(createdDays, "createdDays");
        this.close = Objects.requireNonNull(closeDays, "closeDays");
        return this;
    }

    /**
     * Sets the status ({@link OpportunityStatus} ordinals) and forecast category ({@link ForecastCategory}
     * ordinals, -1 for none set on the deal).
     *
     * @param statusOrdinals   one {@link OpportunityStatus} ordinal per row; taken, not copied
     * @param categoryOrdinals one {@link ForecastCategory} ordinal per row, or -1; taken, not copied
     * @return this
     * @throws NullPointerException if an array is null
     */
    public OpportunityColumns statuses(byte[] statusOrdinals, byte[] categoryOrdinals) {
        this.status = Objects.requireNonNull(statusOrdinals, "statusOrdinals");
        this.category = Objects.requireNonNull(categoryOrdinals, "categoryOrdinals");
        return this;
    }

    /**
     * Adds a free-form attribute column, dictionary-encoded like {@link #coded}.
     *
     * @param name   the attribute name; not null
     * @param values the distinct values, each listed once; taken, not copied
     * @param codes  one code per row: an index into {@code values}, or -1 where the row has no value; taken, not
     *               copied
     * @return this
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the attribute was added already
     */
    public OpportunityColumns attribute(String name, String[] values, int[] codes) {
        Objects.requireNonNull(name, "name");
        if (attributeCodes.containsKey(name)) {
            throw new IllegalArgumentException("attribute " + name + " is set twice");
        }
        attributeValues.put(name, Objects.requireNonNull(values, "values"));
        attributeCodes.put(name, Objects.requireNonNull(codes, "codes"));
        return this;
    }

    /**
     * Checks every column and every row with the rules of {@link Opportunity} and makes a builder holding the
     * columns, to which stage history may be added before it is turned into a table.
     *
     * @return a builder of these rows
     * @throws IllegalStateException    if a column was not set or is shorter than the rows
     * @throws IllegalArgumentException naming the row and the rule it breaks
     */
    public OpportunityTableBuilder toBuilder() {
        for (Coded c : Coded.values()) {
            need(codes[c.ordinal()], c.name().toLowerCase(java.util.Locale.ROOT));
            checkCodes(codes[c.ordinal()], dictionaries[c.ordinal()], c.name().toLowerCase(java.util.Locale.ROOT),
                    c == Coded.OWNER || c == Coded.STAGE);
        }
        need(idEnds, "ids");
        need(nameEnds, "names");
        need(amount, "amounts");
        need(currency, "currencies");
        need(created, "created dates");
        need(close, "close dates");
        need(status, "statuses");
        need(category, "forecast categories");
        attributeCodes.forEach((name, c) -> {
            need(c, "attribute " + name);
            checkCodes(c, attributeValues.get(name), "attribute " + name, false);
        });
        checkText(idBytes, idEnds, "ids", true);
        checkText(nameBytes, nameEnds, "names", false);
        OpportunityStatus[] statuses = OpportunityStatus.values();
        int categories = ForecastCategory.values().length;
        for (int r = 0; r < size; r++) {
            if (currency[r] < 0 || currency[r] >= currencies.length) {
                throw new IllegalArgumentException("row " + r + " has currency code " + currency[r]);
            }
            if (amount[r] < 0 || created[r] == OpportunityTable.NO_DATE || status[r] < 0 || status[r] >= statuses.length
                    || category[r] < -1 || category[r] >= categories) {
                throw new IllegalArgumentException("row " + r + " has a negative amount, no created date or an"
                        + " unknown status or category");
            }
            if (statuses[status[r]].isClosed() && close[r] == OpportunityTable.NO_DATE) {
                throw new IllegalArgumentException("row " + r + " is closed but has no close date");
            }
            if (close[r] != OpportunityTable.NO_DATE && close[r] < created[r]) {
                throw new IllegalArgumentException("row " + r + " closes on " + LocalDate.ofEpochDay(close[r])
                        + ", before it was created on " + LocalDate.ofEpochDay(created[r]));
            }
        }
        return new OpportunityTableBuilder(this);
    }

    private void need(Object column, String what) {
        int n = column == null ? -1 : java.lang.reflect.Array.getLength(column);
        if (n < size) {
            throw new IllegalStateException(what + (column == null ? " not set" : " have " + n + " rows, not " + size));
        }
    }

    private void checkCodes(int[] codes, String[] values, String what, boolean required) {
        for (String v : values) {
            if (v == null || (required && v.isBlank())) {
                throw new IllegalArgumentException(what + " dictionary holds a " + (v == null ? "null" : "blank") + " value");
            }
        }
        if (new java.util.HashSet<>(Arrays.asList(values)).size() != values.length) {
            throw new IllegalArgumentException(what + " dictionary holds a value twice");
        }
        for (int r = 0; r < size; r++) {
            if (codes[r] < (required ? 0 : -1) || codes[r] >= values.length) {
                throw new IllegalArgumentException("row " + r + " has " + what + " code " + codes[r] + " of "
                        + values.length + (required ? "; it is required" : ""));
            }
        }
    }

    private void checkText(byte[] bytes, int[] ends, String what, boolean required) {
        int start = 0;
        for (int r = 0; r < size; r++) {
            if (ends[r] < start || ends[r] > bytes.length || (required && ends[r] == start)) {
                throw new IllegalArgumentException("row " + r + " of the " + what + " ends at " + ends[r]
                        + (required && ends[r] == start ? "; it is blank" : ", out of order"));
            }
            start = ends[r];
        }
    }

    int size() {
        return size;
    }

    TextColumn idColumn() {
        return new TextColumn(idBytes, idEnds, size);
    }

    TextColumn nameColumn() {
        return new TextColumn(nameBytes, nameEnds, size);
    }

    String[] dictionary(Coded c) {
        return dictionaries[c.ordinal()];
    }

    int[] codes(Coded c) {
        return codes[c.ordinal()];
    }

    long[] amount() {
        return amount;
    }

    Currency[] currencyValues() {
        return currencies;
    }

    short[] currency() {
        return currency;
    }

    int[] created() {
        return created;
    }

    int[] close() {
        return close;
    }

    byte[] status() {
        return status;
    }

    byte[] category() {
        return category;
    }

    Map<String, String[]> attributeValues() {
        return attributeValues;
    }

    Map<String, int[]> attributeCodes() {
        return attributeCodes;
    }
}
