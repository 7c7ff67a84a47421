package io.salesops.comp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.comp.engine.DealHistory;
import io.salesops.comp.engine.DealPay;
import io.salesops.core.org.Rep;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The two indexes a state keeps of deals, searched by hash then by id: a payee's deal history ({@link DealHistory}
 * chunks, scanned when small and binary-searched when large) and a period's payees paid per deal ({@link
 * PaidDeals}). Both must find exactly what a plain scan finds, in order, also for deal ids whose hash codes
 * collide ("Aa" and "BB" do) and amounts beyond an int.
 */
class DealIndexProperties {

    /** Deal ids with many equal hash codes among them, and plain ones. */
    private static String dealId(Random rnd, int deals) {
        int k = rnd.nextInt(deals);
        if (k % 3 == 0) {
            // Strings of "Aa" and "BB" blocks all share one hash code per length.
            StringBuilder b = new StringBuilder();
            for (int bit = 0; bit < 3; bit++) {
                b.append((k >> bit & 1) == 0 ? "Aa" : "BB");
            }
            return b.append(k / 24).toString();
        }
        return "deal-" + k;
    }

    private static long amount(Random rnd, boolean wide) {
        long a = rnd.nextInt(2_000_000) - 200_000;
        return wide && rnd.nextInt(20) == 0 ? a * 10_000_000L : a;
    }

    /** A history of chunks made of values and of the engine's columns finds each deal's entries as a scan of all does. */
    @Property(tries = 200)
    void forDeal_findsWhatAScanFinds(@ForAll @IntRange(min = 1, max = 6) int periods,
                                     @ForAll @IntRange(min = 0, max = 60) int perPeriod,
                                     @ForAll @IntRange(min = 1, max = 80) int deals,
                                     @ForAll boolean wide, @ForAll long seed) {
        Random rnd = new Random(seed);
        DealHistory h = DealHistory.empty();
        List<DealPay> expected = new ArrayList<>();
        for (int p = 0; p < periods; p++) {
            String period = "2026-0" + (p + 1);
            int n = rnd.nextInt(perPeriod + 1);
            boolean oneComponent = rnd.nextBoolean();
            List<DealPay> chunk = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String component = oneComponent || rnd.nextBoolean() ? "Bookings" : "Override";
                chunk.add(new DealPay(dealId(rnd, deals), component, period, LocalDate.of(2026, p + 1, 1 + rnd.nextInt(28)),
                        amount(rnd, wide), amount(rnd, wide), "rule " + i, amount(rnd, wide)));
            }
            if (rnd.nextBoolean()) {
                h = h.plus(chunk);
            } else {
                HistoryColumns columns = new HistoryColumns(period, rnd.nextInt(n + 1));
                for (DealPay d : chunk) {
                    columns.add(d.dealId(), d.dealId().hashCode(), d.component(), d.dealDate(), d.payMinor(),
                            d.baseMinor(), d.rule(), d.dealMinor(), 0);
                }
                h = columns.appendTo(h);
            }
            expected.addAll(chunk);
        }
        assertThat(h.all()).isEqualTo(expected);
        assertThat(h.size()).isEqualTo(expected.size());
        Set<String> ids = new LinkedHashSet<>();
        expected.forEach(d -> ids.add(d.dealId()));
        ids.add("no such deal");
        ids.add("AaAaAa-1");
        for (String id : ids) {
            assertThat(h.forDeal(id)).isEqualTo(expected.stream().filter(d -> d.dealId().equals(id)).toList());
        }
    }

    /** The map of a period's deals to the payees paid for them answers as a hash map of the same pairs does. */
    @Property(tries = 200)
    void paidDeals_answerAsAHashMapDoes(@ForAll @IntRange(min = 0, max = 300) int deals,
                                        @ForAll @IntRange(min = 1, max = 30) int payees, @ForAll long seed) {
        Random rnd = new Random(seed);
        StringIds ids = new StringIds(4);
        for (int i = 0; i < deals; i++) {
            ids.add(dealId(rnd, Math.max(1, deals)));
        }
        Rep[] reps = new Rep[payees];
        int[][] paid = new int[payees][];
        Map<String, List<String>> expected = new HashMap<>();
        for (int p = 0; p < payees; p++) {
            reps[p] = Rep.of("r" + p, null);
            Set<Integer> mine = new java.util.TreeSet<>();
            int n = ids.size() == 0 ? 0 : rnd.nextInt(Math.min(ids.size(), 12) + 1);
            for (int i = 0; i < n; i++) {
                mine.add(rnd.nextInt(ids.size()));
            }
            paid[p] = mine.stream().mapToInt(Integer::intValue).toArray();
            for (int d : paid[p]) {
                expected.computeIfAbsent(ids.key(d), k -> new ArrayList<>()).add(reps[p].id());
            }
        }
        PaidDeals map = new PaidDeals(ids, reps, paid);
        assertThat(map.size()).isEqualTo(expected.size());
        for (int d = 0; d < ids.size(); d++) {
            String id = ids.key(d);
            List<String> want = expected.get(id);
            assertThat(map.get(id) == null ? null : List.of(map.get(id))).isEqualTo(want);
            assertThat(map.containsKey(id)).isEqualTo(want != null);
        }
        assertThat(map.get("no such deal")).isNull();
        Map<String, List<String>> entries = new LinkedHashMap<>();
        map.forEach((k, v) -> entries.put(k, List.of(v)));
        assertThat(entries).isEqualTo(expected);
    }

    /** Sorting an index built in position order gives what a plain sort of its longs gives, large or small. */
    @Property(tries = 60)
    void hashIndexSort_isAPlainSort(@ForAll @IntRange(min = 0, max = 20_000) int n, @ForAll boolean fewHashes,
                                    @ForAll long seed) {
        Random rnd = new Random(seed);
        long[] index = new long[n];
        for (int i = 0; i < n; i++) {
            int hash = fewHashes ? rnd.nextInt(50) - 25 : rnd.nextInt();
            index[i] = (long) hash << 32 | i;
        }
        long[] expected = index.clone();
        java.util.Arrays.sort(expected);
        HashIndex.sort(index);
        assertThat(index).isEqualTo(expected);
    }
}
