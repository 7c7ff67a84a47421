package io.salesops.comp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class RepeatedDealsProperties {

    /**
     * A payee's deals among a period's: few or many keys (the check compares pairs below 33 keys, then uses a bit per
     * deal or a hash set), drawn from few deals (repeats likely) or many (repeats rare).
     */
    @Provide
    Arbitrary<int[]> deals() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 40), Arbitraries.integers().between(0, 3_000))
                .array(int[].class).ofMinSize(0).ofMaxSize(2_500);
    }

    /** The check says a deal repeats exactly when two keys share a deal, whichever way it looks. */
    @Property(tries = 300)
    void repeatsADeal_isTrueExactlyWhenTwoKeysShareADeal(@ForAll("deals") int[] deals,
                                                         @ForAll @IntRange(min = 0, max = 200_000) int moreDeals) {
        long[] keys = new long[deals.length];
        Set<Integer> seen = new HashSet<>();
        boolean repeats = false;
        int max = 0;
        for (int i = 0; i < deals.length; i++) {
            keys[i] = (long) deals[i] << 32 | i;
            repeats |= !seen.add(deals[i]);
            max = Math.max(max, deals[i]);
        }
        // The period has at least as many deals as the largest id, and perhaps many more (the hash-set path).
        int periodDeals = max + 1 + moreDeals;
        assertThat(PayeeLedger.repeatsADeal(keys, keys.length, periodDeals)).isEqualTo(repeats);
    }
}
