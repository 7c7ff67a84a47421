package io.salesops.io;

import io.salesops.core.crm.StageChange;
import io.salesops.core.money.Money;
import java.time.LocalDate;
import java.util.Currency;

/**
 * The rules of one stage-history row: the opportunity it names must be among the valid ones, its date not before
 * the opportunity was created, its amount in the opportunity's currency. Not thread-safe: one per file.
 */
final class HistoryConverter implements CsvImport.Converter<OpportunityCsvReader.Change> {
    private final Col oppId, date, stage, amount, close;
    private final OpportunityCsvReader.HistoryTargets targets;
    private final String oppFile;

    HistoryConverter(Header h, OpportunityCsvReader.HistoryTargets targets, String oppFile) {
        oppId = h.col("opportunity_id");
        date = h.col("date");
        stage = h.col("stage");
        amount = h.col("amount");
        close = h.col("close_date");
        this.targets = targets;
        this.oppFile = oppFile;
    }

    @Override
    public OpportunityCsvReader.Change convert(Cells c) {
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
        return new OpportunityCsvReader.Change(index, new StageChange(d, s, a, closeV));
    }
}
