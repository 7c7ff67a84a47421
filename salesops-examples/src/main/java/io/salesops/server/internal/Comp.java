package io.salesops.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesops.cli.JsonViews;
import io.salesops.comp.engine.CalculationResult;
import io.salesops.comp.engine.CommissionEngine;
import io.salesops.comp.engine.CompState;
import io.salesops.comp.engine.WhatIf;
import io.salesops.comp.file.CompInputs;
import io.salesops.comp.file.LedgerEntry;
import io.salesops.comp.file.LedgerException;
import io.salesops.comp.file.PlanFileException;
import io.salesops.comp.file.PlanFileProblem;
import io.salesops.comp.file.PlanFiles;
import io.salesops.comp.file.PlanFormat;
import io.salesops.comp.input.CompContext;
import io.salesops.comp.input.Credit;
import io.salesops.comp.input.DealPayment;
import io.salesops.comp.input.DealPayments;
import io.salesops.comp.plan.CompPlan;
import io.salesops.comp.plan.PlanProblem;
import io.salesops.comp.plan.PlanValidationException;
import io.salesops.comp.plan.PlanValidator;
import io.salesops.core.crm.Quotas;
import io.salesops.core.money.Money;
import io.salesops.core.org.Org;
import io.salesops.core.org.Rep;
import io.salesops.core.period.Period;
import io.salesops.io.ExchangeRateRow;
import io.salesops.io.Transaction;
import io.salesops.server.ProblemException;
import io.salesops.server.ProblemException.FieldError;
import io.salesops.server.ServerLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The commission endpoints: validate, calculate and what-if, with the inputs of {@code salesops comp}. */
final class Comp {

    private Comp() {
    }

