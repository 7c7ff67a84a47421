package io.salesops.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;

/**
 * The rows one chunk of a file decoded, held as columns in blocks of {@value #BLOCK} rows so that they grow
 * without ever copying what they hold; strings as codes into the chunk's own dictionaries, ids and names as UTF-8
 * in blocks of text, one run per column; lines counted from the chunk's start. Also the chunk's problems and its place in the file.
 * Filled by one thread, then read by the merge.
 */
final class ChunkRows {

    static final int SHIFT = 14;
    static final int BLOCK = 1 << SHIFT;
    static final int MASK = BLOCK - 1;
    static final int TEXT_SHIFT = 20;
    static final int TEXT_BLOCK = 1 << TEXT_SHIFT;

    /**
     * One block of rows, one array per column; a column's arrays are dropped once the merge has copied them. In a
     * chunk with {@link #whole} columns, its blocks hold only the rows' lines, ids and names, and {@code whole} is a
     * block of the counted columns alone, indexed by row and grown as the chunk is read.
     */
    static final class Block {
        int[] line;
        int[] idRef;
        int[] idLen;
        int[] idHash;
        int[] nameRef;
        int[] nameLen;
        /** Codes of account, owner, stage, product, type in the chunk's dictionaries, -1 for absent. */
        int[][] coded = new int[5][];
        long[] amount;
        short[] currency;
        int[] created;
        int[] close;
        byte[] status;
        byte[] category;
        int[][] attributes;

        /**
         * A block of a folding chunk that takes over the counted columns of the one before it, already folded: a
         * summary then allocates them once per chunk, not once per block.
         */
        Block(Block folded) {
            rowData(true);
            coded = folded.coded;
            amount = folded.amount;
            currency = folded.currency;
            created = folded.created;
            close = folded.close;
            status = folded.status;
            category = folded.category;
            attributes = folded.attributes;
            folded.dropCounted();
        }

        void dropCounted() {
            coded = null;
            amount = null;
            currency = null;
            created = null;
            close = null;
            status = null;
            category = null;
        }

        /**
         * @param countsOnly true to hold only what a summary counts: no name, account, product, type or attribute
         * @param rows       the rows of the counted columns, 0 for none (the chunk's {@link #whole} holds them)
         */
        Block(int attributeCount, boolean countsOnly, int rows) {
            rowData(countsOnly);
            if (rows == 0) {
                return;
            }
            amount = new long[rows];
            currency = new short[rows];
            created = new int[rows];
            close = new int[rows];
            status = new byte[rows];
            category = new byte[rows];
            coded[1] = new int[rows];
            coded[2] = new int[rows];
            if (countsOnly) {
                attributes = new int[0][];
                return;
            }
            coded[0] = new int[rows];
            coded[3] = new int[rows];
            coded[4] = new int[rows];
            attributes = new int[attributeCount][rows];
        }

        private void rowData(boolean countsOnly) {
            line = new int[BLOCK];
            idRef = new int[BLOCK];
            idLen = new int[BLOCK];
            idHash = new int[BLOCK];
            if (!countsOnly) {
                nameRef = new int[BLOCK];
                nameLen = new int[BLOCK];
            }
        }

        /** @return the rows the counted columns hold */
        int capacity() {
            return amount.length;
        }

        /** Grows the counted columns of a {@link #whole} block to {@code rows}, keeping what they hold. */
        void grow(int rows) {
            amount = Arrays.copyOf(amount, rows);
            currency = Arrays.copyOf(currency, rows);
            created = Arrays.copyOf(created, rows);
            close = Arrays.copyOf(close, rows);
            status = Arrays.copyOf(status, rows);
            category = Arrays.copyOf(category, rows);
            for (int i = 0; i < coded.length; i++) {
                coded[i] = Arrays.copyOf(coded[i], rows);
            }
            for (int a = 0; a < attributes.length; a++) {
                attributes[a] = Arrays.copyOf(attributes[a], rows);
            }
        }
    }

