package io.salesops.cli;

import io.salesops.examples.sample.TerritorySample;
import io.salesops.planning.territory.AccountBook;
import io.salesops.planning.territory.AlignmentSettings;
import io.salesops.planning.territory.BalanceReport;
import io.salesops.planning.territory.Measure;
import io.salesops.planning.territory.RepLoad;
import io.salesops.planning.territory.TerritoryGrouping;
import io.salesops.planning.territory.TerritoryPlan;
import io.salesops.planning.territory.TerritoryRules;
import io.salesops.planning.territory.WorkloadModel;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code salesops demo} section "Territories": the sample company's accounts and active AEs (the files in
 * {@code docs/examples/territory}), workload built up from visits by segment, one territory per region, and the
 * plan that balances potential and workload within 5% moving at most 20% of accounts, against the CRM owners
 * as they stand. The solver stops on its step count (the time limit is far away), so the output is the same on
 * every run. Stateless and thread-safe.
 */
final class TerritoryDemoSection implements DemoSection {

    private static final BigDecimal REP_HOURS = BigDecimal.valueOf(1600);

    @Override
    public String title() {
        return "Territories";
    }

    /** The printed text of the last company seed: the plan takes seconds, and the demo is printed often in tests. */
    private static volatile Object[] memo;

    @Override
    public void print(DemoContext ctx, PrintWriter out) {
        Object[] m = memo;
        if (m == null || (long) m[0] != ctx.company().seed()) {
            java.io.StringWriter text = new java.io.StringWriter();
            PrintWriter w = new PrintWriter(text);
            render(ctx, w);
            w.flush();
            m = new Object[] {ctx.company().seed(), text.toString()};
            memo = m;
        }
        out.print((String) m[1]);
    }

    private static void render(DemoContext ctx, PrintWriter out) {
        TerritorySample sample = TerritorySample.of(ctx.company());
        WorkloadModel model = TerritorySample.workloadModel();
        AccountBook book = AccountBook.of(model.apply(sample.accounts()), sample.reps())
                .withCurrent(sample.current(), java.util.Set.of());
        TerritoryGrouping groups = TerritoryRules.parse("rules.yaml", TerritorySample.RULES).group(book);
        AlignmentSettings settings = AlignmentSettings.defaults().withTimeLimit(Duration.ofMinutes(10));
        BalanceReport before = BalanceReport.of(book, book.current(), null, groups.repGroup(), settings);
        TerritoryPlan plan = TerritoryPlan.of(book, groups, settings);
        BalanceReport after = plan.report();
        BigDecimal hours = book.accounts().stream().map(io.salesops.planning.territory.Account::workload)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        out.printf(Locale.ROOT, "%,d accounts need %,d hours a year (visits x hours by segment): %s reps at %s hours.%n"
                        + "%d AEs are active (capacity %s; recent hires count half); %,d accounts have an owner.%n%n",
                book.accounts().size(), hours.longValue(), WorkloadModel.repsNeeded(book.accounts(), REP_HOURS),
                REP_HOURS, book.reps().size(), book.reps().stream().map(io.salesops.planning.territory.TerritoryRep::capacity)
                        .reduce(BigDecimal.ZERO, BigDecimal::add).stripTrailingZeros().toPlainString(),
                book.current().size());
        TablePrinter t = TablePrinter.withHeaders("Territory", "AEs", "Accounts", "Pot% now", "Work% now", "km now",
                "Pot% plan", "Work% plan", "km plan", "Moved");
        Map<String, List<RepLoad>> beforeByGroup = byGroup(before);
        Map<String, List<RepLoad>> afterByGroup = byGroup(after);
        for (String g : afterByGroup.keySet()) {
            List<RepLoad> b = beforeByGroup.get(g);
            List<RepLoad> a = afterByGroup.get(g);
            t.row(g, a.size(), a.stream().mapToInt(RepLoad::accounts).sum(), worst(b, Measure.POTENTIAL),
                    worst(b, Measure.WORKLOAD), km(b), worst(a, Measure.POTENTIAL), worst(a, Measure.WORKLOAD), km(a),
                    a.stream().mapToInt(RepLoad::movedIn).sum());
        }
        t.indent("  ").print(out);
        out.printf(Locale.ROOT, "  (Pot%%, Work%%: largest distance of an AE's potential or workload from target; km: mean%n"
                + "  account-to-AE distance; now: the CRM owners.)%n%n");
        out.printf(Locale.ROOT, "Plan: %d of %d allowed moves; CV potential %.3f -> %.3f, workload %.3f -> %.3f;%n%s.%n",
                after.moves(), after.moveCap(), before.balance(Measure.POTENTIAL).coefficientOfVariation(),
                after.balance(Measure.POTENTIAL).coefficientOfVariation(),
                before.balance(Measure.WORKLOAD).coefficientOfVariation(),
                after.balance(Measure.WORKLOAD).coefficientOfVariation(),
                after.meetsConstraints() ? "every AE within 5% on both" : "not every constraint met");
        after.bindingConstraints().forEach(b -> out.println("  binding: " + b));
        out.println("Try (from the repository root):");
        out.println("  salesops territory plan --accounts docs/examples/territory/accounts.csv \\");
        out.println("    --reps docs/examples/territory/reps.csv --current docs/examples/territory/current.csv \\");
        out.println("    --rules docs/examples/territory/rules.yaml --workload-model docs/examples/territory/workload.csv");
    }

    private static Map<String, List<RepLoad>> byGroup(BalanceReport r) {
        Map<String, List<RepLoad>> m = new LinkedHashMap<>();
        for (RepLoad x : r.reps()) {
            m.computeIfAbsent(x.group(), k -> new java.util.ArrayList<>()).add(x);
        }
        return m;
    }

    private static String worst(List<RepLoad> reps, Measure m) {
        BigDecimal w = BigDecimal.ZERO;
        for (RepLoad r : reps) {
            w = w.max(r.deviationPercent(m).abs());
        }
        return w.setScale(1, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String km(List<RepLoad> reps) {
        double sum = 0;
        int n = 0;
        for (RepLoad r : reps) {
            sum += r.meanDistanceKm() * r.accounts();
            n += r.accounts();
        }
        return String.format(Locale.ROOT, "%.0f", n == 0 ? 0 : sum / n);
    }
}
