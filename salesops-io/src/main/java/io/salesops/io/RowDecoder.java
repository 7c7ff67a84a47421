package io.salesops.io;

import io.salesops.core.crm.ForecastCategory;
import io.salesops.core.crm.OpportunityStatus;
import io.salesops.core.crm.OpportunityTable;
import io.salesops.core.crm.StageModel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Currency;

/**
 * Decodes one chunk's records straight into its {@link ChunkRows}: numbers, amounts and dates from the bytes,
 * strings as dictionary codes looked up by their bytes, so a valid row makes no object. A row it cannot vouch
 * for, with a cell that is blank, malformed or breaks a rule, goes the exact way: decoded to characters and read
 * by {@link Cells} and {@link OpportunityConverter}, which find its problems with the very messages of
 * a row-by-row read (or accept it, as a grouped amount or a time after a date). Not thread-safe: one per chunk.
 */
final class RowDecoder {

    private static final byte FAIL = -2;
    private static final byte NONE = -1;
    private static final OpportunityStatus[] STATUSES = OpportunityStatus.values();

    private final Header header;
    private final CsvSettings settings;
    private final StageModel model;
    private final boolean knownStagesOnly;
    private final int id, name, account, owner, stage, amount, currency, created, close, status, category, product,
            type, won, closed;
    private final int[] coded;
    private final int[] attributeColumns;
    private final Cells cells;
    private final OpportunityConverter converter;
    private final ByteDictionary currencyCodes = new ByteDictionary();
    private final ByteDictionary statusCodes = new ByteDictionary();
    private final ByteDictionary categoryCodes = new ByteDictionary();
    private final ByteDictionary boolCodes = new ByteDictionary();
    /** Per dictionary code, what its value decodes to (or {@link #FAIL}); grown as codes appear. */
    private Currency[] currencyOf = new Currency[8];
    /** Per currency code, the chunk's index of its currency (rows keep the index, not the currency). */
    private short[] currencyIndexOf = new short[8];
    private byte[] statusOf = new byte[8];
    private byte[] categoryOf = new byte[8];
    private byte[] boolOf = new byte[8];
    /** Per stage code: the status it implies, or {@link #FAIL} if the row must go the exact way. */
    private byte[] stageOf = new byte[8];
    private byte[] ownerOk = new byte[8];
    private final short defaultCurrency;
    private final ByteDates dates;

    RowDecoder(Header h, CsvSettings s, StageModel model, boolean knownStagesOnly, ChunkRows into) {
        this.header = h;
        this.settings = s;
        this.model = model;
        this.knownStagesOnly = knownStagesOnly;
        id = h.col("id").index;
        name = h.col("name").index;
        account = h.col("account").index;
        owner = h.col("owner").index;
        stage = h.col("stage").index;
        amount = h.col("amount").index;
        currency = h.col("currency").index;
        created = h.col("created_date").index;
        close = h.col("close_date").index;
        status = h.col("status").index;
        category = h.col("forecast_category").index;
        product = h.col("product").index;
        type = h.col("type").index;
        won = h.col("won").index;
        closed = h.col("closed").index;
        coded = new int[] {account, owner, stage, product, type};
        attributeColumns = h.attributeIndexes;
        cells = new Cells(h.file, s, h);
        converter = new OpportunityConverter(h, s, model, knownStagesOnly);
        defaultCurrency = into.currencyIndex(s.defaultCurrency());
        dates = new ByteDates(s.dates());
        Arrays.fill(stageOf, (byte) -3);
    }

    /**
     * Decodes the current record into {@code out}, or records its problems there.
     *
     * @return false if the row has problems
     */
    boolean decode(ByteRecords r, ChunkRows out) {
        if (r.fieldCount == header.size() && fast(r, out)) {
            return true;
        }
        return exact(r, out);
    }