    final long start;
    final long limit;
    /** True if the chunk keeps only what a summary counts (see {@link Block#Block(int, boolean)}). */
    final boolean countsOnly;
    final List<Block> blocks = new ArrayList<>();
    /** The last of {@link #blocks}, where the next row goes while it has room. */
    private Block last;
    /** The ids and the names of the rows, each column in its own blocks of text. */
    final Text ids;
    final Text names;
    final ByteDictionary[] dictionaries = new ByteDictionary[5];
    final ByteDictionary[] attributeValues;
    /** The chunk's currencies, indexed by the currency codes of its rows. */
    final List<Currency> currencies = new ArrayList<>();
    int size;
    int rowsRead;
    /** Problems with lines counted from the chunk's start, in row order. */
    final List<ImportProblem> problems = new ArrayList<>();
    /** Rows with the wrong number of fields whose message names a line: rewritten once the chunk's offset is known. */
    final List<Object[]> spanning = new ArrayList<>();
    /** Raw id content of rows whose id cell had spaces around it, by row: the value a duplicate's problem quotes. */
    final java.util.Map<Integer, String> paddedIds = new java.util.HashMap<>();
    /** Strict mode: the chunk stopped at its first problem row. */
    boolean stopped;
    /** The chunk met input the byte reader does not vouch for; it counts only if the chunk starts where it should. */
    boolean unsupported;
    /**
     * What a summary counts of the rows when the chunk folds them ({@link #folding()}), block by block as they are
     * decoded, dropping the columns counted; else null.
     */
    Folded folded;
    /** The rows counted into {@link #folded} so far. */
    private int foldedRows;
    /** The line breaks before the chunk's start, set once the chunks before it are known. */
    long lineOffset;
    long end;
    long lineBreaks;

    /**
     * The counted columns of every row (account, owner, stage, product, type, amount, currency, dates, status,
     * category, attributes) indexed by row, when the chunk is the only one of a read into a table: the columns then
     * become the table's without a copy ({@link ChunkColumns}). Null otherwise: each block holds its rows'.
     */
    final Block whole;
    /** The fewest bytes a row kept takes in the file: its separators and line break. */
    private final int minRowBytes;
    /** The file position read to when {@link #next} last made room for a row. */
    private long position;
    /** Where the counted columns of the row {@link #next()} made room for go: this block at {@link #at}. */
    Block target;
    int at;

    /**
     * @param wholeFile true if the chunk is the only one of its read: a chunk that is not {@code countsOnly} then
     *                  keeps its counted columns in {@link #whole}
     * @param fields    the fields of a row, to bound the rows the bytes left can hold
     */
    ChunkRows(long start, long limit, int attributeCount, boolean countsOnly, boolean wholeFile, int fields) {
        this.start = start;
        this.limit = limit;
        this.countsOnly = countsOnly;
        this.whole = wholeFile && !countsOnly ? new Block(attributeCount, false, BLOCK) : null;
        this.minRowBytes = Math.max(1, fields - 1);
        this.ids = new Text(whole != null ? this : null);
        this.names = new Text(whole != null ? this : null);
        for (int i = 0; i < 5; i++) {
            dictionaries[i] = new ByteDictionary();
        }
        attributeValues = new ByteDictionary[attributeCount];
        for (int i = 0; i < attributeCount; i++) {
            attributeValues[i] = new ByteDictionary();
        }
    }

    /**
     * What a summary counts of a chunk's rows: all of them, before any is found to repeat an earlier id. Counts by
     * the chunk's own stage and owner codes; currencies by the chunk's index, in order of first appearance.
     */
    static final class Folded {
        final long[] byStatus = new long[io.salesops.core.crm.OpportunityStatus.values().length];
        long[] stages = new long[16];
        long[] owners = new long[16];
        int firstCreated = Integer.MAX_VALUE;
        int lastCreated = Integer.MIN_VALUE;
        int firstClose = Integer.MAX_VALUE;
        int lastClose = Integer.MIN_VALUE;
        /** Per chunk currency index, the total of the amounts and the number of rows. */
        long[] sums = new long[4];
        long[] deals = new long[4];
        /** Chunk currency indexes in the order the rows first use them. */
        int[] currencyOrder = new int[4];
        int currencies;
        /** True if a currency's total passed what a long holds: the rows must be bounded one by one. */
        boolean overflow;

        private void fit(int stageCount, int ownerCount, int currencyCount) {
            stages = stages.length >= stageCount ? stages : java.util.Arrays.copyOf(stages, Math.max(stageCount, stages.length * 2));
            owners = owners.length >= ownerCount ? owners : java.util.Arrays.copyOf(owners, Math.max(ownerCount, owners.length * 2));
            if (sums.length < currencyCount) {
                sums = java.util.Arrays.copyOf(sums, currencyCount);
                deals = java.util.Arrays.copyOf(deals, currencyCount);
                currencyOrder = java.util.Arrays.copyOf(currencyOrder, currencyCount);
            }
        }

