package io.salesops.cli;

import io.salesops.comp.engine.CompState;
import io.salesops.comp.file.CompInputs;
import io.salesops.comp.file.Ledger;
import io.salesops.comp.file.PlanFiles;
import io.salesops.comp.input.CompContext;
import io.salesops.comp.input.Credit;
import io.salesops.comp.input.DealPayments;
import io.salesops.comp.input.ExchangeRates;
import io.salesops.comp.input.PayeeTarget;
import io.salesops.comp.input.PayeeTargets;
import io.salesops.comp.plan.CompPlan;
import io.salesops.comp.plan.PlanProblem;
import io.salesops.comp.plan.PlanValidator;
import io.salesops.core.crm.Quotas;
import io.salesops.core.org.Org;
import io.salesops.core.org.Rep;
import io.salesops.core.period.FiscalCalendar;
import io.salesops.core.period.Period;
import io.salesops.io.DealPaymentCsvReader;
import io.salesops.io.DealPaymentRow;
import io.salesops.io.ExchangeRateCsvReader;
import io.salesops.io.ImportProblem;
import io.salesops.io.ImportResult;
import io.salesops.io.OrgCsvReader;
import io.salesops.io.PayeeTargetCsvReader;
import io.salesops.io.PayeeTargetRow;
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

    @Option(names = "--targets", paramLabel = "CSV",
            description = "Bonus and MBO targets set per payee: payee,component,target[,currency]; each replaces the"
                    + " plan's target for that payee and component.")
    Path targets;

    @Option(names = "--collections", paramLabel = "CSV",
            description = "What customers paid against deals: deal_id,date,amount[,currency], every payment to date;"
                    + " releases the commission of components with payout: {on: collection}.")
    Path collections;

    @Option(names = "--fx", paramLabel = "CSV", description = "Exchange rates: from,to,rate,effective_date.")
    Path fx;

    @Option(names = "--period", required = true, paramLabel = "PERIOD",
            description = "The period to calculate: 2026-Q1, 2026-03, 2026-H1 or FY2026.")
    String period;

    @Option(names = "--state", paramLabel = "DIR",
            description = "Directory of the commission ledger carried between periods (draw balances, paid to date,"
                    + " per-deal pay): one checksummed journal file per committed period. The period must follow the"
                    + " last one committed; calculate commits it.")
    Path state;

    @Option(names = "--allow-gap", paramLabel = "PERIOD", split = ",",
            description = "A period skipped on purpose between the last committed one and --period (nothing owed);"
                    + " without it a skipped period is refused. Repeat or separate with commas.")
    List<String> allowGap = new ArrayList<>();

    @Option(names = "--columns", paramLabel = "MAPPING",
            description = "Column mapping for the credits file: field=Header,... (e.g. payee=Owner,deal_id=Opportunity ID).")
    String columns;

    @Option(names = "--lenient", description = "Skip invalid CSV rows (each is reported) instead of stopping at the first.")
    boolean lenient;

    /**
     * Everything a calculation needs, loaded and checked. With {@code --state}, {@code ledger} is open and locked
     * until {@link #close()}; otherwise it is null.
     */
    record Loaded(List<CompPlan> versions, CompContext context, List<Credit> credits, Period period, CompState prior,
                  int skippedCredits, Ledger ledger, List<Period> gaps) implements AutoCloseable {
        CompPlan plan() {
            return versions.get(versions.size() - 1);
        }

        /** Commits the state after {@link #period()} to the ledger, if there is one; prints where. */
        void commit(CompState after, PrintWriter err) throws IOException {
            if (ledger != null) {
                ledger.commit(period, after, gaps);
                err.println("salesops: state after " + period + " committed in " + ledger.dir());
            }
        }

        @Override
        public void close() throws IOException {
            if (ledger != null) {
                ledger.close();
            }
        }
    }

    Loaded load(PrintWriter err) throws IOException {
        List<CompPlan> versions = PlanFiles.readVersions(plans);
        FiscalCalendar calendar = FiscalCalendar.calendarYear();
        Period per;
        try {
            per = calendar.parse(period);
        } catch (RuntimeException e) {
            throw new UserInputException("period \"" + period + "\" is not a period such as 2026-Q1, 2026-03, 2026-H1 or FY2026");
        }
        TransactionCsvReader.Builder tb = TransactionCsvReader.builder();
        if (columns != null) {
            UserInputException.fromUser("--columns", () -> tb.columns(columns));
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
        PayeeTargets own = targets == null ? PayeeTargets.none() : targets(versions, o, err);
        DealPayments payments = DealPayments.none();
        if (collections != null) {
            DealPaymentCsvReader.Builder pb = DealPaymentCsvReader.builder()
                    .defaultCurrency(versions.get(versions.size() - 1).currency().getCurrencyCode());
            if (lenient) {
                pb.lenient();
            }
            List<DealPaymentRow> paid = report(pb.build().read(collections), err);
            warnUnknownDeals(paid, all, err);
            payments = CompInputs.payments(paid);
        }
        // A credit whose owner and split payees are all outside the org can credit nobody on this plan
        // (the org is the plan's population); leave it out rather than warn once per row.
        List<Credit> used = new ArrayList<>(all.size());
        for (Credit c : all) {
            if (o.contains(c.payeeId()) || c.splits().stream().anyMatch(s -> o.contains(s.payeeId()))) {
                used.add(c);
            }
        }
        List<Period> gaps = new ArrayList<>();
        for (String g : allowGap) {
            try {
                gaps.add(calendar.parse(g.strip()));
            } catch (RuntimeException e) {
                throw new UserInputException("--allow-gap \"" + g + "\" is not a period such as 2026-02 or 2026-Q1");
            }
        }
        if (state == null) {
            if (!gaps.isEmpty()) {
                throw new UserInputException("--allow-gap needs --state: without a ledger no period can be skipped");
            }
            return new Loaded(List.copyOf(versions), new CompContext(o, q, rates, List.of(), null, own, payments), used, per,
                    CompState.empty(), all.size() - used.size(), null, List.of());
        }
        Ledger ledger = Ledger.open(state);
        try {
            CompState prior = ledger.stateBefore(per, gaps);
            ledger.notes().forEach(n -> err.println("salesops: note: " + n));
            return new Loaded(List.copyOf(versions), new CompContext(o, q, rates, List.of(), null, own, payments), used, per,
                    prior, all.size() - used.size(), ledger, List.copyOf(gaps));
        } catch (IOException | RuntimeException e) {
            ledger.close();
            throw e;
        }
    }

    /**
     * Reads {@code --targets} and checks it against the plan versions and org, each problem at its file line (the
     * checks are {@link PlanValidator#validateTargets}, which the engine also runs).
     */
    private PayeeTargets targets(List<CompPlan> versions, Org o, PrintWriter err) throws IOException {
        PayeeTargetCsvReader.Builder rb = PayeeTargetCsvReader.builder()
                .defaultCurrency(versions.get(versions.size() - 1).currency().getCurrencyCode());
        if (lenient) {
            rb.lenient();
        }
        List<PayeeTargetRow> rows = report(rb.build().read(targets), err);
        List<PayeeTarget> list = new ArrayList<>(rows.size());
        rows.forEach(r -> list.add(new PayeeTarget(r.payee(), r.component(), r.target())));
        PayeeTargets t = PayeeTargets.of(list); // the reader has refused a second target for a payee and component
        List<String> problems = new ArrayList<>();
        for (PlanProblem p : PlanValidator.validateTargets(versions, new CompContext(o, Quotas.none(),
                ExchangeRates.none(), List.of(), null, t))) {
            int i = Integer.parseInt(p.path().substring("targets[".length(), p.path().indexOf(']')));
            problems.add(targets + ":" + rows.get(i).line() + ": " + p.message());
        }
        if (!problems.isEmpty()) {
            throw new UserInputException(String.join(System.lineSeparator(), problems));
        }
        return t;
    }

    /**
     * A payment naming a deal that no credit books (a typo, or a deal from another export) can release nothing: say
     * so once, with the first such line, rather than drop it in silence.
     */
    private void warnUnknownDeals(List<DealPaymentRow> paid, List<Credit> all, PrintWriter err) {
        Set<String> deals = new java.util.HashSet<>();
        all.forEach(c -> deals.add(c.dealId()));
        List<DealPaymentRow> unknown = paid.stream().filter(p -> !deals.contains(p.dealId())).toList();
        if (!unknown.isEmpty()) {
            DealPaymentRow first = unknown.get(0);
            err.println("salesops: warning: " + unknown.size() + " payment" + (unknown.size() == 1 ? "" : "s") + " in "
                    + collections + " name" + (unknown.size() == 1 ? "s a deal" : " deals") + " that no credit books (first: line "
                    + first.line() + ", deal " + first.dealId() + "); they release nothing");
        }
    }

    private <T> List<T> report(ImportResult<T> r, PrintWriter err) {
        for (ImportProblem p : r.problems()) {
            err.println("salesops: skipped: " + p);
        }
        return r.records();
    }
}
