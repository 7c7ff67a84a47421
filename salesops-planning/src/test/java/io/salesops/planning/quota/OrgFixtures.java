package io.salesops.planning.quota;

import io.salesops.core.money.Money;
import io.salesops.core.org.Org;
import io.salesops.core.org.Rep;
import io.salesops.core.period.FiscalCalendar;
import io.salesops.core.period.Period;
import io.salesops.core.period.PeriodKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Realistic orgs for tests: a VP, managers in two levels, reps with joiners, leavers, reps with no history,
 * reps with a zero year, and seasonal bookings history with a Q4 spike.
 */
final class OrgFixtures {

    static final FiscalCalendar CAL = FiscalCalendar.startingIn(java.time.Month.FEBRUARY);
    static final Period FY2027 = CAL.year(2027);

    final Org org;
    final List<Bookings> history;

    private OrgFixtures(Org org, List<Bookings> history) {
        this.org = org;
        this.history = history;
    }

    static OrgFixtures generate(long seed, int regions, int teamsPerRegion, int repsPerTeam) {
        Random rnd = new Random(seed);
        List<Rep> reps = new ArrayList<>();
        List<Bookings> history = new ArrayList<>();
        reps.add(new Rep("vp", null, null, null, null, LocalDate.of(2019, 1, 1), null));
        LocalDate yearStart = FY2027.start();
        for (int g = 0; g < regions; g++) {
            String region = "rvp-" + g;
            reps.add(new Rep(region, null, "vp", null, "T" + g, LocalDate.of(2020, 1, 1), null));
            for (int t = 0; t < teamsPerRegion; t++) {
                String mgr = "m-" + g + "-" + t;
                reps.add(new Rep(mgr, null, region, null, "T" + g, LocalDate.of(2021, 1, 1), null));
                int n = 1 + rnd.nextInt(repsPerTeam);
                for (int i = 0; i < n; i++) {
                    String id = "r-" + g + "-" + t + "-" + i;
                    LocalDate start;
                    LocalDate end = null;
                    int kind = rnd.nextInt(10);
                    if (kind == 0) {
                        start = yearStart.plusDays(rnd.nextInt(300)); // joins during the plan year
                    } else if (kind == 1) {
                        start = yearStart.minusDays(30 + rnd.nextInt(120)); // joined late last year
                    } else {
                        start = yearStart.minusDays(400 + rnd.nextInt(1500));
                    }
                    if (rnd.nextInt(15) == 0) {
                        end = yearStart.plusDays(rnd.nextInt(360)); // leaves during the plan year
                        if (end.isBefore(start)) {
                            end = start.plusDays(10);
                        }
                    }
                    reps.add(new Rep(id, null, mgr, null, "T" + g + "-" + rnd.nextInt(3), start, end));
                    if (kind >= 2 && rnd.nextInt(8) != 0) {
                        double productivity = 0.3 + rnd.nextDouble() * 1.5;
                        for (int year = 2025; year <= 2026; year++) {
                            for (Period m : CAL.year(year).split(PeriodKind.MONTH)) {
                                if (m.end().isBefore(start)) {
                                    continue;
                                }
                                double season = m.index() % 3 == 0 ? 1.6 : 0.8;
                                long cents = (long) (productivity * season * (50_000 + rnd.nextInt(100_000)) * 100);
                                history.add(new Bookings(id, m, Money.ofMinor(rnd.nextInt(12) == 0 ? 0 : cents, "USD")));
                            }
                        }
                    }
                }
            }
        }
        return new OrgFixtures(Org.of(reps), history);
    }
}
