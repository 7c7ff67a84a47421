package io.salesops.forecast.timeseries;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every 14th series of the M3 monthly development half (51 series), 18 steps ahead. The bounds are
 * the published NAIVE2 score on that half (17.44) and the 80/95 nominal levels with generous slack:
 * a subset is noisier than the full half, and the full half is measured by M3Evaluation.
 */
class M3SubsetTest {

    private static final List<TimeSeries> TRAIN = new ArrayList<>();
    private static final List<double[]> TEST = new ArrayList<>();

    @BeforeAll
    static void load() throws IOException {
        Path csv = Stream.of(System.getProperty("salesops.shared.dir"), "../shared", "../../shared")
                .filter(d -> d != null)
                .map(d -> Path.of(d, "data", "m3", "m3_monthly_dev.csv"))
                .filter(Files::exists).findFirst().orElse(null);
        Assumptions.assumeTrue(csv != null,
                "M3 data not found under salesops.shared.dir, ../shared or ../../shared: skipping M3 subset test");
        List<String> lines = Files.readAllLines(csv);
        for (int i = 1; i < lines.size(); i += 14) {
            String[] f = lines.get(i).split(",");
            TRAIN.add(TimeSeries.of(f[0], 12, Integer.parseInt(f[3]), Math.max(1, Integer.parseInt(f[4])), numbers(f[6])));
            TEST.add(numbers(f[7]));
        }
    }

    private static double[] numbers(String field) {
        return Arrays.stream(field.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    }

    @Test
    void auto_onM3Subset_beatsNaive2ScoreAndCoversRoughlyAtNominalLevels() {
        List<ForecastResult> results = BatchForecast.of(TRAIN).configure(f -> f.horizon(18).levels(80, 95)).run();
        double smape = 0;
        double naiveSmape = 0;
        double cover80 = 0;
        double cover95 = 0;
        for (int i = 0; i < TRAIN.size(); i++) {
            ForecastResult r = results.get(i);
            double[] actual = TEST.get(i);
            smape += ForecastMetrics.smape(actual, r.points());
            naiveSmape += ForecastMetrics.smape(actual,
                    Forecast.of(TRAIN.get(i)).method(Method.SEASONAL_NAIVE).horizon(18).run().points());
            cover80 += ForecastMetrics.coverage(actual, r.interval(80).lower(), r.interval(80).upper());
            cover95 += ForecastMetrics.coverage(actual, r.interval(95).lower(), r.interval(95).upper());
        }
        int n = TRAIN.size();
        assertThat(n).isEqualTo(51);
        assertThat(smape / n).isLessThan(17.44).isLessThan(naiveSmape / n);
        assertThat(cover80 / n).isBetween(0.65, 0.95);
        assertThat(cover95 / n).isBetween(0.80, 1.0);
    }
}
