package io.salesops.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The byte read of a file, cut into chunks of any size and read on any number of threads, is exactly the
 * row-by-row read: the same rows, problems (file, line, column, value, message) and row count, in strict and
 * lenient mode. The files hold the pathologies a chunk boundary can fall into: quoted fields spanning lines,
 * CRLF and bare CR line ends, multibyte UTF-8, empty and blank lines, padded and escaped ids, repeated ids,
 * bad cells of every kind, rows with the wrong number of fields, amounts that overflow a total. The summary of a
 * file, which keeps no table, counts exactly the rows the table holds.
 */
class ByteTableReadProperties {

    private static final String HEADER = "id,name,account,owner,stage,amount,currency,created_date,close_date,status,"
            + "forecast_category,product,region";

    @Property(tries = 300)
    void anyChunking_isExactlyTheRowByRowRead(@ForAll long seed, @ForAll @IntRange(min = 1, max = 400) int chunkBytes,
                                              @ForAll @IntRange(min = 1, max = 3) int threads, @ForAll boolean strict,
                                              @ForAll boolean clean) throws IOException {
        Messy file = messy(new Random(seed), clean);
        assertSameReads(file, chunkBytes, threads, strict);
    }

    /**
     * Files of several blocks of rows ({@link ChunkRows#BLOCK}) per chunk: the summary counts each block once it is
     * full and hands its counted columns on to the next, and the table's blocks are joined.
     */
    @Property(tries = 5)
    void manyBlocksPerChunk_isExactlyTheRowByRowRead(@ForAll long seed, @ForAll @IntRange(min = 1, max = 2) int threads,
                                                     @ForAll boolean strict, @ForAll boolean repeats) throws IOException {
        Random r = new Random(seed);
        // mostly valid rows, so that a chunk fills several blocks with the rows it keeps
        Messy file = messy(r, true, 4 * ChunkRows.BLOCK + r.nextInt(ChunkRows.BLOCK), repeats);
        assertSameReads(file, 0, threads, strict);
    }