        /** Counts rows {@code from} to {@code to} - 1 of block {@code b}. */
        private void add(Block b, int from, int to) {
            for (int j = from; j < to; j++) {
                byStatus[b.status[j]]++;
                stages[b.coded[2][j]]++;
                owners[b.coded[1][j]]++;
                firstCreated = Math.min(firstCreated, b.created[j]);
                lastCreated = Math.max(lastCreated, b.created[j]);
                if (b.close[j] != io.salesops.core.crm.OpportunityTable.NO_DATE) {
                    firstClose = Math.min(firstClose, b.close[j]);
                    lastClose = Math.max(lastClose, b.close[j]);
                }
                int cur = b.currency[j];
                if (deals[cur]++ == 0) {
                    currencyOrder[currencies++] = cur;
                }
                overflow |= sums[cur] > Long.MAX_VALUE - b.amount[j];
                sums[cur] += b.amount[j];
            }
        }
    }

    /**
     * Makes the chunk count its rows into {@link #folded} as it goes and drop the columns counted (stage, owner,
     * amount, currency, dates, status, category), keeping per row only what finding repeated ids needs: a
     * summary's memory then grows with the ids, not with every counted field. Call before the first row.
     */
    void folding() {
        if (countsOnly && size == 0) {
            folded = new Folded();
        }
    }

    /**
     * Counts the rows not yet counted, all in the last block, if the chunk folds; with {@code drop}, also drops
     * the block's counted columns (called so once the chunk is decoded).
     */
    void fold(boolean drop) {
        if (folded == null) {
            return;
        }
        folded.fit(dictionaries[2].size(), dictionaries[1].size(), currencies.size());
        if (blocks.isEmpty()) {
            return;
        }
        Block last = blocks.get(blocks.size() - 1);
        if (size > foldedRows) {
            folded.add(last, foldedRows & MASK, ((size - 1) & MASK) + 1);
            foldedRows = size;
        }
        if (drop) {
            last.dropCounted();
        }
    }

    /**
     * Makes room for the next row: its line, id and name go into the block returned, at index {@code size & MASK};
     * its counted columns into {@link #target} at {@link #at}.
     *
     * @param position the file position the chunk has read to, from which a {@link #whole} chunk estimates its rows
     */
    Block next(long position) {
        this.position = position;
        int b = size >>> SHIFT;
        if (b != blocks.size() - 1) {
            if (folded != null && b > 0) {
                fold(false);   // the block before is full: count it and hand its counted columns on
                blocks.add(new Block(blocks.get(b - 1)));
            } else {
                blocks.add(new Block(attributeValues.length, countsOnly, whole == null ? BLOCK : 0));
            }
            last = blocks.get(b);
        }
        if (whole == null) {
            target = last;
            at = size & MASK;
        } else {
            if (size == whole.capacity()) {
                whole.grow(wholeRows(position));
            }
            target = whole;
            at = size;
        }
        return last;
    }

    /**
     * How far a {@link #whole} chunk's estimate of its rows reaches past the rate read so far. Rows left past the
     * last are memory the table keeps (and under G1 a large array a little over a region's size takes two), a
     * second growth near the end copies every column again: a little over. Rows that get longer through a file
     * (larger numbers in ids and names) make the first rows' rate overshoot anyway.
     */
    private static final double OVER = 1.02;

    /**
     * The same for a whole text: the texts themselves get longer through a file (larger numbers in ids and names,
     * some 5% in a sequential export), where the rows' estimate gains from it, the text's falls short.
     */
    private static final double TEXT_OVER = 1.0625;

    /**
     * @return the rows a {@link #whole} chunk's columns grow to once full: the rows the chunk's bytes hold at the
     * rate read so far (a little over, so that one growth usually suffices), at least an eighth more, and never
     * more than the bytes left could hold
     */
    private int wholeRows(long position) {
        long read = Math.max(1, position - start);
        long estimate = (long) ((double) size * (limit - start) / read * OVER) + 1024;
        long most = size + (Math.max(0, limit - position) / minRowBytes) + 2;
        long rows = Math.min(most, Math.max(size + (size >> 3) + 16, estimate));
        return (int) Math.min(rows, Integer.MAX_VALUE - 16);
    }

