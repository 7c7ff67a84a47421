package io.salesops.forecast.kpi;

import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.StageChange;
import io.salesops.core.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Generated CRM data for the comparisons of the table and object paths of KPIs and backtests. */
public final class KpiDeals {

    /** Stage names as exports spell them: the model's, other cases, and stages the model does not know. */
    static final String[] OPEN = {"Prospecting", "Qualification", "Needs Analysis", "Proposal", "Negotiation",
        "PROPOSAL", "negotiation", "Discovery"};
    /**
     * Deals of one currency over three years: won, lost and open; with and without history; history that repeats
     * a stage (amount-only changes), moves back, changes case, names unknown stages and records expected close
     * dates; lost deals with no history at their closing stage; open deals without a close date; attributes
     * with blank values; owners the org lacks; deals created after any window.
     */
    public static List<Opportunity> deals(long seed, int n) {
        return deals(seed, n, OPEN);
    }

    /** As {@link #deals(long, int)} with only stage names the default model knows, in any case. */
    public static List<Opportunity> knownStages(long seed, int n) {
        return deals(seed, n, java.util.Arrays.copyOf(OPEN, OPEN.length - 1));
    }

    private static List<Opportunity> deals(long seed, int n, String[] stages) {
        Random r = new Random(seed);
        List<Opportunity> out = new ArrayList<>();
        LocalDate base = LocalDate.of(2024, 1, 1);
        for (int i = 0; i < n; i++) {
            LocalDate created = base.plusDays(r.nextInt(1000));
            Opportunity.Builder b = Opportunity.builder("K-" + i).owner("rep" + r.nextInt(5))
                    .stage(stages[r.nextInt(stages.length)]).amount(Money.ofMinor(r.nextInt(5) == 0 ? 0 : r.nextInt(10_000_000), "EUR"))
                    .created(created);
            if (r.nextBoolean()) {
                b.product(r.nextInt(6) == 0 ? " " : "p" + r.nextInt(3));
            }
            if (r.nextInt(3) == 0) {
                b.attribute("region", r.nextInt(5) == 0 ? "" : "R" + r.nextInt(3));
            }
            if (r.nextInt(6) == 0) {
                b.attribute("team", "attr-team");
            }
            LocalDate d = created.plusDays(r.nextInt(5));
            int changes = r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(6);
            for (int k = 0; k < changes; k++) {
                String stage = stages[r.nextInt(stages.length)];
                b.change(new StageChange(d, stage, r.nextInt(3) == 0 ? Money.ofMinor(r.nextInt(10_000_000), "EUR") : null,
                        r.nextInt(3) == 0 ? d.plusDays(r.nextInt(150) - 20) : null));
                d = d.plusDays(r.nextInt(60));
            }
            LocalDate close = d.plusDays(r.nextInt(120));
            switch (r.nextInt(3)) {
                case 0 -> b.closeDate(r.nextInt(4) == 0 ? null : close);
                case 1 -> {
                    b.stage(r.nextBoolean() ? "Closed Won" : "closed won").won(close);
                    if (changes > 0 && r.nextBoolean()) {
                        b.change(close, "Closed Won");
                    }
                }
                default -> {
                    b.stage("Closed Lost").lost(close);
                    if (changes > 0 && r.nextBoolean()) {
                        b.change(close, "Closed Lost");
                    }
                }
            }
            out.add(b.build());
        }
        return out;
    }

    private KpiDeals() {
    }
}