    static Object validate(Requests.CompValidate r) {
        List<FieldError> errors = new ArrayList<>();
        List<Map<String, Object>> problems = new ArrayList<>();
        try {
            plan(errors, r.plan(), r.planYaml());
        } catch (PlanFileException e) {
            for (PlanFileProblem p : e.fileProblems()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("path", p.path());
                m.put("line", p.line());
                m.put("column", p.column());
                m.put("message", p.message());
                problems.add(m);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badFields(errors);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("valid", problems.isEmpty());
        out.put("problems", problems);
        return out;
    }

    static Object calculate(Requests.CompCalculate r, ServerLimits limits) {
        Inputs in = inputs(r.plan(), r.planYaml(), r.period(), r.credits(), r.org(), r.quotas(), r.fx(), r.collections(),
                r.state(), r.allowGap(), limits, new ArrayList<>(), null);
        CalculationResult result;
        try {
            result = CommissionEngine.calculate(List.of(in.plan), in.context, in.credits, in.period, in.prior);
        } catch (PlanValidationException e) {
            throw invalid(e);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        List<Object> statements = new ArrayList<>();
        result.statements().forEach(s -> statements.add(JsonViews.statement(s)));
        out.put("statements", statements);
        out.put("warnings", result.warnings());
        // The same journal entry the CLI commits: checksummed, so a later request can prove it is whole.
        out.put("state", LedgerEntry.of(in.period, result.state(), in.priorEntry, in.gaps).toJson());
        return out;
    }

    static Object whatIf(Requests.CompWhatIf r, ServerLimits limits) {
        List<FieldError> errors = new ArrayList<>();
        Checks.required(errors, "/payee", r.payee());
        Checks.required(errors, "/deal", r.deal());
        Inputs in = inputs(r.plan(), r.planYaml(), r.period(), r.credits(), r.org(), r.quotas(), r.fx(), r.collections(),
                r.state(), r.allowGap(), limits, errors, r.deal());
        if (!in.context.org().contains(r.payee())) {
            throw ProblemException.badField("/payee", "payee " + r.payee() + " is not in the org");
        }
        Requests.Deal d = r.deal();
        LocalDate date;
        Credit c;
        try {
            date = d.date() == null ? in.period.end() : LocalDate.parse(d.date());
        } catch (java.time.DateTimeException e) {
            throw ProblemException.badField("/deal/date", "\"" + d.date() + "\" is not a date such as 2026-03-31");
        }
        try {
            c = Credit.booked("WHATIF-1", r.payee(), date, in.deal, d.type() == null ? "new" : d.type(), "WHATIF-1");
        } catch (IllegalArgumentException e) {
            // The deal's fields come from the request: a credit they cannot make is the client's problem.
            throw ProblemException.badField("/deal", e.getMessage());
        }
        if (d.product() != null && !d.product().isBlank()) {
            c = new Credit(c.id(), c.payeeId(), c.date(), c.amount(), c.type(), d.product(), c.dealId(), c.status(),
                    List.of(), Map.of());
        }
        WhatIf w;
        try {
            PlanValidator.check(in.plan, in.context, in.period, in.credits);
            w = CommissionEngine.whatIf(in.plan, in.context, in.credits, in.period, in.prior, c);
        } catch (PlanValidationException e) {
            throw invalid(e);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("payee", r.payee());
        Map<String, Object> deal = new LinkedHashMap<>();
        deal.put("amount", w.deal().amount().amount());
        deal.put("currency", w.deal().amount().currency().getCurrencyCode());
        deal.put("type", w.deal().type());
        deal.put("product", w.deal().product());
        deal.put("date", w.deal().date().toString());
        out.put("deal", deal);
        out.put("before", JsonViews.statement(w.before()));
        out.put("after", JsonViews.statement(w.after()));
        out.put("extraPay", w.extraPay().amount());
        Map<String, BigDecimal> effects = new LinkedHashMap<>();
        w.effects().forEach((p, m) -> effects.put(p, m.amount()));
        out.put("effects", effects);
        return out;
    }

    private static ProblemException invalid(PlanValidationException e) {
        List<FieldError> errors = new ArrayList<>();
        for (PlanProblem p : e.planProblems()) {
            errors.add(new FieldError("/plan", p.toString()));
        }
        return new ProblemException(400, "Bad Request", "the plan cannot be calculated on this input: " + e.getMessage(), errors);
    }

    private record Inputs(CompPlan plan, CompContext context, List<Credit> credits, Period period, CompState prior,
                          LedgerEntry priorEntry, List<Period> gaps, Money deal) {
    }

    private static Inputs inputs(JsonNode planJson, String planYaml, String periodText, List<Requests.CreditEntry> entries,
                                 List<Requests.OrgRep> orgEntries, List<Requests.QuotaEntry> quotaEntries,
                                 List<Requests.FxEntry> fxEntries, List<Requests.CollectionEntry> collectionEntries,
                                 JsonNode state, List<String> allowGap,
                                 ServerLimits limits,
                                 List<FieldError> errors, Requests.Deal dealEntry) {
        CompPlan plan = null;
        try {
            plan = plan(errors, planJson, planYaml);
        } catch (PlanFileException e) {
            for (PlanFileProblem p : e.fileProblems()) {
                errors.add(new FieldError(planJson != null ? "/plan" : "/planYaml", p.toString()));
            }
        }
        Period period = Crm.period(errors, "/period", periodText);
        List<Credit> credits = new ArrayList<>();
        if (entries == null) {
            errors.add(new FieldError("/credits", "is required"));
        } else if (entries.size() > limits.maxCredits()) {
            Checks.atMost(errors, "/credits", entries.size(), limits.maxCredits(), "credits");
        } else {
            credits = credits(errors, entries);
        }
        Org org = Crm.org(errors, orgEntries);
        if (org == null && orgEntries == null) {
            // as the CLI without --org: every payee of the credits, with no managers
            Set<String> payees = new LinkedHashSet<>();
            credits.forEach(c -> payees.add(c.payeeId()));
            List<Rep> reps = new ArrayList<>();
            payees.forEach(id -> reps.add(Rep.of(id, null)));
            org = Org.of(reps);
        }
        Quotas quotas = quotaEntries == null ? Quotas.none() : Crm.quotas(errors, quotaEntries);
        io.salesops.comp.input.ExchangeRates rates = io.salesops.comp.input.ExchangeRates.none();
        if (fxEntries != null) {
            List<ExchangeRateRow> rows = new ArrayList<>();
            for (int i = 0; i < fxEntries.size(); i++) {
                String ptr = "/fx/" + i;
                Requests.FxEntry f = fxEntries.get(i);
                try {
                    BigDecimal rate = Crm.decimal(errors, ptr + "/rate", f.rate(), true);
                    LocalDate d = Crm.date(errors, ptr + "/effectiveDate", f.effectiveDate(), true);
                    if (rate != null && d != null) {
                        rows.add(new ExchangeRateRow(Money.currency(f.from()), Money.currency(f.to()), rate, d));
                    }
                } catch (RuntimeException e) {
                    errors.add(new FieldError(ptr, String.valueOf(e.getMessage())));
                }
            }
            try {
                rates = CompInputs.rates(rows);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("/fx", e.getMessage()));
            }
        }
        DealPayments payments = payments(errors, collectionEntries, limits, plan);
        List<Period> gaps = new ArrayList<>();
        if (allowGap != null) {
            for (int i = 0; i < allowGap.size(); i++) {
                Period g = Crm.period(errors, "/allowGap/" + i, allowGap.get(i));
                if (g != null) {
                    gaps.add(g);
                }
            }
        }
        CompState prior = CompState.empty();
        LedgerEntry priorEntry = null;
        if (period != null && gaps.size() == (allowGap == null ? 0 : allowGap.size())) {
            // The same checks as the CLI's ledger: the state is whole (checksum), not this period already
            // (it would pay twice), and skips nothing that allowGap does not name.
            try {
                if (state != null && !state.isNull()) {
                    priorEntry = LedgerEntry.parse(state, "state");
                    prior = priorEntry.stateBefore(period, gaps);
                } else if (!gaps.isEmpty()) {
                    errors.add(new FieldError("/allowGap", "names periods to skip, but no state is given to skip from"));
                }
            } catch (LedgerException e) {
                errors.add(new FieldError("/state", e.getMessage() + (e.repeatsCommittedPeriod()
                        ? "; send the state returned for the period before " + period : "")));
            }
        }
        Money deal = null;
        if (dealEntry != null && plan != null) {
            BigDecimal a = Crm.decimal(errors, "/deal/amount", dealEntry.amount(), true);
            Crm.date(errors, "/deal/date", dealEntry.date(), false);
            if (a != null) {
                try {
                    deal = Money.of(a, dealEntry.currency() == null ? plan.currency() : Money.currency(dealEntry.currency()));
                } catch (RuntimeException e) {
                    errors.add(new FieldError("/deal/amount", e.getMessage()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badFields(errors);
        }
        // A credit whose owner and split payees are all outside the org credits nobody on this plan (as the CLI).
        Org o = org;
        List<Credit> used = credits.stream()
                .filter(c -> o.contains(c.payeeId()) || c.splits().stream().anyMatch(s -> o.contains(s.payeeId()))).toList();
        return new Inputs(plan, new CompContext(org, quotas, rates, List.of()).withPayments(payments), used, period, prior,
                priorEntry, List.copyOf(gaps), deal);
    }

    /** Payments against deals, in the plan currency unless named; each problem at its {@code /collections/i}. */
    private static DealPayments payments(List<FieldError> errors, List<Requests.CollectionEntry> entries,
                                         ServerLimits limits, CompPlan plan) {
        if (entries == null) {
            return DealPayments.none();
        }
        if (entries.size() > limits.maxCredits()) {
            Checks.atMost(errors, "/collections", entries.size(), limits.maxCredits(), "collections");
            return DealPayments.none();
        }
        List<DealPayment> out = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            String ptr = "/collections/" + i;
            Requests.CollectionEntry c = entries.get(i);
            if (c == null) {
                errors.add(new FieldError(ptr, "is null"));
                continue;
            }
            int before = errors.size();
            Checks.required(errors, ptr + "/dealId", c.dealId());
            LocalDate d = Crm.date(errors, ptr + "/date", c.date(), true);
            String currency = c.currency() == null && plan != null ? plan.currency().getCurrencyCode() : c.currency();
            Money amount = Crm.money(errors, ptr, c.amount(), currency);
            if (errors.size() == before) {
                try {
                    out.add(new DealPayment(c.dealId(), d, amount));
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError(ptr, e.getMessage()));
                }
            }
        }
        return DealPayments.of(out);
    }

    private static List<Credit> credits(List<FieldError> errors, List<Requests.CreditEntry> entries) {
        List<Credit> out = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            String ptr = "/credits/" + i;
            Requests.CreditEntry c = entries.get(i);
            if (c == null) {
                errors.add(new FieldError(ptr, "is null"));
                continue;
            }
            int before = errors.size();
            Checks.required(errors, ptr + "/id", c.id());
            Checks.required(errors, ptr + "/payee", c.payee());
            LocalDate date = Crm.date(errors, ptr + "/date", c.date(), true);
            Money amount = Crm.money(errors, ptr, c.amount(), c.currency());
            if (amount != null && amount.isNegative()) {
                errors.add(new FieldError(ptr + "/amount", "credit " + c.id() + " has negative amount " + amount
                        + "; a reversal is a row with status reversed"));
            }
            Transaction.Status status = Transaction.Status.BOOKED;
            if (c.status() != null) {
                try {
                    status = Transaction.Status.parse(c.status());
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError(ptr + "/status", e.getMessage()));
                }
            }
            if (status != Transaction.Status.BOOKED && (c.dealId() == null || c.dealId().isBlank())) {
                // As in the credits CSV: a reversal without its deal would match no booking and claw back nothing.
                errors.add(new FieldError(ptr + "/dealId", "is required for a credit with status " + c.status()
                        + "; name the deal it reverses"));
            }
            Map<String, BigDecimal> splits = new LinkedHashMap<>();
            if (c.splits() != null) {
                for (int s = 0; s < c.splits().size(); s++) {
                    Requests.SplitEntry sp = c.splits().get(s);
                    String sptr = ptr + "/splits/" + s;
                    if (sp == null || sp.payee() == null || sp.payee().isBlank()) {
                        errors.add(new FieldError(sptr + "/payee", "is required"));
                        continue;
                    }
                    BigDecimal share = Crm.decimal(errors, sptr + "/share", sp.share(), true);
                    if (share != null) {
                        splits.put(sp.payee().strip(), share);
                    }
                }
            }
            if (errors.size() > before) {
                continue;
            }
            try {
                out.add(CompInputs.credit(new Transaction(c.id().strip(), c.payee().strip(), date, amount, c.type(),
                        c.product(), c.dealId(), status, splits, c.attributes())));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(ptr, e.getMessage()));
            }
        }
        return out;
    }

    /** The plan from {@code plan} (serialised back to bytes, so problems are located in it) or {@code planYaml}. */
    private static CompPlan plan(List<FieldError> errors, JsonNode plan, String planYaml) {
        if ((plan == null || plan.isNull()) == (planYaml == null)) {
            errors.add(new FieldError("/plan", "give exactly one of plan (a JSON object) and planYaml (YAML text)"));
            return null;
        }
        if (planYaml != null) {
            return PlanFiles.read(planYaml, "planYaml", PlanFormat.YAML);
        }
        if (!plan.isObject()) {
            errors.add(new FieldError("/plan", "is not a JSON object"));
            return null;
        }
        try {
            return PlanFiles.read(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(plan), "plan", PlanFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
