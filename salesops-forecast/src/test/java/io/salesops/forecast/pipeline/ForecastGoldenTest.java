package io.salesops.forecast.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.OpportunityTable;
import io.salesops.core.crm.Quota;
import io.salesops.core.crm.Quotas;
import io.salesops.core.money.Money;
import io.salesops.core.period.FiscalCalendar;
import io.salesops.core.period.Period;
import io.salesops.forecast.synthetic.SyntheticCrm;
import java.io.IOException;
import java.io.InputStream;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Forecasts of generated pipelines compared, by {@link ForecastFingerprint}, with the fingerprints the engine
 * produced before its split into node table, deal pass and not-yet-created model: every figure to the cent,
 * every explanation and the deal order must stay the same. The cases cover every path of the engine: fixed and
 * learned P(win) (with segments and value weights), close-date and learned timing, deals at unknown stages, roll-ups
 * by owner and by nested dimensions, not-yet-created bookings drawn or averaged, simulations, quotas, adjustments,
 * other rounding modes, and the parallel chunked pass (more than 65,536 deals on two threads).
 *
 * <p>A change that means to alter results regenerates the file with
 * {@code -Dsalesops.golden.write=<path of forecast-golden.txt>} and says why in its commit.
 */
class ForecastGoldenTest {

    static final Period Q3 = FiscalCalendar.calendarYear().parse("2026-Q3");
    static final String FILE = "forecast-golden.txt";

    static Map<String, Function<Long, ForecastReport>> cases() {
        Map<String, Function<Long, ForecastReport>> c = new LinkedHashMap<>();
        c.put("byOwner-fixed-closeDate-sims", seed -> PipelineForecast.of(RandomPipeline.make(seed, 400)).method(PipelineMethod.STAGE_WEIGHTED)
                .asOf(Q3.start().plusDays((int) (seed % 80))).period(Q3).byOwner(RandomPipeline.ORG)
                .timing(TimingSource.CLOSE_DATE).simulations(300, seed).threads(2).quotas(quotas()).run());
        c.put("byOwner-learned-segment-defaultTiming", seed -> PipelineForecast.of(RandomPipeline.make(seed, 400)).method(PipelineMethod.STAGE_WEIGHTED)
                .asOf(Q3.start().plusDays((int) (seed % 90) - 5)).period(Q3).byOwner(RandomPipeline.ORG)
                .learnedProbabilities().segmentBy("product").valueWeighted(seed % 2 == 0).priorStrength(3)
                .adjustments(List.of(new Adjustment("m1", Money.ofMinor(123_456_78, "USD"), "call", "vp",
                        Instant.parse("2026-07-02T10:00:00Z")))).run());
        c.put("byProductOwner-fixed-unknownStages-nyc", seed -> PipelineForecast.of(RandomPipeline.make(seed, 400)).method(PipelineMethod.STAGE_WEIGHTED)
                .asOf(Q3.start().plusDays((int) (seed % 60))).period(Q3).by("product", "owner").org(RandomPipeline.ORG)
                .notYetCreated(true, 2).simulations(257, seed + 1).simulateNotYetCreated(seed % 2 == 0)
                .rounding(RoundingMode.HALF_UP).threads(1).run());
        c.put("noGrouping-learnedTiming-history", seed -> {
            List<Opportunity> all = RandomPipeline.make(seed, 500);
            return PipelineForecast.of(all.subList(0, 250)).method(PipelineMethod.STAGE_WEIGHTED).history(all).asOf(Q3.start().plusDays(30)).period(Q3)
                    .timing(TimingSource.LEARNED).rounding(RoundingMode.DOWN).run();
        });
        c.put("synthetic-byOwner-learned", seed -> PipelineForecast.of(SyntheticCrm.generate(seed,
                        LocalDate.of(2024, 1, 1), LocalDate.of(2026, 7, 20))).method(PipelineMethod.STAGE_WEIGHTED)
                .asOf(LocalDate.of(2026, 7, 20)).period(Q3).byOwner(SyntheticCrm.org()).learnedProbabilities()
                .simulations(500, seed).run());
        c.put("synthetic-byTeam-fixed", seed -> PipelineForecast.of(SyntheticCrm.generate(seed,
                        LocalDate.of(2024, 1, 1), LocalDate.of(2026, 7, 20))).method(PipelineMethod.STAGE_WEIGHTED)
                .asOf(LocalDate.of(2026, 7, 20)).period(Q3).by("team").org(SyntheticCrm.org()).run());
        return c;
    }

