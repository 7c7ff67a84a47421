package io.salesops.comp.file;

import io.salesops.comp.engine.ComponentState;
import io.salesops.comp.engine.CompState;
import io.salesops.comp.engine.DealHistory;
import io.salesops.comp.engine.DealPay;
import io.salesops.comp.engine.PayeeState;
import io.salesops.core.money.Money;
import io.salesops.core.period.FiscalCalendar;
import io.salesops.core.period.Period;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates realistic ledger states for the journal tests: payee ids that collide under naive file-name
 * escaping ({@code a/b}, {@code a_002Fb}), ids differing only in case, non-ASCII ids, amounts up to 15 digits,
 * draw balances, several components and a deal history with clawbacks. Deterministic per seed.
 */
final class LedgerStates {

    static final FiscalCalendar CAL = FiscalCalendar.calendarYear();
    private static final String[] AWKWARD = {"a/b", "a_002Fb", "A/B", "Ann", "ann", "ü-rep", "rep 1", "rep\"q", ".hidden", "con"};

    private LedgerStates() {
    }

    static Period month(int m) {
        return CAL.month(2026, m);
    }

    /** The state of {@code payees} payees after {@code period}, as a calculation on {@code seed} would leave it. */
    static CompState state(int payees, long seed, Period period) {
        SplittableRandom rnd = new SplittableRandom(seed * 31 + period.start().toEpochDay());
        List<PayeeState> out = new ArrayList<>(payees);
        for (int i = 0; i < payees; i++) {
            String id = i < AWKWARD.length ? AWKWARD[i] : "rep-" + i;
            out.add(payee(id, rnd, period));
        }
        return CompState.of(out);
    }

    private static PayeeState payee(String id, SplittableRandom rnd, Period period) {
        Map<String, ComponentState> cs = new LinkedHashMap<>();
        int components = 1 + rnd.nextInt(3);
        for (int c = 0; c < components; c++) {
            cs.put(c == 0 ? "Bookings" : "Comp " + c, new ComponentState(usd(rnd, 12), rnd.nextInt(500), usd(rnd, 9), usd(rnd, 9)));
        }
        List<DealPay> history = new ArrayList<>();
        int deals = rnd.nextInt(5);
        for (int d = 0; d < deals; d++) {
            long pay = rnd.nextLong(1, 10_000_000L);
            boolean clawback = rnd.nextInt(6) == 0;
            history.add(new DealPay("D-" + rnd.nextInt(1_000_000), "Bookings", period.toString(),
                    period.start().plusDays(rnd.nextInt(period.days())), clawback ? -pay : pay,
                    clawback ? -pay * 10 : pay * 10, "10% x USD " + pay / 100 + " (tier 1)"));
        }
        Money earned = usd(rnd, 10);
        return new PayeeState(id, period.fiscalYear(), period.toString(), earned, earned, usd(rnd, 6), cs,
                DealHistory.of(history));
    }

    private static Money usd(SplittableRandom rnd, int digits) {
        long bound = (long) Math.pow(10, Math.min(digits, 15));
        return Money.ofMinor(rnd.nextLong(bound), java.util.Currency.getInstance("USD"));
    }

    static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }
}
