package io.salesops.comp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.core.money.Money;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class AllocProperties {

    @Provide
    Arbitrary<long[]> weights() {
        return Arbitraries.longs().between(0, 1_000_000).array(long[].class).ofMinSize(1).ofMaxSize(12)
                .filter(w -> java.util.Arrays.stream(w).sum() > 0);
    }

    /** Parts sum exactly to the whole, and each part is within one minor unit of its exact share. */
    @Property
    void allocate_partsSumToTheWhole_eachWithinOneCentOfItsShare(
            @ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long total,
            @ForAll("weights") long[] w) {
        long[] parts = Alloc.allocate(total, w, w.length);
        long sum = 0;
        long wsum = java.util.Arrays.stream(w).sum();
        for (int i = 0; i < parts.length; i++) {
            sum += parts[i];
            // |part - total * w / W| < 1  <=>  |part * W - total * w| < W
            BigInteger diff = BigInteger.valueOf(parts[i]).multiply(BigInteger.valueOf(wsum))
                    .subtract(BigInteger.valueOf(total).multiply(BigInteger.valueOf(w[i]))).abs();
            assertThat(diff).isLessThan(BigInteger.valueOf(wsum));
        }
        assertThat(sum).isEqualTo(total);
    }

    /** The fast long allocation gives exactly Money.allocate's parts, ties included. */
    @Property
    void allocate_agreesWithMoneyAllocate(@ForAll @LongRange(min = -10_000_000L, max = 10_000_000L) long total,
                                          @ForAll("weights") long[] w) {
        assertAgreesWithMoneyAllocate(total, w);
    }

    private static void assertAgreesWithMoneyAllocate(long total, long[] w) {
        List<Money> expected = Money.ofMinor(total, "USD").allocate(w);
        long[] parts = Alloc.allocate(total, w, w.length);
        for (int i = 0; i < parts.length; i++) {
            assertThat(parts[i]).isEqualTo(expected.get(i).minorUnits());
        }
    }

    /**
     * Many parts (a manager's month of overrides), with few distinct weights so remainders tie: the parts that get
     * a leftover unit, chosen by selection rather than a sort, are still exactly Money.allocate's.
     */
    @Property(tries = 300)
    void allocate_manyParts_agreesWithMoneyAllocate(@ForAll @LongRange(min = -10_000_000L, max = 10_000_000L) long total,
                                                    @ForAll("manyWeights") long[] w) {
        assertAgreesWithMoneyAllocate(total, w);
    }

    @Provide
    Arbitrary<long[]> manyWeights() {
        return Arbitraries.longs().between(0, 7).array(long[].class).ofMinSize(17).ofMaxSize(400)
                .filter(w -> java.util.Arrays.stream(w).sum() > 0);
    }

    /** Selecting the k smallest of distinct values puts exactly the first k of the sorted values first. */
    @Property(tries = 300)
    void selectSmallest_putsTheKSmallestFirst(@ForAll("distinct") long[] a, @ForAll @IntRange(min = 0, max = 1000) int k0) {
        int k = k0 % (a.length + 1);
        long[] sorted = a.clone();
        java.util.Arrays.sort(sorted);
        long[] picked = a.clone();
        Alloc.selectSmallest(picked, k);
        long[] head = java.util.Arrays.copyOf(picked, k);
        java.util.Arrays.sort(head);
        assertThat(head).containsExactly(java.util.Arrays.copyOf(sorted, k));
    }

    @Provide
    Arbitrary<long[]> distinct() {
        return Arbitraries.longs().between(-1_000_000, 1_000_000).set().ofMinSize(1).ofMaxSize(300)
                .map(set -> set.stream().mapToLong(Long::longValue).toArray());
    }

    /** Split percentages with two decimals summing to 100 split a deal exactly, each part within a cent. */
    @Property
    void splitPercentages_allocateTheDealExactly(@ForAll @LongRange(min = 0, max = 100_000_000_00L) long cents,
                                                 @ForAll("splitBasisPoints") long[] bp) {
        BigDecimal[] pct = new BigDecimal[bp.length];
        for (int i = 0; i < bp.length; i++) {
            pct[i] = BigDecimal.valueOf(bp[i], 2);
        }
        List<Money> parts = Money.ofMinor(cents, "USD").allocate(pct);
        assertThat(Money.sum(parts, Money.currency("USD")).minorUnits()).isEqualTo(cents);
        for (int i = 0; i < bp.length; i++) {
            BigDecimal share = BigDecimal.valueOf(cents).multiply(pct[i]).divide(BigDecimal.valueOf(100));
            assertThat(BigDecimal.valueOf(parts.get(i).minorUnits()).subtract(share).abs()).isLessThan(BigDecimal.ONE);
        }
    }

    @Provide
    Arbitrary<long[]> splitBasisPoints() {
        // n-1 random cut points in 1..9999 basis points give n positive shares summing to 10000 (100.00%).
        return Arbitraries.longs().between(1, 9_999).set().ofMinSize(1).ofMaxSize(5).map(cuts -> {
            long[] sorted = cuts.stream().mapToLong(Long::longValue).sorted().toArray();
            long[] out = new long[sorted.length + 1];
            long prev = 0;
            for (int i = 0; i < sorted.length; i++) {
                out[i] = sorted[i] - prev;
                prev = sorted[i];
            }
            out[sorted.length] = 10_000 - prev;
            return out;
        });
    }
}
