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
    final TextColumn ids = new TextColumn();
    final TextColumn names = new TextColumn();
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
    private int changes;
    private int[] changeRow = new int[16];
    private int[] changeDay = new int[16];
    private int[] changeStage = new int[16];
    private long[] changeAmount = new long[16];
    private int[] changeClose = new int[16];

    /** One attribute's codes; rows past {@code filled} are absent. */
    static final class AttributeColumn {
        final Dictionary values = new Dictionary();
        int[] codes = new int[16];
        int filled;
    }

    OpportunityTableBuilder() {
    }

    /** @return the number of rows added */
    public int size() {
        return size;
    }

    /**
     * Adds an opportunity with its attributes and history as the next row.
     *
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
     * @param name             display name, or null for the id
     * @param accountId        account, or null
     * @param closeDate        close date, or null (only while open)
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
        Short cc = currencyCodes.get(currency);
        if (cc == null) {
            cc = (short) currencyList.size();
            currencyCodes.put(currency, cc);
            currencyList.add(currency);
        }
        this.currency[r] = cc;
        this.created[r] = (int) createdDate.toEpochDay();
        this.close[r] = closeDate == null ? OpportunityTable.NO_DATE : (int) closeDate.toEpochDay();
        this.status[r] = (byte) status.ordinal();
        this.category[r] = forecastCategory == null ? -1 : (byte) forecastCategory.ordinal();
        this.product[r] = products.code(product);
        this.type[r] = types.code(type);
        size = r + 1;
        return r;
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
     * Sets a free-form attribute of a row already added.
     *
     * @return this builder
     * @throws IndexOutOfBoundsException if the row has not been added
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
     * @param amountMinor the amount from that day in the row's currency, or {@link OpportunityTable#NO_AMOUNT}
     * @param closeDate   the expected close date from that day, or null
     * @return this builder
     * @throws IllegalArgumentException if the change is before the row was created, or its stage is blank or amount negative
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
        int i = changes;
        if (i == changeRow.length) {
            int cap = i * 2;
            changeRow = Arrays.copyOf(changeRow, cap);
            changeDay = Arrays.copyOf(changeDay, cap);
            changeStage = Arrays.copyOf(changeStage, cap);
            changeAmount = Arrays.copyOf(changeAmount, cap);
            changeClose = Arrays.copyOf(changeClose, cap);
        }
        changeRow[i] = row;
        changeDay[i] = day;
        changeStage[i] = stages.code(stage.strip());
        changeAmount[i] = amountMinor;
        changeClose[i] = closeDate == null ? OpportunityTable.NO_DATE : (int) closeDate.toEpochDay();
        changes = i + 1;
        return this;
    }

    /**
     * Keeps only the rows {@code keep} marks, in order, as when a reader drops rows found to be repeats after they
     * were added. Only before any stage change is added.
     *
     * @throws IllegalStateException if stage changes were added
     */
    public OpportunityTableBuilder retain(boolean[] keep) {
        if (changes > 0) {
            throw new IllegalStateException("rows cannot be dropped once stage changes refer to them");
        }
        ids.retain(keep);
        names.retain(keep);
        int w = 0;
        for (int r = 0; r < size; r++) {
            if (keep[r]) {
                account[w] = account[r];
                owner[w] = owner[r];
                stage[w] = stage[r];
                amount[w] = amount[r];
                currency[w] = currency[r];
                created[w] = created[r];
                close[w] = close[r];
                status[w] = status[r];
                category[w] = category[r];
                product[w] = product[r];
                type[w] = type[r];
                for (AttributeColumn col : attributes.values()) {
                    if (r < col.filled) {
                        col.codes[w] = col.codes[r];
                    } else if (w < col.filled) {
                        col.codes[w] = -1;
                    }
                }
                w++;
            }
        }
        for (AttributeColumn col : attributes.values()) {
            col.filled = Math.min(col.filled, w);
        }
        size = w;
        return this;
    }

    /** The stage history in row order, each row's changes in date order (stable), as CSR arrays. */
    record History(int[] start, int[] day, int[] stage, long[] amount, int[] close) {
    }

    History sortedHistory() {
        int[] start = new int[size + 1];
        for (int i = 0; i < changes; i++) {
            start[changeRow[i] + 1]++;
        }
        for (int r = 0; r < size; r++) {
            start[r + 1] += start[r];
        }
        int[] at = Arrays.copyOf(start, size);
        int[] order = new int[changes];
        for (int i = 0; i < changes; i++) {
            order[at[changeRow[i]]++] = i;
        }
        for (int r = 0; r < size; r++) {
            // insertion sort by day: stable, and a row has few changes
            for (int j = start[r] + 1; j < start[r + 1]; j++) {
                int x = order[j];
                int k = j - 1;
                while (k >= start[r] && changeDay[order[k]] > changeDay[x]) {
                    order[k + 1] = order[k];
                    k--;
                }
                order[k + 1] = x;
            }
        }
        int[] day = new int[changes];
        int[] stg = new int[changes];
        long[] amt = new long[changes];
        int[] cls = new int[changes];
        for (int j = 0; j < changes; j++) {
            int i = order[j];
            day[j] = changeDay[i];
            stg[j] = changeStage[i];
            amt[j] = changeAmount[i];
            cls[j] = changeClose[i];
        }
        return new History(start, day, stg, amt, cls);
    }

    /** @return an immutable table of the rows added so far; the builder stays usable */
    public OpportunityTable build() {
        return new OpportunityTable(this);
    }
}
