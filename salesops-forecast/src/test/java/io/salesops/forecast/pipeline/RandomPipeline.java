package io.salesops.forecast.pipeline;

import io.salesops.core.crm.ForecastCategory;
import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.StageChange;
import io.salesops.core.money.Money;
import io.salesops.core.org.Org;
import io.salesops.core.org.Rep;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random but valid pipelines for property tests: a 3-level org and deals of every status, some with history. */
final class RandomPipeline {
    static final Org ORG = Org.of(List.of(Rep.of("vp", null), Rep.of("m1", "vp"), Rep.of("m2", "vp"),
            Rep.of("a", "m1"), Rep.of("b", "m1"), Rep.of("c", "m2"), Rep.of("d", "m2")));
    static final String[] OWNERS = {"vp", "m1", "m2", "a", "b", "c", "d"};
    static final String[] OPEN = {"Prospecting", "Qualification", "Needs Analysis", "Proposal", "Negotiation"};
    static final String[] PRODUCTS = {"core", "addon", "services"};

    private RandomPipeline() {
    }

    static List<Opportunity> make(long seed, int n) {
        Random r = new Random(seed);
        List<Opportunity> out = new ArrayList<>();
        LocalDate base = LocalDate.of(2025, 7, 1);
        for (int i = 0; i < n; i++) {
            LocalDate created = base.plusDays(r.nextInt(420));
            Opportunity.Builder b = Opportunity.builder("O-" + i).owner(OWNERS[r.nextInt(OWNERS.length)])
                    .amount(Money.ofMinor(r.nextInt(5) == 0 ? r.nextInt(100) : r.nextInt(100_000_000), "USD"))
                    .created(created).product(PRODUCTS[r.nextInt(PRODUCTS.length)]);
            String stage = OPEN[r.nextInt(OPEN.length)];
            boolean withHistory = r.nextBoolean();
            if (withHistory) {
                b.change(new StageChange(created, stage, null, created.plusDays(10 + r.nextInt(120))));
            }
            int outcome = r.nextInt(3);
            LocalDate close = created.plusDays(r.nextInt(200));
            if (outcome == 0) {
                b.stage(stage).closeDate(r.nextInt(6) == 0 ? null : close);
                if (r.nextInt(4) == 0) {
                    b.forecastCategory(ForecastCategory.values()[r.nextInt(ForecastCategory.values().length - 1)]);
                }
            } else if (outcome == 1) {
                if (withHistory) {
                    b.change(close, "Closed Won");
                }
                b.stage("Closed Won").won(close);
            } else {
                if (withHistory) {
                    b.change(close, "Closed Lost");
                }
                b.stage("Closed Lost").lost(close);
            }
            out.add(b.build());
        }
        return out;
    }
}
