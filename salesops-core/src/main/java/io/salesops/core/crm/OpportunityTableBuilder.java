package io.salesops.core.crm;

import io.salesops.core.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds an {@link OpportunityTable} row by row, from {@link Opportunity} objects ({@link #add}) or straight from
 * field values ({@link #addRow}, {@link #attribute}, {@link #change}) as a CSV reader decodes them. Each row is
 * checked with the rules of {@link Opportunity} when added. {@link #build()} copies the columns into an immutable
 * table and leaves the builder usable. Not thread-safe.
 */
public final class OpportunityTableBuilder {

    int size;
    TextColumn ids = new TextColumn();
    TextColumn names = new TextColumn();
    final Dictionary accounts = new Dictionary();
    final Dictionary owners = new Dictionary();
    final Dictionary stages = new Dictionary();
    final Dictionary products = new Dictionary();
    final Dictionary types = new Dictionary();
    final Map<Currency, Short> currencyCodes = new LinkedHashMap<>();
    final List<Currency> currencyList = new ArrayList<>();
    int[] account = new int[64];
    int[] owner = new int[64];
    int[] stage = new int[64];
    long[] amount = new long[64];
    short[] currency = new short[64];
    int[] created = new int[64];
    int[] close = new int[64];
    byte[] status = new byte[64];
    byte[] category = new byte[64];
    int[] product = new int[64];
    int[] type = new int[64];
    final Map<String, AttributeColumn> attributes = new LinkedHashMap<>();
    /** The first row of each id, for {@link #rowOf}: made on the first lookup. */
    private IdIndex idIndex = new IdIndex();
    private StageChanges changes = new StageChanges();

    /** One attribute's codes; rows past {@code filled} are absent. */
    static final class AttributeColumn {
        final Dictionary values = new Dictionary();
        int[] codes = new int[16];
        int filled;
    }

    OpportunityTableBuilder() {
    }

    /** Takes the columns as they are, checked by {@link OpportunityColumns#toBuilder()}. */
    OpportunityTableBuilder(OpportunityColumns c) {
        size = c.size();
        ids = c.idColumn();
        names = c.nameColumn();
        accounts.addAll(c.dictionary(OpportunityColumns.Coded.ACCOUNT));
        owners.addAll(c.dictionary(OpportunityColumns.Coded.OWNER));
        stages.addAll(c.dictionary(OpportunityColumns.Coded.STAGE));
        products.addAll(c.dictionary(OpportunityColumns.Coded.PRODUCT));
        types.addAll(c.dictionary(OpportunityColumns.Coded.TYPE));
        account = c.codes(OpportunityColumns.Coded.ACCOUNT);
        owner = c.codes(OpportunityColumns.Coded.OWNER);
        stage = c.codes(OpportunityColumns.Coded.STAGE);
        product = c.codes(OpportunityColumns.Coded.PRODUCT);
        type = c.codes(OpportunityColumns.Coded.TYPE);
        for (Currency cur : c.currencyValues()) {
            currencyCode(cur);
        }
        if (currencyList.size() != c.currencyValues().length) {
            throw new IllegalArgumentException("the currencies " + currencyList + " are listed twice");
        }
        amount = c.amount();
        currency = c.currency();
        created = c.created();
        close = c.close();
        status = c.status();
        category = c.category();
        c.attributeCodes().forEach((name, codes) -> {
            AttributeColumn col = new AttributeColumn();
            col.values.addAll(c.attributeValues().get(name));
            col.codes = codes;
            col.filled = size;
            attributes.put(name, col);
        });
    }

    /** @return the number of rows added */
    public int size() {
        return size;
    }

    /**
     * Adds an opportunity with its attributes and history as the next row. Ids are not checked for uniqueness
     * here; a reader that must refuse repeats asks {@link #rowOf(String)} first.
     *
     * @param o the opportunity, already checked by its constructor; not null
     * @return this builder
     */
    public OpportunityTableBuilder add(Opportunity o) {
        int row = addRow(o.id(), o.name().equals(o.id()) ? null : o.name(), o.accountId(), o.ownerId(), o.stage(),
                o.amount().minorUnits(), o.amount().currency(), o.createdDate(), o.closeDate(), o.status(),
                o.forecastCategory(), o.product(), o.type());
        o.attributes().forEach((k, v) -> attribute(row, k, v));
        for (StageChange c : o.history()) {
            change(row, c.date(), c.stage(), c.amount() == null ? OpportunityTable.NO_AMOUNT : c.amount().minorUnits(),
                    c.closeDate());
        }
        return this;
    }

    /**
     * Adds a row from its field values, checked as {@link Opportunity}'s constructor checks them.
     *
     * @param id               unique, non-blank (uniqueness is the caller's: see {@link #rowOf(String)})
     * @param name             display name, or null for the id
     * @param accountId        account, or null
     * @param ownerId          the owning rep, non-blank
     * @param stage            the current stage name, non-blank
     * @param amountMinor      the deal value in minor units of {@code currency} (cents for USD), not negative
     * @param currency         the currency of the amount and of the row's stage history amounts; not null
     * @param createdDate      the day it was created; not null
     * @param closeDate        close date, or null (only while open)
     * @param status           open, won or lost; not null
     * @param forecastCategory category set on the deal, or null
     * @param product          product, or null
     * @param type             deal type, or null
     * @return the index of the new row
     * @throws IllegalArgumentException naming the opportunity and the rule broken
     * @throws NullPointerException     if the currency, created date or status is null
     */
    public int addRow(String id, String name, String accountId, String ownerId, String stage, long amountMinor,
                      Currency currency, LocalDate createdDate, LocalDate closeDate, OpportunityStatus status,
                      ForecastCategory forecastCategory, String product, String type) {
        Opportunity.check(id, ownerId, stage, Money.ofMinor(amountMinor, Objects.requireNonNull(currency, "currency")),
                createdDate, closeDate, status);
        int r = size;
        if (r == owner.length) {
            grow(Math.max(64, r + (r >> 1)));
        }
        ids.add(id);
        names.add(name == null || name.isBlank() ? "" : name);
        this.account[r] = accounts.code(accountId);
        this.owner[r] = owners.code(ownerId);
        this.stage[r] = stages.code(stage);
        this.amount[r] = amountMinor;
        this.currency[r] = currencyCode(currency);
        this.created[r] = (int) createdDate.toEpochDay();
        this.close[r] = closeDate == null ? OpportunityTable.NO_DATE : (int) closeDate.toEpochDay();
        this.status[r] = (byte) status.ordinal();
        this.category[r] = forecastCategory == null ? -1 : (byte) forecastCategory.ordinal();
        this.product[r] = products.code(product);
        this.type[r] = types.code(type);
        size = r + 1;
        return r;
    }

    /**
     * The first row added with this id, as a reader finds repeated ids without keeping a string per row.
     *
     * @param id the id, matched exactly (case-sensitive, no stripping); not null
     * @return the row index, or -1 if no row has the id
     */
    public int rowOf(String id) {
        return idIndex.rowOf(ids, size, id);
    }

    private void grow(int cap) {
        account = Arrays.copyOf(account, cap);
        owner = Arrays.copyOf(owner, cap);
        stage = Arrays.copyOf(stage, cap);
        amount = Arrays.copyOf(amount, cap);
        currency = Arrays.copyOf(currency, cap);
        created = Arrays.copyOf(created, cap);
        close = Arrays.copyOf(close, cap);
        status = Arrays.copyOf(status, cap);
        category = Arrays.copyOf(category, cap);
        product = Arrays.copyOf(product, cap);
        type = Arrays.copyOf(type, cap);
    }

    /**
     * Sets a free-form attribute of a row already added, replacing any earlier value of the same name.
     *
     * @param row   the row index, 0 to {@link #size()} - 1
     * @param name  the attribute name; not null
     * @param value the value; not null
     * @return this builder
     * @throws IndexOutOfBoundsException if the row has not been added
     * @throws NullPointerException      if the name or value is null
     */
    public OpportunityTableBuilder attribute(int row, String name, String value) {
        Objects.checkIndex(row, size);
        AttributeColumn col = attributes.computeIfAbsent(Objects.requireNonNull(name, "name"), k -> new AttributeColumn());
        if (row >= col.codes.length) {
            col.codes = Arrays.copyOf(col.codes, Math.max(row + 1, col.codes.length * 3 / 2));
        }
        if (row >= col.filled) {
            Arrays.fill(col.codes, col.filled, row, -1);
            col.filled = row + 1;
        }
        col.codes[row] = col.values.code(Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * Adds a stage change to a row already added; a row's changes are kept in date order, changes of one day in
     * the order added.
     *
     * @param row         the row index, 0 to {@link #size()} - 1
     * @param date        the day of the change, not before the row's created date; not null
     * @param stage       the stage entered, non-blank; stripped of surrounding spaces
     * @param amountMinor the amount from that day in minor units of the row's currency, not negative; or
     *                    {@link OpportunityTable#NO_AMOUNT} if the change does not record one
     * @param closeDate   the expected close date from that day, or null
     * @return this builder
     * @throws IndexOutOfBoundsException if the row has not been added
     * @throws NullPointerException      if the date is null
     * @throws IllegalArgumentException  if the change is before the row was created, or its stage is blank or
     *                                   amount negative
     */
    public OpportunityTableBuilder change(int row, LocalDate date, String stage, long amountMinor, LocalDate closeDate) {
        Objects.checkIndex(row, size);
        Objects.requireNonNull(date, "date");
        if (stage == null || stage.isBlank()) {
            throw new IllegalArgumentException("stage change on " + date + " has a blank stage");
        }
        if (amountMinor < 0 && amountMinor != OpportunityTable.NO_AMOUNT) {
            throw new IllegalArgumentException("stage change on " + date + " has negative amount "
                    + Money.ofMinor(amountMinor, currencyList.get(currency[row])));
        }
        int day = (int) date.toEpochDay();
        if (day < created[row]) {
            throw new IllegalArgumentException("opportunity " + ids.get(row) + " has a stage change on " + date
                    + ", before it was created on " + LocalDate.ofEpochDay(created[row]));
        }
        changes.add(row, day, stages.code(stage.strip()), amountMinor,
                closeDate == null ? OpportunityTable.NO_DATE : (int) closeDate.toEpochDay());
        return this;
    }

    /**
     * Appends the rows of {@code other} that {@code keep} marks, in order, with their attributes, as when a reader
     * that decoded chunks of a file into builders of their own joins them, leaving out rows found to be repeats
     * after they were added. Stage changes of {@code other} are not copied.
     *
     * @param other the builder whose rows to append; not changed; not null
     * @param keep  one flag per row of {@code other}: true to append the row, false to leave it out
     * @return this builder
     * @throws IllegalArgumentException if {@code keep} does not have one flag per row of {@code other}
     */
    public OpportunityTableBuilder append(OpportunityTableBuilder other, boolean[] keep) {
        if (keep.length != other.size) {
            throw new IllegalArgumentException(keep.length + " flags for " + other.size + " rows");
        }
        // Codes are recoded on first use, so values only the rows left out had do not enter the dictionaries.
        int[] accountCodes = unmapped(other.accounts);
        int[] ownerCodes = unmapped(other.owners);
        int[] stageCodes = unmapped(other.stages);
        int[] productCodes = unmapped(other.products);
        int[] typeCodes = unmapped(other.types);
        short[] currencyCodes = new short[other.currencyList.size()];
        Arrays.fill(currencyCodes, (short) -1);
        for (int r = 0; r < other.size; r++) {
            if (!keep[r]) {
                continue;
            }
            int w = size;
            if (w == owner.length) {
                grow(Math.max(64, w + (w >> 1)));
            }
            ids.addFrom(other.ids, r);
            names.addFrom(other.names, r);
            account[w] = recode(other.account[r], accountCodes, other.accounts, accounts);
            owner[w] = recode(other.owner[r], ownerCodes, other.owners, owners);
            stage[w] = recode(other.stage[r], stageCodes, other.stages, stages);
            amount[w] = other.amount[r];
            if (currencyCodes[other.currency[r]] < 0) {
                currencyCodes[other.currency[r]] = currencyCode(other.currencyList.get(other.currency[r]));
            }
            currency[w] = currencyCodes[other.currency[r]];
            created[w] = other.created[r];
            close[w] = other.close[r];
            status[w] = other.status[r];
            category[w] = other.category[r];
            product[w] = recode(other.product[r], productCodes, other.products, products);
            type[w] = recode(other.type[r], typeCodes, other.types, types);
            size = w + 1;
            for (Map.Entry<String, AttributeColumn> e : other.attributes.entrySet()) {
                AttributeColumn col = e.getValue();
                if (r < col.filled && col.codes[r] >= 0) {
                    attribute(w, e.getKey(), col.values.value(col.codes[r]));
                }
            }
        }
        return this;
    }

    private static int[] unmapped(Dictionary from) {
        int[] codes = new int[from.size()];
        Arrays.fill(codes, -1);
        return codes;
    }

    private static int recode(int code, int[] codes, Dictionary from, Dictionary to) {
        if (code < 0) {
            return -1;
        }
        if (codes[code] < 0) {
            codes[code] = to.code(from.value(code));
        }
        return codes[code];
    }

    private short currencyCode(Currency c) {
        Short cc = currencyCodes.get(c);
        if (cc == null) {
            if (currencyList.size() == Short.MAX_VALUE) {
                throw new IllegalStateException("a table holds at most " + Short.MAX_VALUE + " currencies");
            }
            cc = (short) currencyList.size();
            currencyCodes.put(c, cc);
            currencyList.add(c);
        }
        return cc;
    }

    /**
     * The currency of a row added, e.g. for a reader checking a stage history amount.
     *
     * @param row the row index, 0 to {@link #size()} - 1
     * @return the row's currency; never null
     * @throws IndexOutOfBoundsException if the row has not been added
     */
    public Currency currency(int row) {
        Objects.checkIndex(row, size);
        return currencyList.get(currency[row]);
    }

    /**
     * The amount of a row added.
     *
     * @param row the row index, 0 to {@link #size()} - 1
     * @return the amount in minor units of the row's {@link #currency(int) currency}
     * @throws IndexOutOfBoundsException if the row has not been added
     */
    public long amountMinor(int row) {
        Objects.checkIndex(row, size);
        return amount[row];
    }

    /**
     * The created date of a row added, e.g. for a reader checking a stage change's date.
     *
     * @param row the row index, 0 to {@link #size()} - 1
     * @return the created date; never null
     * @throws IndexOutOfBoundsException if the row has not been added
     */
    public LocalDate createdDate(int row) {
        Objects.checkIndex(row, size);
        return LocalDate.ofEpochDay(created[row]);
    }

    StageChanges.History sortedHistory() {
        return changes.sorted(size);
    }

    /** @return an immutable table of the rows added so far; the builder stays usable */
    public OpportunityTable build() {
        return new OpportunityTable(this, true);
    }

    /**
     * Hands the columns to a table without copying them, for a bulk load that needs the builder no more: the
     * builder is left empty and must not be used again.
     *
     * @return an immutable table of the rows added
     */
    public OpportunityTable moveToTable() {
        OpportunityTable t = new OpportunityTable(this, false);
        size = 0;
        ids = new TextColumn(); // the table holds the old ones
        names = new TextColumn();
        account = owner = stage = created = close = product = type = new int[0];
        amount = new long[0];
        currency = new short[0];
        status = category = new byte[0];
        attributes.clear();
        idIndex = new IdIndex();
        changes = new StageChanges();
        return t;
    }
}
