package io.salesops.examples.sample;

import static io.salesops.examples.sample.SampleExport.roundTo;
import static io.salesops.examples.sample.SimulatedRecords.LOST;
import static io.salesops.examples.sample.SimulatedRecords.NEGOTIATION;
import static io.salesops.examples.sample.SimulatedRecords.OPEN_STAGES;
import static io.salesops.examples.sample.SimulatedRecords.PROPOSAL;
import static io.salesops.examples.sample.SimulatedRecords.WON;

import io.salesops.core.period.FiscalCalendar;
import io.salesops.core.period.Period;
import io.salesops.core.period.PeriodKind;
import io.salesops.examples.sample.SampleRoster.Person;
import io.salesops.examples.sample.SimulatedRecords.Deal;
import io.salesops.examples.sample.SimulatedRecords.Event;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * The whole life of one sample deal, drawn when it is created: how long it dwells in each stage, whether it
 * advances, regresses, goes dark or is lost, how its amount and expected close date move, and on which day it
 * closes (pulled to month and quarter ends, never on a weekend). Draws from the generation's {@link SampleDraws};
 * not thread-safe.
 */
final class DealLife {

    /** Share of a deal's sales cycle spent in each open stage. */
    private static final double[] STAGE_SHARE = {0.15, 0.20, 0.20, 0.25, 0.20};

    private final SampleDraws draws;

    DealLife(SampleDraws draws) {
        this.draws = draws;
    }

    /**
     * Walks the deal through the stages until it is won or lost, recording every stage change, slipped close
     * date and amount change.
     */
    void simulate(Deal deal, int startStage, long startAmount, LocalDate startExpected, double cycle,
                          double[] advance, double segmentOdds) {
        Person rep = deal.creator;
        int s = startStage;
        long amount = startAmount;
        LocalDate expected = startExpected;
        LocalDate d = deal.created;
        boolean renewal = deal.type.equals("renewal");
        boolean goesDark = !renewal && draws.uniform() < 0.07;
        boolean regressed = false;
        deal.events.add(new Event(d, OPEN_STAGES[s], amount, expected));
        while (true) {
            double share = STAGE_SHARE[s];
            if (renewal) {
                share = 1.0 / (OPEN_STAGES.length - startStage);
            }
            double dwell = cycle * share * Math.exp(0.55 * draws.gaussian());
            boolean dark = goesDark && s <= 2 && draws.uniform() < 0.5;
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
            double u = draws.uniform();
            String outcome;
            if (dark) {
                outcome = LOST;
            } else if (!renewal && !regressed && s >= PROPOSAL && u < 0.06) {
                outcome = "regress";
            } else if (draws.uniform() < p) {
                outcome = s == NEGOTIATION ? WON : "advance";
            } else {
                outcome = LOST;
                next = d.plusDays(Math.max(1, Math.round((next.toEpochDay() - d.toEpochDay()) * 0.8)));
            }
            if (outcome.equals(WON)) {
                next = closingDay(d, next);
                if (!renewal && next.getDayOfMonth() > 20 && next.plusDays(12).getMonthValue() != next.getMonthValue()
                        && draws.uniform() < 0.3) {
                    amount = roundTo(amount * (0.90 + 0.07 * draws.uniform()), 100, 1_000); // end-of-period discount
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
                    s = s + 1 + (s + 2 <= NEGOTIATION && !renewal && draws.uniform() < 0.08 ? 1 : 0);
                    if (s == PROPOSAL && !renewal) {
                        amount = roundTo(amount * Math.exp(0.03 + 0.18 * draws.gaussian()), 100, 1_000); // scope is priced
                    }
                    if (s == NEGOTIATION) {
                        // In negotiation the rep knows the timing well: the expected close date is re-set.
                        long left = Math.round(cycle * STAGE_SHARE[NEGOTIATION] * (0.8 + 0.4 * draws.uniform()));
                        expected = next.plusDays(Math.max(3, left));
                        if (draws.uniform() < 0.5 && !renewal) {
                            amount = roundTo(amount * (0.90 + 0.10 * draws.uniform()), 100, 1_000);
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
            LocalDate slipDay = e.plusDays(1 + (long) (draws.uniform() * 10));
            if (!slipDay.isAfter(from)) {
                slipDay = from.plusDays(1);
            }
            if (!slipDay.isBefore(to)) {
                return e;
            }
            e = slipDay.plusDays(14 + (long) (draws.uniform() * 47));
            if (draws.uniform() < 0.5) {
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
                && draws.uniform() < push) {
            w = previousQuarterEnd.minusDays((long) (draws.uniform() * 6));
        } else if (w.getDayOfMonth() <= 7 && draws.uniform() < 0.25) {
            LocalDate monthEnd = w.withDayOfMonth(1).minusDays(1);
            if (monthEnd.isAfter(enteredStage)) {
                w = monthEnd.minusDays((long) (draws.uniform() * 3));
            }
        }
        if (!w.isAfter(enteredStage)) {
            w = enteredStage.plusDays(1);
        }
        return weekday(w, enteredStage);
    }

    /** Moves a weekend day to the Friday before, or if that is too early, the Monday after. */
    static LocalDate weekday(LocalDate d, LocalDate notOnOrBefore) {
        if (!isWeekend(d)) {
            return d;
        }
        LocalDate friday = d.with(TemporalAdjusters.previous(DayOfWeek.FRIDAY));
        return friday.isAfter(notOnOrBefore) ? friday : d.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    }

    private static double effectiveSkill(Person rep, LocalDate d) {
        long months = ChronoUnit.MONTHS.between(rep.start(), d);
        return months < 3 ? rep.skill() * 0.8 : rep.skill();
    }

    private static boolean isQ4(LocalDate d) {
        return d.getMonthValue() >= 10;
    }

    static boolean isWeekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
