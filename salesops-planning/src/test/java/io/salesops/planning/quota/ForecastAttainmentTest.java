package io.salesops.planning.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.comp.input.CompContext;
import io.salesops.comp.input.Credit;
import io.salesops.comp.plan.CompPlan;
import io.salesops.core.crm.Opportunity;
import io.salesops.core.money.Money;
import io.salesops.core.org.Org;
import io.salesops.core.org.Rep;
import io.salesops.core.period.Period;
import io.salesops.core.period.PeriodKind;
import io.salesops.forecast.pipeline.PipelineForecast;
import io.salesops.forecast.pipeline.SimulatedBookings;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ForecastAttainmentTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 12, 31);
    static final String[] OPEN = {"Prospecting", "Qualification", "Needs Analysis", "Proposal", "Negotiation"};

    /**
     * A CRM export for the reps of {@link PlanCostTest#context}: two years of closed deals (wins and losses, sizes
     * lognormal, one rep with none at all) and an open pipeline closing across the plan year, some past due.
     */
    static List<Opportunity> pipeline(CompContext ctx, long seed) {
        Random rnd = new Random(seed);
        List<Opportunity> out = new ArrayList<>();
        int id = 0;
        for (Rep rep : ctx.org().reps()) {
            if (rep.id().endsWith("-1")) {
                continue; // a rep with no deals: books nothing
            }
            double size = Math.exp(rnd.nextGaussian() * 0.6) * 4_000_000;
            int deals = 10 + rnd.nextInt(40);
            for (int i = 0; i < deals; i++) {
                LocalDate created = LocalDate.of(2025, 1, 1).plusDays(rnd.nextInt(700));
                LocalDate close = created.plusDays(20 + rnd.nextInt(250));
                Money amount = Money.ofMinor(Math.max(100, Math.round(size * Math.exp(rnd.nextGaussian() * 0.8))), "USD");
                Opportunity.Builder b = Opportunity.builder("D-" + id++).owner(rep.id()).amount(amount).created(created);
                if (close.isAfter(AS_OF) || rnd.nextInt(8) == 0) {
                    b.stage(OPEN[rnd.nextInt(OPEN.length)]).closeDate(close);
                } else if (rnd.nextInt(3) == 0) {
                    b.stage("Closed Won").won(close);
                } else {
                    b.stage("Closed Lost").lost(close);
                }
                out.add(b.build());
            }
        }
        return out;
    }

    static PipelineForecast forecast(CompContext ctx, long seed) {
        return PipelineForecast.of(pipeline(ctx, seed)).method(io.salesops.forecast.pipeline.PipelineMethod.STAGE_WEIGHTED).asOf(AS_OF).byOwner(ctx.org()).learnedProbabilities();
    }

    @Test
    void separablePlan_eachSimulatedYearsTotal_isWhatTheEnginePaysForItsCredits() {
        CompContext ctx = PlanCostTest.context(20, 5);
        CompPlan plan = PlanCostTest.bundled("ae-marginal.yaml");
        PlanCost cost = PlanCost.builder(ctx, ForecastAttainment.of(forecast(ctx, 1), 1)).simulations(60, 3).build();
        CostReport r = cost.run(List.of(plan));
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).startsWith("pipeline forecast as of 2026-12-31"));
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).startsWith("exact pay tables"));
        for (int k = 0; k < 60; k += 6) {
            assertThat(r.totals()[k]).as("simulation %d", k).isEqualTo(PlanCostTest.engineYear(cost, plan, ctx, k));
        }
        assertThat(r.payoutP10().minorUnits()).isLessThanOrEqualTo(r.payoutP90().minorUnits());
    }

    @Test
    void planWithADraw_isPaidByTheEngineInFull() {
        CompContext ctx = PlanCostTest.context(6, 7);
        CompPlan plan = PlanCostTest.bundled("new-hire-draw.yaml");
        PlanCost cost = PlanCost.builder(ctx, ForecastAttainment.of(forecast(ctx, 2), 2)).simulations(8, 4).build();
        CostReport r = cost.run(List.of(plan));
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("in full, because a draw"));
        for (int k = 0; k < 8; k += 3) {
            assertThat(r.totals()[k]).isEqualTo(PlanCostTest.engineYear(cost, plan, ctx, k));
        }
    }

    @Test
    void creditsOfSimulatedYearK_areEachRepsForecastBookingsOfSimulationK_onTheGrid() {
        CompContext ctx = PlanCostTest.context(8, 9);
        PipelineForecast f = forecast(ctx, 3);
        int step = 5;
        int sims = 40;
        long seed = 17;
        PlanCost cost = PlanCost.builder(ctx, ForecastAttainment.of(f, step)).simulations(sims, seed).build();
        // the forecast's own draws, with the per-period seeds the model documents (drawn from the plan cost's seed)
        java.util.SplittableRandom seeds = new java.util.SplittableRandom(seed);
        List<SimulatedBookings> byPeriod = new ArrayList<>();
        for (Period p : cost.periods()) {
            byPeriod.add(f.currency(java.util.Currency.getInstance("USD")).period(p).simulations(sims, seeds.nextLong())
                    .simulateByOwner());
        }
        int k = 23;
        List<Credit> credits = cost.credits(k);
        int checked = 0;
        for (int p = 0; p < cost.periods().size(); p++) {
            Period period = cost.periods().get(p);
            for (Rep rep : cost.reps()) {
                long quota = ctx.quotas().quota(rep.id(), period).map(Money::minorUnits).orElse(0L);
                long booked = byPeriod.get(p).bookings(rep.id(), k).minorUnits();
                long credited = credits.stream().filter(c -> c.payeeId().equals(rep.id())
                                && PlanCostTest.CAL.periodOf(c.date(), PeriodKind.QUARTER).equals(period))
                        .mapToLong(c -> c.amount().minorUnits()).sum();
                if (quota == 0) {
                    assertThat(credited).isZero();
                    continue;
                }
                // within half a grid step of quota (plus the cent the credit was rounded by) of what was booked
                assertThat(Math.abs(credited - Math.max(0, booked))).as("%s in %s", rep.id(), period)
                        .isLessThanOrEqualTo(quota * step / 200 + 1);
                checked += booked > 0 ? 1 : 0;
            }
        }
        assertThat(checked).isGreaterThan(5);
    }

    @Test
    void sameSeed_sameTotals_onOneThreadOrTwo() {
        CompContext ctx = PlanCostTest.context(10, 11);
        CompPlan plan = PlanCostTest.bundled("ae-marginal.yaml");
        long[] one = PlanCost.builder(ctx, ForecastAttainment.of(forecast(ctx, 4), 1)).simulations(100, 5).threads(1)
                .build().run(List.of(plan)).totals();
        long[] two = PlanCost.builder(ctx, ForecastAttainment.of(forecast(ctx, 4).threads(2), 1)).simulations(100, 5)
                .threads(2).build().run(List.of(plan)).totals();
        assertThat(two).isEqualTo(one);
    }

    @Test
    void gridPoint_roundsHalfUp_capsAt1000Percent_andCountsNothingWithoutQuota() {
        assertThat(ForecastAttainment.gridPoint(1_005, 1_000, 1, 1000)).isEqualTo(101); // 100.5% -> 101
        assertThat(ForecastAttainment.gridPoint(1_004, 1_000, 1, 1000)).isEqualTo(100);
        assertThat(ForecastAttainment.gridPoint(1_075, 1_000, 5, 200)).isEqualTo(22);  // 107.5% / 5 = 21.5 -> 22
        assertThat(ForecastAttainment.gridPoint(999_999, 1_000, 1, 1000)).isEqualTo(1000);
        assertThat(ForecastAttainment.gridPoint(10_000, 1_000, 3, 333)).isEqualTo(333);
        assertThat(ForecastAttainment.gridPoint(5_000, 0, 1, 1000)).isZero();
        assertThat(ForecastAttainment.gridPoint(-5_000, 1_000, 1, 1000)).isZero();
    }

    @Test
    void aForecastInAnotherCurrency_isRefusedNamingADeal() {
        CompContext ctx = PlanCostTest.context(3, 1);
        List<Opportunity> eur = List.of(Opportunity.builder("E-1").owner("ae-0").amount(Money.of("1000.00", "EUR"))
                .created(LocalDate.of(2026, 10, 1)).stage("Proposal").closeDate(LocalDate.of(2027, 2, 1)).build());
        PipelineForecast f = PipelineForecast.of(eur).method(io.salesops.forecast.pipeline.PipelineMethod.STAGE_WEIGHTED).asOf(AS_OF).byOwner(ctx.org());
        assertThatThrownBy(() -> PlanCost.builder(ctx, ForecastAttainment.of(f, 1)).simulations(5, 1).build())
                .hasMessageContaining("E-1");
        assertThatThrownBy(() -> ForecastAttainment.of(f, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("grid step 0%");
    }
}
