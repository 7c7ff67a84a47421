package io.salesops.examples.sample;

import static io.salesops.examples.sample.SampleRoster.teams;
import static io.salesops.examples.sample.SampleRoster.territories;
import static io.salesops.examples.sample.SimulatedRecords.LOST;
import static io.salesops.examples.sample.SimulatedRecords.NEGOTIATION;
import static io.salesops.examples.sample.SimulatedRecords.OPEN_STAGES;
import static io.salesops.examples.sample.SimulatedRecords.PROPOSAL;
import static io.salesops.examples.sample.SimulatedRecords.WON;

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
import io.salesops.core.period.FiscalCalendar;
import io.salesops.core.period.Period;
import io.salesops.core.period.PeriodKind;
import io.salesops.examples.sample.SampleCompany.Role;
import io.salesops.examples.sample.SampleRoster.Person;
import io.salesops.examples.sample.SampleRoster.Segment;
import io.salesops.examples.sample.SimulatedRecords.Acct;
import io.salesops.examples.sample.SimulatedRecords.Deal;
import io.salesops.examples.sample.SimulatedRecords.Event;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.DoubleSupplier;

/**
 * The sample company's CRM export as it stood at the end of {@link SampleCompany#AS_OF}, made from the simulated
 * deals: opportunities with the stage history known then and a forecast category for the open ones, the org,
 * the accounts with a deal, and the AEs' quarterly quotas. Used once per generation; not thread-safe.
 */
final class SampleExport {

    private final long seed;
    private final List<Person> people;
    private final List<Acct> accounts;
    private final List<Deal> deals;
    /** The generation's own random source, continued: forecast categories draw from it in export order. */
    private final DoubleSupplier uniform;
    /** Who owns a person's deals and accounts on a day: the person, or the successor of a leaver. */
    private final BiFunction<String, LocalDate, String> successorOf;

    SampleExport(long seed, List<Person> people, List<Acct> accounts, List<Deal> deals, DoubleSupplier uniform,
                 BiFunction<String, LocalDate, String> successorOf) {
        this.seed = seed;
        this.people = people;
        this.accounts = accounts;
        this.deals = deals;
        this.uniform = uniform;
        this.successorOf = successorOf;
    }

    SampleCompany build() {
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
                if (e.date().isAfter(asOf)) {
                    break;
                }
                history.add(new StageChange(e.date(), e.stage(), usd(e.amount()), e.closeDate()));
                last = e;
            }
            boolean won = last.stage().equals(WON);
            boolean lost = last.stage().equals(LOST);
            LocalDate closing = won || lost ? last.date() : null;
            String owner = successorOf.apply(deal.creator.id(), closing != null ? closing : asOf);
            String productLabel = deal.type.equals("renewal") ? deal.product + " Renewal"
                    : deal.product + (deal.type.equals("new") ? " (New)" : " (Expansion)");
            Opportunity.Builder b = Opportunity.builder(String.format("OPP-%05d", n))
                    .name(deal.account.name + " - " + productLabel)
                    .account(deal.account.id)
                    .owner(owner)
                    .stage(last.stage())
                    .amount(usd(last.amount()))
                    .created(deal.created)
                    .closeDate(last.closeDate())
                    .status(won ? OpportunityStatus.WON : lost ? OpportunityStatus.LOST : OpportunityStatus.OPEN)
                    .product(deal.product)
                    .type(deal.type)
                    .attribute("region", deal.creator.region())
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
            reps.add(new Rep(p.id(), p.name(), p.manager(), p.team(), p.territory(), p.start(), p.end()));
            roles.put(p.id(), p.role());
            regions.put(p.id(), p.region());
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
        int s = java.util.Arrays.asList(OPEN_STAGES).indexOf(last.stage());
        double u = uniform.getAsDouble();
        boolean thisQuarter = last.closeDate() != null && !last.closeDate().isAfter(currentQuarter.end());
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
            if (p.role() != Role.AE) {
                continue;
            }
            for (Period q : first.through(last)) {
                LocalDate to = p.end() == null ? q.end() : p.end();
                int days = q.daysBetween(p.start(), to);
                if (days == 0) {
                    continue;
                }
                long tenureMonths = ChronoUnit.MONTHS.between(p.start(), q.start());
                double ramp = tenureMonths < 0 ? 0.25 : tenureMonths < 3 ? 0.5 : tenureMonths < 6 ? 0.75 : 1.0;
                // Managers set quotas by territory potential, which tracks the rep's record.
                double potential = 0.6 + 0.4 * Math.pow(p.skill(), 1.5) * p.activity();
                double amount = p.segment().quarterlyCapacity * planUplift(p.segment(), q.fiscalYear()) * potential * ramp * days / q.days();
                out.add(new Quota(p.id(), q, usd(roundTo(amount, 1_000, 1_000))));
            }
        }
        return Quotas.of(out);
    }

    private static double planUplift(Segment segment, int fiscalYear) {
        return fiscalYear <= 2024 ? 1.0 : fiscalYear == 2025 ? segment.plan2025 : segment.plan2026;
    }

    static Money usd(long dollars) {
        return Money.ofMinor(Math.multiplyExact(dollars, 100L), SampleCompany.CURRENCY);
    }

    static long roundTo(double value, long step, long min) {
        return Math.max(min, Math.round(value / step) * step);
    }
}
