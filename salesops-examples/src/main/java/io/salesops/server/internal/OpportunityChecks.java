package io.salesops.server.internal;

import io.salesops.core.crm.ForecastCategory;
import io.salesops.core.crm.OpportunityStatus;
import io.salesops.core.crm.Stage;
import io.salesops.core.crm.StageChange;
import io.salesops.core.crm.StageModel;
import io.salesops.core.money.Money;
import io.salesops.core.org.Org;
import io.salesops.server.ProblemException.FieldError;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks of a request's opportunities, one record at a time in request order: every bad field is added to the
 * error list with its JSON pointer, so one response names all of them, and a record without any goes to a
 * {@link Crm.Sink}. The records may be bound objects or one holder a streaming read refills: the checks keep no
 * reference to a record. Not thread-safe: one per request.
 */
final class OpportunityChecks {

    private final List<FieldError> errors;
    private final StageModel model;
    private final boolean knownStagesOnly;
    private final Org org;
    private final Crm.Sink sink;
    /** Amounts are never negative: if each currency's total fits in Money, every sum of a forecast does. */
    private final Map<Currency, Long> totals = new HashMap<>();

    /**
     * @param model           the stage model that gives a record without a status its outcome, or null if it is itself bad
     * @param knownStagesOnly true if every stage must belong to the model (false: the caller infers stages it lacks)
     * @param org             the org every owner must belong to, or null for none
     */
    OpportunityChecks(List<FieldError> errors, StageModel model, boolean knownStagesOnly, Org org, Crm.Sink sink) {
        this.errors = errors;
        this.model = model;
        this.knownStagesOnly = knownStagesOnly;
        this.org = org;
        this.sink = sink;
    }

    /** Checks record {@code i} (null if the request had null there) and adds it to the sink if it has no error. */
    void check(int i, Requests.OpportunityFields r) {
        String ptr = "/opportunities/" + i;
        if (r == null) {
            errors.add(new FieldError(ptr, "is null"));
            return;
        }
        String who = "opportunity " + (r.id() == null ? "#" + i : r.id());
        int before = errors.size();
        Checks.required(errors, ptr + "/id", r.id());
        Checks.required(errors, ptr + "/owner", r.owner());
        Checks.required(errors, ptr + "/stage", r.stage());
        Money amount = Crm.money(errors, ptr, r.amount(), r.currency());
        if (amount != null && amount.isNegative()) {
            errors.add(new FieldError(ptr + "/amount", who + " has negative amount " + amount + "; amounts must be 0 or more"));
        } else if (amount != null) {
            long total = totals.getOrDefault(amount.currency(), 0L);
            if (total > Long.MAX_VALUE - amount.minorUnits()) {
                errors.add(new FieldError(ptr + "/amount", who + "'s amount " + amount + " takes the request's "
                        + amount.currency() + " total past the most Money holds; no forecast could sum these deals"));
            } else {
                totals.put(amount.currency(), total + amount.minorUnits());
            }
        }
        LocalDate created = Crm.date(errors, ptr + "/createdDate", r.createdDate(), true);
        LocalDate close = Crm.date(errors, ptr + "/closeDate", r.closeDate(), false);
        if (created != null && close != null && close.isBefore(created)) {
            errors.add(new FieldError(ptr + "/closeDate", who + " closes on " + close + ", before it was created on " + created));
        }
        if (knownStagesOnly && model != null && r.stage() != null && !r.stage().isBlank()
                && !model.contains(r.stage().strip())) {
            errors.add(new FieldError(ptr + "/stage", who + " has unknown stage \"" + r.stage() + "\"; the stage model has "
                    + model.stages().stream().map(Stage::name).toList()));
        }
        if (org != null && r.owner() != null && !r.owner().isBlank() && !org.contains(r.owner().strip())) {
            errors.add(new FieldError(ptr + "/owner", who + " is owned by \"" + r.owner() + "\", who is not in the org"));
        }
        OpportunityStatus status = OpportunityStatus.OPEN;
        if (r.status() != null && !r.status().isBlank()) {
            try {
                status = OpportunityStatus.parse(r.status());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(ptr + "/status", e.getMessage()));
            }
        } else if (model != null && r.stage() != null && model.contains(r.stage().strip())) {
            status = model.stage(r.stage().strip()).outcome();
        }
        ForecastCategory category = null;
        if (r.forecastCategory() != null && !r.forecastCategory().isBlank()) {
            try {
                category = ForecastCategory.parse(r.forecastCategory());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(ptr + "/forecastCategory", e.getMessage()));
            }
        }
        List<StageChange> history = history(ptr, who, r);
        if (errors.size() > before) {
            return;
        }
        try {
            sink.add(r.id().strip(), r, r.owner().strip(), r.stage().strip(), amount, created, close, status, category,
                    history);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(ptr, e.getMessage()));
        }
    }

    private List<StageChange> history(String ptr, String who, Requests.OpportunityFields r) {
        List<StageChange> history = new ArrayList<>();
        if (r.history() == null) {
            return history;
        }
        for (int h = 0; h < r.history().size(); h++) {
            String hp = ptr + "/history/" + h;
            Requests.HistoryEntry e = r.history().get(h);
            if (e == null) {
                errors.add(new FieldError(hp, "is null"));
                continue;
            }
            LocalDate d = Crm.date(errors, hp + "/date", e.date(), true);
            Checks.required(errors, hp + "/stage", e.stage());
            Money ha = e.amount() == null ? null : Crm.money(errors, hp, e.amount(), r.currency());
            LocalDate hc = Crm.date(errors, hp + "/closeDate", e.closeDate(), false);
            if (knownStagesOnly && model != null && e.stage() != null && !e.stage().isBlank()
                    && !model.contains(e.stage().strip())) {
                errors.add(new FieldError(hp + "/stage", who + " history has unknown stage \"" + e.stage() + "\""));
            }
            if (d != null && e.stage() != null && !e.stage().isBlank()) {
                try {
                    history.add(new StageChange(d, e.stage(), ha, hc));
                } catch (IllegalArgumentException x) {
                    errors.add(new FieldError(hp, who + ": " + x.getMessage()));
                }
            }
        }
        return history;
    }
}
