package io.salesops.cli;

import io.salesops.core.crm.ForecastCategory;
import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.OpportunityStatus;
import io.salesops.core.money.Money;
import io.salesops.core.org.Rep;
import io.salesops.core.org.Team;
import io.salesops.core.period.Period;
import io.salesops.examples.sample.SampleCompany;
import io.salesops.examples.sample.SampleCompany.Role;
import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** The built-in sections of {@code salesops demo}. Each is stateless, immutable and thread-safe. */
final class DemoSections {
    private DemoSections() {
    }

    private static final String CUR = SampleCompany.CURRENCY.getCurrencyCode();

    /** People by team and role, territories, opportunity counts. */
    static final class Company implements DemoSection {
        @Override
        public String title() {
            return "The company";
        }

        @Override
        public void print(DemoContext ctx, PrintWriter out) {
            SampleCompany c = ctx.company();
            long active = c.org().reps().stream().filter(r -> r.isActiveOn(ctx.asOf())).count();
            out.printf(Locale.ROOT, "%d people (%d active on %s) in %d levels: %d VP, %d directors, %d AEs, %d SDRs.%n",
                    c.org().size(), active, ctx.asOf(), levels(c), c.reps(Role.VP).size(), c.reps(Role.DIRECTOR).size(),
                    c.reps(Role.AE).size(), c.reps(Role.SDR).size());
            out.println();
            TablePrinter t = TablePrinter.withHeaders("Team", "Led by", "AEs", "SDRs", "Joined", "Left", "Territories");
            for (Team team : c.org().teams()) {
                List<Rep> members = c.org().reps().stream().filter(r -> team.id().equals(r.team())).toList();
                long aes = members.stream().filter(r -> c.role(r.id()) == Role.AE && r.isActiveOn(ctx.asOf())).count();
                long sdrs = members.stream().filter(r -> c.role(r.id()) == Role.SDR && r.isActiveOn(ctx.asOf())).count();
                if (aes + sdrs == 0) {
                    continue;
                }
                long joined = members.stream().filter(r -> r.startDate() != null && !r.startDate().isBefore(SampleCompany.DATA_START)).count();
                long left = members.stream().filter(r -> r.endDate() != null && !r.endDate().isAfter(ctx.asOf())).count();
                TreeSet<String> territories = new TreeSet<>();
                members.stream().filter(r -> c.role(r.id()) == Role.AE || c.role(r.id()) == Role.SDR)
                        .forEach(r -> territories.add(r.territory()));
                String lead = c.org().find(team.managerId()).map(Rep::name).orElse("");
                t.row(team.name(), lead, aes, sdrs, joined, left, String.join(", ", territories));
            }
            t.indent("  ").print(out);
            out.println("  (Joined: hired since " + SampleCompany.DATA_START + "; AEs and SDRs counted if active on "
                    + ctx.asOf() + ".)");
            out.println();
            Map<OpportunityStatus, Long> byStatus = new LinkedHashMap<>();
            Map<String, Long> byType = new LinkedHashMap<>();
            for (Opportunity o : c.opportunities()) {
                byStatus.merge(o.status(), 1L, Long::sum);
                byType.merge(o.type(), 1L, Long::sum);
            }
            out.printf(Locale.ROOT, "%,d opportunities (open on %s or created since) in %,d accounts:%n"
                            + "%,d won, %,d lost, %,d open.%n",
                    c.opportunities().size(), SampleCompany.DATA_START, c.accounts().size(),
                    byStatus.getOrDefault(OpportunityStatus.WON, 0L), byStatus.getOrDefault(OpportunityStatus.LOST, 0L),
                    byStatus.getOrDefault(OpportunityStatus.OPEN, 0L));
            out.printf(Locale.ROOT, "By type: %,d new business, %,d expansion, %,d renewal.%n",
                    byType.getOrDefault("new", 0L), byType.getOrDefault("expansion", 0L), byType.getOrDefault("renewal", 0L));
        }

        private static int levels(SampleCompany c) {
            int max = 0;
            for (Rep r : c.org().reps()) {
                max = Math.max(max, c.org().depth(r.id()));
            }
            return max + 1;
        }
    }

    /** Bookings per region for the last eight quarters and the current quarter to date. */
    static final class Bookings implements DemoSection {
        @Override
        public String title() {
            return "Bookings by quarter";
        }

