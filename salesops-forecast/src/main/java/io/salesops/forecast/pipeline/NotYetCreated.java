package io.salesops.forecast.pipeline;

import io.salesops.core.crm.Opportunity;
import io.salesops.core.money.Money;
import io.salesops.core.period.Period;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bookings expected from opportunities not yet created on the as-of day: per leaf, what was won in each of the
 * last complete periods from deals created after the same day of that period, and their average rounded once.
 * A past period whose same day came before the data's first deal is left out (an export starting mid-year), and
 * so is one that began before the export's record of closes did ({@link DataStart}: its early wins were never
 * recorded), unless no other period is complete. Immutable once learned.
 *
 * @param byPeriod per node (not rolled up) and past period, the amounts won, minor units
 * @param average  per node (not rolled up), the average over the past periods, minor units
 * @param pasts    the past periods averaged over
 * @param day      the day of the period the forecast stands on, 1-based
 * @param paceDays after {@link #splitByPace}: the days of deal creation up to the as-of day that split each
 *                 period's bookings among the leaves; else 0 (each leaf's own past bookings)
 * @param partlyFrom when every past period began before the record of closes did, the day it began (their
 *                 bookings are only partly recorded); else null
 */
record NotYetCreated(long[][] byPeriod, long[] average, List<Period> pasts, long day, int paceDays,
                     LocalDate partlyFrom) {

    /**
     * Learns from {@code history} the bookings of not-yet-created deals of every leaf of {@code tree} (rolling
     * up by dimension it may add leaves).
     *
     * @return the model, or null if no past period is complete before the as-of day
     * @throws PipelineInputException if a deal used is in another currency, or rolling up by dimension names an owner not in the org
     */
    static NotYetCreated learn(List<Opportunity> history, RollupTree tree, boolean byOwner, Period period,
                               LocalDate asOf, int lookback, Currency currency, RoundingMode rounding) {
        long offset = ChronoUnit.DAYS.between(period.start(), asOf);
        // a period whose deals created after its same day predate the data is missing, not a period without sales;
        // so, in part, is one that began before the record of closes did: its wins before then were not recorded.
        // Such a period serves only when no other does (an export's first period after its first close).
        LocalDate firstDay = DataStart.firstCreated(history, null);
        LocalDate closesFrom = firstDay == null ? null : DataStart.closesFrom(history, asOf);
        if (closesFrom != null && !closesFrom.isAfter(firstDay)) {
            closesFrom = null; // recorded from the first deal: the same day's check is enough
        }
        List<Period> pasts = pastPeriods(period, asOf, lookback, offset, firstDay, closesFrom, true);
        boolean partly = pasts.isEmpty() && closesFrom != null;
        if (partly) {
            pasts = pastPeriods(period, asOf, lookback, offset, firstDay, closesFrom, false);
        }
        if (pasts.isEmpty()) {
            return null;
        }
        int k = pasts.size();
        Map<Integer, long[]> byLeaf = new HashMap<>();
        for (int j = 0; j < k; j++) {
            Period p = pasts.get(j);
            LocalDate snapshot = p.start().plusDays(offset);
            for (Opportunity o : history) {
                if (!o.isWon() || o.createdDate().compareTo(snapshot) <= 0 || o.closeDate().isBefore(p.start())
                        || o.closeDate().isAfter(p.end())) {
                    continue;
                }
                DealPass.checkCurrency(o, currency);
                int leaf;
                if (byOwner) {
                    Integer l = tree.ownerLeaf(o.ownerId());
                    if (l == null) {
                        continue; // a rep who left: their new business is not this org's to forecast per rep
                    }
                    leaf = l;
                } else {
                    leaf = tree.leafOf(o);
                }
                long[] row = byLeaf.computeIfAbsent(leaf, x -> new long[k]);
                row[j] = Math.addExact(row[j], o.amount().minorUnits());
            }
        }
        int n = tree.size();
        long[][] out = new long[n][k];
        long[] average = new long[n];
        for (Map.Entry<Integer, long[]> e : byLeaf.entrySet()) {
            long[] row = e.getValue();
            out[e.getKey()] = row;
            long sum = 0;
            for (long v : row) {
                sum = Math.addExact(sum, v);
            }
            average[e.getKey()] = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(k), 0, rounding).longValueExact();
        }
        return new NotYetCreated(out, average, pasts, offset + 1, 0, partly ? closesFrom : null);
    }

    /**
     * Up to {@code lookback} periods before {@code period}, latest first, that ended by the as-of day and whose same
     * day comes after the data's first deal ({@code firstDay}, null for no deal); unless {@code closesFrom} is null,
     * also those that began on or after it ({@code whole}) or else ended on or after it.
     */
    private static List<Period> pastPeriods(Period period, LocalDate asOf, int lookback, long offset, LocalDate firstDay,
                                            LocalDate closesFrom, boolean whole) {
        List<Period> pasts = new ArrayList<>();
        for (int j = 1; pasts.size() < lookback && j <= lookback + 4; j++) {
            Period p = period.plus(-j);
            if (!p.end().isAfter(asOf) && (firstDay == null || !firstDay.isAfter(p.start().plusDays(offset + 1)))
                    && (closesFrom == null || !closesFrom.isAfter(whole ? p.start() : p.end()))) {
                pasts.add(p);
            }
        }
        return pasts;
    }

    /**
     * The same bookings in all and in each past period, split among the leaves by their share of the value of
     * deals created in the period-length days up to the as-of day, each leaf's value times its win rate (see
     * {@link #winRates}: a rep who wins half her deals books half of what she creates, one who wins a quarter a
     * quarter), largest remainder, so the parts sum to each whole; instead of by each leaf's own past: a rep who
     * left creates nothing and is expected to book nothing new, a rep ramping up is judged on today's pace rather
     * than on a period when she had just started. Deals
     * whose owner is not in the org (rolling up by owner) take no share. Returns this model unchanged when no
     * deal was created in those days by an owner not quiet. An owner for whom {@code quietOwner} holds (gone quiet
     * on the as-of day, see {@link QuietOwners}) takes no share, and the share his pace would have taken is left
     * out of the whole rather than given to the others: a rep who stopped creating deals weeks ago is not expected
     * to start, and his past new business no longer comes in (docs/pipeline-forecast.md has what this did to the
     * total error on development exports).
     *
     * @param quietOwner whether an owner is quiet on the as-of day
     * @throws PipelineInputException if a deal counted is in another currency
     */
    NotYetCreated splitByPace(List<Opportunity> history, RollupTree tree, boolean byOwner, LocalDate asOf, int days,
                              Currency currency, java.util.function.Predicate<String> quietOwner) {
        // rolling up by dimension, a group seen only among recent deals becomes a leaf here
        Map<Integer, Long> byLeaf = new HashMap<>();
        Map<Integer, Long> quietByLeaf = new HashMap<>();
        for (Opportunity o : history) {
            if (o.createdDate().isAfter(asOf) || !o.createdDate().isAfter(asOf.minusDays(days))) {
                continue;
            }
            DealPass.checkCurrency(o, currency);
            Integer leaf = byOwner ? tree.ownerLeaf(o.ownerId()) : Integer.valueOf(tree.leafOf(o));
            if (leaf != null && o.amount().minorUnits() > 0) {
                (quietOwner.test(o.ownerId()) ? quietByLeaf : byLeaf).merge(leaf, o.amount().minorUnits(), Math::addExact);
            }
        }
        if (byLeaf.isEmpty()) {
            return this;
        }
        Map<Integer, Double> winRate = winRates(history, tree, byOwner, asOf);
        boolean everWon = !winRate.isEmpty() && winRate.values().stream().anyMatch(r -> r > 0);
        // one slot per leaf, and a last one for the quiet owners' pace: its part is nobody's bookings
        long[] pace = new long[tree.size() + 1];
        byLeaf.forEach((leaf, v) -> pace[leaf] = everWon ? Math.round(v * winRate.get(leaf)) : v);
        quietByLeaf.forEach((leaf, v) -> pace[pace.length - 1] += everWon ? Math.round(v * winRate.get(leaf)) : v);
        if (Arrays.stream(pace).allMatch(v -> v == 0)) {
            return this;
        }
        int k = pasts.size();
        long[][] split = new long[tree.size()][k];
        for (int j = 0; j < k; j++) {
            long whole = 0;
            for (long[] row : byPeriod) {
                whole = Math.addExact(whole, row[j]);
            }
            List<Money> parts = Money.ofMinor(whole, currency).allocate(pace);
            for (int i = 0; i < tree.size(); i++) {
                split[i][j] = parts.get(i).minorUnits();
            }
        }
        long all = 0;
        for (long v : average) {
            all = Math.addExact(all, v);
        }
        List<Money> parts = Money.ofMinor(all, currency).allocate(pace);
        long[] shared = new long[tree.size()];
        for (int i = 0; i < shared.length; i++) {
            shared[i] = parts.get(i).minorUnits();
        }
        return new NotYetCreated(split, shared, pasts, day, days, partlyFrom);
    }

    /** Days of closed deals, up to the as-of day, that each leaf's win rate is learned from. */
    static final int WIN_RATE_DAYS = 365;
    /** Pseudo-deals at the overall win rate that each leaf's win rate is shrunk toward. */
    static final double WIN_RATE_PRIOR = 20;

    /**
     * Per leaf, the share of its deals closed in the {@link #WIN_RATE_DAYS} days up to the as-of day that were
     * won, shrunk toward all leaves' share by {@link #WIN_RATE_PRIOR} pseudo-deals: {@code (won + m x overall) /
     * (closed + m)}. Only deals closed on or before the as-of day are read. A leaf without closed deals gets the
     * overall rate; with no closed deal at all every leaf gets 1 (the split is by pace alone).
     */
    private static Map<Integer, Double> winRates(List<Opportunity> history, RollupTree tree, boolean byOwner,
                                                 LocalDate asOf) {
        Map<Integer, long[]> wonClosed = new HashMap<>();
        long won = 0;
        long closed = 0;
        LocalDate from = asOf.minusDays(WIN_RATE_DAYS);
        for (Opportunity o : history) {
            if (!o.status().isClosed() || o.closeDate().isAfter(asOf) || !o.closeDate().isAfter(from)) {
                continue;
            }
            Integer leaf = byOwner ? tree.ownerLeaf(o.ownerId()) : Integer.valueOf(tree.leafOf(o));
            if (leaf == null) {
                continue;
            }
            long[] c = wonClosed.computeIfAbsent(leaf, x -> new long[2]);
            c[0] += o.isWon() ? 1 : 0;
            c[1]++;
            won += o.isWon() ? 1 : 0;
            closed++;
        }
        Map<Integer, Double> out = new HashMap<>();
        if (closed == 0) {
            return out;
        }
        double overall = won / (double) closed;
        for (int leaf = 0; leaf < tree.size(); leaf++) {
            long[] c = wonClosed.getOrDefault(leaf, new long[2]);
            out.put(leaf, (c[0] + WIN_RATE_PRIOR * overall) / (c[1] + WIN_RATE_PRIOR));
        }
        return out;
    }

    /** @return the assumption as the report states it */
    String assumption() {
        String partly = partlyFrom == null ? "" : " (closes are recorded only from " + partlyFrom + ", after these periods"
                + " began and no later one is complete: their new business before then is missing, so this is low)";
        if (paceDays > 0) {
            return "bookings from not-yet-created opportunities: the average over " + pasts + partly + " of what was won"
                    + " in the period from deals created after the same day of the period (day " + day + "), split among"
                    + " the groups by the value of the deals each created in the " + paceDays + " days up to the as-of day"
                    + " times the share of its deals closed in the " + WIN_RATE_DAYS + " days up to it that were won"
                    + " (shrunk toward everyone's by " + Math.round(WIN_RATE_PRIOR) + " deals; owners quiet on the as-of"
                    + " day take no share, and the share their pace would take is left out)";
        }
        return "bookings from not-yet-created opportunities: per group, the average over " + pasts + partly
                + " of what was won in the period from deals created after the same day of the period (day " + day + ")";
    }
}
