package io.salesops.io;

import io.salesops.core.crm.OpportunityStatus;
import io.salesops.core.crm.OpportunityTable;
import io.salesops.core.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts valid rows into an {@link ImportSummary}: by status, by stage and owner (by code, in order of first
 * appearance), date ranges, and totals per currency. Not thread-safe.
 */
final class SummaryCounts {

    /** Distinct strings with a count each, codes in order of first appearance. */
    static final class Counted {
        private final Map<String, Integer> codes = new HashMap<>();
        private final List<String> values = new ArrayList<>();
        private long[] counts = new long[16];

        /** @return the code of {@code value}, adding it if new */
        int code(String value) {
            return codes.computeIfAbsent(value, v -> {
                values.add(v);
                if (values.size() > counts.length) {
                    counts = Arrays.copyOf(counts, counts.length * 2);
                }
                return values.size() - 1;
            });
        }

        void count(int code) {
            counts[code]++;
        }

        void count(int code, long n) {
            counts[code] += n;
        }

        Map<String, Long> toMap() {
            Map<String, Long> m = new LinkedHashMap<>();
            for (int i = 0; i < values.size(); i++) {
                if (counts[i] > 0) {
                    m.put(values.get(i), counts[i]);
                }
            }
            return m;
        }
    }

    final Counted stages = new Counted();
    final Counted owners = new Counted();
    private final long[] byStatus = new long[OpportunityStatus.values().length];
    private final Map<Currency, long[]> byCurrency = new LinkedHashMap<>();
    private int firstCreated = Integer.MAX_VALUE;
    private int lastCreated = Integer.MIN_VALUE;
    private int firstClose = Integer.MAX_VALUE;
    private int lastClose = Integer.MIN_VALUE;
    private int rows;

    /** Counts a valid row; {@code stage} and {@code owner} are codes of {@link #stages} and {@link #owners}. */
    void add(int status, int stage, int owner, int created, int close, Currency currency, long amount) {
        rows++;
        byStatus[status]++;
        stages.count(stage);
        owners.count(owner);
        firstCreated = Math.min(firstCreated, created);
        lastCreated = Math.max(lastCreated, created);
        if (close != OpportunityTable.NO_DATE) {
            firstClose = Math.min(firstClose, close);
            lastClose = Math.max(lastClose, close);
        }
        long[] t = byCurrency.computeIfAbsent(currency, c -> new long[2]);
        // the reader bounds each currency's total to what Money holds, so this never overflows
        t[0] = Math.addExact(t[0], amount);
        t[1]++;
    }

    /**
     * Counts the rows of a folded chunk, all valid: as {@link #add(int, int, int, int, int, Currency, long)} for each.
     *
     * @param stageCodes per chunk stage code, the code of {@link #stages}; {@code ownerCodes} the same for owners
     */
    void add(ChunkRows.Folded f, int[] stageCodes, int[] ownerCodes, List<Currency> currencies) {
        for (int i = 0; i < byStatus.length; i++) {
            byStatus[i] += f.byStatus[i];
        }
        for (int c = 0; c < stageCodes.length; c++) {
            stages.count(stageCodes[c], f.stages[c]);
        }
        for (int c = 0; c < ownerCodes.length; c++) {
            owners.count(ownerCodes[c], f.owners[c]);
        }
        firstCreated = Math.min(firstCreated, f.firstCreated);
        lastCreated = Math.max(lastCreated, f.lastCreated);
        firstClose = Math.min(firstClose, f.firstClose);
        lastClose = Math.max(lastClose, f.lastClose);
        for (int i = 0; i < f.currencies; i++) {
            int cur = f.currencyOrder[i];
            long[] t = byCurrency.computeIfAbsent(currencies.get(cur), c -> new long[2]);
            t[0] = Math.addExact(t[0], f.sums[cur]);
            t[1] += f.deals[cur];
            rows += (int) f.deals[cur];
        }
    }

    /** @return the summary of a table read in full */
    static ImportSummary of(TableImportResult r) {
        OpportunityTable t = r.table();
        SummaryCounts s = new SummaryCounts();
        int[] stageCodes = new int[t.stages().size()];
        for (int i = 0; i < stageCodes.length; i++) {
            stageCodes[i] = s.stages.code(t.stages().get(i));
        }
        int[] ownerCodes = new int[t.owners().size()];
        for (int i = 0; i < ownerCodes.length; i++) {
            ownerCodes[i] = s.owners.code(t.owners().get(i));
        }
        for (int i = 0; i < t.size(); i++) {
            s.add(t.status(i).ordinal(), stageCodes[t.stageCode(i)], ownerCodes[t.ownerCode(i)], t.createdDay(i),
                    t.closeDay(i), t.currency(i), t.amountMinor(i));
        }
        return s.toSummary(r.rowsRead(), r.problems());
    }

    ImportSummary toSummary(int rowsRead, List<ImportProblem> problems) {
        Map<OpportunityStatus, Long> status = new LinkedHashMap<>();
        for (OpportunityStatus st : OpportunityStatus.values()) {
            if (byStatus[st.ordinal()] > 0) {
                status.put(st, byStatus[st.ordinal()]);
            }
        }
        Map<Currency, Money> totals = new LinkedHashMap<>();
        Map<Currency, Long> deals = new LinkedHashMap<>();
        byCurrency.forEach((c, t) -> {
            totals.put(c, Money.ofMinor(t[0], c));
            deals.put(c, t[1]);
        });
        return new ImportSummary(rowsRead, rows, problems, status, stages.toMap(), owners.toMap(), date(firstCreated),
                date(lastCreated), date(firstClose), date(lastClose), totals, deals);
    }

    private static LocalDate date(int day) {
        return day == Integer.MAX_VALUE || day == Integer.MIN_VALUE ? null : LocalDate.ofEpochDay(day);
    }
}
