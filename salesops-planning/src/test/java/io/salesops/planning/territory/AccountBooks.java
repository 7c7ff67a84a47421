package io.salesops.planning.territory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Generates account books with the pathologies of real ones: accounts clustered around cities of very
 * different sizes, heavily skewed potential (log-normal), workload only loosely tied to potential, reps
 * placed where the accounts are but not in proportion, and a current assignment by nearest rep (so the
 * big cities' reps are overloaded). Deterministic for a seed. Public for the benchmarks module (test-jar).
 */
public final class AccountBooks {

    private static final String[] SEGMENTS = {"Enterprise", "Mid-Market", "SMB"};
    private static final String[] COUNTRIES = {"DE", "AT", "CH", "FR", "NL", "GB"};

    private AccountBooks() {
    }

    /**
     * @param seed      the random seed
     * @param accounts  number of accounts
     * @param reps      number of reps
     * @param sigma     log-normal sigma of potential (1.0 = strongly skewed)
     */
    public static AccountBook generate(long seed, int accounts, int reps, double sigma) {
        Random rnd = new Random(seed);
        int cities = Math.max(2, Math.min(12, reps / 3 + 2));
        double[][] city = new double[cities][3];
        double weightSum = 0;
        for (int c = 0; c < cities; c++) {
            city[c][0] = 45 + rnd.nextDouble() * 10;
            city[c][1] = 2 + rnd.nextDouble() * 14;
            // Zipf-like city sizes: the first city is much bigger than the last.
            city[c][2] = 1.0 / (c + 1);
            weightSum += city[c][2];
        }
        List<Account> out = new ArrayList<>(accounts);
        for (int i = 0; i < accounts; i++) {
            int c = pick(rnd, city, weightSum);
            double lat = clamp(city[c][0] + rnd.nextGaussian() * 0.3, -89, 89);
            double lon = clamp(city[c][1] + rnd.nextGaussian() * 0.4, -179, 179);
            double pot = Math.exp(10 + sigma * rnd.nextGaussian());
            double work = 5 + 20 * Math.pow(pot / Math.exp(10), 0.3) * (0.5 + rnd.nextDouble());
            String segment = pot > Math.exp(10 + sigma) ? SEGMENTS[0] : pot > Math.exp(10) ? SEGMENTS[1] : SEGMENTS[2];
            out.add(new Account(String.format("A%05d", i), round4(lat), round4(lon),
                    BigDecimal.valueOf(Math.round(pot)), BigDecimal.valueOf(Math.round(work * 10), 1),
                    Map.of("segment", segment, "country", COUNTRIES[c % COUNTRIES.length])));
        }
        List<TerritoryRep> rs = new ArrayList<>(reps);
        // Reps roughly where the accounts are, by largest remainder of the city weights jittered by +-40%, at
        // least one per city: the nearest-rep assignment is then out of balance but repairable.
        int[] perCity = new int[cities];
        double[] share = new double[cities];
        double shareSum = 0;
        for (int c = 0; c < cities; c++) {
            share[c] = city[c][2] * (0.6 + 0.8 * rnd.nextDouble());
            shareSum += share[c];
        }
        int given = 0;
        for (int c = 0; c < cities; c++) {
            perCity[c] = Math.max(1, (int) Math.floor(share[c] / shareSum * reps));
            given += perCity[c];
        }
        for (int c = 0; given < reps; c = (c + 1) % cities) {
            perCity[c]++;
            given++;
        }
        for (int c = cities - 1; given > reps; c = c == 0 ? cities - 1 : c - 1) {
            if (perCity[c] > 1) {
                perCity[c]--;
                given--;
            }
        }
        int[] repCity = new int[reps];
        for (int c = 0, j = 0; c < cities; c++) {
            for (int k = 0; k < perCity[c]; k++) {
                repCity[j++] = c;
            }
        }
        for (int j = 0; j < reps; j++) {
            int c = repCity[j];
            rs.add(new TerritoryRep(String.format("R%03d", j), round4(city[c][0] + rnd.nextGaussian() * 0.25),
                    round4(city[c][1] + rnd.nextGaussian() * 0.3), BigDecimal.ONE, Map.of()));
        }
        AccountBook book = AccountBook.of(out, rs);
        Map<String, String> current = new LinkedHashMap<>();
        for (Account a : out) {
            TerritoryRep best = null;
            double bestD = Double.MAX_VALUE;
            for (TerritoryRep r : rs) {
                double d = GroupProblem.haversineMetres(a, r);
                if (d < bestD) {
                    bestD = d;
                    best = r;
                }
            }
            current.put(a.id(), best.id());
        }
        return book.withCurrent(current, Set.of());
    }

    /** Writes accounts.csv, reps.csv and current.csv of {@code book} into {@code dir}. */
    static void writeCsv(AccountBook book, java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Files.createDirectories(dir);
        StringBuilder a = new StringBuilder("account,lat,lon,potential,workload,segment,country\n");
        for (Account x : book.accounts()) {
            a.append(x.id()).append(',').append(x.lat()).append(',').append(x.lon()).append(',')
                    .append(x.potential().toPlainString()).append(',').append(x.workload().toPlainString()).append(',')
                    .append(x.attribute("segment")).append(',').append(x.attribute("country")).append('\n');
        }
        java.nio.file.Files.writeString(dir.resolve("accounts.csv"), a);
        StringBuilder r = new StringBuilder("rep,lat,lon,capacity\n");
        for (TerritoryRep x : book.reps()) {
            r.append(x.id()).append(',').append(x.lat()).append(',').append(x.lon()).append(',')
                    .append(x.capacity().toPlainString()).append('\n');
        }
        java.nio.file.Files.writeString(dir.resolve("reps.csv"), r);
        StringBuilder c = new StringBuilder("account,rep\n");
        book.current().forEach((k, v) -> c.append(k).append(',').append(v).append('\n'));
        java.nio.file.Files.writeString(dir.resolve("current.csv"), c);
    }

    /** Writes a generated book: {@code DIR SEED ACCOUNTS REPS [SIGMA]}. */
    public static void main(String[] args) throws java.io.IOException {
        writeCsv(generate(Long.parseLong(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                args.length > 4 ? Double.parseDouble(args[4]) : 1.0), java.nio.file.Path.of(args[0]));
    }

    private static int pick(Random rnd, double[][] city, double weightSum) {
        double u = rnd.nextDouble() * weightSum;
        for (int c = 0; c < city.length; c++) {
            u -= city[c][2];
            if (u <= 0) {
                return c;
            }
        }
        return city.length - 1;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static double round4(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
