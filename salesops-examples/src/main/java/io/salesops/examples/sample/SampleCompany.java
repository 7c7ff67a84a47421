package io.salesops.examples.sample;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.salesops.core.crm.Account;
import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.Quota;
import io.salesops.core.crm.Quotas;
import io.salesops.core.crm.StageChange;
import io.salesops.core.crm.StageModel;
import io.salesops.core.money.Money;
import io.salesops.core.org.Org;
import io.salesops.core.org.Rep;
import io.salesops.core.period.FiscalCalendar;
import io.salesops.core.period.Period;
import io.salesops.core.period.PeriodKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A generated, deterministic data set of a B2B software company ("Northwind Cloud"), for demos, examples,
 * tests and backtests.
 *
 * <p>The company: a VP of Sales, four regional directors (AMER East, AMER West, EMEA, APAC) and, under them,
 * account executives (who own opportunities and carry quarterly quotas) and SDRs (who source outbound deals,
 * recorded in the {@code sdr} attribute, and carry no money quota) — 43 people in three levels, including
 * leavers and new hires who ramp. The opportunities are those created from {@link #DATA_START} to
 * {@link #AS_OF} and those open on {@link #DATA_START}; they move through the
 * {@linkplain StageModel#defaultModel() default stage model}: stages are skipped and regressed, deals are lost at every stage, expected close dates slip, amounts change at Proposal and
 * Negotiation, deals are pulled into the end of the quarter (most of all in Q4), won subscriptions renew a
 * year later. Reps differ in skill and activity; demand has seasonality, growth and random macro swings.
 * The data set is the CRM as it stood at the end of {@link #AS_OF}: later events are not known, so deals that
 * close later are open.
 *
 * <p>All amounts are in USD; the fiscal year is the calendar year. {@link #get()} returns the data set of
 * {@link #SEED}, which is also bundled as CSV under {@code /sample/} on the class path ({@link #bundled}).
 *
 * <p>Immutable and thread-safe.
 */
public final class SampleCompany {

    /** The seed of the standard data set. */
    public static final long SEED = 20260515L;
    /** The day the data set was "exported": the CRM as it stood at the end of this day. */
    public static final LocalDate AS_OF = LocalDate.of(2026, 5, 15);
    /**
     * The day the CRM data starts: the data set holds the opportunities created on or after this day and
     * those created earlier that were still open on it (as after a CRM migration).
     */
    public static final LocalDate DATA_START = LocalDate.of(2023, 10, 1);
    /** The first month of the bookings series. */
    public static final LocalDate FIRST_BOOKINGS_MONTH = LocalDate.of(2023, 10, 1);
    /** The currency of every amount. */
    public static final Currency CURRENCY = Currency.getInstance("USD");
    /** The names of the bundled CSV files, in the order {@link #writeCsv(Path)} writes them. */
    public static final List<String> FILES = List.of("org.csv", "accounts.csv", "opportunities.csv",
            "stage_history.csv", "quotas.csv", "bookings.csv");
    /** The regions, in display order. */
    public static final List<String> REGIONS = List.of("AMER", "EMEA", "APAC");
    /** The name of the bookings series that sums the regions. */
    public static final String TOTAL_SERIES = "Total";

    /** The job of a person in the sample org. */
    public enum Role {
        /** The head of sales, root of the org. */
        VP,
        /** A regional director, who manages AEs and SDRs. */
        DIRECTOR,
        /** An account executive: owns opportunities, carries a quota. */
        AE,
        /** A sales development rep: sources outbound opportunities for AEs, carries no money quota. */
        SDR
    }

    private static volatile SampleCompany standard;

    private final long seed;
    private final Org org;
    private final Map<String, Role> roles;
    private final Map<String, String> regions;
    private final List<Account> accounts;
    private final List<Opportunity> opportunities;
    private final Quotas quotas;
    private final SortedMap<String, SortedMap<LocalDate, Money>> bookings;

    SampleCompany(long seed, Org org, Map<String, Role> roles, Map<String, String> regions, List<Account> accounts,
                  List<Opportunity> opportunities, Quotas quotas) {
        this.seed = seed;
        this.org = org;
        this.roles = Map.copyOf(roles);
        this.regions = Map.copyOf(regions);
        this.accounts = List.copyOf(accounts);
        this.opportunities = List.copyOf(opportunities);
        this.quotas = quotas;
        this.bookings = monthlyBookings(this.opportunities, this.regions);
    }

    /**
     * The standard data set, generated from {@link #SEED} once and cached.
     *
     * @return the data set, never null
     */
    public static SampleCompany get() {
        SampleCompany s = standard;
        if (s == null) {
            synchronized (SampleCompany.class) {
                s = standard;
                if (s == null) {
                    s = generate(SEED);
                    standard = s;
                }
            }
        }
        return s;
    }

    /**
     * Generates the data set of another seed: the same org, quotas and dynamics, different deals. Equal seeds
     * give equal data sets on every run and JVM.
     *
     * @param seed the random seed
     * @return a new data set
     */
    public static SampleCompany generate(long seed) {
        return new Generator(seed).generate();
    }

    /** @return the seed this data set was generated from */
    public long seed() {
        return seed;
    }

    /** @return the CRM export date, {@link #AS_OF} */
    public LocalDate asOf() {
        return AS_OF;
    }

    /** @return the fiscal calendar: the calendar year */
    public FiscalCalendar calendar() {
        return FiscalCalendar.calendarYear();
    }

    /** @return the stage model the deals move through: {@link StageModel#defaultModel()} */
    public StageModel stageModel() {
        return StageModel.defaultModel();
    }

    /** @return the quarter that contains {@link #AS_OF}: 2026-Q2, half over, with closed and open deals */
    public Period currentQuarter() {
        return calendar().periodOf(AS_OF, PeriodKind.QUARTER);
    }

    /** @return the org: VP, directors, AEs and SDRs, with teams and territories */
    public Org org() {
        return org;
    }

    /**
     * The role of a person.
     *
     * @throws NoSuchElementException naming the id if it is not in the org
     */
    public Role role(String repId) {
        Role r = roles.get(repId);
        if (r == null) {
            throw new NoSuchElementException("rep " + repId + " is not in the sample org");
        }
        return r;
    }

    /**
     * The region (AMER, EMEA, APAC) of a person; the VP's is {@code GLOBAL}.
     *
     * @throws NoSuchElementException naming the id if it is not in the org
     */
    public String region(String repId) {
        String r = regions.get(repId);
        if (r == null) {
            throw new NoSuchElementException("rep " + repId + " is not in the sample org");
        }
        return r;
    }

    /** @return the people with this role, in org order */
    public List<Rep> reps(Role role) {
        return org.reps().stream().filter(r -> roles.get(r.id()) == role).toList();
    }

    /** @return the accounts, in order of creation */
    public List<Account> accounts() {
        return accounts;
    }

    /** @return every opportunity, ordered by created date then id */
    public List<Opportunity> opportunities() {
        return opportunities;
    }

    /** @return the quarterly quotas of the AEs, for every quarter they were employed in, 2023-Q4 to 2026-Q4 */
    public Quotas quotas() {
        return quotas;
    }

    /**
     * Monthly bookings (won amounts by close month) per region and in total, from
     * {@link #FIRST_BOOKINGS_MONTH} to the last full month before {@link #AS_OF}.
     *
     * @return series name ({@link #REGIONS} and {@link #TOTAL_SERIES}) to month start to amount, unmodifiable
     */
    public SortedMap<String, SortedMap<LocalDate, Money>> monthlyBookings() {
        return bookings;
    }

    /**
     * Writes the data set as CSV files into {@code dir} (created if missing), overwriting {@link #FILES}:
     * <ul>
     *   <li>{@code org.csv}: {@code rep,name,manager,team,territory,start_date,end_date} (SDRs are in the
     *       {@code *-sdr} teams; AEs are the reps with quotas)</li>
     *   <li>{@code accounts.csv}: {@code id,name,industry,segment,region,owner}</li>
     *   <li>{@code opportunities.csv}: {@code id,name,account,owner,stage,amount,currency,created_date,
     *       close_date,status,forecast_category,product,type,region,segment,lead_source,sdr}</li>
     *   <li>{@code stage_history.csv}: {@code opportunity_id,date,stage,amount,close_date}, every row with the
     *       amount and expected close date in force from that day</li>
     *   <li>{@code quotas.csv}: {@code rep,period,amount,currency} with quarters like {@code 2026-Q2}</li>
     *   <li>{@code bookings.csv}: {@code series,period,value}, monthly, long format, one series per region
     *       plus {@code Total}</li>
     * </ul>
     * Dates are ISO ({@code 2026-05-15}), amounts plain decimals ({@code 48200.00}), lines end in LF, UTF-8.
     *
     * @param dir the directory, not null
     * @throws UncheckedIOException if a file cannot be written
     */
    public void writeCsv(Path dir) {
        Objects.requireNonNull(dir, "dir");
        try {
            Files.createDirectories(dir);
            try (CsvWriter w = writer(dir.resolve("org.csv"))) {
                w.writeRecord("rep", "name", "manager", "team", "territory", "start_date", "end_date");
                for (Rep r : org.reps()) {
                    w.writeRecord(r.id(), r.name(), str(r.managerId()), str(r.team()), str(r.territory()),
                            str(r.startDate()), str(r.endDate()));
                }
            }
            try (CsvWriter w = writer(dir.resolve("accounts.csv"))) {
                w.writeRecord("id", "name", "industry", "segment", "region", "owner");
                for (Account a : accounts) {
                    w.writeRecord(a.id(), a.name(), str(a.industry()), str(a.segment()), str(a.region()), str(a.ownerId()));
                }
            }
            try (CsvWriter w = writer(dir.resolve("opportunities.csv"))) {
                w.writeRecord("id", "name", "account", "owner", "stage", "amount", "currency", "created_date",
                        "close_date", "status", "forecast_category", "product", "type", "region", "segment",
                        "lead_source", "sdr");
                for (Opportunity o : opportunities) {
                    w.writeRecord(o.id(), o.name(), str(o.accountId()), o.ownerId(), o.stage(),
                            o.amount().amount().toPlainString(), o.amount().currency().getCurrencyCode(),
                            o.createdDate().toString(), str(o.closeDate()), o.status().name().toLowerCase(Locale.ROOT),
                            o.forecastCategory(stageModel()).label(), str(o.product()), str(o.type()),
                            attr(o, "region"), attr(o, "segment"), attr(o, "lead_source"), attr(o, "sdr"));
                }
            }
            try (CsvWriter w = writer(dir.resolve("stage_history.csv"))) {
                w.writeRecord("opportunity_id", "date", "stage", "amount", "close_date");
                for (Opportunity o : opportunities) {
                    for (StageChange c : o.history()) {
                        w.writeRecord(o.id(), c.date().toString(), c.stage(),
                                c.amount() == null ? "" : c.amount().amount().toPlainString(), str(c.closeDate()));
                    }
                }
            }
            try (CsvWriter w = writer(dir.resolve("quotas.csv"))) {
                w.writeRecord("rep", "period", "amount", "currency");
                for (Quota q : quotas.all()) {
                    w.writeRecord(q.repId(), q.period().toString(), q.amount().amount().toPlainString(),
                            q.amount().currency().getCurrencyCode());
                }
            }
            try (CsvWriter w = writer(dir.resolve("bookings.csv"))) {
                w.writeRecord("series", "period", "value");
                for (String series : seriesOrder()) {
                    for (Map.Entry<LocalDate, Money> e : bookings.get(series).entrySet()) {
                        w.writeRecord(series, calendar().periodOf(e.getKey(), PeriodKind.MONTH).toString(),
                                e.getValue().amount().toPlainString());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sample data to " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens one of the bundled CSV files of the standard data set ({@link #FILES}), which equal what
     * {@code get().writeCsv(dir)} writes.
     *
     * @param file a name from {@link #FILES}
     * @return the stream, to be closed by the caller
     * @throws IllegalArgumentException if the name is not one of {@link #FILES}
     * @throws UncheckedIOException     if the resource is missing from the class path
     */
    public static InputStream bundled(String file) {
        if (!FILES.contains(file)) {
            throw new IllegalArgumentException("\"" + file + "\" is not a bundled sample file; expected one of " + FILES);
        }
        InputStream in = SampleCompany.class.getResourceAsStream("/sample/" + file);
        if (in == null) {
            throw new UncheckedIOException(new IOException("bundled sample file /sample/" + file + " is missing from the class path"));
        }
        return in;
    }

    private List<String> seriesOrder() {
        List<String> order = new java.util.ArrayList<>(REGIONS);
        order.add(TOTAL_SERIES);
        return order;
    }

    private static SortedMap<String, SortedMap<LocalDate, Money>> monthlyBookings(List<Opportunity> opps, Map<String, String> regions) {
        LocalDate end = AS_OF.withDayOfMonth(1); // exclusive: the month of AS_OF is not over
        SortedMap<String, SortedMap<LocalDate, Money>> out = new TreeMap<>();
        List<String> series = new java.util.ArrayList<>(REGIONS);
        series.add(TOTAL_SERIES);
        for (String s : series) {
            SortedMap<LocalDate, Money> m = new TreeMap<>();
            for (LocalDate d = FIRST_BOOKINGS_MONTH; d.isBefore(end); d = d.plusMonths(1)) {
                m.put(d, Money.zero(CURRENCY));
            }
            out.put(s, m);
        }
        for (Opportunity o : opps) {
            if (!o.isWon()) {
                continue;
            }
            LocalDate month = o.closeDate().withDayOfMonth(1);
            if (month.isBefore(FIRST_BOOKINGS_MONTH) || !month.isBefore(end)) {
                continue;
            }
            String region = o.attributes().getOrDefault("region", regions.get(o.ownerId()));
            out.get(region).merge(month, o.amount(), Money::plus);
            out.get(TOTAL_SERIES).merge(month, o.amount(), Money::plus);
        }
        SortedMap<String, SortedMap<LocalDate, Money>> frozen = new TreeMap<>(Comparator.comparingInt(series::indexOf));
        out.forEach((k, v) -> frozen.put(k, Collections.unmodifiableSortedMap(v)));
        return Collections.unmodifiableSortedMap(frozen);
    }

    private static CsvWriter writer(Path file) throws IOException {
        return CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(file, StandardCharsets.UTF_8);
    }

    private static String attr(Opportunity o, String key) {
        return o.attributes().getOrDefault(key, "");
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    /** @return a one-line summary: counts of people, accounts, opportunities and quotas */
    @Override
    public String toString() {
        return "SampleCompany[seed " + seed + ", " + org.size() + " people, " + accounts.size() + " accounts, "
                + opportunities.size() + " opportunities, " + quotas.all().size() + " quotas, as of " + AS_OF + "]";
    }
}