    /** @return the block holding the counted columns of row {@code row}, at {@link #countedIndex} */
    Block counted(int row) {
        return whole != null ? whole : block(row);
    }

    /** @return the index of row {@code row} in {@link #counted}'s block */
    int countedIndex(int row) {
        return whole != null ? row : row & MASK;
    }

    Block block(int row) {
        return blocks.get(row >>> SHIFT);
    }

    /**
     * One column of text (the ids, or the names) of a chunk, in the order of its rows: appended in blocks of
     * {@value #TEXT_BLOCK} bytes that are never copied while the chunk grows, so the texts of consecutive rows lie
     * end to end in a block and the merge copies them as whole runs. The text of a chunk with {@link #whole}
     * columns is one array instead, grown like them to an estimate, which the table then takes as it is; its refs
     * are offsets into it.
     */
    static final class Text {
        final List<byte[]> blocks = new ArrayList<>();
        /** The block appended to, the only one of a whole text. */
        byte[] current;
        private int used = TEXT_BLOCK;
        /** The chunk whose text is one array, or null. */
        private final ChunkRows whole;

        Text(ChunkRows whole) {
            this.whole = whole;
            if (whole != null) {
                current = new byte[TEXT_BLOCK];
                blocks.add(current);
                used = 0;
            }
        }

        /**
         * @return where {@code b[from, to)} is kept now: block index and offset, or the offset in a whole text; at
         * most {@value #TEXT_BLOCK} bytes
         */
        int add(byte[] b, int from, int to) {
            int n = to - from;
            if (used + n > (whole != null ? current.length : TEXT_BLOCK)) {
                if (whole != null) {
                    growWhole(n);
                } else {
                    current = new byte[TEXT_BLOCK];
                    blocks.add(current);
                    used = 0;
                }
            }
            int ref = whole != null ? used : ((blocks.size() - 1) << TEXT_SHIFT) | used;
            byte[] block = current;
            if (n <= 16) {
                // short ids and names: a plain loop beats arraycopy's call
                for (int i = 0; i < n; i++) {
                    block[used + i] = b[from + i];
                }
            } else {
                System.arraycopy(b, from, block, used, n);
            }
            used += n;
            return ref;
        }

        /**
         * Grows a whole text to hold {@code n} more bytes: to the bytes the chunk's text holds at the rate read so
         * far (a little over), at least an eighth more, and never more than the file's bytes left could add.
         */
        private void growWhole(int n) {
            ChunkRows c = whole;
            long read = Math.max(1, c.position - c.start);
            long estimate = (long) ((double) used * (c.limit - c.start) / read * TEXT_OVER) + 4096;
            long most = (long) used + n + Math.max(0, c.limit - c.position);
            long bytes = Math.min(most, Math.max(used + n + (used >> 3) + 16, estimate));
            if (bytes > MAX_TEXT) {
                throw new IllegalStateException("a text column holds at most 2 GB; this one would hold " + bytes + " bytes");
            }
            current = Arrays.copyOf(current, (int) bytes);
            blocks.set(0, current);
        }

        /** @return the array holding the text at {@code ref} */
        byte[] block(int ref) {
            return whole != null ? current : blocks.get(ref >>> TEXT_SHIFT);
        }

        /** @return the offset of the text at {@code ref} in its {@link #block} */
        int offset(int ref) {
            return whole != null ? ref : ref & (TEXT_BLOCK - 1);
        }

        /** @return true if the text at {@code ref} starts a block of several: a run of texts cannot go on into it */
        boolean startsBlock(int ref) {
            return whole == null && (ref & (TEXT_BLOCK - 1)) == 0;
        }

        /** @return the bytes a whole text holds */
        int used() {
            return used;
        }

        /** @return true if another block would take the refs past what an int holds */
        boolean full() {
            return whole != null ? used > MAX_TEXT - TEXT_BLOCK : blocks.size() >= (1 << (31 - TEXT_SHIFT)) - 2;
        }
    }

    /** The most bytes a whole text holds: about the most an array holds. */
    private static final int MAX_TEXT = Integer.MAX_VALUE - 16;

    /** @return the chunk's index of {@code c}, adding it */
    short currencyIndex(Currency c) {
        int i = currencies.indexOf(c);
        if (i < 0) {
            i = currencies.size();
            currencies.add(c);
        }
        return (short) i;
    }
}
