package io.salesops.examples.sample;

import io.salesops.core.crm.Account;
import io.salesops.core.crm.ForecastCategory;
import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.OpportunityStatus;
import io.salesops.core.crm.Quota;
import io.salesops.core.crm.Quotas;
import io.salesops.core.crm.StageChange;
import io.salesops.core.money.Money;
import io.salesops.core.org.Org;
import io.salesops.core.org.Rep;
import io.salesops.core.org.Team;
import io.salesops.core.org.Territory;
import io.salesops.core.period.FiscalCalendar;
import io.salesops.core.period.Period;
import io.salesops.core.period.PeriodKind;
import io.salesops.examples.sample.SampleCompany.Role;
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

    static final String[] OPEN_STAGES = {"Prospecting", "Qualification", "Needs Analysis", "Proposal", "Negotiation"};
    static final String WON = "Closed Won";
    static final String LOST = "Closed Lost";
    private static final int PROPOSAL = 3;
    private static final int NEGOTIATION = 4;

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

    enum Segment {
        SMB("SMB", 9.5, 11_000, 35, 1.05, 74_000, 1.25, 1.20),
        MID_MARKET("Mid-Market", 7.5, 36_000, 70, 1.0, 325_000, 1.40, 1.55),
        ENTERPRISE("Enterprise", 3.2, 130_000, 120, 0.9, 385_000, 1.45, 1.65);

        final String label;
        final double oppsPerMonth;
        final double medianAmount;
        final double cycleDays;
        final double winOdds;
        /** A fully ramped rep's quarterly quota in the 2024 plan. */
        final long quarterlyCapacity;
        /** The 2025 and 2026 plans relative to 2024: renewals of Mid-Market and Enterprise deals compound. */
        final double plan2025;
        final double plan2026;

        Segment(String label, double oppsPerMonth, double medianAmount, double cycleDays, double winOdds,
                long quarterlyCapacity, double plan2025, double plan2026) {
            this.label = label;
            this.oppsPerMonth = oppsPerMonth;
            this.medianAmount = medianAmount;
            this.cycleDays = cycleDays;
            this.winOdds = winOdds;
            this.quarterlyCapacity = quarterlyCapacity;
            this.plan2025 = plan2025;
            this.plan2026 = plan2026;
        }
    }

    /** One person; {@code skill} scales win odds, {@code activity} the rate of new opportunities. */
    record Person(String id, String name, Role role, String manager, String team, String territory, String region,
                  Segment segment, LocalDate start, LocalDate end, double skill, double activity, String successor) {
        boolean activeOn(LocalDate d) {
            return !d.isBefore(start) && (end == null || !d.isAfter(end));
        }
    }

    private static final class Acct {
        final String id;
        final String name;
        final String industry;
        final Segment segment;
        final String region;
        String owner;
        LocalDate customerSince;
        LocalDate busyUntil;

        Acct(String id, String name, String industry, Segment segment, String region, String owner) {
            this.id = id;
            this.name = name;
            this.industry = industry;
            this.segment = segment;
            this.region = region;
            this.owner = owner;
        }
    }

    private record Event(LocalDate date, String stage, long amount, LocalDate closeDate) {
    }

    private static final class Deal {
        final int seq;
        final Acct account;
        final Person creator;
        final LocalDate created;
        final String type;
        final String product;
        final String leadSource;
        final String sdr;
        final List<Event> events = new ArrayList<>();

        Deal(int seq, Acct account, Person creator, LocalDate created, String type, String product, String leadSource, String sdr) {
            this.seq = seq;
            this.account = account;
            this.creator = creator;
            this.created = created;
            this.type = type;
            this.product = product;
            this.leadSource = leadSource;
            this.sdr = sdr;
        }

        Event last() {
            return events.get(events.size() - 1);
        }

        boolean won() {
            return last().stage.equals(WON);
        }

        LocalDate closed() {
            return last().date;
        }
    }

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
            byId.put(p.id, p);
            books.put(p.id, new ArrayList<>());
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
                if (p.role != Role.AE || !p.activeOn(d)) {
                    continue;
                }
                double rate = p.segment.oppsPerMonth * 12 / 365.0 * dayFactor * ramp(p, d) * p.activity;
                if (p.end != null && ChronoUnit.DAYS.between(d, p.end) < 60) {
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
        return build();
    }

    // ---------------------------------------------------------------- deals

    private void createDeal(Person ae, LocalDate d) {
        List<Acct> book = books.get(ae.id);
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
            if (ae.role != Role.AE || !ae.activeOn(start) || ae.segment == Segment.SMB) {
                continue;
            }
            double expectedWins = ae.segment.oppsPerMonth * 12 * 0.7 * 0.7 * 0.25 * ae.activity * 0.85;
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
            owner = byId.get(successorOf(owner.id, d));
        }
        LocalDate renewalDate = prior.closed().plusYears(1);
        Deal deal = new Deal(deals.size(), account, owner, d, "renewal", prior.product, "Customer", null);
        long amount = roundTo(prior.last().amount * (0.97 + 0.13 * uniform()), 100, 1_000);
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
        long months = ChronoUnit.MONTHS.between(rep.start, d);
        return months < 3 ? rep.skill * 0.8 : rep.skill;
    }

    private static double ramp(Person p, LocalDate d) {
        long months = ChronoUnit.MONTHS.between(p.start, d);
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
        Segment seg = ae.segment;
        double u = uniform();
        if (u < 0.10 && seg != Segment.SMB) {
            seg = Segment.values()[seg.ordinal() - 1];
        } else if (u > 0.95 && seg != Segment.ENTERPRISE) {
            seg = Segment.values()[seg.ordinal() + 1];
        }
        Acct a = new Acct(id, name, INDUSTRIES[(int) (uniform() * INDUSTRIES.length)], seg, ae.region, ae.id);
        accounts.add(a);
        books.get(ae.id).add(a);
        return a;
    }

    private String accountName(Person ae) {
        String legal = switch (ae.territory) {
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
            if (p.role == Role.SDR && p.region.equals(ae.region) && p.activeOn(d)) {
                sdrs.add(p);
            }
        }
        for (Person p : sdrs) {
            if (p.territory.equals(ae.territory)) {
                return p.id;
            }
        }
        return sdrs.isEmpty() ? null : sdrs.get((int) (uniform() * sdrs.size())).id;
    }

    /** On a leaver's first day gone, their accounts move to their successor. */
    private void handOverBooks(LocalDate d) {
        for (Person p : people) {
            if (p.end != null && p.end.plusDays(1).equals(d)) {
                String to = successorOf(p.id, d);
                for (Acct a : books.get(p.id)) {
                    a.owner = to;
                    books.get(to).add(a);
                }
                books.get(p.id).clear();
            }
        }
    }

    private String successorOf(String id, LocalDate d) {
        Person p = byId.get(id);
        while (p.end != null && p.end.isBefore(d) && p.successor != null) {
            p = byId.get(p.successor);
        }
        return p.id;
    }

    // ---------------------------------------------------------------- export

    private SampleCompany build() {
        LocalDate asOf = SampleCompany.AS_OF;
        FiscalCalendar cal = FiscalCalendar.calendarYear();
        Period currentQuarter = cal.periodOf(asOf, PeriodKind.QUARTER);
        List<Deal> sorted = new ArrayList<>();
        Set<Acct> used = new HashSet<>();
        for (Deal deal : deals) {
            // The CRM holds the deals created since DATA_START and those still open on that day.
            if (!deal.created.isBefore(SampleCompany.DATA_START) || !deal.closed().isBefore(SampleCompany.DATA_START)) {
                sorted.add(deal);
                used.add(deal.account);
            }
        }
        sorted.sort((a, b) -> a.created.equals(b.created) ? Integer.compare(a.seq, b.seq) : a.created.compareTo(b.created));
        List<Opportunity> opps = new ArrayList<>(sorted.size());
        int n = 0;
        for (Deal deal : sorted) {
            n++;
            List<StageChange> history = new ArrayList<>();
            Event last = null;
            for (Event e : deal.events) {
                if (e.date.isAfter(asOf)) {
                    break;
                }
                history.add(new StageChange(e.date, e.stage, usd(e.amount), e.closeDate));
                last = e;
            }
            boolean won = last.stage.equals(WON);
            boolean lost = last.stage.equals(LOST);
            LocalDate closing = won || lost ? last.date : null;
            String owner = successorOf(deal.creator.id, closing != null ? closing : asOf);
            String productLabel = deal.type.equals("renewal") ? deal.product + " Renewal"
                    : deal.product + (deal.type.equals("new") ? " (New)" : " (Expansion)");
            Opportunity.Builder b = Opportunity.builder(String.format("OPP-%05d", n))
                    .name(deal.account.name + " - " + productLabel)
                    .account(deal.account.id)
                    .owner(owner)
                    .stage(last.stage)
                    .amount(usd(last.amount))
                    .created(deal.created)
                    .closeDate(last.closeDate)
                    .status(won ? OpportunityStatus.WON : lost ? OpportunityStatus.LOST : OpportunityStatus.OPEN)
                    .product(deal.product)
                    .type(deal.type)
                    .attribute("region", deal.creator.region)
                    .attribute("segment", deal.account.segment.label)
                    .attribute("lead_source", deal.leadSource);
            if (deal.sdr != null) {
                b.attribute("sdr", deal.sdr);
            }
            if (!won && !lost) {
                b.forecastCategory(category(last, currentQuarter));
            }
            history.forEach(b::change);
            opps.add(b.build());
        }

        List<Rep> reps = new ArrayList<>();
        Map<String, Role> roles = new LinkedHashMap<>();
        Map<String, String> regions = new LinkedHashMap<>();
        for (Person p : people) {
            reps.add(new Rep(p.id, p.name, p.manager, p.team, p.territory, p.start, p.end));
            roles.put(p.id, p.role);
            regions.put(p.id, p.region);
        }
        Org org = Org.of(reps, teams(), territories());

        List<Account> accts = new ArrayList<>();
        for (Acct a : accounts) {
            if (!used.contains(a)) {
                continue; // an account without a deal in the export is not in it either
            }
            accts.add(new Account(a.id, a.name, a.industry, a.segment.label, a.region, a.owner, Map.of()));
        }
        return new SampleCompany(seed, org, roles, regions, accts, opps, quotas(cal));
    }

    private ForecastCategory category(Event last, Period currentQuarter) {
        int s = java.util.Arrays.asList(OPEN_STAGES).indexOf(last.stage);
        double u = uniform();
        boolean thisQuarter = last.closeDate != null && !last.closeDate.isAfter(currentQuarter.end());
        if (s == NEGOTIATION) {
            return thisQuarter && u < 0.9 ? ForecastCategory.COMMIT : ForecastCategory.BEST_CASE;
        }
        if (s == PROPOSAL) {
            return thisQuarter && u < 0.2 ? ForecastCategory.COMMIT : ForecastCategory.BEST_CASE;
        }
        if (s == 2 && u < 0.1) {
            return ForecastCategory.BEST_CASE;
        }
        return ForecastCategory.PIPELINE;
    }

    /** AE quotas per quarter: segment capacity x ramp x share of the quarter employed x the year's plan uplift. */
    private Quotas quotas(FiscalCalendar cal) {
        List<Quota> out = new ArrayList<>();
        Period first = cal.periodOf(SampleCompany.DATA_START, PeriodKind.QUARTER);
        Period last = cal.periodOf(SampleCompany.AS_OF, PeriodKind.QUARTER).enclosing(PeriodKind.YEAR).split(PeriodKind.QUARTER).get(3);
        for (Person p : people) {
            if (p.role != Role.AE) {
                continue;
            }
            for (Period q : first.through(last)) {
                LocalDate to = p.end == null ? q.end() : p.end;
                int days = q.daysBetween(p.start, to);
                if (days == 0) {
                    continue;
                }
                long tenureMonths = ChronoUnit.MONTHS.between(p.start, q.start());
                double ramp = tenureMonths < 0 ? 0.25 : tenureMonths < 3 ? 0.5 : tenureMonths < 6 ? 0.75 : 1.0;
                // Managers set quotas by territory potential, which tracks the rep's record.
                double potential = 0.6 + 0.4 * Math.pow(p.skill, 1.5) * p.activity;
                double amount = p.segment.quarterlyCapacity * planUplift(p.segment, q.fiscalYear()) * potential * ramp * days / q.days();
                out.add(new Quota(p.id, q, usd(roundTo(amount, 1_000, 1_000))));
            }
        }
        return Quotas.of(out);
    }

    private static double planUplift(Segment segment, int fiscalYear) {
        return fiscalYear <= 2024 ? 1.0 : fiscalYear == 2025 ? segment.plan2025 : segment.plan2026;
    }

    private static Money usd(long dollars) {
        return Money.ofMinor(Math.multiplyExact(dollars, 100L), SampleCompany.CURRENCY);
    }

    private static long roundTo(double value, long step, long min) {
        return Math.max(min, Math.round(value / step) * step);
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

    // ---------------------------------------------------------------- the company

    private static final String[] INDUSTRIES = {"Software", "Financial Services", "Healthcare", "Manufacturing",
        "Retail", "Media", "Logistics", "Education", "Energy", "Telecommunications", "Public Sector", "Professional Services"};
    private static final String[] PREFIXES = {"Acme", "Apex", "Atlas", "Aurora", "Beacon", "Birch", "Blue Harbor",
        "Bright", "Cascade", "Cedar", "Cobalt", "Condor", "Crescent", "Crystal", "Delta", "Eagle", "Ember", "Evergreen",
        "Falcon", "Fjord", "Frontier", "Garnet", "Granite", "Harbor", "Helix", "Horizon", "Iron", "Juniper", "Keystone",
        "Lakeside", "Lumen", "Maple", "Meridian", "Mosaic", "Nimbus", "Northwind", "Oak", "Onyx", "Orbit", "Pacific",
        "Pinnacle", "Polar", "Prairie", "Quantum", "Redwood", "Ridge", "River", "Sapphire", "Sierra", "Silver", "Sterling",
        "Summit", "Tidal", "Titan", "Trident", "Union", "Vector", "Vertex", "Willow", "Zenith"};
    private static final String[] SUFFIXES = {"Analytics", "Bank", "Bio", "Brands", "Capital", "Care", "Chemicals",
        "Cloud", "Consulting", "Data", "Devices", "Digital", "Energy", "Foods", "Freight", "Games", "Group", "Health",
        "Holdings", "Industries", "Insurance", "Labs", "Learning", "Logistics", "Machines", "Media", "Medical", "Motors",
        "Networks", "Outfitters", "Partners", "Pharma", "Robotics", "Security", "Software", "Solutions", "Systems",
        "Telecom", "Travel", "Ventures"};

    private static List<Team> teams() {
        return List.of(new Team("leadership", "Sales Leadership", "dwhitfield"),
                new Team("amer-east", "AMER East", "mreyes"),
                new Team("amer-west", "AMER West", "tnguyen"),
                new Team("emea", "EMEA", "shartmann"),
                new Team("apac", "APAC", "kwatanabe"),
                new Team("amer-sdr", "AMER SDRs", "mreyes"),
                new Team("emea-sdr", "EMEA SDRs", "shartmann"),
                new Team("apac-sdr", "APAC SDRs", "kwatanabe"));
    }

    private static List<Territory> territories() {
        return List.of(new Territory("GLOBAL", "Global", null),
                new Territory("AMER", "Americas", "GLOBAL"),
                new Territory("EMEA", "Europe, Middle East and Africa", "GLOBAL"),
                new Territory("APAC", "Asia Pacific", "GLOBAL"),
                new Territory("US-EAST", "US East", "AMER"),
                new Territory("US-CENTRAL", "US Central", "AMER"),
                new Territory("US-WEST", "US West", "AMER"),
                new Territory("CANADA", "Canada", "AMER"),
                new Territory("UKI", "UK and Ireland", "EMEA"),
                new Territory("DACH", "Germany, Austria, Switzerland", "EMEA"),
                new Territory("FRANCE", "France", "EMEA"),
                new Territory("NORDICS", "Nordics", "EMEA"),
                new Territory("ANZ", "Australia and New Zealand", "APAC"),
                new Territory("JAPAN", "Japan", "APAC"),
                new Territory("SEA", "Southeast Asia", "APAC"));
    }

    static List<Person> people() {
        List<Person> p = new ArrayList<>();
        p.add(leader("dwhitfield", "Dana Whitfield", Role.VP, null, "leadership", "GLOBAL", "GLOBAL", "2020-02-03"));
        p.add(leader("mreyes", "Maria Reyes", Role.DIRECTOR, "dwhitfield", "amer-east", "AMER", "AMER", "2021-03-01"));
        p.add(leader("tnguyen", "Thomas Nguyen", Role.DIRECTOR, "dwhitfield", "amer-west", "AMER", "AMER", "2021-07-12"));
        p.add(leader("shartmann", "Sophie Hartmann", Role.DIRECTOR, "dwhitfield", "emea", "EMEA", "EMEA", "2021-10-04"));
        p.add(leader("kwatanabe", "Kenji Watanabe", Role.DIRECTOR, "dwhitfield", "apac", "APAC", "APAC", "2022-01-10"));
        Segment smb = Segment.SMB;
        Segment mm = Segment.MID_MARKET;
        Segment ent = Segment.ENTERPRISE;
        // AMER East
        p.add(ae("jcarter", "James Carter", "mreyes", "amer-east", "US-EAST", "AMER", ent, "2021-06-07", null, 1.20, 1.05, null));
        p.add(ae("pshah", "Priya Shah", "mreyes", "amer-east", "US-EAST", "AMER", mm, "2022-01-10", null, 1.05, 1.10, null));
        p.add(ae("bolsen", "Ben Olsen", "mreyes", "amer-east", "US-EAST", "AMER", mm, "2022-09-12", null, 0.90, 0.95, null));
        p.add(ae("lmorales", "Lucia Morales", "mreyes", "amer-east", "US-EAST", "AMER", smb, "2023-02-06", null, 1.10, 1.0, null));
        p.add(ae("dkim", "Daniel Kim", "mreyes", "amer-east", "CANADA", "AMER", mm, "2022-04-04", null, 0.95, 1.0, null));
        p.add(ae("achen", "Amy Chen", "mreyes", "amer-east", "US-EAST", "AMER", smb, "2023-08-14", null, 1.0, 1.05, null));
        p.add(ae("rwalsh", "Ryan Walsh", "mreyes", "amer-east", "US-EAST", "AMER", ent, "2020-11-02", "2025-03-14", 0.85, 0.9, "ebrooks"));
        p.add(ae("ebrooks", "Emma Brooks", "mreyes", "amer-east", "US-EAST", "AMER", ent, "2025-03-17", null, 1.05, 1.0, null));
        p.add(ae("mdubois", "Marc Dubois", "mreyes", "amer-east", "CANADA", "AMER", smb, "2023-05-01", null, 0.80, 0.9, null));
        // AMER West
        p.add(ae("swilliams", "Sarah Williams", "tnguyen", "amer-west", "US-WEST", "AMER", ent, "2021-01-11", null, 1.15, 1.0, null));
        p.add(ae("cortiz", "Carlos Ortiz", "tnguyen", "amer-west", "US-WEST", "AMER", mm, "2022-03-07", null, 1.0, 1.05, null));
        p.add(ae("hpatel", "Hannah Patel", "tnguyen", "amer-west", "US-WEST", "AMER", smb, "2022-11-14", null, 0.95, 1.1, null));
        p.add(ae("jlee", "Jason Lee", "tnguyen", "amer-west", "US-CENTRAL", "AMER", mm, "2021-08-02", null, 1.10, 0.95, null));
        p.add(ae("kmurphy", "Kelly Murphy", "tnguyen", "amer-west", "US-CENTRAL", "AMER", smb, "2023-03-13", null, 0.85, 1.0, null));
        p.add(ae("tbaker", "Tom Baker", "tnguyen", "amer-west", "US-CENTRAL", "AMER", ent, "2022-06-06", null, 0.95, 1.0, null));
        p.add(ae("nali", "Nadia Ali", "tnguyen", "amer-west", "US-WEST", "AMER", mm, "2025-07-07", null, 1.0, 1.0, null));
        p.add(ae("gfoster", "Grace Foster", "tnguyen", "amer-west", "US-CENTRAL", "AMER", smb, "2026-01-05", null, 1.05, 1.0, null));
        // EMEA
        p.add(ae("olehmann", "Oliver Lehmann", "shartmann", "emea", "DACH", "EMEA", ent, "2021-04-01", null, 1.10, 1.0, null));
        p.add(ae("cmartin", "Chloe Martin", "shartmann", "emea", "FRANCE", "EMEA", mm, "2022-02-01", null, 1.0, 1.0, null));
        p.add(ae("jobrien", "Jack O'Brien", "shartmann", "emea", "UKI", "EMEA", mm, "2022-10-03", null, 0.95, 1.05, null));
        p.add(ae("aevans", "Alice Evans", "shartmann", "emea", "UKI", "EMEA", smb, "2023-01-09", null, 1.05, 1.0, null));
        p.add(ae("lnilsson", "Lars Nilsson", "shartmann", "emea", "NORDICS", "EMEA", mm, "2021-09-06", "2024-11-29", 0.90, 0.9, "ijohansson"));
        p.add(ae("ijohansson", "Ingrid Johansson", "shartmann", "emea", "NORDICS", "EMEA", mm, "2024-12-02", null, 1.0, 1.0, null));
        p.add(ae("fweber", "Felix Weber", "shartmann", "emea", "DACH", "EMEA", smb, "2023-06-05", null, 0.85, 0.95, null));
        p.add(ae("rbianchi", "Rosa Bianchi", "shartmann", "emea", "UKI", "EMEA", ent, "2025-10-06", null, 1.10, 1.0, null));
        // APAC
        p.add(ae("ataylor", "Adam Taylor", "kwatanabe", "apac", "ANZ", "APAC", ent, "2021-05-03", null, 1.0, 1.0, null));
        p.add(ae("ysato", "Yuki Sato", "kwatanabe", "apac", "JAPAN", "APAC", mm, "2022-07-04", null, 1.15, 0.95, null));
        p.add(ae("mtan", "Michelle Tan", "kwatanabe", "apac", "SEA", "APAC", mm, "2022-12-05", null, 0.90, 1.05, null));
        p.add(ae("lwilson", "Liam Wilson", "kwatanabe", "apac", "ANZ", "APAC", smb, "2023-04-03", null, 1.0, 1.0, null));
        p.add(ae("hyamamoto", "Hiro Yamamoto", "kwatanabe", "apac", "JAPAN", "APAC", smb, "2024-09-02", null, 0.95, 1.0, null));
        // SDRs
        p.add(sdr("zgreen", "Zoe Green", "mreyes", "amer-sdr", "US-EAST", "AMER", "2023-01-09"));
        p.add(sdr("mhill", "Mason Hill", "tnguyen", "amer-sdr", "US-WEST", "AMER", "2023-03-06"));
        p.add(sdr("erivera", "Ethan Rivera", "tnguyen", "amer-sdr", "US-CENTRAL", "AMER", "2023-07-10"));
        p.add(sdr("ocampbell", "Olivia Campbell", "mreyes", "amer-sdr", "CANADA", "AMER", "2024-06-03"));
        p.add(sdr("nmuller", "Noah Muller", "shartmann", "emea-sdr", "DACH", "EMEA", "2023-02-13"));
        p.add(sdr("ssilva", "Sofia Silva", "shartmann", "emea-sdr", "UKI", "EMEA", "2024-02-05"));
        p.add(sdr("wlim", "Wei Lim", "kwatanabe", "apac-sdr", "SEA", "APAC", "2023-05-08"));
        p.add(sdr("tclarke", "Tara Clarke", "kwatanabe", "apac-sdr", "ANZ", "APAC", "2024-10-07"));
        return List.copyOf(p);
    }

    private static Person leader(String id, String name, Role role, String manager, String team, String territory,
                                 String region, String start) {
        return new Person(id, name, role, manager, team, territory, region, null, LocalDate.parse(start), null, 1, 0, null);
    }

    private static Person ae(String id, String name, String manager, String team, String territory, String region,
                             Segment segment, String start, String end, double skill, double activity, String successor) {
        return new Person(id, name, Role.AE, manager, team, territory, region, segment, LocalDate.parse(start),
                end == null ? null : LocalDate.parse(end), skill, activity, successor);
    }

    private static Person sdr(String id, String name, String manager, String team, String territory, String region, String start) {
        return new Person(id, name, Role.SDR, manager, team, territory, region, null, LocalDate.parse(start), null, 1, 0, null);
    }
}