    static Quotas quotas() {
        List<Quota> q = new ArrayList<>();
        for (String rep : List.of("a", "b", "c", "m1")) {
            q.add(new Quota(rep, Q3, Money.ofMinor(50_000_000_00L, "USD")));
        }
        return Quotas.of(q);
    }

    static Map<String, String> fingerprints() {
        Map<String, String> out = new LinkedHashMap<>();
        cases().forEach((name, run) -> {
            for (long seed = 1; seed <= 12; seed++) {
                out.put(name + " " + seed, ForecastFingerprint.of(run.apply(seed)));
            }
        });
        // more than one chunk of the parallel pass, on two threads and on one
        List<Opportunity> big = RandomPipeline.make(99, 140_000);
        for (int threads : new int[] {1, 2}) {
            out.put("parallel-byOwner " + threads, ForecastFingerprint.of(PipelineForecast.of(big).method(PipelineMethod.STAGE_WEIGHTED)
                    .asOf(Q3.start().plusDays(20)).period(Q3).byOwner(RandomPipeline.ORG).threads(threads)
                    .timing(TimingSource.CLOSE_DATE).notYetCreated(false, 1).run()));
            out.put("parallel-learned " + threads, ForecastFingerprint.of(PipelineForecast.of(big).method(PipelineMethod.STAGE_WEIGHTED)
                    .asOf(Q3.start().plusDays(20)).period(Q3).byOwner(RandomPipeline.ORG).threads(threads)
                    .learnedProbabilities().run()));
        }
        return out;
    }

    @Test
    void aColumnarTable_forecastsExactlyAsItsOpportunities() {
        for (long seed = 1; seed <= 6; seed++) {
            List<Opportunity> deals = RandomPipeline.make(seed, 300);
            OpportunityTable table = OpportunityTable.of(deals);
            for (Function<PipelineForecast, PipelineForecast> c : List.<Function<PipelineForecast, PipelineForecast>>of(
                    f -> f.byOwner(RandomPipeline.ORG).learnedProbabilities().segmentBy("product").simulations(200, 7),
                    f -> f.by("product", "owner").timing(TimingSource.CLOSE_DATE),
                    f -> f.byOwner(RandomPipeline.ORG).notYetCreated(true, 3))) {
                ForecastReport fromList = c.apply(PipelineForecast.of(deals).method(PipelineMethod.STAGE_WEIGHTED)).asOf(Q3.start().plusDays(seed * 9)).period(Q3).run();
                ForecastReport fromTable = c.apply(PipelineForecast.of(table).method(PipelineMethod.STAGE_WEIGHTED)).asOf(Q3.start().plusDays(seed * 9)).period(Q3).run();
                assertThat(ForecastFingerprint.text(fromTable)).isEqualTo(ForecastFingerprint.text(fromList));
            }
        }
    }

    @Test
    void everyForecast_isIdenticalToTheRecordedOne() throws IOException {
        Map<String, String> actual = fingerprints();
        String write = System.getProperty("salesops.golden.write");
        if (write != null) {
            StringBuilder sb = new StringBuilder();
            actual.forEach((k, v) -> sb.append(k).append(' ').append(v).append('\n'));
            Files.writeString(Path.of(write), sb.toString());
        }
        Map<String, String> expected = new LinkedHashMap<>();
        try (InputStream in = ForecastGoldenTest.class.getResourceAsStream(FILE)) {
            assertThat(in).as(FILE).isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int sp = line.lastIndexOf(' ');
                expected.put(line.substring(0, sp), line.substring(sp + 1));
            }
        }
        assertThat(actual).containsExactlyEntriesOf(expected);
    }
}
