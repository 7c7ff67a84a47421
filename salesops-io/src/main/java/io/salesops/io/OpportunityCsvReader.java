package io.salesops.io;

import io.salesops.core.crm.ForecastCategory;
import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.OpportunityStatus;
import io.salesops.core.crm.OpportunityTableBuilder;
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
import java.util.Locale;
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

    /** @return a builder with the defaults: field names as headers, ISO dates, strict, USD */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads opportunities from a UTF-8 file (a byte-order mark selects another Unicode encoding).
     *
     * @return the opportunities and, in lenient mode, the problems found
     * @throws CsvImportException if the header lacks required columns, or in strict mode at the first bad row
     * @throws IOException        if the file cannot be read
     */
    public ImportResult<Opportunity> read(Path opportunities) throws IOException {
        return read(CsvImport.Input.of(opportunities), null).result();
    }

    /**
     * Reads opportunities and attaches their stage history from a second file.
     *
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
     * @throws CsvImportException if the header lacks required columns, or in strict mode at the first bad row
     * @throws IOException        if the reader fails
     */
    public ImportResult<Opportunity> read(Reader opportunities, String name) throws IOException {
        return read(CsvImport.Input.of(opportunities, name), null).result();
    }

    /**
     * Reads opportunities and their stage history from CSV text.
     *
     * @throws CsvImportException if a header lacks required columns, or in strict mode at the first bad row
     * @throws IOException        if a reader fails
     */
    public ImportResult<Opportunity> read(Reader opportunities, String name, Reader history, String historyName)
            throws IOException {
        return read(CsvImport.Input.of(opportunities, name), CsvImport.Input.of(history, historyName)).result();
    }

    /**
     * Reads opportunities straight into columns, with every problem exactly as {@link #read(Path)} finds it;
     * memory grows with the columns, not with an object per row. With {@link Builder#parallel(boolean)} a large
     * file is parsed in chunks on two threads, with the same result.
     *
     * @return the valid rows as a table and, in lenient mode, the problems found
     * @throws CsvImportException if the header lacks required columns, or in strict mode at the first bad row
     * @throws IOException        if the file cannot be read
     */
    public TableImportResult readTable(Path opportunities) throws IOException {
        return new ColumnarOpportunities(this, settings, stageModel).read(CsvImport.Input.of(opportunities), null);
    }

    /**
     * Reads opportunities straight into columns and attaches their stage history from a second file.
     *
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
     * @throws CsvImportException if the header lacks required columns, or in strict mode at the first bad row
     * @throws IOException        if the reader fails
     */
    public TableImportResult readTable(Reader opportunities, String name) throws IOException {
        return new ColumnarOpportunities(this, settings, stageModel).read(CsvImport.Input.of(opportunities, name), null);
    }

    /** The columnar reads, for tests that read a file every way. */
    ColumnarOpportunities columnar() {
        return new ColumnarOpportunities(this, settings, stageModel);
    }

    private CsvImport.Outcome<Opportunity> read(CsvImport.Input in, CsvImport.Input historyIn) throws IOException {
        CsvImport.Outcome<Opportunity> out = CsvImport.read(in, settings, FIELDS, h -> new Converter(h, settings, stageModel, knownStagesOnly),
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

    static final class Converter implements CsvImport.Converter<Opportunity> {
        private final Col id, name, account, owner, stage, amount, currency, created, close, status, category,
                product, type, won, closed;
        private final Currency defaultCurrency;
        private final StageModel model;
        private final boolean knownStagesOnly;
        /** The outcome each stage implies: from the model, else from its name. */
        private final Map<String, OpportunityStatus> stageStatus = new HashMap<>();

        Converter(Header h, CsvSettings s, StageModel model) {
            this(h, s, model, false);
        }

        Converter(Header h, CsvSettings s, StageModel model, boolean knownStagesOnly) {
            id = h.col("id");
            name = h.col("name");
            account = h.col("account");
            owner = h.col("owner");
            stage = h.col("stage");
            amount = h.col("amount");
            currency = h.col("currency");
            created = h.col("created_date");
            close = h.col("close_date");
            status = h.col("status");
            category = h.col("forecast_category");
            product = h.col("product");
            type = h.col("type");
            won = h.col("won");
            closed = h.col("closed");
            this.defaultCurrency = s.defaultCurrency();
            this.model = model;
            this.knownStagesOnly = knownStagesOnly;
        }

        // The last row decoded, for convert and for the columnar reader, which writes them straight into columns.
        String idV;
        String ownerV;
        String stageV;
        Currency cur;
        long minor;
        LocalDate createdV;
        LocalDate closeV;
        OpportunityStatus statusV;
        ForecastCategory fc;

        /** @return the column of the id, where a repeated id is reported */
        Col idColumn() {
            return id;
        }

        /** Decodes a row's cells into the fields above; @return false if the row has problems */
        boolean decode(Cells c) {
            idV = c.required(id);
            ownerV = c.requiredPooled(owner);
            stageV = c.requiredPooled(stage);
            cur = c.currency(currency, defaultCurrency);
            minor = cur == null ? Cells.NO_AMOUNT : c.minor(amount, cur, true);
            createdV = c.date(created, true);
            closeV = c.date(close, false);
            statusV = status(c, stageV);
            if (stageV != null && knownStagesOnly && !model.contains(stageV)) {
                c.problem(stage, "stage \"" + stageV + "\" is not in the stage model, which has "
                        + model.stages().stream().map(Stage::name).toList());
            }
            fc = c.parse(category, OpportunityCsvReader::category);
            if (statusV != null && statusV.isClosed() && closeV == null && !c.failed(close)) {
                c.problem(close, "a " + statusV.name().toLowerCase(Locale.ROOT) + " deal needs a close date");
            }
            if (closeV != null && createdV != null && closeV.isBefore(createdV)) {
                c.problem(close, "close date " + closeV + " is before the created date " + createdV);
            }
            return !c.hasProblems();
        }

        /** Appends the row just decoded to {@code table}; @return its row index */
        int addTo(Cells c, OpportunityTableBuilder table) {
            int row = table.addRow(idV, c.text(name), c.pooled(account), ownerV, stageV, minor, cur, createdV, closeV,
                    statusV, fc, c.pooled(product), c.pooled(type));
            for (int k = 0; k < c.attributeCount(); k++) {
                String v = c.attribute(k);
                if (v != null) {
                    table.attribute(row, c.attributeName(k), v);
                }
            }
            return row;
        }

        @Override
        public Opportunity convert(Cells c) {
            if (!decode(c)) {
                return null;
            }
            return new Opportunity(idV, c.text(name), c.pooled(account), ownerV, stageV, Money.ofMinor(minor, cur),
                    createdV, closeV, statusV, fc, c.pooled(product), c.pooled(type), c.attributes(), List.of());
        }

        /**
         * The status column (or Salesforce's closed/won) wins over the stage, but a closing stage that says the
         * opposite is a contradiction, never settled in silence: {@code Closed Won} with status {@code lost}.
         */
        private OpportunityStatus status(Cells c, String stageV) {
            Col given = c.has(status) ? status : c.has(closed) ? closed : null;
            OpportunityStatus explicit = explicitStatus(c);
            if (explicit == null) {
                return given != null && (c.failed(given) || c.failed(won)) ? null : stageStatus(stageV);
            }
            if (stageV == null) {
                return explicit;
            }
            OpportunityStatus implied = stageStatus(stageV);
            if (implied != OpportunityStatus.OPEN && implied != explicit) {
                c.problem(given, "status " + explicit.name().toLowerCase(Locale.ROOT) + " contradicts stage \""
                        + stageV + "\", which is " + implied.name().toLowerCase(Locale.ROOT));
                return null;
            }
            return explicit;
        }

        /**
         * @return the status the status or closed/won columns give; null if they give none (closed without won
         * leaves it to the stage) or are invalid (with a problem)
         */
        private OpportunityStatus explicitStatus(Cells c) {
            if (c.has(status)) {
                return c.parse(status, OpportunityStatus::parse);
            }
            if (c.has(closed)) {
                Boolean isClosed = c.bool(closed);
                Boolean isWon = c.has(won) ? c.bool(won) : null;
                if (isClosed == null || (c.has(won) && isWon == null)) {
                    return null;
                }
                if (!isClosed) {
                    if (Boolean.TRUE.equals(isWon)) {
                        c.problem(won, "the deal is won but not closed");
                        return null;
                    }
                    return OpportunityStatus.OPEN;
                }
                if (isWon != null) {
                    return isWon ? OpportunityStatus.WON : OpportunityStatus.LOST;
                }
            }
            return null;
        }

        /** @return the status a stage implies: its outcome in the model, else from its name; open for null */
        OpportunityStatus stageStatus(String stageV) {
            if (stageV == null) {
                return OpportunityStatus.OPEN;
            }
            OpportunityStatus s = stageStatus.get(stageV);
            if (s == null) {
                s = model == null ? null : model.find(stageV).map(Stage::outcome).orElse(null);
                if (s == null) {
                    s = statusOfStageName(stageV);
                }
                stageStatus.put(stageV, s);
            }
            return s;
        }
    }

    /** The status a stage name implies without a model: {@code Closed Won}, {@code closedwon}, {@code won}... */
    static OpportunityStatus statusOfStageName(String stage) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < stage.length(); i++) {
            char ch = stage.charAt(i);
            if (Character.isLetter(ch)) {
                sb.append(Character.toLowerCase(ch));
            }
        }
        switch (sb.toString()) {
            case "closedwon":
            case "won":
                return OpportunityStatus.WON;
            case "closedlost":
            case "lost":
                return OpportunityStatus.LOST;
            default:
                return OpportunityStatus.OPEN;
        }
    }

    /** ForecastCategory.parse, plus HubSpot's {@code Omit} and {@code Not forecasted}. */
    static ForecastCategory category(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT).replace('_', ' ');
        if (s.equals("omit") || s.equals("not forecasted") || s.equals("notforecasted")) {
            return ForecastCategory.OMITTED;
        }
        return ForecastCategory.parse(text);
    }

    private static final class HistoryConverter implements CsvImport.Converter<Change> {
        private final Col oppId, date, stage, amount, close;
        private final HistoryTargets targets;
        private final String oppFile;

        HistoryConverter(Header h, HistoryTargets targets, String oppFile) {
            oppId = h.col("opportunity_id");
            date = h.col("date");
            stage = h.col("stage");
            amount = h.col("amount");
            close = h.col("close_date");
            this.targets = targets;
            this.oppFile = oppFile;
        }

        @Override
        public Change convert(Cells c) {
            String id = c.required(oppId);
            LocalDate d = c.date(date, true);
            String s = c.requiredPooled(stage);
            LocalDate closeV = c.date(close, false);
            int index = id == null ? -1 : targets.index(id);
            if (id != null && index < 0) {
                c.problem(oppId, "opportunity \"" + id + "\" is not among the valid opportunities of " + oppFile);
                return null;
            }
            Money a = null;
            if (index >= 0) {
                Currency cur = targets.currency(index);
                long minor = c.minor(amount, cur, false);
                a = minor == Cells.NO_AMOUNT ? null : Money.ofMinor(minor, cur);
                LocalDate created = targets.created(index);
                if (d != null && d.isBefore(created)) {
                    c.problem(date, "stage change on " + d + " is before opportunity " + id + " was created on " + created);
                }
            }
            if (c.hasProblems()) {
                return null;
            }
            return new Change(index, new StageChange(d, s, a, closeV));
        }
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