    private boolean fast(ByteRecords r, ChunkRows out) {
        if (!r.cell(id) || (r.nonAscii && blank(r))) {
            return false;
        }
        // the id's content, kept unless it was unescaped into the buffer the cells after it reuse
        byte[] idBytes = r.cb;
        int idFrom = r.cs;
        int idTo = r.ce;
        int ownerCode = code(r, owner, out.dictionaries[1]);
        if (ownerCode < 0 || !ownerOk(ownerCode, out.dictionaries[1])) {
            return false;
        }
        int stageCode = code(r, stage, out.dictionaries[2]);
        if (stageCode < 0) {
            return false;
        }
        byte implied = stageStatus(stageCode, out.dictionaries[2]);
        if (implied == FAIL) {
            return false;
        }
        short cur = defaultCurrency;
        Currency curV = settings.defaultCurrency();
        if (r.cell(currency)) {
            int code = currencyCodes.code(r.cb, r.cs, r.ce);
            curV = currency(code, out);
            if (curV == null) {
                return false;
            }
            cur = currencyIndexOf[code];
        }
        if (!r.cell(amount)) {
            return false;
        }
        long minor = Amounts.simpleMinor(r.cb, r.cs, r.ce, curV.getDefaultFractionDigits());
        if (minor < 0) {
            return false;
        }
        int createdDay = r.cell(created) ? dates.day(r) : OpportunityTable.NO_DATE;
        if (createdDay == OpportunityTable.NO_DATE) {
            return false;
        }
        int closeDay = OpportunityTable.NO_DATE;
        if (r.cell(close)) {
            closeDay = dates.day(r);
            if (closeDay == OpportunityTable.NO_DATE || closeDay < createdDay) {
                return false;
            }
        }
        byte statusV = status(r, implied);
        if (statusV == FAIL || (STATUSES[statusV].isClosed() && closeDay == OpportunityTable.NO_DATE)) {
            return false;
        }
        byte fc = NONE;
        if (r.cell(category)) {
            fc = parsed(categoryCodes.code(r.cb, r.cs, r.ce), true);
            if (fc == FAIL) {
                return false;
            }
        }
        if (out.ids.full() || out.names.full()) {
            return false;
        }
        keep(r, out, ownerCode, stageCode, cur, minor, createdDay, closeDay, statusV, fc, idBytes, idFrom, idTo);
        return true;
    }

    /**
     * Writes a row {@link #fast} checked into the chunk. A method of its own so that the JIT compiles the checks'
     * dictionary lookups inline within its limit on a method's size, and the lookups here within this one.
     */
    private void keep(ByteRecords r, ChunkRows out, int ownerCode, int stageCode, short cur, long minor, int createdDay,
                      int closeDay, byte statusV, byte fc, byte[] idBytes, int idFrom, int idTo) {
        boolean idEscaped = r.escaped[id];
        ChunkRows.Block b = out.next(r.position());
        int k = out.size & ChunkRows.MASK;
        ChunkRows.Block t = out.target;
        int i = out.at;
        t.coded[1][i] = ownerCode;
        t.coded[2][i] = stageCode;
        if (!out.countsOnly) {
            t.coded[0][i] = code(r, account, out.dictionaries[0]);
            t.coded[3][i] = code(r, product, out.dictionaries[3]);
            t.coded[4][i] = code(r, type, out.dictionaries[4]);
            for (int a = 0; a < attributeColumns.length; a++) {
                t.attributes[a][i] = code(r, attributeColumns[a], out.attributeValues[a]);
            }
        }
        t.amount[i] = minor;
        t.currency[i] = cur;
        t.created[i] = createdDay;
        t.close[i] = closeDay;
        t.status[i] = statusV;
        t.category[i] = fc;
        b.line[k] = (int) Math.min(r.line, Integer.MAX_VALUE);
        if (idEscaped) {
            r.cell(id);
            idBytes = r.cb;
            idFrom = r.cs;
            idTo = r.ce;
        }
        b.idRef[k] = out.ids.add(idBytes, idFrom, idTo);
        b.idLen[k] = idTo - idFrom;
        b.idHash[k] = hash(idBytes, idFrom, idTo);
        if (r.fe[id] - r.fs[id] != idTo - idFrom || idEscaped) {
            out.paddedIds.put(out.size, raw(r, id));
        }
        if (out.countsOnly) {
            // no name kept
        } else if (r.cell(name) && !(r.nonAscii && blank(r))) {
            b.nameRef[k] = out.names.add(r.cb, r.cs, r.ce);
            b.nameLen[k] = r.ce - r.cs;
        } else {
            b.nameLen[k] = 0;
        }
        out.size++;
    }

    /** The exact way: {@link Cells} and the converter over the row decoded to characters. */
    private boolean exact(ByteRecords r, ChunkRows out) {
        CsvRow row = ByteRecordRows.toRow(r, 0);
        Cells c = cells;
        c.reset(row);
        if (row.fieldCount != header.size()) {
            c.rowProblem("row has " + row.fieldCount + (row.fieldCount == 1 ? " field" : " fields")
                    + " but the header has " + header.size() + row.spanningField());
            if (!row.spanningField().isEmpty()) {
                out.spanning.add(new Object[] {out.problems.size(), row});
            }
        } else {
            try {
                // convert, not just decode: the Opportunity it makes checks the rules the table's rows hold
                if (converter.convert(c) != null) {
                    add(r, c, out);
                    return true;
                }
            } catch (IllegalArgumentException e) {
                c.rowProblem(e.getMessage());
            }
        }
        out.problems.addAll(c.problems());
        return false;
    }