        @Override
        public void print(DemoContext ctx, PrintWriter out) {
            List<String> headers = new ArrayList<>(List.of("Quarter"));
            SampleCompany.REGIONS.forEach(headers::add);
            headers.addAll(List.of("Total " + CUR, "Won", "Lost", "Win rate", "vs year ago"));
            TablePrinter t = TablePrinter.withHeaders(headers.toArray(new String[0]));
            List<Period> quarters = new ArrayList<>(ctx.closedQuarters(8));
            quarters.add(ctx.currentQuarter());
            for (Period q : quarters) {
                List<Opportunity> closed = ctx.closedIn(q, o -> !o.closeDate().isAfter(ctx.asOf()));
                List<Opportunity> won = closed.stream().filter(Opportunity::isWon).toList();
                List<Object> row = new ArrayList<>();
                row.add(q.equals(ctx.currentQuarter()) ? q + " QTD" : q.toString());
                for (String region : SampleCompany.REGIONS) {
                    row.add(Fmt.whole(ctx.sum(won.stream().filter(o -> region.equals(o.attributes().get("region"))).toList())));
                }
                Money total = ctx.sum(won);
                row.add(Fmt.whole(total));
                row.add(won.size());
                row.add(closed.size() - won.size());
                row.add(Fmt.percent(won.size(), closed.size()));
                Period yearAgo = q.plus(-4);
                Money before = ctx.sum(ctx.wonIn(yearAgo));
                boolean partial = q.equals(ctx.currentQuarter());
                boolean comparable = !yearAgo.start().isBefore(SampleCompany.FIRST_BOOKINGS_MONTH) && !before.isZero();
                row.add(partial || !comparable ? "" : growth(total, before));
                t.row(row.toArray());
            }
            t.indent("  ").print(out);
            out.println("  Bookings: deals won, by close date. Win rate: won / (won + lost), deals closed in the quarter.");
        }

        private static String growth(Money now, Money before) {
            String p = Fmt.percent(now.minus(before), before);
            return p.startsWith("-") ? p : "+" + p;
        }
    }

    /** Win rate, deal size and cycle length by segment over the last four quarters. */
    static final class WinRates implements DemoSection {
        @Override
        public String title() {
            return "Win rate and deal size";
        }

        @Override
        public void print(DemoContext ctx, PrintWriter out) {
            List<Period> quarters = ctx.closedQuarters(4);
            Period first = quarters.get(0);
            Period last = quarters.get(quarters.size() - 1);
            out.println("Deals closed " + first + " to " + last + " (" + first.start() + " to " + last.end() + "), new business and expansion:");
            out.println();
            TablePrinter t = TablePrinter.withHeaders("Segment", "Closed", "Won", "Win rate", "Avg won deal " + CUR,
                    "Median cycle (days)");
            List<String> segments = List.of("SMB", "Mid-Market", "Enterprise", "All");
            for (String seg : segments) {
                List<Opportunity> closed = new ArrayList<>();
                for (Period q : quarters) {
                    closed.addAll(ctx.closedIn(q, o -> !"renewal".equals(o.type())
                            && (seg.equals("All") || seg.equals(o.attributes().get("segment")))));
                }
                List<Opportunity> won = closed.stream().filter(Opportunity::isWon).toList();
                if (seg.equals("All")) {
                    t.separator();
                }
                t.row(seg, closed.size(), won.size(), Fmt.percent(won.size(), closed.size()),
                        Fmt.average(ctx.sum(won), won.size()), medianCycle(won));
            }
            t.indent("  ").print(out);
            List<Opportunity> renewals = new ArrayList<>();
            for (Period q : quarters) {
                renewals.addAll(ctx.closedIn(q, o -> "renewal".equals(o.type())));
            }
            long renewed = renewals.stream().filter(Opportunity::isWon).count();
            out.printf(Locale.ROOT, "  Renewals: %d of %d renewed (%s gross renewal rate by count).%n", renewed, renewals.size(),
                    Fmt.percent(renewed, renewals.size()));
        }

        private static String medianCycle(List<Opportunity> won) {
            if (won.isEmpty()) {
                return "-";
            }
            long[] days = won.stream().mapToLong(o -> ChronoUnit.DAYS.between(o.createdDate(), o.closeDate())).sorted().toArray();
            return Long.toString(days[(days.length - 1) / 2]);
        }
    }

    /** Quota attainment of the AEs in the last closed quarter, by region. */
    static final class Attainment implements DemoSection {
        @Override
        public String title() {
            return "Quota attainment";
        }

