package io.salesops.examples.sample;

import static io.salesops.examples.sample.SampleExport.roundTo;
import static io.salesops.examples.sample.SampleRoster.INDUSTRIES;
import static io.salesops.examples.sample.SampleRoster.PREFIXES;
import static io.salesops.examples.sample.SampleRoster.SUFFIXES;
import static io.salesops.examples.sample.SampleRoster.people;
import static io.salesops.examples.sample.SimulatedRecords.WON;

import io.salesops.core.money.Money;
import io.salesops.examples.sample.SampleCompany.Role;
import io.salesops.examples.sample.SampleRoster.Person;
import io.salesops.examples.sample.SampleRoster.Segment;
import io.salesops.examples.sample.SimulatedRecords.Acct;
import io.salesops.examples.sample.SimulatedRecords.Deal;
import io.salesops.examples.sample.SimulatedRecords.Event;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Simulates the sample company day by day. Each opportunity's whole life is simulated when it is created;
 * the CRM export then keeps only what was known at the end of {@link SampleCompany#AS_OF}.
 *
 * <p>Random draws are doubles (they model people, not money); every amount is rounded to whole dollars in a
 * {@code long} before it becomes {@link Money}. Only {@link SplittableRandom#nextLong()} and
 * {@link SplittableRandom#nextDouble()} are used, whose algorithms the JDK specifies, so the data set is the
 * same on every JDK. Not thread-safe; one instance per generation.
 */
final class Generator {

    /** Probability of leaving each open stage forward (Negotiation: winning), before skill and season. */
    private static final double[] ADVANCE_NEW = {0.62, 0.72, 0.78, 0.70, 0.74};
    private static final double[] ADVANCE_EXPANSION = {0.75, 0.80, 0.85, 0.80, 0.80};
    private static final double[] ADVANCE_RENEWAL = {0.97, 0.97, 0.97, 0.96, 0.97};
    /** Opportunity creation by calendar month, January first: a slow January, a busy autumn, a quiet December. */
    private static final double[] SEASON = {0.85, 0.95, 1.05, 0.95, 1.0, 1.05, 0.9, 0.85, 1.1, 1.15, 1.1, 0.8};
    /** Spread of deal sizes around the segment's median (log scale). */
    private static final double AMOUNT_SIGMA = 0.45;
    /**
     * The simulation starts a year before the data, so that on {@link SampleCompany#DATA_START} the pipeline,
     * the renewal calendar and new hires' ramps are already in steady state.
     */
    static final LocalDate WARM_UP = SampleCompany.DATA_START.minusYears(1);

    private final long seed;
    private final SampleDraws draws;
    private final DealLife life;
    private final List<Person> people = people();
    private final Map<String, Person> byId = new LinkedHashMap<>();
    private final List<Acct> accounts = new ArrayList<>();
    private final Map<String, List<Acct>> books = new LinkedHashMap<>();
    private final Set<String> accountNames = new HashSet<>();
    private final List<Deal> deals = new ArrayList<>();
    private final TreeMap<LocalDate, List<Deal>> renewalsDue = new TreeMap<>();
    private final Map<LocalDate, Double> macro = new TreeMap<>();

    Generator(long seed) {
        this.seed = seed;
        this.draws = new SampleDraws(new SplittableRandom(seed));
        this.life = new DealLife(draws);
        for (Person p : people) {
            byId.put(p.id(), p);
            books.put(p.id(), new ArrayList<>());
        }
    }

    SampleCompany generate() {
        double x = 0;
        for (LocalDate m = WARM_UP.withDayOfMonth(1); !m.isAfter(SampleCompany.AS_OF); m = m.plusMonths(1)) {
            // Demand swings with the economy from month to month: an AR(1) process on the log scale.
            x = 0.7 * x + 0.08 * draws.gaussian();
            macro.put(m, Math.exp(x));
        }
        installedBase();
        for (LocalDate d = WARM_UP; !d.isAfter(SampleCompany.AS_OF); d = d.plusDays(1)) {
            handOverBooks(d);
            double dayFactor = SEASON[d.getMonthValue() - 1] * macro.get(d.withDayOfMonth(1)) * growth(d)
                    * (DealLife.isWeekend(d) ? 0.08 : 7.0 / 5.0 * 0.98);
            for (Person p : people) {
                if (p.role() != Role.AE || !p.activeOn(d)) {
                    continue;
                }
                double rate = p.segment().oppsPerMonth * 12 / 365.0 * dayFactor * ramp(p, d) * p.activity();
                if (p.end() != null && ChronoUnit.DAYS.between(d, p.end()) < 60) {
                    rate *= 0.5; // leavers wind down
                }
                int n = draws.poisson(rate);
                for (int i = 0; i < n; i++) {
                    createDeal(p, d);
                }
            }
            List<Deal> due = renewalsDue.remove(d);
            if (due != null) {
                for (Deal prior : due) {
                    createRenewal(prior, d);
                }
            }
        }
        return new SampleExport(seed, people, accounts, deals, draws::uniform, this::successorOf).build();
    }

    // ---------------------------------------------------------------- deals

    private void createDeal(Person ae, LocalDate d) {
        List<Acct> book = books.get(ae.id());
        Acct account = null;
        String type = "new";
        if (draws.uniform() < 0.30) {
            account = pick(book, a -> a.customerSince != null && !a.customerSince.isAfter(d.minusDays(60)) && idle(a, d));
            if (account != null) {
                type = "expansion";
            }
        }
        if (account == null && draws.uniform() < 0.30) {
            // Back to a prospect that did not buy before.
            account = pick(book, a -> a.customerSince == null && idle(a, d));
        }
        if (account == null) {
            account = newAccount(ae);
        }
        String product;
        double u = draws.uniform();
        if (type.equals("new")) {
            product = u < 0.70 ? "Platform" : u < 0.90 ? "Analytics" : "Add-ons";
        } else {
            product = u < 0.15 ? "Platform" : u < 0.60 ? "Analytics" : "Add-ons";
        }
        double v = draws.uniform();
        String source = type.equals("expansion") ? (v < 0.7 ? "Customer" : "AE")
                : v < 0.40 ? "Inbound" : v < 0.70 ? "Outbound" : v < 0.80 ? "Partner" : "AE";
        String sdr = source.equals("Outbound") ? sdrFor(ae, d) : null;
        Deal deal = new Deal(deals.size(), account, ae, d, type, product, source, sdr);
        Segment seg = account.segment;
        double productFactor = product.equals("Platform") ? 1.0 : product.equals("Analytics") ? 0.55 : 0.25;
        double typeFactor = type.equals("expansion") ? 0.7 : 1.0;
        double median = seg.medianAmount * productFactor * typeFactor * (1 + 0.05 * years(d));
        long amount = roundTo(median * Math.exp(AMOUNT_SIGMA * draws.gaussian()), 100, 1_000);
        int stage = source.equals("Inbound") || source.equals("Partner") || source.equals("Customer")
                ? (draws.uniform() < 0.5 ? 1 : 0) : 0;
        double cycle = seg.cycleDays * (type.equals("expansion") ? 0.7 : 1.0) * Math.exp(0.25 * draws.gaussian());
        LocalDate expected = d.plusDays(Math.max(7, Math.round(cycle * (0.7 + 0.4 * draws.uniform()))));
        if (draws.uniform() < 0.6) {
            expected = expected.with(TemporalAdjusters.lastDayOfMonth());
        }
        life.simulate(deal, stage, amount, expected, cycle, advanceOdds(type), seg.winOdds);
        deals.add(deal);
        account.busyUntil = deal.closed();
        if (deal.won()) {
            if (account.customerSince == null || deal.closed().isBefore(account.customerSince)) {
                account.customerSince = deal.closed();
            }
            scheduleRenewal(deal);
        }
    }

    /**
     * The customers won in the year before the simulation starts. They have accounts, renew a year after they
     * were won and can be expanded, so the simulated business does not start from an empty customer base.
     */
    private void installedBase() {
        LocalDate start = WARM_UP;
        for (Person ae : people) {
            if (ae.role() != Role.AE || !ae.activeOn(start) || ae.segment() == Segment.SMB) {
                continue;
            }
            double expectedWins = ae.segment().oppsPerMonth * 12 * 0.7 * 0.7 * 0.25 * ae.activity() * 0.85;
            int n = draws.poisson(expectedWins);
            for (int i = 0; i < n; i++) {
                Acct account = newAccount(ae);
                LocalDate won = DealLife.weekday(start.minusDays(1 + (long) (draws.uniform() * 364)), start.minusDays(400));
                account.customerSince = won;
                account.busyUntil = won;
                String product = "Platform";
                long amount = roundTo(account.segment.medianAmount * 0.95 * Math.exp(AMOUNT_SIGMA * draws.gaussian()), 100, 1_000);
                Deal prior = new Deal(-1, account, ae, won, "new", product, "AE", null);
                prior.events.add(new Event(won, WON, amount, won));
                scheduleRenewal(prior);
            }
        }
    }

    private void createRenewal(Deal prior, LocalDate d) {
        Acct account = prior.account;
        Person owner = byId.get(account.owner);
        if (!owner.activeOn(d)) {
            owner = byId.get(successorOf(owner.id(), d));
        }
        LocalDate renewalDate = prior.closed().plusYears(1);
        Deal deal = new Deal(deals.size(), account, owner, d, "renewal", prior.product, "Customer", null);
        long amount = roundTo(prior.last().amount() * (0.97 + 0.13 * draws.uniform()), 100, 1_000);
        double cycle = Math.max(10, ChronoUnit.DAYS.between(d, renewalDate) * 0.95);
        life.simulate(deal, 1, amount, renewalDate, cycle, ADVANCE_RENEWAL, 1.0);
        deals.add(deal);
        if (account.busyUntil == null || deal.closed().isAfter(account.busyUntil)) {
            account.busyUntil = deal.closed();
        }
        if (deal.won()) {
            scheduleRenewal(deal);
        }
    }

    private void scheduleRenewal(Deal deal) {
        if (!deal.product.equals("Platform") || deal.type.equals("expansion") || deal.account.segment == Segment.SMB) {
            // Only Platform contracts of Mid-Market and Enterprise customers are renewed by a sales deal: SMB
            // renews by card, Analytics is billed by usage, add-ons are one-off, expansions co-terminate.
            return;
        }
        LocalDate create = deal.closed().plusYears(1).minusDays(60 + (long) (draws.uniform() * 31));
        LocalDate earliest = deal.closed().plusDays(1).isAfter(WARM_UP) ? deal.closed().plusDays(1) : WARM_UP;
        if (create.isBefore(earliest)) {
            create = earliest;
        }
        if (!create.isAfter(SampleCompany.AS_OF)) {
            renewalsDue.computeIfAbsent(create, k -> new ArrayList<>()).add(deal);
        }
    }

    private double[] advanceOdds(String type) {
        return type.equals("expansion") ? ADVANCE_EXPANSION : ADVANCE_NEW;
    }

    private static double ramp(Person p, LocalDate d) {
        long months = ChronoUnit.MONTHS.between(p.start(), d);
        return months < 1 ? 0.3 : months < 2 ? 0.5 : months < 3 ? 0.7 : months < 4 ? 0.85 : 1.0;
    }

    private static double growth(LocalDate d) {
        return 1 + 0.08 * years(d);
    }

    private static double years(LocalDate d) {
        return ChronoUnit.DAYS.between(SampleCompany.DATA_START, d) / 365.25;
    }

    private static boolean idle(Acct a, LocalDate d) {
        return a.busyUntil == null || a.busyUntil.isBefore(d);
    }

    // ---------------------------------------------------------------- accounts and people

    private Acct newAccount(Person ae) {
        String name = accountName(ae);
        String id = String.format("ACC-%05d", accounts.size() + 1);
        Segment seg = ae.segment();
        double u = draws.uniform();
        if (u < 0.10 && seg != Segment.SMB) {
            seg = Segment.values()[seg.ordinal() - 1];
        } else if (u > 0.95 && seg != Segment.ENTERPRISE) {
            seg = Segment.values()[seg.ordinal() + 1];
        }
        Acct a = new Acct(id, name, INDUSTRIES[(int) (draws.uniform() * INDUSTRIES.length)], seg, ae.region(), ae.id());
        accounts.add(a);
        books.get(ae.id()).add(a);
        return a;
    }

    private String accountName(Person ae) {
        String legal = switch (ae.territory()) {
            case "DACH" -> " GmbH";
            case "UKI" -> " Ltd";
            case "FRANCE" -> " SAS";
            case "NORDICS" -> " AB";
            case "JAPAN" -> " KK";
            case "ANZ" -> " Pty Ltd";
            case "SEA" -> " Pte Ltd";
            case "CANADA" -> " Corp";
            default -> " Inc";
        };
        for (int attempt = 0; ; attempt++) {
            String name = PREFIXES[(int) (draws.uniform() * PREFIXES.length)] + " " + SUFFIXES[(int) (draws.uniform() * SUFFIXES.length)]
                    + (draws.uniform() < 0.5 ? legal : "");
            if (attempt > 20) {
                name = name + " " + (accounts.size() + 1);
            }
            if (accountNames.add(name)) {
                return name;
            }
        }
    }

    private Acct pick(List<Acct> book, java.util.function.Predicate<Acct> ok) {
        // Sample a few accounts rather than scanning the whole book: cheap and still deterministic.
        if (book.isEmpty()) {
            return null;
        }
        for (int i = 0; i < 6; i++) {
            Acct a = book.get((int) (draws.uniform() * book.size()));
            if (ok.test(a)) {
                return a;
            }
        }
        return null;
    }

    private String sdrFor(Person ae, LocalDate d) {
        List<Person> sdrs = new ArrayList<>();
        for (Person p : people) {
            if (p.role() == Role.SDR && p.region().equals(ae.region()) && p.activeOn(d)) {
                sdrs.add(p);
            }
        }
        for (Person p : sdrs) {
            if (p.territory().equals(ae.territory())) {
                return p.id();
            }
        }
        return sdrs.isEmpty() ? null : sdrs.get((int) (draws.uniform() * sdrs.size())).id();
    }

    /** On a leaver's first day gone, their accounts move to their successor. */
    private void handOverBooks(LocalDate d) {
        for (Person p : people) {
            if (p.end() != null && p.end().plusDays(1).equals(d)) {
                String to = successorOf(p.id(), d);
                for (Acct a : books.get(p.id())) {
                    a.owner = to;
                    books.get(to).add(a);
                }
                books.get(p.id()).clear();
            }
        }
    }

    private String successorOf(String id, LocalDate d) {
        Person p = byId.get(id);
        while (p.end() != null && p.end().isBefore(d) && p.successor() != null) {
            p = byId.get(p.successor());
        }
        return p.id();
    }
}