    /** Adds the row the converter decoded. */
    private void add(ByteRecords r, Cells c, ChunkRows out) {
        OpportunityConverter v = converter;
        ChunkRows.Block b = out.next(r.position());
        int k = out.size & ChunkRows.MASK;
        ChunkRows.Block t = out.target;
        int i = out.at;
        t.coded[1][i] = out.dictionaries[1].code(v.ownerV);
        t.coded[2][i] = out.dictionaries[2].code(v.stageV);
        if (!out.countsOnly) {
            t.coded[0][i] = code(c.pooled(header.col("account")), out.dictionaries[0]);
            t.coded[3][i] = code(c.pooled(header.col("product")), out.dictionaries[3]);
            t.coded[4][i] = code(c.pooled(header.col("type")), out.dictionaries[4]);
            for (int a = 0; a < attributeColumns.length; a++) {
                t.attributes[a][i] = code(c.attribute(a), out.attributeValues[a]);
            }
        }
        t.amount[i] = v.minor;
        t.currency[i] = out.currencyIndex(v.cur);
        t.created[i] = (int) v.createdV.toEpochDay();
        t.close[i] = v.closeV == null ? OpportunityTable.NO_DATE : (int) v.closeV.toEpochDay();
        t.status[i] = (byte) v.statusV.ordinal();
        t.category[i] = v.fc == null ? NONE : (byte) v.fc.ordinal();
        b.line[k] = (int) Math.min(r.line, Integer.MAX_VALUE);
        byte[] idBytes = v.idV.getBytes(StandardCharsets.UTF_8);
        b.idRef[k] = out.ids.add(idBytes, 0, idBytes.length);
        b.idLen[k] = idBytes.length;
        b.idHash[k] = hash(idBytes, 0, idBytes.length);
        String raw = raw(r, id);
        if (!raw.equals(v.idV)) {
            out.paddedIds.put(out.size, raw);
        }
        String nameV = out.countsOnly ? null : c.text(header.col("name"));
        if (out.countsOnly) {
            // no name kept
        } else if (nameV != null && !nameV.isBlank()) {
            byte[] n = nameV.getBytes(StandardCharsets.UTF_8);
            b.nameRef[k] = out.names.add(n, 0, n.length);
            b.nameLen[k] = n.length;
        } else {
            b.nameLen[k] = 0;
        }
        out.size++;
    }

    private static int code(String value, ByteDictionary d) {
        return value == null ? -1 : d.code(value);
    }

    private static int code(ByteRecords r, int col, ByteDictionary d) {
        return r.cell(col) ? d.code(r.cb, r.cs, r.ce) : -1;
    }

    static int hash(byte[] b, int from, int to) {
        return ByteDictionary.hash(b, from, to);
    }

    /** @return the field's content unstripped, as a row-by-row read quotes it */
    private static String raw(ByteRecords r, int col) {
        return ByteRecordRows.toRow(r, 0).raw(col);
    }

    /** @return true if the cell located last is blank by {@link String#isBlank()} (Unicode spaces) */
    private static boolean blank(ByteRecords r) {
        for (int i = r.cs; i < r.ce; i++) {
            if (r.cb[i] < 0) {
                return new String(r.cb, r.cs, r.ce - r.cs, StandardCharsets.UTF_8).isBlank();
            }
        }
        return false;
    }

    private boolean ownerOk(int code, ByteDictionary d) {
        if (code < ownerOk.length && ownerOk[code] != 0) {
            return ownerOk[code] == 1;
        }
        return newOwner(code, d);
    }

    /** {@link #ownerOk} of an owner code met for the first time: whether its value is blank, kept by code. */
    private boolean newOwner(int code, ByteDictionary d) {
        if (code >= ownerOk.length) {
            ownerOk = Arrays.copyOf(ownerOk, code * 2 + 2);
        }
        ownerOk[code] = (byte) (d.value(code).isBlank() ? 2 : 1);
        return ownerOk[code] == 1;
    }

    private byte stageStatus(int code, ByteDictionary d) {
        if (code < stageOf.length && stageOf[code] != -3) {
            return stageOf[code];
        }
        return newStage(code, d);
    }

