package io.salesops.forecast.synthetic;

import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.StageChange;
import io.salesops.core.money.Money;
import io.salesops.core.org.Org;
import io.salesops.core.org.Rep;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A synthetic CRM history for backtests: a VP, three managers and twelve reps of different skill, pace, deal
 * size and volume; seasonal deal creation with growth; deals that move through the default stage model with
 * stage history, expected close dates that reps set optimistically and push when they pass (slips), losses at
 * every stage, and an end-of-quarter push of deals that are nearly done. Deterministic for a seed.
 */
public final class SyntheticCrm {

    static final String[] STAGES = {"Prospecting", "Qualification", "Needs Analysis", "Proposal", "Negotiation"};
    /** Probability of moving on from each stage for an average rep; overall win rate about 0.22. */
    static final double[] ADVANCE = {0.65, 0.70, 0.75, 0.75, 0.85};
    /** Mean days in each stage. */
    static final double[] DAYS = {12, 15, 20, 18, 14};
    static final double[] SEASON = {0.8, 0.9, 1.0, 0.9, 1.0, 1.1, 0.8, 0.8, 1.1, 1.2, 1.2, 0.9};

    private SyntheticCrm() {
    }

    /** The org: vp, managers m1..m3, reps r01..r12 (four per manager). */
    public static Org org() {
        List<Rep> reps = new ArrayList<>();
        reps.add(Rep.of("vp", null));
        for (int m = 1; m <= 3; m++) {
            reps.add(Rep.of("m" + m, "vp"));
        }
        for (int r = 1; r <= 12; r++) {
            reps.add(new Rep(rep(r), null, "m" + ((r - 1) / 4 + 1), "team" + ((r - 1) / 4 + 1), r % 2 == 0 ? "east" : "west", null, null));
        }
        return Org.of(reps);
    }

    static String rep(int r) {
        return String.format("r%02d", r);
    }

    /**
     * Generates the deals created from {@code start} to {@code end}, as the CRM holds them at the end of
     * {@code end}: later events are not yet known, so some deals are still open.
     */
    public static List<Opportunity> generate(long seed, LocalDate start, LocalDate end) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int reps = 12;
        double[] skill = new double[reps];
        double[] pace = new double[reps];
        double[] size = new double[reps];
        double[] volume = new double[reps];
        double[] optimism = new double[reps];
        for (int r = 0; r < reps; r++) {
            skill[r] = 0.6 + 0.9 * rnd.nextDouble();
            pace[r] = 0.8 + 0.6 * rnd.nextDouble();
            size[r] = 8_000 + 30_000 * rnd.nextDouble();
            volume[r] = 1.0 + 2.5 * rnd.nextDouble();
            optimism[r] = 0.5 + 0.5 * rnd.nextDouble();
        }
        List<Opportunity> out = new ArrayList<>();
        int seq = 0;
        for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
            double years = ChronoUnit.DAYS.between(start, d) / 365.0;
            double season = SEASON[d.getMonthValue() - 1] * (1 + 0.12 * years);
            for (int r = 0; r < reps; r++) {
                int n = RandomDraws.poisson(rnd, volume[r] / 7 * season);
                for (int k = 0; k < n; k++) {
                    out.add(deal(rnd, "D-" + (++seq), rep(r + 1), d, end, skill[r], pace[r], size[r], optimism[r]));
                }
            }
        }
        return out;
    }

    private static Opportunity deal(SplittableRandom rnd, String id, String owner, LocalDate created, LocalDate end,
                                    double skill, double pace, double size, double optimism) {
        double u = rnd.nextDouble();
        String product = u < 0.6 ? "core" : u < 0.85 ? "addon" : "services";
        double mult = product.equals("core") ? 1 : product.equals("addon") ? 0.4 : 0.6;
        long dollars = Math.max(500, Math.round(size * mult * Math.exp(0.7 * RandomDraws.gaussian(rnd))));
        Money amount = Money.ofMinor(dollars * 100, "USD");
        Opportunity.Builder b = Opportunity.builder(id).owner(owner).amount(amount).created(created).product(product)
                .type(rnd.nextDouble() < 0.3 ? "expansion" : "new");
        double remaining = 0;
        for (double x : DAYS) {
            remaining += x;
        }
        LocalDate expected = created.plusDays(Math.round(remaining * pace * optimism));
        LocalDate t = created;
        List<StageChange> h = new ArrayList<>();
        h.add(new StageChange(created, STAGES[0], null, expected));
        for (int s = 0; s < STAGES.length; s++) {
            double pAdvance = Math.pow(ADVANCE[s], 1 / skill);
            boolean advance = rnd.nextDouble() < pAdvance;
            double mean = DAYS[s] * pace * (advance ? 1 : 1.6);
            long days = 1 + Math.round(-mean * Math.log(1 - rnd.nextDouble()) * 0.5 - mean * Math.log(1 - rnd.nextDouble()) * 0.5);
            LocalDate next = t.plusDays(days);
            // the rep pushes the expected close date each time it passes while the deal sits in this stage
            while (expected.isBefore(next)) {
                LocalDate push = expected.plusDays(1);
                if (push.isAfter(end)) {
                    break;
                }
                expected = push.plusDays(14 + rnd.nextInt(30));
                h.add(new StageChange(push, STAGES[s], null, expected));
            }
            if (next.isAfter(end)) {
                return open(b, h, STAGES[s], expected);
            }
            t = next;
            remaining -= DAYS[s];
            if (!advance) {
                h.add(StageChange.of(t, "Closed Lost"));
                return close(b, h, "Closed Lost", t, false);
            }
            if (s + 1 < STAGES.length) {
                LocalDate estimate = t.plusDays(Math.max(1, Math.round(remaining * pace * optimism)));
                expected = estimate.isAfter(expected) ? estimate : expected;
                h.add(new StageChange(t, STAGES[s + 1], null, expected));
            }
        }
        // won: nearly-done deals are often held to the quarter end
        LocalDate quarterEnd = t.with(IsoFields.DAY_OF_QUARTER, 1).plusMonths(3).minusDays(1);
        if (ChronoUnit.DAYS.between(t, quarterEnd) < 20 && rnd.nextDouble() < 0.4) {
            LocalDate held = quarterEnd.minusDays(rnd.nextInt(3));
            t = held.isAfter(t) ? held : t;
        }
        if (t.isAfter(end)) {
            return open(b, h, STAGES[STAGES.length - 1], expected);
        }
        h.add(StageChange.of(t, "Closed Won"));
        return close(b, h, "Closed Won", t, true);
    }

    private static Opportunity open(Opportunity.Builder b, List<StageChange> h, String stage, LocalDate expected) {
        for (StageChange c : h) {
            b.change(c);
        }
        return b.stage(stage).closeDate(expected).build();
    }

    private static Opportunity close(Opportunity.Builder b, List<StageChange> h, String stage, LocalDate date, boolean won) {
        for (StageChange c : h) {
            b.change(c);
        }
        b.stage(stage);
        return (won ? b.won(date) : b.lost(date)).build();
    }
}
