package io.salesops.core.crm;

import io.salesops.core.money.Money;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * Opportunities as columns: one primitive array per field, so a million deals cost a few dozen arrays instead of
 * a million objects, and a pass over them is a loop over arrays. Strings that repeat (owner, stage, account,
 * product, type, every attribute) are dictionary-encoded as int codes (-1 for absent); ids and names are packed
 * as UTF-8; dates are epoch days ({@link #NO_DATE} for absent); amounts are long minor units with a currency code.
 * Stage history is in the same form, the changes of row {@code r} at indexes {@code historyStart(r)} to
 * {@code historyEnd(r) - 1} in date order.
 *
 * <p>{@link #get(int)} and {@link #asList()} show a row as an {@link Opportunity}, made on access, for the API
 * that needs one; {@link #snapshot} finds a row as it stood on a past day without making one. Rows hold the same
 * rules as {@link Opportunity} (the builder checks them). Build one with {@link #builder()} or {@link #of}. The open
 * pipeline on a past day, in minor units, without an object per row:
 *
 * <pre>{@code
 * OpportunityTable table = OpportunityTable.of(deals);
 * Snapshot s = new Snapshot();
 * int day = (int) LocalDate.of(2026, 4, 1).toEpochDay();
 * long openMinor = 0;
 * for (int r = 0; r < table.size(); r++) {
 *     if (table.snapshot(r, day, s) && s.status() == OpportunityStatus.OPEN) {
 *         openMinor += s.amountMinor();   // in table.currency(r): group by currencyCode(r) when mixed
 *     }
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe. Accessors take a row index from 0 to {@link #size()} - 1 and throw
 * {@link IndexOutOfBoundsException} outside it.
 */
public final class OpportunityTable {

    /** The epoch day standing for an absent date. */
    public static final int NO_DATE = Integer.MIN_VALUE;
    /** The amount standing for an absent amount in the stage history. */
    public static final long NO_AMOUNT = Long.MIN_VALUE;

    private static final OpportunityStatus[] STATUSES = OpportunityStatus.values();
    private static final ForecastCategory[] CATEGORIES = ForecastCategory.values();

    final int size;
    final TextColumn ids;
    final TextColumn names;
    final String[] accounts;
    final int[] account;
    final String[] owners;
    private final List<String> ownerList;
    final int[] owner;
    final String[] stages;
    private final List<String> stageList;
    private final List<Currency> currencyList;
    final int[] stage;
    final long[] amount;
    final Currency[] currencies;
    final short[] currency;
    final int[] created;
    final int[] close;
    final byte[] status;
    final byte[] category;
    final String[] products;
    final int[] product;
    final String[] types;
    final int[] type;
    final Map<String, int[]> attributes;
    final Map<String, String[]> attributeValues;
    final int[] historyStart;
    final int[] historyDay;
    final int[] historyStage;
    final long[] historyAmount;
    final int[] historyClose;
    /**
     * Per row, the first day from which the row, if open, stands on that day as it stands now: without stage
     * history any day ({@code Integer.MIN_VALUE}); with history the day of its last change when replaying all its
     * changes gives its current stage, amount and close date (as a CRM export's history normally does); else never
     * ({@code Integer.MAX_VALUE}). A snapshot on or after that day needs no replay.
     */
    final int[] settledDay;
    /**
     * Per stage code, a code shared by every stage name that may equal it ignoring case (names whose code points,
     * upper- then lower-cased, are the same): two stages with different fold codes are never
     * {@link String#equalsIgnoreCase equal ignoring case}, so a pass compares names only when their codes match.
     */
    final int[] stageFold;

    /** @param copy false to take the builder's arrays as they are (they may be longer than the rows) */
    OpportunityTable(OpportunityTableBuilder b, boolean copy) {
        this.size = b.size;
        this.ids = copy ? b.ids.copy() : b.ids;
        this.names = copy ? b.names.copy() : b.names;
        this.accounts = b.accounts.values().toArray(String[]::new);
        this.account = copy ? java.util.Arrays.copyOf(b.account, size) : b.account;
        this.owners = b.owners.values().toArray(String[]::new);
        this.owner = copy ? java.util.Arrays.copyOf(b.owner, size) : b.owner;
        this.ownerList = List.of(owners);
        this.stages = b.stages.values().toArray(String[]::new);
        this.stage = copy ? java.util.Arrays.copyOf(b.stage, size) : b.stage;
        this.stageList = List.of(stages);
        this.amount = copy ? java.util.Arrays.copyOf(b.amount, size) : b.amount;
        this.currencies = b.currencyList.toArray(Currency[]::new);
        this.currency = copy ? java.util.Arrays.copyOf(b.currency, size) : b.currency;
        this.currencyList = List.of(currencies);
        this.created = copy ? java.util.Arrays.copyOf(b.created, size) : b.created;
        this.close = copy ? java.util.Arrays.copyOf(b.close, size) : b.close;
        this.status = copy ? java.util.Arrays.copyOf(b.status, size) : b.status;
        this.category = copy ? java.util.Arrays.copyOf(b.category, size) : b.category;
        this.products = b.products.values().toArray(String[]::new);
        this.product = copy ? java.util.Arrays.copyOf(b.product, size) : b.product;
        this.types = b.types.values().toArray(String[]::new);
        this.type = copy ? java.util.Arrays.copyOf(b.type, size) : b.type;
        Map<String, int[]> attrs = new LinkedHashMap<>();
        Map<String, String[]> attrValues = new LinkedHashMap<>();
        b.attributes.forEach((k, col) -> {
            // a column filled to the last row is taken as it is when the builder's columns are moved
            int[] codes = !copy && col.filled >= size && col.codes.length >= size ? col.codes
                    : java.util.Arrays.copyOf(col.codes, size);
            java.util.Arrays.fill(codes, Math.min(col.filled, size), size, -1);
            attrs.put(k, codes);
            attrValues.put(k, col.values.values().toArray(String[]::new));
        });
        this.attributes = attrs;
        this.attributeValues = attrValues;
        StageChanges.History h = b.sortedHistory();
        this.historyStart = h.start();
        this.historyDay = h.day();
        this.historyStage = h.stage();
        this.historyAmount = h.amount();
        this.historyClose = h.close();
        this.settledDay = settledDays();
        this.stageFold = foldCodes(stages);
    }

    private static int[] foldCodes(String[] names) {
        Map<String, Integer> codes = new java.util.HashMap<>();
        int[] out = new int[names.length];
        for (int c = 0; c < names.length; c++) {
            int[] folded = names[c].codePoints().map(p -> Character.toLowerCase(Character.toUpperCase(p))).toArray();
            out[c] = codes.computeIfAbsent(new String(folded, 0, folded.length), k -> codes.size());
        }
        return out;
    }

    private int[] settledDays() {
        int[] out = new int[size];
        for (int r = 0; r < size; r++) {
            int start = historyStart[r];
            int end = historyStart[r + 1];
            if (start == end) {
                out[r] = Integer.MIN_VALUE;
                continue;
            }
            long a = amount[r];
            int c = close[r];
            for (int i = start; i < end; i++) {
                a = historyAmount[i] != NO_AMOUNT ? historyAmount[i] : a;
                c = historyClose[i] != NO_DATE ? historyClose[i] : c;
            }
            boolean current = historyStage[end - 1] == stage[r] && a == amount[r] && c == close[r];
            out[r] = current ? historyDay[end - 1] : Integer.MAX_VALUE;
        }
        return out;
    }

    /**
     * A builder of a table, to add rows one by one.
     *
     * @return a new, empty builder
     */
    public static OpportunityTableBuilder builder() {
        return new OpportunityTableBuilder();
    }

    /**
     * The table of these opportunities, in iteration order, with their attributes and stage history.
     *
     * @param opportunities the opportunities, possibly empty; ids are not checked for uniqueness
     * @return the table; row {@code r} is the {@code r}-th opportunity
     * @throws NullPointerException if the collection or an element is null
     */
    public static OpportunityTable of(Collection<Opportunity> opportunities) {
        OpportunityTableBuilder b = builder();
        for (Opportunity o : opportunities) {
            b.add(o);
        }
        return b.build();
    }

    /** @return the number of rows */
    public int size() {
        return size;
    }

    /**
     * The id of a row.
     *
     * @param row the row index, 0 to {@link #size()} - 1
     * @return the id, non-blank; never null
     * @throws IndexOutOfBoundsException if the row is not in the table
     */
    public String id(int row) {
        check(row);
        return ids.get(row);
    }

    /**
     * The display name of a row.
     *
     * @param row the row index, 0 to {@link #size()} - 1
     * @return the name; the id when the source had none; never null
     * @throws IndexOutOfBoundsException if the row is not in the table
     */
    public String name(int row) {
        check(row);
        return names.isEmpty(row) ? ids.get(row) : names.get(row);
    }

    /**
     * The account of a row.
     *
     * @param row the row index, 0 to {@link #size()} - 1
     * @return the account id, or null if the row has none
     * @throws IndexOutOfBoundsException if the row is not in the table
     */
    public String accountId(int row) {
        check(row);
        return account[row] < 0 ? null : accounts[account[row]];
    }

    /**
     * The owner of a row as a code, for grouping without a string lookup.
     *
     * @param row the row index, 0 to {@link #size()} - 1
     * @return the owner's code, an index into {@link #owners()}
     * @throws IndexOutOfBoundsException if the row is not in the table
     */
    public int ownerCode(int row) {
        check(row);
        return owner[row];
    }

    /**
     * The owning rep of a row.
     *
     * @param row the row index, 0 to {@link #size()} - 1
     * @return the owner's rep id; never null
     * @throws IndexOutOfBoundsException if the row is not in the table
     */
    public String ownerId(int row) {
        check(row);
        return owners[owner[row]];
    }

    /** @return the distinct owner ids, indexed by owner code; unmodifiable */
    public List<String> owners() {
        return ownerList;
    }

    /**
     * The current stage of a row as a code.
     *
     * @param row the row index, 0 to {@link #size()} - 1
     * @return the stage's code, an index into {@link #stages()}
     * @throws IndexOutOfBoundsException if the row is not in the table
     */
    public int stageCode(int row) {
        check(row);
        return stage[row];
    }

    /** @return the distinct stage names of the rows and their history, indexed by stage code; unmodifiable */
    public List<String> stages() {
        return stageList;
    }

    /**
     * The amount of a row.
     *
     * @param row the row index, 0 to {@link #size()} - 1
     * @return the amount in minor units of the row's {@link #currency(int) currency} (cents for USD), not
     *         negative
     * @throws IndexOutOfBoundsException if the row is not in the table
     */
    public long amountMinor(int row) {
        check(row);
        return amount[row];
    }

    /**
     * The currency of a row as a code.
     *
     * @param row the row index, 0 to {@link #size()} - 1
     * @return the currency's code, an index into {@link #currencies()}
     * @throws IndexOutOfBoundsException if the row is not in the table
     */
    public int currencyCode(int row) {
        check(row);
        return currency[row];
    }

    /**
     * The currency of a row's amount and of its stage history's amounts.
     *
     * @param row the row index, 0 to {@link #size()} - 1
     * @return the currency; never null
     * @throws IndexOutOfBoundsException if the row is not in the table
     */
    public Currency currency(int row) {
        check(row);
        return currencies[currency[row]];
    }

    /** @return the distinct currencies, indexed by currency code; unmodifiable */
    public List<Currency> currencies() {
        return currencyList;
    }

    /**
     * The created date of a row.
     *
     * @param row the row index, 0 to {@link #size()} - 1
     * @return the created date as an epoch day ({@link LocalDate#toEpochDay()})
     * @throws IndexOutOfBoundsException if the row is not in the table
     */
    public int createdDay(int row) {
        check(row);
        return created[row];
    }

    /**
     * The close date of a row: expected while open, actual once closed.
     *
     * @param row the row index, 0 to {@link #size()} - 1
     * @return the close date as an epoch day, or {@link #NO_DATE} for an open deal without one
     * @throws IndexOutOfBoundsException if the row is not in the table
     */
    public int closeDay(int row) {
        check(row);
        return close[row];
    }

    /**
     * The status of a row.
     *
     * @param row the row index, 0 to {@link #size()} - 1
     * @return open, won or lost; never null
     * @throws IndexOutOfBoundsException if the row is not in the table
     */
    public OpportunityStatus status(int row) {
        check(row);
        return STATUSES[status[row]];
    }

    /**
     * The forecast category set on a row by the rep (not the stage's default).
     *
     * @param row the row index, 0 to {@link #size()} - 1
     * @return the category, or null if none was set
     * @throws IndexOutOfBoundsException if the row is not in the table
     */
    public ForecastCategory forecastCategory(int row) {
        check(row);
        return category[row] < 0 ? null : CATEGORIES[category[row]];
    }

    /**
     * The product of a row.
     *
     * @param row the row index, 0 to {@link #size()} - 1
     * @return the product, or null if the row has none
     * @throws IndexOutOfBoundsException if the row is not in the table
     */
    public String product(int row) {
        check(row);
        return product[row] < 0 ? null : products[product[row]];
    }

    /**
     * The deal type of a row.
     *
     * @param row the row index, 0 to {@link #size()} - 1
     * @return the type, or null if the row has none
     * @throws IndexOutOfBoundsException if the row is not in the table
     */
    public String type(int row) {
        check(row);
        return type[row] < 0 ? null : types[type[row]];
    }

    /** @return the names of the free-form attributes, in order of first appearance */
    public List<String> attributeNames() {
        return List.copyOf(attributes.keySet());
    }

    /**
     * A free-form attribute of a row.
     *
     * @param row  the row index, 0 to {@link #size()} - 1
     * @param name the attribute name, matched exactly; not null
     * @return the value, or null if the row has no such attribute
     * @throws IndexOutOfBoundsException if the row is not in the table
     */
    public String attribute(int row, String name) {
        check(row);
        int[] codes = attributes.get(name);
        if (codes == null || codes[row] < 0) {
            return null;
        }
        return attributeValues.get(name)[codes[row]];
    }

    /**
     * A row's field by name, as {@link Opportunity#field(String)} gives it for the row's {@link #get(int)
     * opportunity}, without making one: a dictionary field is its value as stored, not a copy.
     *
     * @param row   the row index, 0 to {@link #size()} - 1
     * @param field a standard field name as {@link Opportunity#field(String)} knows them (any case), else an
     *              attribute name, matched exactly; not null
     * @return the value, or null if the row has none
     * @throws IndexOutOfBoundsException if the row is not in the table
     * @throws NullPointerException      if {@code field} is null
     */
    public String field(int row, String field) {
        check(row);
        return TableFields.field(this, row, field);
    }

    /**
     * Where a row's stage history starts in the history columns.
     *
     * @param row the row index, 0 to {@link #size()} - 1
     * @return the index of the row's first stage change, for {@link #historyDay(int)} and the other history
     *         accessors; equal to {@link #historyEnd(int)} when the row has no history
     * @throws IndexOutOfBoundsException if the row is not in the table
     */
    public int historyStart(int row) {
        check(row);
        return historyStart[row];
    }

    /**
     * Where a row's stage history ends in the history columns.
     *
     * @param row the row index, 0 to {@link #size()} - 1
     * @return one past the index of the row's last stage change
     * @throws IndexOutOfBoundsException if the row is not in the table
     */
    public int historyEnd(int row) {
        check(row);
        return historyStart[row + 1];
    }

    /**
     * The day of a stage change.
     *
     * @param i the index of a stage change, from {@link #historyStart(int)} to {@link #historyEnd(int)} - 1 of
     *          its row
     * @return the epoch day of stage change {@code i}
     * @throws ArrayIndexOutOfBoundsException if {@code i} is outside the table's history
     */
    public int historyDay(int i) {
        return historyDay[i];
    }

    /**
     * The stage entered by a stage change.
     *
     * @param i the index of a stage change, from {@link #historyStart(int)} to {@link #historyEnd(int)} - 1 of
     *          its row
     * @return the stage code of stage change {@code i}, an index into {@link #stages()}
     * @throws ArrayIndexOutOfBoundsException if {@code i} is outside the table's history
     */
    public int historyStageCode(int i) {
        return historyStage[i];
    }

    /**
     * The amount recorded with a stage change.
     *
     * @param i the index of a stage change, from {@link #historyStart(int)} to {@link #historyEnd(int)} - 1 of
     *          its row
     * @return the amount from that day in minor units of the row's currency, or {@link #NO_AMOUNT} if the change
     *         did not record one
     * @throws ArrayIndexOutOfBoundsException if {@code i} is outside the table's history
     */
    public long historyAmount(int i) {
        return historyAmount[i];
    }

    /**
     * The expected close date recorded with a stage change.
     *
     * @param i the index of a stage change, from {@link #historyStart(int)} to {@link #historyEnd(int)} - 1 of
     *          its row
     * @return the expected close day as an epoch day, or {@link #NO_DATE} if the change did not record one
     * @throws ArrayIndexOutOfBoundsException if {@code i} is outside the table's history
     */
    public int historyCloseDay(int i) {
        return historyClose[i];
    }

    /**
     * Finds row {@code row} as it stood at the end of {@code day}, exactly as {@link Opportunity#asOf(LocalDate)}
     * does, into {@code into} (reused by the caller, so a pass makes no object per row).
     *
     * @param row  the row index, 0 to {@link #size()} - 1; not checked here, as this runs once per row of a pass
     *             (a row outside that range gives an undefined result or {@link ArrayIndexOutOfBoundsException})
     * @param day  the day as an epoch day ({@link LocalDate#toEpochDay()})
     * @param into the snapshot to overwrite; not null
     * @return true if {@code into} now holds the row as of {@code day}; false if the deal was created after the day
     *         (then {@code into} holds nothing usable)
     */
    public boolean snapshot(int row, int day, Snapshot into) {
        return into.of(this, row, day);
    }

    /**
     * A row as an {@link Opportunity}, made on each call.
     *
     * @param row the row index, 0 to {@link #size()} - 1
     * @return a new opportunity with the row's fields, attributes and stage history; never null
     * @throws IndexOutOfBoundsException if the row is not in the table
     */
    public Opportunity get(int row) {
        check(row);
        Currency cur = currency(row);
        List<StageChange> history = new ArrayList<>(historyEnd(row) - historyStart(row));
        for (int i = historyStart(row); i < historyEnd(row); i++) {
            history.add(new StageChange(LocalDate.ofEpochDay(historyDay[i]), stages[historyStage[i]],
                    historyAmount[i] == NO_AMOUNT ? null : Money.ofMinor(historyAmount[i], cur), date(historyClose[i])));
        }
        Map<String, String> attrs = new LinkedHashMap<>();
        attributes.forEach((k, codes) -> {
            if (codes[row] >= 0) {
                attrs.put(k, attributeValues.get(k)[codes[row]]);
            }
        });
        return new Opportunity(ids.get(row), name(row), accountId(row), ownerId(row), stages[stage[row]],
                Money.ofMinor(amount[row], cur), LocalDate.ofEpochDay(created[row]), date(close[row]), status(row),
                forecastCategory(row), product(row), type(row), attrs, history);
    }

    /** @return an unmodifiable list making each row's {@link Opportunity} on access */
    public List<Opportunity> asList() {
        final class View extends AbstractList<Opportunity> implements RandomAccess {
            @Override
            public Opportunity get(int i) {
                return OpportunityTable.this.get(i);
            }

            @Override
            public int size() {
                return size;
            }
        }
        return new View();
    }

    /**
     * Converts an epoch-day column value back to a date.
     *
     * @param day an epoch day, or {@link #NO_DATE}
     * @return the date, or null for {@link #NO_DATE}
     */
    public static LocalDate date(int day) {
        return day == NO_DATE ? null : LocalDate.ofEpochDay(day);
    }

    private void check(int row) {
        if (row < 0 || row >= size) {
            throw new IndexOutOfBoundsException("row " + row + " of " + size);
        }
    }

    @Override
    public String toString() {
        return "OpportunityTable[" + size + " rows, " + owners.length + " owners, " + stages.length + " stages]";
    }
}