    /** {@link #stageStatus} of a stage code met for the first time, kept by code. */
    private byte newStage(int code, ByteDictionary d) {
        if (code >= stageOf.length) {
            int n = stageOf.length;
            stageOf = Arrays.copyOf(stageOf, code * 2 + 2);
            Arrays.fill(stageOf, n, stageOf.length, (byte) -3);
        }
        String s = d.value(code);
        stageOf[code] = s.isBlank() || (knownStagesOnly && !model.contains(s)) ? FAIL
                : (byte) converter.stageStatus(s).ordinal();
        return stageOf[code];
    }

    /** @return the currency of a currency code, its chunk index then in {@link #currencyIndexOf}; null if invalid */
    private Currency currency(int code, ChunkRows out) {
        if (code < currencyOf.length && currencyOf[code] != null) {
            return currencyOf[code];
        }
        return newCurrency(code, out);
    }

    /** {@link #currency} of a code not yet decoded (or invalid): decoded and kept by code if valid. */
    private Currency newCurrency(int code, ChunkRows out) {
        if (code >= currencyOf.length) {
            currencyOf = Arrays.copyOf(currencyOf, code * 2 + 2);
            currencyIndexOf = Arrays.copyOf(currencyIndexOf, code * 2 + 2);
        }
        String v = currencyCodes.value(code);
        Currency c;
        try {
            c = Currency.getInstance(v.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (c.getDefaultFractionDigits() < 0) {
            return null;
        }
        currencyOf[code] = c;
        currencyIndexOf[code] = out.currencyIndex(c);
        return c;
    }

    /** The status column, or Salesforce's closed and won, checked against the stage as the converter does. */
    private byte status(ByteRecords r, byte implied) {
        byte explicit = NONE;
        if (r.cell(status)) {
            explicit = parsed(statusCodes.code(r.cb, r.cs, r.ce), false);
            if (explicit == FAIL) {
                return FAIL;
            }
        } else if (r.cell(closed)) {
            byte isClosed = bool(boolCodes.code(r.cb, r.cs, r.ce));
            byte isWon = r.cell(won) ? bool(boolCodes.code(r.cb, r.cs, r.ce)) : NONE;
            if (isClosed == FAIL || isWon == FAIL) {
                return FAIL;
            }
            if (isClosed == 0) {
                if (isWon == 1) {
                    return FAIL;
                }
                explicit = (byte) OpportunityStatus.OPEN.ordinal();
            } else if (isWon != NONE) {
                explicit = (byte) (isWon == 1 ? OpportunityStatus.WON : OpportunityStatus.LOST).ordinal();
            }
        }
        if (explicit == NONE) {
            return implied;
        }
        if (implied != OpportunityStatus.OPEN.ordinal() && implied != explicit) {
            return FAIL;
        }
        return explicit;
    }

    /** @return the status (or forecast category) ordinal a status (category) value parses to, or {@link #FAIL} */
    private byte parsed(int code, boolean isCategory) {
        byte[] cache = isCategory ? categoryOf : statusOf;
        byte v = code < cache.length ? cache[code] : 0;
        if (v == 0) {
            v = newParsed(code, isCategory);
        }
        return v == FAIL ? FAIL : (byte) (v - 1);
    }

    /** {@link #parsed} of a code met for the first time: its ordinal + 1 or {@link #FAIL}, kept by code. */
    private byte newParsed(int code, boolean isCategory) {
        byte[] cache = isCategory ? categoryOf : statusOf;
        if (code >= cache.length) {
            cache = Arrays.copyOf(cache, code * 2 + 2);
            if (isCategory) {
                categoryOf = cache;
            } else {
                statusOf = cache;
            }
        }
        try {
            String v = (isCategory ? categoryCodes : statusCodes).value(code);
            int ordinal = isCategory ? OpportunityConverter.category(v).ordinal() : OpportunityStatus.parse(v).ordinal();
            cache[code] = (byte) (ordinal + 1);
        } catch (IllegalArgumentException e) {
            cache[code] = FAIL;
        }
        return cache[code];
    }

    /** @return 1 for true, 0 for false, {@link #FAIL} otherwise, as {@link Cells#bool} reads a checkbox */
    private byte bool(int code) {
        if (code >= boolOf.length) {
            boolOf = Arrays.copyOf(boolOf, code * 2 + 2);
        }
        if (boolOf[code] == 0) {
            switch (boolCodes.value(code).toLowerCase(java.util.Locale.ROOT)) {
                case "true": case "1": case "yes": case "y": case "x":
                    boolOf[code] = 2;
                    break;
                case "false": case "0": case "no": case "n":
                    boolOf[code] = 1;
                    break;
                default:
                    boolOf[code] = FAIL;
            }
        }
        return boolOf[code] == FAIL ? FAIL : (byte) (boolOf[code] - 1);
    }

}
