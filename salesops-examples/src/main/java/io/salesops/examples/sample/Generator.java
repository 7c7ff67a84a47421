package io.salesops.examples.sample;

import static io.salesops.examples.sample.SampleExport.roundTo;
import static io.salesops.examples.sample.SampleRoster.INDUSTRIES;
import static io.salesops.examples.sample.SampleRoster.PREFIXES;
import static io.salesops.examples.sample.SampleRoster.SUFFIXES;
import static io.salesops.examples.sample.SampleRoster.people;
import static io.salesops.examples.sample.SimulatedRecords.LOST;
import static io.salesops.examples.sample.SimulatedRecords.NEGOTIATION;
import static io.salesops.examples.sample.SimulatedRecords.OPEN_STAGES;
import static io.salesops.examples.sample.SimulatedRecords.PROPOSAL;
import static io.salesops.examples.sample.SimulatedRecords.WON;

import io.salesops.core.money.Money;
import io.salesops.core.period.FiscalCalendar;
import io.salesops.core.period.Period;
import io.salesops.core.period.PeriodKind;
import io.salesops.examples.sample.SampleCompany.Role;
import io.salesops.examples.sample.SampleRoster.Person;
import io.salesops.examples.sample.SampleRoster.Segment;
import io.salesops.examples.sample.SimulatedRecords.Acct;
import io.salesops.examples.sample.SimulatedRecords.Deal;
import io.salesops.examples.sample.SimulatedRecords.Event;
import java.time.DayOfWeek;
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

    /** Share of a deal's sales cycle spent in each open stage. */
    private static final double[] STAGE_SHARE = {0.15, 0.20, 0.20, 0.25, 0.20};
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
    private final SplittableRandom rnd;
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
        this.rnd = new SplittableRandom(seed);
        for (Person p : people) {
            byId.put(p.id(), p);
            books.put(p.id(), new ArrayList<>());
        }
    }

    SampleCompany generate() {
        double x = 0;
        for (LocalDate m = WARM_UP.withDayOfMonth(1); !m.isAfter(SampleCompany.AS_OF); m = m.plusMonths(1)) {
            // Demand swings with the economy from month to month: an AR(1) process on the log scale.
            x = 0.7 * x + 0.08 * gaussian();
            macro.put(m, Math.exp(x));
        }
        installedBase();
        for (LocalDate d = WARM_UP; !d.isAfter(SampleCompany.AS_OF); d = d.plusDays(1)) {
            handOverBooks(d);
            double dayFactor = SEASON[d.getMonthValue() - 1] * macro.get(d.withDayOfMonth(1)) * growth(d)
                    * (isWeekend(d) ? 0.08 : 7.0 / 5.0 * 0.98);
            for (Person p : people) {
                if (p.role() != Role.AE || !p.activeOn(d)) {
                    continue;
                }
                double rate = p.segment().oppsPerMonth * 12 / 365.0 * dayFactor * ramp(p, d) * p.activity();
                if (p.end() != null && ChronoUnit.DAYS.between(d, p.end()) < 60) {
                    rate *= 0.5; // leavers wind down
                }
                int n = poisson(rate);
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
        return new SampleExport(seed, people, accounts, deals, this::uniform, this::successorOf).build();
    }

    // ---------------------------------------------------------------- deals

    private void createDeal(Person ae, LocalDate d) {
        List<Acct> book = books.get(ae.id());
        Acct account = null;
        String type = "new";
        if (uniform() < 0.30) {
            account = pick(book, a -> a.customerSince != null && !a.customerSince.isAfter(d.minusDays(60)) && idle(a, d));
            if (account != null) {
                type = "expansion";
            }
        }
        if (account == null && uniform() < 0.30) {
            // Back to a prospect that did not buy before.
            account = pick(book, a -> a.customerSince == null && idle(a, d));
        }
        if (account == null) {
            account = newAccount(ae);
        }
        String product;
        double u = uniform();
        if (type.equals("new")) {
            product = u < 0.70 ? "Platform" : u < 0.90 ? "Analytics" : "Add-ons";
        } else {
            product = u < 0.15 ? "Platform" : u < 0.60 ? "Analytics" : "Add-ons";
        }
        double v = uniform();
        String source = type.equals("expansion") ? (v < 0.7 ? "Customer" : "AE")
                : v < 0.40 ? "Inbound" : v < 0.70 ? "Outbound" : v < 0.80 ? "Partner" : "AE";
        String sdr = source.equals("Outbound") ? sdrFor(ae, d) : null;
        Deal deal = new Deal(deals.size(), account, ae, d, type, product, source, sdr);
        Segment seg = account.segment;
        double productFactor = product.equals("Platform") ? 1.0 : product.equals("Analytics") ? 0.55 : 0.25;
        double typeFactor = type.equals("expansion") ? 0.7 : 1.0;
        double median = seg.medianAmount * productFactor * typeFactor * (1 + 0.05 * years(d));
        long amount = roundTo(median * Math.exp(AMOUNT_SIGMA * gaussian()), 100, 1_000);
        int stage = source.equals("Inbound") || source.equals("Partner") || source.equals("Customer")
                ? (uniform() < 0.5 ? 1 : 0) : 0;
        double cycle = seg.cycleDays * (type.equals("expansion") ? 0.7 : 1.0) * Math.exp(0.25 * gaussian());
        LocalDate expected = d.plusDays(Math.max(7, Math.round(cycle * (0.7 + 0.4 * uniform()))));
        if (uniform() < 0.6) {
            expected = expected.with(TemporalAdjusters.lastDayOfMonth());
        }
        simulate(deal, stage, amount, expected, cycle, advanceOdds(type), seg.winOdds);
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
            int n = poisson(expectedWins);
            for (int i = 0; i < n; i++) {
                Acct account = newAccount(ae);
                LocalDate won = weekday(start.minusDays(1 + (long) (uniform() * 364)), start.minusDays(400));
                account.customerSince = won;
                account.busyUntil = won;
                String product = "Platform";
                long amount = roundTo(account.segment.medianAmount * 0.95 * Math.exp(AMOUNT_SIGMA * gaussian()), 100, 1_000);
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
        long amount = roundTo(prior.last().amount() * (0.97 + 0.13 * uniform()), 100, 1_000);
        double cycle = Math.max(10, ChronoUnit.DAYS.between(d, renewalDate) * 0.95);
        simulate(deal, 1, amount, renewalDate, cycle, ADVANCE_RENEWAL, 1.0);
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
        LocalDate create = deal.closed().plusYears(1).minusDays(60 + (long) (uniform() * 31));
        LocalDate earliest = deal.closed().plusDays(1).isAfter(WARM_UP) ? deal.closed().plusDays(1) : WARM_UP;
        if (create.isBefore(earliest)) {
            create = earliest;
        }
        if (!create.isAfter(SampleCompany.AS_OF)) {
            renewalsDue.computeIfAbsent(create, k -> new ArrayList<>()).add(deal);
        }
    }

    /**
     * Walks the deal through the stages until it is won or lost, recording every stage change, slipped close
     * date and amount change.
     */
    private void simulate(Deal deal, int startStage, long startAmount, LocalDate startExpected, double cycle,
                          double[] advance, double segmentOdds) {
        Person rep = deal.creator;
        int s = startStage;
        long amount = startAmount;
        LocalDate expected = startExpected;
        LocalDate d = deal.created;
        boolean renewal = deal.type.equals("renewal");
        boolean goesDark = !renewal && uniform() < 0.07;
        boolean regressed = false;
        deal.events.add(new Event(d, OPEN_STAGES[s], amount, expected));
        while (true) {
            double share = STAGE_SHARE[s];
            if (renewal) {
                share = 1.0 / (OPEN_STAGES.length - startStage);
            }
            double dwell = cycle * share * Math.exp(0.55 * gaussian());
            boolean dark = goesDark && s <= 2 && uniform() < 0.5;
            if (dark) {
                dwell *= 4; // stalls, then is closed out as lost
            }
            LocalDate next = d.plusDays(Math.max(1, Math.round(dwell)));
            double p = advance[s];
            double odds = segmentOdds * Math.pow(effectiveSkill(rep, d), 1.5);
            if (isQ4(next)) {
                odds *= 1.35; // budget flush
            }
            p = p * odds / (1 - p + p * odds);
            double u = uniform();
            String outcome;
            if (dark) {
                outcome = LOST;
            } else if (!renewal && !regressed && s >= PROPOSAL && u < 0.06) {
                outcome = "regress";
            } else if (uniform() < p) {
                outcome = s == NEGOTIATION ? WON : "advance";
            } else {
                outcome = LOST;
                next = d.plusDays(Math.max(1, Math.round((next.toEpochDay() - d.toEpochDay()) * 0.8)));
            }
            if (outcome.equals(WON)) {
                next = closingDay(d, next);
                if (!renewal && next.getDayOfMonth() > 20 && next.plusDays(12).getMonthValue() != next.getMonthValue()
                        && uniform() < 0.3) {
                    amount = roundTo(amount * (0.90 + 0.07 * uniform()), 100, 1_000); // end-of-period discount
                }
            } else {
                next = weekday(next, d);
            }
            expected = slips(deal, s, amount, expected, d, next);
            switch (outcome) {
                case WON -> {
                    deal.events.add(new Event(next, WON, amount, next));
                    return;
                }
                case LOST -> {
                    deal.events.add(new Event(next, LOST, amount, next));
                    return;
                }
                case "regress" -> {
                    regressed = true;
                    s = s - 1;
                }
                default -> {
                    s = s + 1 + (s + 2 <= NEGOTIATION && !renewal && uniform() < 0.08 ? 1 : 0);
                    if (s == PROPOSAL && !renewal) {
                        amount = roundTo(amount * Math.exp(0.03 + 0.18 * gaussian()), 100, 1_000); // scope is priced
                    }
                    if (s == NEGOTIATION) {
                        // In negotiation the rep knows the timing well: the expected close date is re-set.
                        long left = Math.round(cycle * STAGE_SHARE[NEGOTIATION] * (0.8 + 0.4 * uniform()));
                        expected = next.plusDays(Math.max(3, left));
                        if (uniform() < 0.5 && !renewal) {
                            amount = roundTo(amount * (0.90 + 0.10 * uniform()), 100, 1_000);
                        }
                    }
                }
            }
            deal.events.add(new Event(next, OPEN_STAGES[s], amount, expected));
            d = next;
        }
    }

    /** Records the close-date pushes a rep makes while the deal sits in stage {@code s} from {@code from} to {@code to}. */
    private LocalDate slips(Deal deal, int s, long amount, LocalDate expected, LocalDate from, LocalDate to) {
        LocalDate e = expected;
        while (true) {
            LocalDate slipDay = e.plusDays(1 + (long) (uniform() * 10));
            if (!slipDay.isAfter(from)) {
                slipDay = from.plusDays(1);
            }
            if (!slipDay.isBefore(to)) {
                return e;
            }
            e = slipDay.plusDays(14 + (long) (uniform() * 47));
            if (uniform() < 0.5) {
                e = e.with(TemporalAdjusters.lastDayOfMonth());
            }
            deal.events.add(new Event(slipDay, OPEN_STAGES[s], amount, e));
            from = slipDay;
        }
    }

    /** The day a deal is won: pulled into the end of the month or quarter where the rep can manage it. */
    private LocalDate closingDay(LocalDate enteredStage, LocalDate natural) {
        LocalDate w = natural;
        Period q = FiscalCalendar.calendarYear().periodOf(w, PeriodKind.QUARTER);
        LocalDate previousQuarterEnd = q.start().minusDays(1);
        boolean yearEnd = q.previous().index() == 4;
        // Year-end budgets make buyers sign in December what they would have signed in January or February.
        double push = yearEnd ? 0.65 : 0.35;
        int window = yearEnd ? 45 : 21;
        if (ChronoUnit.DAYS.between(q.start(), w) < window && previousQuarterEnd.isAfter(enteredStage.plusDays(2))
                && uniform() < push) {
            w = previousQuarterEnd.minusDays((long) (uniform() * 6));
        } else if (w.getDayOfMonth() <= 7 && uniform() < 0.25) {
            LocalDate monthEnd = w.withDayOfMonth(1).minusDays(1);
            if (monthEnd.isAfter(enteredStage)) {
                w = monthEnd.minusDays((long) (uniform() * 3));
            }
        }
        if (!w.isAfter(enteredStage)) {
            w = enteredStage.plusDays(1);
        }
        return weekday(w, enteredStage);
    }

    /** Moves a weekend day to the Friday before, or if that is too early, the Monday after. */
    private static LocalDate weekday(LocalDate d, LocalDate notOnOrBefore) {
        if (!isWeekend(d)) {
            return d;
        }
        LocalDate friday = d.with(TemporalAdjusters.previous(DayOfWeek.FRIDAY));
        return friday.isAfter(notOnOrBefore) ? friday : d.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    }

    private double[] advanceOdds(String type) {
        return type.equals("expansion") ? ADVANCE_EXPANSION : ADVANCE_NEW;
    }

    private static double effectiveSkill(Person rep, LocalDate d) {
        long months = ChronoUnit.MONTHS.between(rep.start(), d);
        return months < 3 ? rep.skill() * 0.8 : rep.skill();
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

    private static boolean isQ4(LocalDate d) {
        return d.getMonthValue() >= 10;
    }

    private static boolean isWeekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static boolean idle(Acct a, LocalDate d) {
        return a.busyUntil == null || a.busyUntil.isBefore(d);
    }

    // ---------------------------------------------------------------- accounts and people

    private Acct newAccount(Person ae) {
        String name = accountName(ae);
        String id = String.format("ACC-%05d", accounts.size() + 1);
        Segment seg = ae.segment();
        double u = uniform();
        if (u < 0.10 && seg != Segment.SMB) {
            seg = Segment.values()[seg.ordinal() - 1];
        } else if (u > 0.95 && seg != Segment.ENTERPRISE) {
            seg = Segment.values()[seg.ordinal() + 1];
        }
        Acct a = new Acct(id, name, INDUSTRIES[(int) (uniform() * INDUSTRIES.length)], seg, ae.region(), ae.id());
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
            String name = PREFIXES[(int) (uniform() * PREFIXES.length)] + " " + SUFFIXES[(int) (uniform() * SUFFIXES.length)]
                    + (uniform() < 0.5 ? legal : "");
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
            Acct a = book.get((int) (uniform() * book.size()));
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
        return sdrs.isEmpty() ? null : sdrs.get((int) (uniform() * sdrs.size())).id();
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

    // ---------------------------------------------------------------- random draws

    private double uniform() {
        return rnd.nextDouble();
    }

    /** A standard normal draw by Box-Muller from two uniforms (the JDK's nextGaussian may change between releases). */
    private double gaussian() {
        double u1 = 1.0 - rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private int poisson(double mean) {
        double limit = Math.exp(-mean);
        double prod = rnd.nextDouble();
        int n = 0;
        while (prod > limit) {
            n++;
            prod *= rnd.nextDouble();
        }
        return n;
    }
}
