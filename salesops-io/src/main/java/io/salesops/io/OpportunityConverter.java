package io.salesops.io;

import io.salesops.core.crm.ForecastCategory;
import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.OpportunityStatus;
import io.salesops.core.crm.OpportunityTableBuilder;
import io.salesops.core.crm.Stage;
import io.salesops.core.crm.StageModel;
import io.salesops.core.money.Money;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rules of one opportunity row: decodes its cells (id, owner, stage, amount in its currency, dates, status from
 * the status or Salesforce's closed/won columns checked against the stage, forecast category), reporting every
 * problem through the cells, and makes the {@link Opportunity}. The object read, the exact table read and the
 * byte read's rows it cannot vouch for all go through it. Not thread-safe: one per file or chunk.
 */
final class OpportunityConverter implements CsvImport.Converter<Opportunity> {
    private final Col id, name, account, owner, stage, amount, currency, created, close, status, category,
            product, type, won, closed;
    private final Currency defaultCurrency;
    private final StageModel model;
    private final boolean knownStagesOnly;
    /** The outcome each stage implies: from the model, else from its name. */
    private final Map<String, OpportunityStatus> stageStatus = new HashMap<>();

    OpportunityConverter(Header h, CsvSettings s, StageModel model) {
        this(h, s, model, false);
    }

    OpportunityConverter(Header h, CsvSettings s, StageModel model, boolean knownStagesOnly) {
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
        fc = c.parse(category, OpportunityConverter::category);
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
}