    /**
     * Ids and names long enough that a chunk's text fills several blocks of {@link ChunkRows#TEXT_BLOCK} bytes, some
     * exactly (names of a length dividing the block): the merge copies the texts of consecutive rows as runs, and a
     * run must end where a block does and where a row is left out (a repeated id).
     */
    @Property(tries = 6)
    void textBlocksFilledToTheEnd_isExactlyTheRowByRowRead(@ForAll long seed, @ForAll boolean strict,
                                                           @ForAll @IntRange(min = 1, max = 2) int threads)
            throws IOException {
        Random r = new Random(seed);
        int[] lengths = {1024, 2048, 512, 1 + r.nextInt(3000)};
        int nameLength = lengths[r.nextInt(lengths.length)];
        int rows = 3 * ChunkRows.TEXT_BLOCK / nameLength + r.nextInt(200);
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < rows; i++) {
            int id = r.nextInt(50) == 0 ? r.nextInt(i + 1) : i;
            String name = r.nextInt(40) == 0 ? "" : String.valueOf((char) ('a' + i % 26)).repeat(nameLength);
            sb.append(String.format("OPP-%0" + (1 + r.nextInt(12)) + "d", id)).append(',').append(name)
                    .append(",A1,ann,Proposal,100.50,USD,2026-01-15,,open,,Core,EMEA\n");
        }
        assertSameReads(new Messy(sb.toString(), true), 0, threads, strict);
    }

    /**
     * A file read as one chunk keeps its counted columns whole, grown to an estimate of its rows from the bytes per
     * row read so far, and hands them to the table in place (rows left out squeezed out, codes recoded where they
     * are). Rows that get longer through the file make the estimate fall short (the columns grow again), rows that
     * get shorter make it overshoot (the columns are cut to size); repeated ids and amounts past a total leave rows
     * out; bad cells send rows the exact way, whose values then stay in the chunk's dictionaries unused.
     */
    @Property(tries = 8)
    void wholeFileColumnsGrownToAnEstimate_isExactlyTheRowByRowRead(@ForAll long seed, @ForAll boolean strict,
                                                                    @ForAll @IntRange(min = 0, max = 2) int shape)
            throws IOException {
        Random r = new Random(seed);
        int rows = 2 * ChunkRows.BLOCK + r.nextInt(3 * ChunkRows.BLOCK);
        String[] owners = {"ann", "bob", "cy", "dee"};
        String[] stages = {"Prospecting", "Proposal", "Closed Won"};
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < rows; i++) {
            // 0: longer rows later, 1: shorter rows later, 2: lengths up and down
            int nameLength = switch (shape) {
                case 0 -> i < ChunkRows.BLOCK ? 0 : 1 + (i / 997) % 300;
                case 1 -> i < ChunkRows.BLOCK ? 400 : r.nextInt(3);
                default -> (i / 5000) % 2 == 0 ? 2 : 150;
            };
            // rows left out (repeated ids, totals past Money) only in every other block of rows: the others are
            // gathered whole
            boolean leaveOut = (i / ChunkRows.BLOCK) % 2 == 1;
            int id = leaveOut && r.nextInt(40) == 0 ? r.nextInt(i + 1) : i;
            String stage = stages[r.nextInt(stages.length)];
            String amount = r.nextInt(3000) == 0 ? "abc" : leaveOut && r.nextInt(20000) == 0 ? "92233720368547758.07"
                    : r.nextInt(100000) + "." + (10 + r.nextInt(90));
            // a blank owner, or a new one on a row whose amount is bad: a value no kept row has
            String owner = r.nextInt(5000) == 0 ? "\"\"" : amount.equals("abc") && r.nextBoolean() ? "zed" + i
                    : owners[r.nextInt(owners.length)];
            String region = r.nextInt(2000) == 0 ? "Zone " + i : r.nextBoolean() ? "EMEA" : "";
            sb.append("OPP-").append(id).append(',').append("n".repeat(nameLength)).append(",A").append(r.nextInt(50))
                    .append(',').append(owner).append(',').append(stage).append(',').append(amount)
                    .append(r.nextInt(4) == 0 ? ",EUR" : ",USD").append(",2026-01-15,")
                    .append(stage.startsWith("Closed") ? "2026-02-01,," : ",open,")
                    .append(r.nextBoolean() ? "commit" : "").append(",Core,").append(region).append('\n');
        }
        assertSameReads(new Messy(sb.toString(), true), 0, 1, strict);
    }

    @Property(tries = 20)
    void everySplitPoint_isExactlyTheRowByRowRead(@ForAll long seed, @ForAll boolean strict) throws IOException {
        Messy file = messy(new Random(seed), true);
        int length = file.text.getBytes(StandardCharsets.UTF_8).length;
        // chunks of every size from one byte up: every boundary falls on every byte of the file at least once
        for (int chunk = 1; chunk <= length; chunk += 1 + chunk / 16) {
            assertSameReads(file, chunk, 2, strict);
        }
    }

    private static void assertSameReads(Messy file, int chunkBytes, int threads, boolean strict) throws IOException {
        Path path = Files.createTempFile("bytes", ".csv");
        try {
            Files.write(path, file.text.getBytes(StandardCharsets.UTF_8));
            OpportunityCsvReader.Builder b = OpportunityCsvReader.builder();
            if (!strict) {
                b.lenient();
            }
            ColumnarOpportunities columnar = b.build().columnar();
            CsvImport.Input in = CsvImport.Input.of(path);
            Object exact;
            try {
                TableImportResult r = columnar.readExactly(in, null);
                exact = List.of(r.table().asList(), r.problems(), r.rowsRead(), r.table().owners(), r.table().currencies());
            } catch (CsvImportException e) {
                exact = e.importProblems();
            }
            Object bytes;
            try {
                TableImportResult r = columnar.readBytes(in, null, threads, chunkBytes);
                bytes = r == null ? null : List.of(r.table().asList(), r.problems(), r.rowsRead(), r.table().owners(), r.table().currencies());
            } catch (CsvImportException e) {
                bytes = e.importProblems();
            }
            if (file.supported) {
                assertThat(bytes).as("a file the byte reader vouches for").isNotNull();
            }
            if (bytes != null) {
                assertThat(bytes).isEqualTo(exact);
            }
            // the summary keeps no table, but counts exactly the rows the table holds
            Object counted;
            try {
                counted = columnar.summarize(in, threads, chunkBytes);
            } catch (CsvImportException e) {
                counted = e.importProblems();
            }
            Object expected;
            try {
                expected = SummaryCounts.of(columnar.readExactly(in, null));
            } catch (CsvImportException e) {
                expected = e.importProblems();
            }
            assertThat(counted).isEqualTo(expected);
        } finally {
            Files.delete(path);
        }
    }

    /** A generated file and whether the byte reader should read it itself (no CR inside quotes, no open quote). */
    record Messy(String text, boolean supported) {
    }

    private static final String[] IDS = {"O-%d", " O-%d ", "\"O-%d\"", "\"O\"\"%d\"", "Ö-%d", "\"é,%d\"", "O-%d\t"};
    private static final String[] NAMES = {"", "Acme deal", "\"Acme, Inc.\"", "\"two\nlines\"", "\"say \"\"hi\"\"\"",
        "naïve €uro", "\u2003", "\"\n\"", "日本語"};
    private static final String[] OWNERS = {"ann", "bob", " ann ", "Jörg", "\"cy\"", "", "\u2003", "\"\""};
    private static final String[] STAGES = {"Prospecting", "Proposal", "Closed Won", "Closed Lost", "closedwon", "",
        "Négociation"};
    private static final String[] AMOUNTS = {"100", "100.50", "0", "\"1,234.56\"", "1,234", "-5", "+7", "abc", "",
        "1.005", "1.000", "92233720368547758.07", "9223372036854775807", "4611686018427387904", "12.", ".5",
        "1234567890123456789"};
    private static final String[] CURRENCIES = {"", "USD", "eur", "JPY", "BHD", "ZZZ", "XXX"};
    private static final String[] DATES = {"2026-01-15", "2026-03-31", "2024-02-29", "2026-02-29", "2026-13-01",
        "15/01/2026", "", "2026-01-15 10:30", "0000-01-01", "2026-1-5"};
    private static final String[] STATUSES = {"", "", "open", "won", "lost", "Closed Won", "bogus"};
    private static final String[] CATEGORIES = {"", "", "commit", "best case", "Omit", "nope"};
    private static final String[] REGIONS = {"", "EMEA", "APAC", " EMEA ", "Zürich"};
    private static final String[] ENDS = {"\n", "\n", "\n", "\r\n", "\r"};

    static Messy messy(Random r, boolean clean) {
        return messy(r, clean, -1, true);
    }

    /**
     * @param rowCount the number of rows, or -1 for a few (5 to 44)
     * @param repeats  whether about one row in ten repeats an earlier id and amounts may take a total past Money
     *                 (else a summary counts every chunk as it is read, with no row to leave out afterwards)
     */
    static Messy messy(Random r, boolean clean, int rowCount, boolean repeats) {
        StringBuilder sb = new StringBuilder();
        boolean supported = true;
        if (r.nextInt(5) == 0) {
            sb.append('\uFEFF');
        }
        if (r.nextInt(6) == 0) {
            sb.append('\n');
        }
        String end = ENDS[r.nextInt(ENDS.length)];
        sb.append(HEADER).append(end);
        int rows = rowCount >= 0 ? rowCount : 5 + r.nextInt(40);
        // a clean file has one cell in four (one in 300 in a file of many rows) that may be bad
        int wild = !clean ? 1 : rowCount >= 0 ? 300 : 4;
        for (int i = 0; i < rows; i++) {
            if (r.nextInt(15) == 0) {
                sb.append(r.nextBoolean() ? "" : " , ,,").append(end);
            }
            int id = repeats && r.nextInt(10) == 0 ? r.nextInt(i + 1) : i;
            String[] cells = {
                String.format(pick(r, IDS, wild), id), pick(r, NAMES, wild), r.nextBoolean() ? "" : "A" + r.nextInt(4),
                pick(r, OWNERS, wild), pick(r, STAGES, wild), repeats ? pick(r, AMOUNTS, wild) : AMOUNTS[r.nextInt(11)], pick(r, CURRENCIES, wild),
                pick(r, DATES, wild), r.nextInt(3) == 0 ? "" : pick(r, DATES, wild), pick(r, STATUSES, wild),
                pick(r, CATEGORIES, wild), r.nextBoolean() ? "Core" : "", pick(r, REGIONS, wild)};
            int n = cells.length;
            if (!clean && r.nextInt(25) == 0) {
                n = r.nextInt(cells.length + 2);
            }
            for (int k = 0; k < n; k++) {
                sb.append(k > 0 ? "," : "").append(k < cells.length ? cells[k] : "extra");
            }
            if (!clean && r.nextInt(60) == 0) {
                sb.append(",\"carriage\rreturn\"");
                supported = false;
            }
            if (i < rows - 1 || r.nextBoolean()) {
                sb.append(r.nextInt(12) == 0 ? ENDS[r.nextInt(ENDS.length)] : end);
            }
        }
        if (!clean && r.nextInt(30) == 0) {
            sb.append("O-x,\"never closed");
            supported = false;
        }
        String text = sb.toString();
        // a name with a line break and a bare CR line end could hide a CR inside quotes
        return new Messy(text, supported && !(text.contains("\r") && crInsideQuotes(text)));
    }

    /** One cell in {@code wild} is any value, bad ones too; the others one of the first three. */
    private static String pick(Random r, String[] values, int wild) {
        return r.nextInt(wild) != 0 ? values[r.nextInt(Math.min(3, values.length))] : values[r.nextInt(values.length)];
    }

    private static boolean crInsideQuotes(String text) {
        boolean quoted = false;
        boolean fieldStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        i++;
                    } else {
                        quoted = false;
                    }
                } else if (c == '\r') {
                    return true;
                }
            } else {
                if (c == '"' && fieldStart) {
                    quoted = true;
                }
                fieldStart = c == ',' || c == '\n' || c == '\r';
            }
        }
        return false;
    }
}