        @Override
        public void print(DemoContext ctx, PrintWriter out) {
            SampleCompany c = ctx.company();
            Period q = ctx.lastClosedQuarter();
            out.println("AE bookings against quarterly quota, " + q + " (" + q.start() + " to " + q.end() + "):");
            out.println();
            TablePrinter t = TablePrinter.withHeaders("Region", "AEs", "Quota " + CUR, "Bookings " + CUR, "Attainment",
                    "AEs >= 100%", "Range");
            Money allQuota = Money.zero(SampleCompany.CURRENCY);
            Money allBooked = Money.zero(SampleCompany.CURRENCY);
            int allReps = 0;
            int allAbove = 0;
            List<String> regions = new ArrayList<>(SampleCompany.REGIONS);
            for (String region : regions) {
                Money quota = Money.zero(SampleCompany.CURRENCY);
                Money booked = Money.zero(SampleCompany.CURRENCY);
                int reps = 0;
                int above = 0;
                java.math.BigDecimal lo = null;
                java.math.BigDecimal hi = null;
                for (Rep r : c.reps(Role.AE)) {
                    if (!region.equals(c.region(r.id()))) {
                        continue;
                    }
                    var qa = c.quotas().quota(r.id(), q);
                    if (qa.isEmpty() || qa.get().isZero()) {
                        continue;
                    }
                    Money b = ctx.sum(ctx.wonIn(q).stream().filter(o -> o.ownerId().equals(r.id())).toList());
                    quota = quota.plus(qa.get());
                    booked = booked.plus(b);
                    reps++;
                    var att = b.ratio(qa.get());
                    lo = lo == null || att.compareTo(lo) < 0 ? att : lo;
                    hi = hi == null || att.compareTo(hi) > 0 ? att : hi;
                    if (!b.isLessThan(qa.get())) {
                        above++;
                    }
                }
                t.row(region, reps, Fmt.whole(quota), Fmt.whole(booked), Fmt.percent(booked, quota), above,
                        reps == 0 ? "" : Fmt.percent(lo) + " - " + Fmt.percent(hi));
                allQuota = allQuota.plus(quota);
                allBooked = allBooked.plus(booked);
                allReps += reps;
                allAbove += above;
            }
            t.separator();
            t.row("All", allReps, Fmt.whole(allQuota), Fmt.whole(allBooked), Fmt.percent(allBooked, allQuota), allAbove, "");
            t.indent("  ").print(out);
            out.println("  Quota: each AE's quarterly quota, ramped for new hires and prorated for leavers.");
        }
    }

    /** The current quarter so far: won to date, open pipeline closing this quarter by forecast category. */
    static final class CurrentQuarter implements DemoSection {
        @Override
        public String title() {
            return "Current quarter";
        }

        @Override
        public void print(DemoContext ctx, PrintWriter out) {
            SampleCompany c = ctx.company();
            Period q = ctx.currentQuarter();
            long elapsed = ChronoUnit.DAYS.between(q.start(), ctx.asOf()) + 1;
            out.printf(Locale.ROOT, "%s, day %d of %d. Quota %s %s for the AEs.%n", q, elapsed, q.days(), CUR,
                    Fmt.whole(totalQuota(c, q)));
            out.println();
            List<Opportunity> won = ctx.wonIn(q).stream().filter(o -> !o.closeDate().isAfter(ctx.asOf())).toList();
            TablePrinter t = TablePrinter.withHeaders("Forecast category", "Deals", "Amount " + CUR, "Share of quota");
            Money quota = totalQuota(c, q);
            t.row("Closed (won)", won.size(), Fmt.whole(ctx.sum(won)), Fmt.percent(ctx.sum(won), quota));
            for (ForecastCategory cat : List.of(ForecastCategory.COMMIT, ForecastCategory.BEST_CASE, ForecastCategory.PIPELINE)) {
                List<Opportunity> open = c.opportunities().stream()
                        .filter(o -> o.isOpen() && o.closeDate() != null && !o.closeDate().isAfter(q.end())
                                && o.forecastCategory(c.stageModel()) == cat)
                        .toList();
                t.row("Open: " + cat.label(), open.size(), Fmt.whole(ctx.sum(open)), Fmt.percent(ctx.sum(open), quota));
            }
            t.indent("  ").print(out);
            out.println("  Open deals count if expected to close by " + q.end() + " (past-due ones included).");
        }

        private static Money totalQuota(SampleCompany c, Period q) {
            Money total = Money.zero(SampleCompany.CURRENCY);
            for (Rep r : c.reps(Role.AE)) {
                total = total.plus(c.quotas().quota(r.id(), q).orElse(Money.zero(SampleCompany.CURRENCY)));
            }
            return total;
        }
    }
}
