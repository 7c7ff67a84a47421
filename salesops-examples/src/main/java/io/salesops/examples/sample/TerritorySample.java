package io.salesops.examples.sample;

import io.salesops.core.org.Rep;
import io.salesops.planning.territory.Account;
import io.salesops.planning.territory.AccountBook;
import io.salesops.planning.territory.TerritoryRep;
import io.salesops.planning.territory.WorkloadModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Territory files for the sample company: its accounts placed in cities of their region (big cities hold
 * more), with a country, a log-normal potential by segment, and no workload column (the workload model builds
 * it up from visits by segment); its active AEs as reps with a home city in their region (hires of the last
 * six months at half capacity); the current assignment is the CRM owner where that owner is an active AE;
 * rules put each account in its region's territory, the reps' {@code territory} column does the
 * same for reps. Deterministic (seeded from the company's seed).
 *
 * <p>{@code java ... TerritorySample [DIR]} writes them, by default to {@code docs/examples/territory}. Immutable.
 */
public final class TerritorySample {

    /** The files {@link #writeFiles(Path)} writes. */
    public static final List<String> FILES = List.of("accounts.csv", "reps.csv", "current.csv", "rules.yaml", "workload.csv");

    private static final Object[][] CITIES = {
        {"AMER", "New York", "US", 40.7128, -74.0060}, {"AMER", "Chicago", "US", 41.8781, -87.6298},
        {"AMER", "San Francisco", "US", 37.7749, -122.4194}, {"AMER", "Dallas", "US", 32.7767, -96.7970},
        {"AMER", "Toronto", "CA", 43.6532, -79.3832}, {"AMER", "Atlanta", "US", 33.7490, -84.3880},
        {"EMEA", "London", "GB", 51.5074, -0.1278}, {"EMEA", "Berlin", "DE", 52.5200, 13.4050},
        {"EMEA", "Paris", "FR", 48.8566, 2.3522}, {"EMEA", "Munich", "DE", 48.1351, 11.5820},
        {"EMEA", "Amsterdam", "NL", 52.3676, 4.9041}, {"EMEA", "Zurich", "CH", 47.3769, 8.5417},
        {"EMEA", "Vienna", "AT", 48.2082, 16.3738},
        {"APAC", "Sydney", "AU", -33.8688, 151.2093}, {"APAC", "Singapore", "SG", 1.3521, 103.8198},
        {"APAC", "Tokyo", "JP", 35.6762, 139.6503}, {"APAC", "Bangalore", "IN", 12.9716, 77.5946},
    };
    private static final Map<String, Double> MEDIAN_POTENTIAL = Map.of("Enterprise", 600_000.0, "Mid-Market", 150_000.0,
            "SMB", 30_000.0);

    private final List<Account> accounts;
    private final List<TerritoryRep> reps;
    private final Map<String, String> current;

    private TerritorySample(List<Account> accounts, List<TerritoryRep> reps, Map<String, String> current) {
        this.accounts = List.copyOf(accounts);
        this.reps = List.copyOf(reps);
        this.current = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(current));
    }

    /**
     * @param company the sample company, not null
     * @return its territory data
     */
    public static TerritorySample of(SampleCompany company) {
        Random rnd = new Random(company.seed() ^ 0x7e771702L);
        Map<String, List<Object[]>> cities = new HashMap<>();
        for (Object[] c : CITIES) {
            cities.computeIfAbsent((String) c[0], k -> new ArrayList<>()).add(c);
        }
        List<Account> accounts = new ArrayList<>();
        for (io.salesops.core.crm.Account a : company.accounts()) {
            List<Object[]> inRegion = cities.get(a.region());
            Object[] city = zipf(rnd, inRegion);
            double lat = (double) city[3] + rnd.nextGaussian() * 0.35;
            double lon = (double) city[4] + rnd.nextGaussian() * 0.45;
            double median = MEDIAN_POTENTIAL.getOrDefault(a.segment(), 50_000.0);
            long potential = Math.max(1000, Math.round(median * Math.exp(0.7 * rnd.nextGaussian()) / 1000) * 1000);
            accounts.add(new Account(a.id(), round4(Math.max(-89, Math.min(89, lat))), round4(lon),
                    BigDecimal.valueOf(potential), BigDecimal.ZERO, Map.of("segment", a.segment(),
                    "industry", a.industry(), "region", a.region(), "country", (String) city[2])));
        }
        List<TerritoryRep> reps = new ArrayList<>();
        Map<String, Integer> perRegion = new HashMap<>();
        for (Rep r : company.reps(SampleCompany.Role.AE)) {
            if (!r.isActiveOn(company.asOf())) {
                continue;
            }
            String region = company.region(r.id());
            int k = perRegion.merge(region, 1, Integer::sum) - 1;
            List<Object[]> inRegion = cities.get(region);
            Object[] city = inRegion.get(k % inRegion.size());
            boolean ramping = r.startDate() != null && r.startDate().isAfter(company.asOf().minusMonths(6));
            reps.add(new TerritoryRep(r.id(), round4((double) city[3] + rnd.nextGaussian() * 0.1),
                    round4((double) city[4] + rnd.nextGaussian() * 0.1), ramping ? new BigDecimal("0.5") : BigDecimal.ONE,
                    Map.of("territory", region, "city", (String) city[1])));
        }
        Map<String, String> current = new LinkedHashMap<>();
        java.util.Set<String> active = new java.util.HashSet<>();
        reps.forEach(r -> active.add(r.id()));
        for (io.salesops.core.crm.Account a : company.accounts()) {
            if (a.ownerId() != null && active.contains(a.ownerId())) {
                current.put(a.id(), a.ownerId());
            }
        }
        return new TerritorySample(accounts, reps, current);
    }

    private static Object[] zipf(Random rnd, List<Object[]> cities) {
        double total = 0;
        for (int i = 0; i < cities.size(); i++) {
            total += 1.0 / (i + 1);
        }
        double u = rnd.nextDouble() * total;
        for (int i = 0; i < cities.size(); i++) {
            u -= 1.0 / (i + 1);
            if (u <= 0) {
                return cities.get(i);
            }
        }
        return cities.get(cities.size() - 1);
    }

    private static double round4(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    /** @return the accounts (workload 0 until the workload model builds it up), unmodifiable */
    public List<Account> accounts() {
        return accounts;
    }

    /** @return the active AEs as reps, unmodifiable */
    public List<TerritoryRep> reps() {
        return reps;
    }

    /** @return account to its CRM owner, for owners who are active AEs, unmodifiable */
    public Map<String, String> current() {
        return current;
    }

    /** @return accounts, reps and current assignment as a book (no pinned accounts) */
    public AccountBook book() {
        return AccountBook.of(accounts, reps).withCurrent(current, java.util.Set.of());
    }

    /** The rules file: one territory per region. */
    public static final String RULES = """
            # Northwind Cloud's territories: one per region; reps join by their territory column.
            match: first
            rules:
              - region = AMER -> AMER
              - region = EMEA -> EMEA
              - region = APAC -> APAC
            """;

    /**
     * The workload model: visits a year and hours per visit by segment (Enterprise 12 x 3 h, Mid-Market 6 x 2 h,
     * SMB 2 x 1.5 h).
     *
     * @return the model
     */
    public static WorkloadModel workloadModel() {
        Map<String, WorkloadModel.Coverage> m = new LinkedHashMap<>();
        m.put("Enterprise", new WorkloadModel.Coverage(BigDecimal.valueOf(12), BigDecimal.valueOf(3)));
        m.put("Mid-Market", new WorkloadModel.Coverage(BigDecimal.valueOf(6), BigDecimal.valueOf(2)));
        m.put("SMB", new WorkloadModel.Coverage(BigDecimal.valueOf(2), new BigDecimal("1.5")));
        return WorkloadModel.of("segment", m);
    }

    /**
     * Writes {@link #FILES} into {@code dir}.
     *
     * @param dir the directory, created if missing
     * @throws UncheckedIOException if a file cannot be written
     */
    public void writeFiles(Path dir) {
        try {
            Files.createDirectories(dir);
            StringBuilder a = new StringBuilder("account,lat,lon,potential,segment,industry,region,country\n");
            for (Account x : accounts) {
                a.append(String.join(",", x.id(), num(x.lat()), num(x.lon()), x.potential().toPlainString(),
                        x.attribute("segment"), x.attribute("industry"), x.attribute("region"), x.attribute("country"))).append('\n');
            }
            Files.writeString(dir.resolve("accounts.csv"), a);
            StringBuilder r = new StringBuilder("rep,lat,lon,capacity,territory,city\n");
            for (TerritoryRep x : reps) {
                r.append(String.join(",", x.id(), num(x.lat()), num(x.lon()), x.capacity().toPlainString(),
                        x.attribute("territory"), x.attribute("city"))).append('\n');
            }
            Files.writeString(dir.resolve("reps.csv"), r);
            StringBuilder c = new StringBuilder("account,rep\n");
            current.forEach((k, v) -> c.append(k).append(',').append(v).append('\n'));
            Files.writeString(dir.resolve("current.csv"), c);
            Files.writeString(dir.resolve("rules.yaml"), RULES);
            StringBuilder w = new StringBuilder("segment,visits_per_year,hours_per_visit\n");
            workloadModel().segments().forEach((k, v) -> w.append(k).append(',').append(v.visitsPerYear().toPlainString())
                    .append(',').append(v.hoursPerVisit().toPlainString()).append('\n'));
            Files.writeString(dir.resolve("workload.csv"), w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /**
     * Writes the files for {@link SampleCompany#get()}.
     *
     * @param args optionally the target directory (default {@code docs/examples/territory})
     */
    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "docs/examples/territory");
        of(SampleCompany.get()).writeFiles(dir);
        System.out.println("wrote " + FILES + " to " + dir.toAbsolutePath().normalize());
    }
}
