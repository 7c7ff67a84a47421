package io.salesops.server.internal;

import io.salesops.core.crm.ForecastCategory;
import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.OpportunityTable;
import io.salesops.core.crm.OpportunityTableBuilder;
import io.salesops.core.crm.OpportunityStatus;
import io.salesops.core.crm.Quota;
import io.salesops.core.crm.Quotas;
import io.salesops.core.crm.Stage;
import io.salesops.core.crm.StageChange;
import io.salesops.core.crm.StageModel;
import io.salesops.core.money.Money;
import io.salesops.core.money.Percent;
import io.salesops.core.org.Org;
import io.salesops.core.org.OrgValidationException;
import io.salesops.core.org.Rep;
import io.salesops.core.period.FiscalCalendar;
import io.salesops.core.period.Period;
import io.salesops.server.ProblemException.FieldError;
import io.salesops.core.money.Decimals;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps request records to core objects. Every bad record is added to the error list with its JSON pointer,
 * so one response names all of them; the mapped object is null when its record is bad.
 */
final class Crm {

    static final FiscalCalendar CALENDAR = FiscalCalendar.calendarYear();

    private Crm() {
    }

    static LocalDate date(List<FieldError> errors, String pointer, String text, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                errors.add(new FieldError(pointer, "is required (yyyy-mm-dd)"));
            }
            return null;
        }
        LocalDate iso = isoDate(text);
        if (iso != null) {
            return iso;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(pointer, "\"" + text + "\" is not a date (yyyy-mm-dd)"));
            return null;
        }
    }

    /**
     * A plain valid {@code yyyy-mm-dd} read without the formatter, which costs about a microsecond a date and is
     * most of the time of a large request; null for any other text, which {@link LocalDate#parse} then accepts or
     * names, so what is accepted and what is said of the rest is as before.
     */
    static LocalDate isoDate(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int y = digits(s, 0, 4);
        int m = digits(s, 5, 7);
        int d = digits(s, 8, 10);
        if (y < 0 || m < 1 || m > 12 || d < 1 || d > java.time.YearMonth.of(y, m).lengthOfMonth()) {
            return null;
        }
        return LocalDate.of(y, m, d);
    }

    /** The ASCII digits of {@code s} from {@code from} to {@code to} as a number, or -1 if one is not a digit. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    static Period period(List<FieldError> errors, String pointer, String text) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError(pointer, "is required (e.g. 2026-Q3, 2026-07, 2026-H2, FY2026)"));
            return null;
        }
        try {
            return CALENDAR.parse(text.strip());
        } catch (RuntimeException e) {
            errors.add(new FieldError(pointer, "\"" + text + "\" is not a period: " + e.getMessage()));
            return null;
        }
    }

    /** A decimal string or JSON number; a double never gets near money, so floats arrive as BigDecimal. */
    static BigDecimal decimal(List<FieldError> errors, String pointer, Object value, boolean required) {
        if (value == null) {
            if (required) {
                errors.add(new FieldError(pointer, "is required (a decimal string or number)"));
            }
            return null;
        }
        if (!(value instanceof String || value instanceof Number)) {
            errors.add(new FieldError(pointer, "is not a decimal string or number"));
            return null;
        }
        try {
            // Bounded before anything scales it: "amount": 1e999999999 is short, its expansion is not.
            return value instanceof BigDecimal d ? Decimals.check(d) : Decimals.parse(value.toString());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(pointer, e.getMessage()));
            return null;
        }
    }

    static Money money(List<FieldError> errors, String pointer, Object amount, String currency) {
        BigDecimal a = decimal(errors, pointer + "/amount", amount, true);
        if (a == null) {
            return null;
        }
        java.util.Currency cur;
        try {
            cur = Money.currency(currency == null || currency.isBlank() ? "USD" : currency.strip());
        } catch (RuntimeException e) {
            errors.add(new FieldError(pointer + "/currency", e.getMessage()));
            return null;
        }
        try {
            return Money.of(a, cur);
        } catch (RuntimeException e) {
            // an amount beyond Money's range (or with more decimals than the currency has) is the amount's fault
            errors.add(new FieldError(pointer + "/amount", e.getMessage()));
            return null;
        }
    }

    static StageModel stages(List<FieldError> errors, List<Requests.StageEntry> entries) {
        if (entries == null) {
            return StageModel.defaultModel();
        }
        List<Stage> stages = new ArrayList<>();
        int before = errors.size();
        for (int i = 0; i < entries.size(); i++) {
            String ptr = "/stages/" + i;
            Requests.StageEntry s = entries.get(i);
            if (s == null) {
                errors.add(new FieldError(ptr, "is null"));
                continue;
            }
            try {
                BigDecimal p = decimal(errors, ptr + "/probability", s.probability(), true);
                OpportunityStatus outcome = s.outcome() == null || s.outcome().isBlank() ? OpportunityStatus.OPEN
                        : OpportunityStatus.parse(s.outcome());
                ForecastCategory cat = s.forecastCategory() != null && !s.forecastCategory().isBlank()
                        ? ForecastCategory.parse(s.forecastCategory())
                        : outcome == OpportunityStatus.WON ? ForecastCategory.CLOSED
                        : outcome == OpportunityStatus.LOST ? ForecastCategory.OMITTED : ForecastCategory.PIPELINE;
                if (p != null) {
                    stages.add(new Stage(s.stage(), Percent.of(p), cat, outcome));
                }
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(ptr, e.getMessage()));
            }
        }
        if (errors.size() > before) {
            return null;
        }
        try {
            return StageModel.of(stages);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("/stages", e.getMessage()));
            return null;
        }
    }

    /** Where the opportunities of a request go once their fields are checked. */
    interface Sink {
        /**
         * Adds one checked opportunity; {@code r} is valid only during the call.
         *
         * @throws IllegalArgumentException naming the opportunity and a rule of {@link Opportunity} it breaks
         */
        void add(String id, Requests.OpportunityFields r, String owner, String stage, Money amount, LocalDate created,
                 LocalDate close, OpportunityStatus status, ForecastCategory category, List<StageChange> history);
    }

    /**
     * @param model           the stage model that gives a record without a status its outcome, or null if it is itself bad
     * @param knownStagesOnly true if every stage must belong to the model (false: the caller infers stages it lacks)
     * @param org             the org every owner must belong to, or null for none
     */
    static List<Opportunity> opportunities(List<FieldError> errors, List<Requests.Opportunity> records,
                                           StageModel model, boolean knownStagesOnly, Org org) {
        List<Opportunity> out = new ArrayList<>(records.size());
        OpportunityChecks checks = new OpportunityChecks(errors, model, knownStagesOnly, org,
                (id, r, owner, stage, amount, created, close, status, category, history) ->
                        out.add(new Opportunity(id, r.name(), r.account(), owner, stage, amount, created, close, status,
                                category, r.product(), r.type(), r.attributes(), history)));
        for (int i = 0; i < records.size(); i++) {
            checks.check(i, records.get(i));
        }
        return out;
    }

    /**
     * The same opportunities as {@link #opportunities(List, List, StageModel, boolean, Org)}, checked by the same
     * rules with the same messages, written straight into a table's columns: no {@link Opportunity} object per record.
     */
    static OpportunityTable table(List<FieldError> errors, List<Requests.Opportunity> records, StageModel model,
                                  boolean knownStagesOnly, Org org) {
        OpportunityTableBuilder b = OpportunityTable.builder();
        OpportunityChecks checks = new OpportunityChecks(errors, model, knownStagesOnly, org, tableSink(b));
        for (int i = 0; i < records.size(); i++) {
            checks.check(i, records.get(i));
        }
        return b.build();
    }

    /**
     * A sink adding each checked opportunity as a row of {@code b}, or none when {@link Opportunity}'s constructor
     * would refuse it, with the constructor's message: so the table holds exactly the opportunities
     * {@link #opportunities} makes of the same records, even in a request that fails.
     */
    static Sink tableSink(OpportunityTableBuilder b) {
        return (id, r, owner, stage, amount, created, close, status, category, history) -> {
            String historyFault = historyFault(id, created, history);
            // addRow checks the fields as Opportunity's constructor does, before it adds the row, and the
            // constructor checks them before the history: a record with a history fault is first checked on a
            // builder of its own, so that a field fault is still the one named, and no row of it enters the table
            OpportunityTableBuilder into = historyFault == null ? b : OpportunityTable.builder();
            int row = into.addRow(id, r.name(), r.account(), owner, stage, amount.minorUnits(), amount.currency(), created,
                    close, status, category, r.product(), r.type());
            if (r.attributes() != null) {
                r.attributes().forEach((k, v) -> into.attribute(row, k, v));
            }
            if (historyFault != null) {
                throw new IllegalArgumentException(historyFault);
            }
            for (StageChange c : history) {
                // a history amount is read in the opportunity's own currency, so it cannot be in another
                b.change(row, c.date(), c.stage(), c.amount() == null ? OpportunityTable.NO_AMOUNT : c.amount().minorUnits(),
                        c.closeDate());
            }
        };
    }

    /** @return the first of the constructor's history rules the changes break, as it words it; null if none */
    private static String historyFault(String id, LocalDate created, List<StageChange> history) {
        for (int i = 0; i < history.size(); i++) {
            StageChange c = history.get(i);
            if (c.date().isBefore(created)) {
                return "opportunity " + id + " has a stage change on " + c.date() + ", before it was created on " + created;
            }
            if (i > 0 && c.date().isBefore(history.get(i - 1).date())) {
                return "opportunity " + id + " history is not in date order at " + c.date();
            }
        }
        return null;
    }

    static Org org(List<FieldError> errors, List<Requests.OrgRep> records) {
        if (records == null) {
            return null;
        }
        List<Rep> reps = new ArrayList<>();
        int before = errors.size();
        for (int i = 0; i < records.size(); i++) {
            String ptr = "/org/" + i;
            Requests.OrgRep r = records.get(i);
            if (r == null) {
                errors.add(new FieldError(ptr, "is null"));
                continue;
            }
            LocalDate start = date(errors, ptr + "/startDate", r.startDate(), false);
            LocalDate end = date(errors, ptr + "/endDate", r.endDate(), false);
            try {
                reps.add(new Rep(r.rep(), r.name(), r.manager(), r.team(), r.territory(), start, end));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(ptr, e.getMessage()));
            }
        }
        if (errors.size() > before) {
            return null;
        }
        try {
            return Org.of(reps);
        } catch (OrgValidationException e) {
            for (String p : e.messages()) {
                errors.add(new FieldError("/org", p));
            }
            return null;
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("/org", e.getMessage()));
            return null;
        }
    }

    static Quotas quotas(List<FieldError> errors, List<Requests.QuotaEntry> records) {
        if (records == null) {
            return null;
        }
        List<Quota> quotas = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            String ptr = "/quotas/" + i;
            Requests.QuotaEntry q = records.get(i);
            if (q == null) {
                errors.add(new FieldError(ptr, "is null"));
                continue;
            }
            Checks.required(errors, ptr + "/rep", q.rep());
            Period p = period(errors, ptr + "/period", q.period());
            Money m = money(errors, ptr, q.amount(), q.currency());
            if (p != null && m != null && q.rep() != null && !q.rep().isBlank()) {
                try {
                    quotas.add(new Quota(q.rep().strip(), p, m));
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError(ptr, e.getMessage()));
                }
            }
        }
        try {
            return Quotas.of(quotas);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("/quotas", e.getMessage()));
            return null;
        }
    }
}
