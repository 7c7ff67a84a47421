package io.salesops.planning.quota;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.comp.engine.CalculationResult;
import io.salesops.comp.engine.CommissionEngine;
import io.salesops.comp.engine.CompState;
import io.salesops.comp.file.PlanFiles;
import io.salesops.comp.file.PlanFormat;
import io.salesops.comp.input.CompContext;
import io.salesops.comp.input.Credit;
import io.salesops.comp.plan.CompPlan;
import io.salesops.core.crm.Quota;
import io.salesops.core.crm.Quotas;
import io.salesops.core.money.Money;
import io.salesops.core.org.Org;
import io.salesops.core.org.Rep;
import io.salesops.core.period.FiscalCalendar;
import io.salesops.core.period.Period;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PlanCostTest {

    static final FiscalCalendar CAL = FiscalCalendar.calendarYear();

    static CompPlan bundled(String name) {
        return PlanFiles.read(PlanFiles.example(name), name, PlanFormat.YAML);
    }

    /** Reps with quarterly quotas of different sizes, one joining mid-year. */
    static CompContext context(int reps, long seed) {
        Random rnd = new Random(seed);
        List<Rep> rs = new ArrayList<>();
        List<Quota> qs = new ArrayList<>();
        for (int i = 0; i < reps; i++) {
            LocalDate start = i == 0 ? LocalDate.of(2027, 5, 10) : LocalDate.of(2022, 1, 1);
            rs.add(new Rep("ae-" + i, null, null, null, null, start, null));
            for (int q = 1; q <= 4; q++) {
                long cents = 5_000_000L + rnd.nextInt(40_000_000);
                qs.add(new Quota("ae-" + i, CAL.quarter(2027, q), Money.ofMinor(i == 0 && q == 1 ? 0 : cents, "USD")));
            }
        }
        return CompContext.of(Org.of(rs), Quotas.of(qs));
    }

    /** Skewed attainment: most reps 60-120%, a tail to 250%, some zero quarters. */
    static HistoricalAttainment history(long seed, int step) {
        Random rnd = new Random(seed);
        List<HistoricalAttainment.Observation> obs = new ArrayList<>();
        for (int rep = 0; rep < 40; rep++) {
            double skill = Math.exp(rnd.nextGaussian() * 0.35);
            for (int year = 2024; year <= 2026; year++) {
                for (int q = 1; q <= 4; q++) {
                    double a = rnd.nextInt(15) == 0 ? 0 : Math.max(0, 90 * skill + rnd.nextGaussian() * 25);
                    obs.add(new HistoricalAttainment.Observation("h" + rep, CAL.quarter(year, q),
                            BigDecimal.valueOf(Math.round(a * 10), 1)));
                }
            }
        }
        return HistoricalAttainment.of(obs, 4, step);
    }

    /** What the engine pays simulated year {@code k}, period after period with state carried. */
    static long engineYear(PlanCost cost, CompPlan plan, CompContext ctx, int k) {
        List<Credit> credits = cost.credits(k);
        CompState state = CompState.empty();
        long total = 0;
        for (Period p : cost.periods()) {
            CalculationResult r = CommissionEngine.calculate(plan, ctx, credits, p, state);
            total += r.totalEarned().minorUnits();
            state = r.state();
        }
        return total;
    }

    @Test
    void separablePlan_eachSimulatedYearsTotal_isWhatTheEnginePaysForItsCredits() {
        CompContext ctx = context(25, 1);
        CompPlan plan = bundled("ae-marginal.yaml");
        PlanCost cost = PlanCost.builder(ctx, history(2, 1)).simulations(40, 11).build();
        CostReport r = cost.run(List.of(plan));
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).startsWith("exact pay tables"));
        for (int k = 0; k < 40; k += 7) {
            assertThat(r.totals()[k]).as("simulation %d", k).isEqualTo(engineYear(cost, plan, ctx, k));
        }
        assertThat(r.payoutP10().minorUnits()).isLessThanOrEqualTo(r.payoutP50().minorUnits());
        assertThat(r.payoutP50().minorUnits()).isLessThanOrEqualTo(r.payoutP90().minorUnits());
        assertThat(r.steepest()).hasSize(3);
    }

    @Test
    void planWithADraw_isPaidByTheEngineInFull_andSaysWhy() {
        CompContext ctx = context(6, 3);
        CompPlan plan = bundled("new-hire-draw.yaml");
        PlanCost cost = PlanCost.builder(ctx, history(4, 5)).simulations(5, 2).build();
        CostReport r = cost.run(List.of(plan));
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("in full, because a draw"));
        assertThat(r.totals()[3]).isEqualTo(engineYear(cost, plan, ctx, 3));
    }

    @Test
    void sameSeed_sameReport_onOneThreadOrTwo_andPlansCompareOnTheSameYears() {
        CompContext ctx = context(12, 4);
        CompPlan plan = bundled("ae-marginal.yaml");
        CostReport one = PlanCost.builder(ctx, history(6, 2)).simulations(200, 9).threads(1).build().run(List.of(plan));
        CostReport two = PlanCost.builder(ctx, history(6, 2)).simulations(200, 9).threads(2).build().run(List.of(plan));
        assertThat(one.totals()).isEqualTo(two.totals());
        assertThat(one.bookingsP50()).isEqualTo(two.bookingsP50());
        CompPlan richer = plan.toBuilder().build();
        assertThat(PlanCost.builder(ctx, history(6, 2)).simulations(200, 9).build().run(List.of(richer)).atQuotaMean())
                .isEqualTo(one.atQuotaMean());
    }

    @Test
    void bookingsAndRepsAtQuota_doNotDependOnThePlan_norOnWhetherTablesPaidIt() {
        CompContext ctx = context(8, 6);
        PlanCost cost = PlanCost.builder(ctx, history(3, 1)).simulations(30, 4).build();
        CostReport tables = cost.run(List.of(bundled("ae-marginal.yaml")));
        CostReport engine = cost.run(List.of(bundled("new-hire-draw.yaml")));
        assertThat(tables.notes()).anySatisfy(n -> assertThat(n).startsWith("exact pay tables"));
        assertThat(engine.notes()).anySatisfy(n -> assertThat(n).contains("in full, because"));
        assertThat(tables.bookingsP50()).isEqualTo(engine.bookingsP50());
        assertThat(tables.atQuotaMean()).isEqualTo(engine.atQuotaMean());
        assertThat(tables.atQuotaP10()).isEqualTo(engine.atQuotaP10());
        long booked = cost.credits(7).stream().mapToLong(c -> c.amount().minorUnits()).sum();
        assertThat(booked).isPositive();
    }

    @Test
    void creditsOfASimulatedYear_areQuotaTimesAttainmentOnTheGrid() {
        CompContext ctx = context(3, 8);
        PlanCost cost = PlanCost.builder(ctx, history(1, 5)).simulations(3, 1).build();
        for (Credit c : cost.credits(2)) {
            Period q = CAL.periodOf(c.date(), io.salesops.core.period.PeriodKind.QUARTER);
            Money quota = ctx.quotas().quota(c.payeeId(), q).orElseThrow();
            BigDecimal pct = c.amount().amount().multiply(BigDecimal.valueOf(100)).divide(quota.amount(), 6, java.math.RoundingMode.HALF_UP);
            // a multiple of the 5% grid step, up to the half cent the amount was rounded by
            double rem = pct.remainder(BigDecimal.valueOf(5)).doubleValue();
            assertThat(Math.min(rem, 5 - rem)).isLessThan(0.01);
            assertThat(c.date()).isEqualTo(q.end());
        }
    }
}
