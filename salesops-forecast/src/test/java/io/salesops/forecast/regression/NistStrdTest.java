package io.salesops.forecast.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Accuracy against the eleven NIST StRD linear-regression problems, scored by the log relative
 * error (correct significant digits). Certified values are read from the data files' headers.
 * Skips when the shared data directory is absent.
 */
class NistStrdTest {

    private static final Map<String, String> REPORT = new TreeMap<>();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"norris", "pontius", "noint1", "noint2", "filip", "longley",
            "wampler1", "wampler2", "wampler3", "wampler4", "wampler5"})
    void fit_nistDataset_reachesCertifiedDigits(String dataset) throws IOException {
        Path file = nistDir().resolve(dataset + ".txt");
        assumeTrue(Files.isRegularFile(file), "NIST StRD data not found at " + file + "; skipping");
        Dataset d = Dataset.parse(file);

        LinearRegression model = LinearRegression.of(d.y).withIntercept(d.intercept);
        if (d.polynomial) {
            model = model.polynomial("x", d.x[0], d.estimates.length - 1);
        } else {
            for (int j = 0; j < d.x.length; j++) {
                model = model.regressor(d.xNames[j], d.x[j]);
            }
        }
        RegressionResult fit = model.fit();

        double coef = Double.POSITIVE_INFINITY;
        double se = Double.POSITIVE_INFINITY;
        double[] b = fit.coefficients();
        double[] s = fit.standardErrors();
        for (int j = 0; j < b.length; j++) {
            coef = Math.min(coef, lre(b[j], d.estimates[j]));
            se = Math.min(se, lre(s[j], d.standardErrors[j]));
        }
        double sd = lre(fit.residualStandardDeviation(), d.residualSd);
        double r2 = lre(fit.rSquared(), d.rSquared);
        double required = dataset.equals("filip") ? 7.0 : 9.0;
        String line = String.format(Locale.ROOT, "%-9s coef %5.1f  se %5.1f  resSD %5.1f  R2 %5.1f  (cond %.1e, %d refinement steps)",
                dataset, coef, se, sd, r2, fit.conditionNumber(), fit.refinementSteps());
        REPORT.put(dataset, line);
        System.out.println("NIST min LRE " + line);

        assertThat(coef).as("min LRE of coefficients on %s", dataset).isGreaterThanOrEqualTo(required);
        assertThat(se).as("min LRE of standard errors on %s", dataset).isGreaterThanOrEqualTo(required);
        assertThat(sd).as("LRE of residual SD on %s", dataset).isGreaterThanOrEqualTo(required);
        assertThat(r2).as("LRE of R-squared on %s", dataset).isGreaterThanOrEqualTo(required);
    }

    @AfterAll
    static void printReport() {
        if (!REPORT.isEmpty()) {
            System.out.println("NIST StRD minimum log relative error (digits) per dataset:");
            REPORT.values().forEach(l -> System.out.println("  " + l));
        }
    }

    /** Correct significant digits, capped at 15 (an exact match). */
    static double lre(double estimate, double certified) {
        double err = certified == 0.0 ? Math.abs(estimate) : Math.abs(estimate - certified) / Math.abs(certified);
        return err == 0.0 ? 15.0 : Math.min(15.0, -Math.log10(err));
    }

    static Path nistDir() {
        String prop = System.getProperty("salesops.shared.dir");
        List<Path> candidates = new ArrayList<>();
        if (prop != null) {
            candidates.add(Path.of(prop));
        }
        candidates.add(Path.of("../shared"));
        candidates.add(Path.of("../../shared"));
        for (Path c : candidates) {
            Path dir = c.resolve("data/nist-strd");
            if (Files.isDirectory(dir)) {
                return dir;
            }
        }
        return candidates.get(0).resolve("data/nist-strd");
    }

    /** One parsed NIST file. */
    static final class Dataset {
        boolean intercept = true;
        boolean polynomial;
        double[] estimates;
        double[] standardErrors;
        double residualSd;
        double rSquared;
        String[] xNames;
        double[][] x;
        double[] y;

        static Dataset parse(Path file) throws IOException {
            Dataset d = new Dataset();
            List<String> lines = Files.readAllLines(file);
            List<double[]> rows = new ArrayList<>();
            String[] header = null;
            for (String line : lines) {
                if (line.isBlank()) {
                    continue;
                }
                if (line.startsWith("#")) {
                    String text = line.substring(1).trim();
                    if (text.startsWith("model:")) {
                        d.intercept = !text.contains("no intercept");
                        d.polynomial = text.contains("powers");
                    } else if (text.startsWith("certified estimates")) {
                        d.estimates = numbers(text);
                    } else if (text.startsWith("certified standard deviations")) {
                        d.standardErrors = numbers(text);
                    } else if (text.startsWith("certified residual standard deviation")) {
                        d.residualSd = numbers(text)[0];
                    } else if (text.startsWith("certified R-squared")) {
                        d.rSquared = numbers(text)[0];
                    }
                } else if (header == null) {
                    header = line.split(",");
                } else {
                    rows.add(Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray());
                }
            }
            int n = rows.size();
            d.y = new double[n];
            d.xNames = Arrays.copyOfRange(header, 1, header.length);
            d.x = new double[header.length - 1][n];
            for (int i = 0; i < n; i++) {
                d.y[i] = rows.get(i)[0];
                for (int j = 1; j < header.length; j++) {
                    d.x[j - 1][i] = rows.get(i)[j];
                }
            }
            return d;
        }

        private static double[] numbers(String text) {
            String values = text.substring(text.lastIndexOf(':') + 1).trim();
            return Arrays.stream(values.split("\\s+")).mapToDouble(Double::parseDouble).toArray();
        }
    }
}
