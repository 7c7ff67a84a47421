package io.salesops.cli;

import io.salesops.comp.Commissions;
import io.salesops.comp.engine.CalculationResult;
import io.salesops.comp.file.PlanFiles;
import io.salesops.comp.file.PlanFormat;
import io.salesops.comp.input.Credit;
import io.salesops.comp.input.CreditRules;
import io.salesops.comp.input.Credits;
import io.salesops.comp.plan.CompPlan;
import io.salesops.comp.statement.ComponentResult;
import io.salesops.comp.statement.Statement;
import io.salesops.core.money.Money;
import io.salesops.core.org.Rep;
import io.salesops.core.period.Period;
import io.salesops.examples.sample.SampleCompany;
import java.io.PrintWriter;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code salesops demo} section "Commissions": the bundled AE plan ({@code ae-marginal.yaml}) run on the sample
 * company's last closed quarter through the library's own glue, as the README's quick start runs it: the deals won
 * in it become credits ({@link Credits#fromWon}, the CRM's "expansion" paid as the plan's "upsell") and the payees
 * are the plan's default population, the reps with a quota for the quarter. Stateless and thread-safe.
 */
final class CompDemoSection implements DemoSection {

    @Override
    public String title() {
        return "Commissions";
    }

    @Override
    public void print(DemoContext ctx, PrintWriter out) {
        Period q = ctx.lastClosedQuarter();
        CompPlan plan = PlanFiles.read(PlanFiles.example("ae-marginal.yaml"), "ae-marginal.yaml", PlanFormat.YAML);
        SampleCompany c = ctx.company();
        List<Credit> won = Credits.fromWon(ctx.wonIn(q), q, CreditRules.standard().withType("expansion", "upsell"));
        CalculationResult r = Commissions.plan(plan).org(c.org()).quotas(c.quotas()).credits(won).calculate(q);
        out.printf(Locale.ROOT, "Plan \"%s\" (ae-marginal.yaml): %d deals won in %s, %d reps with a quota.%n",
                plan.name(), won.size(), q, r.statements().size());
        out.println();
        List<Statement> top = new ArrayList<>(r.statements());
        top.sort(Comparator.comparing((Statement s) -> s.earned().minorUnits()).reversed().thenComparing(Statement::payeeId));
        TablePrinter t = TablePrinter.withHeaders("Rep", "Credited (USD)", "Quota (USD)", "Attainment", "Earned (USD)", "Capped");
        for (Statement s : top.subList(0, Math.min(8, top.size()))) {
            ComponentResult cr = s.components().get(0);
            boolean capped = s.lines().stream().anyMatch(l -> l.kind() == io.salesops.comp.statement.LineKind.CAP);
            t.row(c.org().find(s.payeeId()).map(Rep::name).orElse(s.payeeId()), cr.measure(), cr.quota(),
                    cr.attainment().map(a -> a.value().setScale(1, RoundingMode.HALF_EVEN).toPlainString() + "%").orElse(""),
                    s.earned(), capped ? "yes" : "");
        }
        t.indent("  ").print(out);
        long zero = r.statements().stream().filter(s -> s.earned().isZero()).count();
        Money total = r.totalEarned();
        out.printf(Locale.ROOT, "  (top %d of %d; %d earned nothing) Payout for %s: %s.%n", Math.min(8, top.size()), top.size(),
                zero, q, total);
        out.println("  Every statement equals the sum of its lines, to the cent.");
        out.println("  Run the bundled plans on your own CSV exports with salesops comp calculate (docs/comp.md).");
    }
}
