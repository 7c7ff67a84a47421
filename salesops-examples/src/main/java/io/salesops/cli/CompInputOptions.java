package io.salesops.cli;

import io.salesops.comp.engine.CompState;
import io.salesops.comp.file.CompInputs;
import io.salesops.comp.file.PlanFiles;
import io.salesops.comp.input.CompContext;
import io.salesops.comp.input.Credit;
import io.salesops.comp.input.ExchangeRates;
import io.salesops.comp.plan.CompPlan;
import io.salesops.core.crm.Quotas;
import io.salesops.core.org.Org;
import io.salesops.core.org.Rep;
import io.salesops.core.period.FiscalCalendar;
import io.salesops.core.period.Period;
import io.salesops.io.ExchangeRateCsvReader;
import io.salesops.io.ImportProblem;
import io.salesops.io.ImportResult;
import io.salesops.io.OrgCsvReader;
import io.salesops.io.QuotaCsvReader;
import io.salesops.io.Transaction;
import io.salesops.io.TransactionCsvReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The inputs every {@code salesops comp} calculation shares: plan versions, credits, org, quotas, exchange
 * rates, the period and the state directory. A picocli mixin; not thread-safe.
 */
final class CompInputOptions {

    @Option(names = "--plan", required = true, paramLabel = "PLAN",
            description = "Plan file (.yaml, .yml or .json). Repeat for effective-dated versions of one plan.")
    List<Path> plans;

    @Option(names = "--credits", required = true, paramLabel = "CSV",
            description = "Credits: id,payee,date,amount[,currency,type,product,deal_id,status,splits]; other columns become attributes.")
    Path credits;

    @Option(names = "--org", paramLabel = "CSV",
            description = "Org: rep[,name,manager,team,territory,start_date,end_date]. Default: every payee of the credits, with no managers.")
    Path org;

    @Option(names = "--quotas", paramLabel = "CSV", description = "Quotas: rep,period,amount[,currency].")
    Path quotas;

    @Option(names = "--fx", paramLabel = "CSV", description = "Exchange rates: from,to,rate,effective_date.")
    Path fx;

    @Option(names = "--period", required = true, paramLabel = "PERIOD",
            description = "The period to calculate: 2026-Q1, 2026-03, 2026-H1 or FY2026.")
    String period;

    @Option(names = "--state", paramLabel = "DIR",
            description = "Directory of the state carried between periods (draw balances, paid to date, per-deal pay);"
                    + " read before and written after the calculation.")
    Path state;

    @Option(names = "--columns", paramLabel = "MAPPING",
            description = "Column mapping for the credits file: field=Header,... (e.g. payee=Owner,deal_id=Opportunity ID).")
    String columns;

    @Option(names = "--lenient", description = "Skip invalid CSV rows (each is reported) instead of stopping at the first.")
    boolean lenient;

    /** Everything a calculation needs, loaded and checked. */
    record Loaded(List<CompPlan> versions, CompContext context, List<Credit> credits, Period period, CompState prior,
                  int skippedCredits) {
        CompPlan plan() {
            return versions.get(versions.size() - 1);
        }
    }

    Loaded load(PrintWriter err) throws IOException {
        List<CompPlan> versions = new ArrayList<>();
        for (Path p : plans) {
            versions.add(PlanFiles.read(p));
        }
        FiscalCalendar calendar = FiscalCalendar.calendarYear();
        Period per;
        try {
            per = calendar.parse(period);
        } catch (RuntimeException e) {
            throw new UserInputException("period \"" + period + "\" is not a period such as 2026-Q1, 2026-03, 2026-H1 or FY2026");
        }
        TransactionCsvReader.Builder tb = TransactionCsvReader.builder();
        if (columns != null) {
            tb.columns(columns);
        }
        if (lenient) {
            tb.lenient();
        }
        List<Transaction> rows = report(tb.build().read(credits), err);
        List<Credit> all = CompInputs.credits(rows);
        Org o;
        if (org != null) {
            OrgCsvReader.Builder ob = OrgCsvReader.builder();
            if (lenient) {
                ob.lenient();
            }
            o = Org.of(report(ob.build().read(org), err));
        } else {
            Set<String> payees = new LinkedHashSet<>();
            all.forEach(c -> payees.add(c.payeeId()));
            List<Rep> reps = new ArrayList<>();
            payees.forEach(id -> reps.add(Rep.of(id, null)));
            o = Org.of(reps);
        }
        Quotas q = Quotas.none();
        if (quotas != null) {
            QuotaCsvReader.Builder qb = QuotaCsvReader.builder();
            if (lenient) {
                qb.lenient();
            }
            q = Quotas.of(report(qb.build().read(quotas), err));
        }
        ExchangeRates rates = ExchangeRates.none();
        if (fx != null) {
            ExchangeRateCsvReader.Builder fb = ExchangeRateCsvReader.builder();
            if (lenient) {
                fb.lenient();
            }
            rates = CompInputs.rates(report(fb.build().read(fx), err));
        }
        // A credit whose owner and split payees are all outside the org can credit nobody on this plan
        // (the org is the plan's population); leave it out rather than warn once per row.
        List<Credit> used = new ArrayList<>(all.size());
        for (Credit c : all) {
            if (o.contains(c.payeeId()) || c.splits().stream().anyMatch(s -> o.contains(s.payeeId()))) {
                used.add(c);
            }
        }
        CompState prior = state == null ? CompState.empty() : StateStore.read(state, per);
        return new Loaded(List.copyOf(versions), new CompContext(o, q, rates, List.of()), used, per, prior,
                all.size() - used.size());
    }

    private <T> List<T> report(ImportResult<T> r, PrintWriter err) {
        for (ImportProblem p : r.problems()) {
            err.println("salesops: skipped: " + p);
        }
        return r.records();
    }
}
