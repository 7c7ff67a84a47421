package io.salesops.io;

import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.Stage;
import io.salesops.core.crm.StageChange;
import io.salesops.core.crm.StageModel;
import io.salesops.core.money.Money;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads opportunities from a CSV export, optionally with a stage-history CSV.
 *
 * <pre>{@code
 * ImportResult<Opportunity> r = OpportunityCsvReader.builder()
 *         .mapping(ColumnMapping.parse("amount=close_value"))
 *         .dateFormat("MM/dd/yyyy")
 *         .lenient()
 *         .build()
 *         .read(path);
 * }</pre>
 *
 * <p><b>Columns</b> (header names via the {@link ColumnMapping}): {@code id, owner, stage, amount, created_date}
 * are required; {@code close_date} is required for won and lost deals (an open deal may have none);
 * {@code name, account, currency, close_date, status, forecast_category, product, type} are optional, as are the
 * checkbox columns {@code won} and {@code closed}; any other column becomes an attribute. Values are stripped of
 * surrounding spaces, and a blank value is absent.
 *
 * <p><b>Status</b> comes from the {@code status} column ({@code open/won/lost}, also {@code Closed Won}); where
 * that is absent or blank, from the {@code closed} and {@code won} columns (Salesforce); else from the stage: its
 * outcome in the {@link Builder#stageModel(StageModel) stage model}, else {@code won} for a stage named like
 * {@code Closed Won}/{@code closedwon}/{@code Won}, {@code lost} for {@code Closed Lost}/{@code closedlost}/{@code Lost},
 * and open for any other.
 *
 * <p><b>Amounts</b> are plain decimals ({@code 1234.56}); a quoted amount may group thousands ({@code "1,234.56"}).
 * An amount with more decimals than its currency has is a problem, never rounded. The {@code currency} column
 * holds ISO 4217 codes; without it amounts are in the {@link Builder#defaultCurrency(String) default currency}.
 *
 * <p><b>Stage history</b> ({@code opportunity_id, date, stage[, amount, close_date]}) is attached to the
 * opportunities in date order (rows of one date keep their file order); its amounts are in the opportunity's
 * currency. A history row for an unknown or rejected opportunity, or dated before the opportunity was created,
 * is a problem of the history file.
 *
 * <p>Ids must be unique; a repeated id is a problem of the later row. Instances are immutable and thread-safe;
 * each read is independent.
 */
public final class OpportunityCsvReader {

    static final List<Field> FIELDS = List.of(
            Field.required("id"), Field.optional("name"), Field.optional("account"), Field.required("owner"),
            Field.required("stage"), Field.required("amount"), Field.optional("currency"),
            Field.required("created_date"), Field.optional("close_date"), Field.optional("status"),
            Field.optional("forecast_category"), Field.optional("product"), Field.optional("type"),
            Field.optional("won"), Field.optional("closed"));

    static final List<Field> HISTORY_FIELDS = List.of(
            Field.required("opportunity_id"), Field.required("date"), Field.required("stage"),
            Field.optional("amount"), Field.optional("close_date"));

    static final CsvImport.Unique<Opportunity> UNIQUE = new CsvImport.Unique<>("id", Opportunity::id,
            k -> "id \"" + k + "\"", true);

    private final CsvSettings settings;
    private final CsvSettings historySettings;
    private final StageModel stageModel;
    /** Read by the columnar reader too. */
    final boolean knownStagesOnly;

    private OpportunityCsvReader(Builder b) {
        this.settings = b.settings();
        this.historySettings = b.history.settings();
        this.stageModel = b.stageModel;
        this.knownStagesOnly = b.knownStagesOnly;
    }

    /**
     * A builder with the defaults: field names as headers, ISO dates, strict, USD, UTF-8, {@link CsvLimits#DEFAULT},
     * no stage model, sequential.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads opportunities from a UTF-8 file (a byte-order mark selects another Unicode encoding).
     *
     * @param opportunities the opportunities CSV file, with a header row; not null
     * @return the valid opportunities in file order and, in lenient mode, the problems found (empty in strict
     *         mode); never null
     * @throws CsvImportException if the header lacks required columns, or in strict mode at the first bad row
     * @throws IOException        if the file cannot be read
     */
    public ImportResult<Opportunity> read(Path opportunities) throws IOException {
        return read(CsvImport.Input.of(opportunities), null).result();
    }

    /**
     * Reads opportunities and attaches their stage history from a second file.
     *
     * @param opportunities the opportunities CSV file, with a header row; not null
     * @param history       the stage-history CSV file ({@code opportunity_id, date, stage[, amount, close_date]});
     *                      not null
     * @return the valid opportunities in file order, each with its history, and in lenient mode the problems of
     *         both files; never null
     * @throws CsvImportException if a header lacks required columns, or in strict mode at the first bad row
     * @throws IOException        if a file cannot be read
     */
    public ImportResult<Opportunity> read(Path opportunities, Path history) throws IOException {
        return read(CsvImport.Input.of(opportunities), CsvImport.Input.of(Objects.requireNonNull(history, "history")))
                .result();
    }

    /**
     * Reads opportunities from CSV text; {@code name} stands for the file in problems.
     *
     * @param opportunities the CSV text with a header row, already decoded; read to the end and closed; not null
     * @param name          what problems call the input, e.g. {@code "upload.csv"}; not null
     * @return the valid opportunities in input order and, in lenient mode, the problems found; never null
     * @throws CsvImportException if the header lacks required columns, or in strict mode at the first bad row
     * @throws IOException        if the reader fails
     */
    public ImportResult<Opportunity> read(Reader opportunities, String name) throws IOException {
        return read(CsvImport.Input.of(opportunities, name), null).result();
    }

    /**
     * Reads opportunities and their stage history from CSV text.
     *
     * @param opportunities the opportunities' CSV text with a header row; read to the end and closed; not null
     * @param name          what problems call the opportunities input; not null
     * @param history       the stage history's CSV text with a header row; read to the end and closed; not null
     * @param historyName   what problems call the history input; not null
     * @return the valid opportunities in input order, each with its history, and in lenient mode the problems of
     *         both inputs; never null
     * @throws CsvImportException if a header lacks required columns, or in strict mode at the first bad row
     * @throws IOException        if a reader fails
     */
    public ImportResult<Opportunity> read(Reader opportunities, String name, Reader history, String historyName)
            throws IOException {
        return read(CsvImport.Input.of(opportunities, name), CsvImport.Input.of(history, historyName)).result();
    }

    /**
     * Reads opportunities straight into columns, with every problem exactly as {@link #read(Path)} finds it;
     * memory grows with the columns, not with an object per row. A UTF-8 or ASCII file is decoded from its bytes,
     * without a string or date object per cell; with {@link Builder#parallel(boolean)} a large one is read in
     * chunks on several threads, with the same result.
     *
     * @param opportunities the opportunities CSV file, with a header row; not null
     * @return the valid rows as a table in file order and, in lenient mode, the problems found; never null
     * @throws CsvImportException if the header lacks required columns, or in strict mode at the first bad row
     * @throws IOException        if the file cannot be read
     */
    public TableImportResult readTable(Path opportunities) throws IOException {
        return new ColumnarOpportunities(this, settings, stageModel).read(CsvImport.Input.of(opportunities), null);
    }

    /**
     * Reads opportunities straight into columns and attaches their stage history from a second file.
     *
     * @param opportunities the opportunities CSV file, with a header row; not null
     * @param history       the stage-history CSV file; not null
     * @return the valid rows as a table with their history and, in lenient mode, the problems of both files;
     *         never null
     * @throws CsvImportException if a header lacks required columns, or in strict mode at the first bad row
     * @throws IOException        if a file cannot be read
     */
    public TableImportResult readTable(Path opportunities, Path history) throws IOException {
        return new ColumnarOpportunities(this, settings, stageModel).read(CsvImport.Input.of(opportunities),
                CsvImport.Input.of(Objects.requireNonNull(history, "history")));
    }

    /**
     * Reads opportunities from CSV text straight into columns; {@code name} stands for the file in problems.
     *
     * @param opportunities the CSV text with a header row, already decoded; read to the end and closed; not null
     * @param name          what problems call the input; not null
     * @return the valid rows as a table and, in lenient mode, the problems found; never null
     * @throws CsvImportException if the header lacks required columns, or in strict mode at the first bad row
     * @throws IOException        if the reader fails
     */
    public TableImportResult readTable(Reader opportunities, String name) throws IOException {
        return new ColumnarOpportunities(this, settings, stageModel).read(CsvImport.Input.of(opportunities, name), null);
    }

    /**
     * Checks a file as {@link #readTable(Path)} reads it and counts its valid rows, keeping of each row only its id
     * (to find repeats) and the fields counted, not the whole table: for checking an export larger than the
     * memory its table would take. The problems are exactly those {@link #readTable(Path)} finds.
     *
     * @param opportunities the opportunities CSV file, with a header row; not null
     * @return the counts, totals and, in lenient mode, the problems
     * @throws CsvImportException if the header lacks required columns, or in strict mode at the first bad row
     * @throws IOException        if the file cannot be read
     */
    public ImportSummary summarize(Path opportunities) throws IOException {
        return columnar().summarize(CsvImport.Input.of(opportunities), 0, 0);
    }

    /** The columnar reads, for tests that read a file every way. */
    ColumnarOpportunities columnar() {
        return new ColumnarOpportunities(this, settings, stageModel);
    }

    private CsvImport.Outcome<Opportunity> read(CsvImport.Input in, CsvImport.Input historyIn) throws IOException {
        CsvImport.Outcome<Opportunity> out = CsvImport.read(in, settings, FIELDS, h -> new OpportunityConverter(h, settings, stageModel, knownStagesOnly),
                UNIQUE);
        boundTotals(out);
        if (historyIn != null) {
            attachHistory(out, historyIn);
        }
        return out;
    }

    /**
     * Amounts are never negative, so if the file's total in each currency fits in Money, so does every sum a
     * forecast or KPI makes of them. The row whose amount pushes a total past the range is the problem, named by
     * file, line and column, instead of a bare "long overflow" in a later sum.
     */
    private void boundTotals(CsvImport.Outcome<Opportunity> out) {
        Map<Currency, Long> totals = new HashMap<>();
        Col amountCol = out.header.col("amount");
        for (int i = 0; i < out.records.size(); i++) {
            Money amount = out.records.get(i).amount();
            long total = totals.getOrDefault(amount.currency(), 0L);
            if (total > Long.MAX_VALUE - amount.minorUnits()) {
                ImportProblem p = totalPastMoney(out.header.file, out.lines[i], amountCol, amount);
                if (settings.strict()) {
                    throw new CsvImportException(List.of(p));
                }
                out.problems.add(p);
                out.records.remove(i);
                System.arraycopy(out.lines, i + 1, out.lines, i, out.records.size() - i);
                i--;
                continue;
            }
            totals.put(amount.currency(), total + amount.minorUnits());
        }
        out.problems.sort(Comparator.comparingLong(ImportProblem::line));
    }

    /** @return the problem of the row whose amount takes its currency's total in the file past what Money holds */
    static ImportProblem totalPastMoney(String file, long line, Col amountCol, Money amount) {
        return new ImportProblem(file, line, amountCol.header, amountCol.index + 1, amount.amount().toPlainString(),
                "amount " + amount + " takes the file's " + amount.currency() + " total past "
                        + Money.ofMinor(Long.MAX_VALUE, amount.currency())
                        + ", the most Money holds; no sum of these deals could be computed");
    }

    private void attachHistory(CsvImport.Outcome<Opportunity> out, CsvImport.Input historyIn) throws IOException {
        Map<String, Integer> byId = new HashMap<>();
        for (int i = 0; i < out.records.size(); i++) {
            byId.put(out.records.get(i).id(), i);
        }
        CsvImport.Outcome<Change> changes = readChanges(historyIn, in(out), new HistoryTargets() {
            @Override
            public int index(String id) {
                Integer i = byId.get(id);
                return i == null ? -1 : i;
            }

            @Override
            public Currency currency(int index) {
                return out.records.get(index).amount().currency();
            }

            @Override
            public LocalDate created(int index) {
                return out.records.get(index).createdDate();
            }
        });
        out.problems.addAll(changes.problems);
        Map<Integer, List<StageChange>> grouped = new HashMap<>();
        for (Change c : changes.records) {
            grouped.computeIfAbsent(c.index, k -> new ArrayList<>()).add(c.change);
        }
        grouped.forEach((index, list) -> {
            list.sort(Comparator.comparing(StageChange::date));
            Opportunity.Builder b = out.records.get(index).toBuilder();
            list.forEach(b::change);
            out.records.set(index, b.build());
        });
    }

    /** Reads a stage-history file against the opportunities {@code targets} finds by id. */
    CsvImport.Outcome<Change> readChanges(CsvImport.Input historyIn, String oppFile, HistoryTargets targets)
            throws IOException {
        return CsvImport.read(historyIn, historySettings, HISTORY_FIELDS, h -> new HistoryConverter(h, targets, oppFile),
                null);
    }

    /** The opportunities a history file refers to, by index. */
    interface HistoryTargets {
        /** @return the index of the valid opportunity with this id, or -1 */
        int index(String id);

        Currency currency(int index);

        LocalDate created(int index);
    }

    private static String in(CsvImport.Outcome<?> out) {
        return out.header.file;
    }

    /** A history row, with the index of its opportunity among the records. */
    record Change(int index, StageChange change) {
    }

    /**
     * Builds an {@link OpportunityCsvReader}; see {@link ReaderBuilder} for the shared options. Not thread-safe.
     */
    public static final class Builder extends ReaderBuilder<Builder> {
        private StageModel stageModel;
        private boolean knownStagesOnly;
        private final HistoryOptions history = new HistoryOptions();

        private Builder() {
        }

        @Override
        List<Field> fields() {
            return FIELDS;
        }

        /**
         * Derives the status of rows without a status (or won/closed) value from the stage's outcome in
         * {@code model}; stages the model does not know fall back to the stage-name rule.
         *
         * @param model the stage model the exports use; not null
         * @return this builder
         */
        public Builder stageModel(StageModel model) {
            this.stageModel = Objects.requireNonNull(model, "model");
            return this;
        }

        /**
         * Reads the stage-history file's columns under the header names {@code mapping} gives; its fields are
         * {@code opportunity_id, date, stage, amount, close_date}. The history shares the main file's mode and
         * limits, and its date format unless this mapping names one ({@code date-format=yyyy-MM-dd}).
         *
         * @param mapping the history file's mapping; not null
         * @return this builder
         * @throws IllegalArgumentException if the mapping names another field
         */
        public Builder historyMapping(ColumnMapping mapping) {
            history.mapping(mapping);
            return this;
        }

        /**
         * Makes a stage the {@link #stageModel(StageModel) stage model} lacks a problem of its row, instead of
         * falling back to the stage-name rule: for checking an export against the model a forecast will use.
         *
         * @return this builder
         * @throws IllegalStateException if no stage model is set
         */
        public Builder knownStagesOnly() {
            if (stageModel == null) {
                throw new IllegalStateException("knownStagesOnly() needs a stage model; call stageModel(model) first");
            }
            this.knownStagesOnly = true;
            return this;
        }

        /** @return a reader with the options set so far; the builder stays usable */
        public OpportunityCsvReader build() {
            CsvSettings s = settings();
            history.mirror(s);
            return new OpportunityCsvReader(this);
        }
    }

    /** The history file's mapping; everything else follows the main file's settings. */
    private static final class HistoryOptions extends ReaderBuilder<HistoryOptions> {
        private CsvSettings mirrored;

        @Override
        List<Field> fields() {
            return HISTORY_FIELDS;
        }

        void mirror(CsvSettings main) {
            this.mirrored = main;
        }

        @Override
        CsvSettings settings() {
            CsvSettings own = super.settings();
            DateParser dates = own.mapping().dateFormat().isPresent() ? own.dates() : mirrored.dates();
            return new CsvSettings(own.mapping(), dates, mirrored.limits(), mirrored.strict(),
                    mirrored.defaultCurrency(), mirrored.charset(), mirrored.parallel(), mirrored.parallelMinBytes());
        }
    }
}
