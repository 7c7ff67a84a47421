package io.salesops.forecast.pipeline;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleConsumer;

/**
 * Monte Carlo simulation of the period's bookings over a roll-up tree, in minor units as {@code long}.
 *
 * <p>Simulations run in fixed blocks of {@link #BLOCK} simulations; block {@code b} draws from its own
 * {@link SplittableRandom} seeded from {@code (seed, b)}, and writes only its own columns of the result, so
 * the numbers depend on the seed alone, never on the number of threads or the order blocks finish in.
 */
final class Simulation {

    /** Simulations per block: the unit of work and of reproducibility. */
    static final int BLOCK = 256;

    private Simulation() {
    }

    /**
     * Runs the simulation.
     *
     * @param parent       parent node of each node, -1 for the root; parents come before children
     * @param dealNode     node each open deal counts in
     * @param dealAmount   each open deal's amount, minor units
     * @param dealP        each open deal's probability of winning inside the period
     * @param base         bookings already certain, per node (not rolled up)
     * @param newByPeriod  per node (not rolled up) and past period, bookings from deals not yet created; null
     *                     or zero-length rows to leave them out. Each simulation draws one past period for all nodes.
     * @param sims         number of simulations, at least 1
     * @return per node (rolled up), the simulated totals, sorted ascending
     */
    static long[][] run(int[] parent, int[] dealNode, long[] dealAmount, double[] dealP, long[] base,
                        long[][] newByPeriod, int sims, long seed, int threads, DoubleConsumer progress) {
        return sortRows(simulate(parent, dealNode, dealAmount, dealP, base, newByPeriod, sims, seed, threads, progress));
    }

    /** Sorts each row in place, for percentiles. @return {@code rows} */
    static long[][] sortRows(long[][] rows) {
        for (long[] row : rows) {
            java.util.Arrays.sort(row);
        }
        return rows;
    }

    /**
     * Runs the simulation as {@link #run} does but leaves the totals in simulation order: column {@code s} of every
     * row is simulation {@code s}, so one column is one joint draw over all nodes.
     */
    static long[][] simulate(int[] parent, int[] dealNode, long[] dealAmount, double[] dealP, long[] base,
                             long[][] newByPeriod, int sims, long seed, int threads, DoubleConsumer progress) {
        int nodes = parent.length;
        long[][] out = new long[nodes][sims];
        int blocks = (sims + BLOCK - 1) / BLOCK;
        int periods = newByPeriod == null || newByPeriod.length == 0 ? 0 : newByPeriod[0].length;
        // Deals sorted by node (stable), so each node's draws sum in a register; the draw order is fixed by
        // the input, so the numbers do not depend on this layout beyond the sort, which is deterministic.
        int d = dealNode.length;
        Integer[] order = new Integer[d];
        for (int i = 0; i < d; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Integer.compare(dealNode[a], dealNode[b]));
        long[] amt = new long[d];
        long[] thr = new long[d];
        int[] runNode = new int[d];
        int[] runEnd = new int[d];
        int runs = 0;
        for (int j = 0; j < d; j++) {
            int i = order[j];
            amt[j] = dealAmount[i];
            // u < p with u = k / 2^53 (SplittableRandom.nextDouble) is k < ceil(p 2^53): compare 53-bit integers
            thr[j] = (long) Math.ceil(dealP[i] * 0x1p53);
            if (runs == 0 || runNode[runs - 1] != dealNode[i]) {
                runNode[runs++] = dealNode[i];
            }
            runEnd[runs - 1] = j + 1;
        }
        final int nRuns = runs;
        AtomicInteger done = new AtomicInteger();
        Runnable[] tasks = new Runnable[blocks];
        for (int b = 0; b < blocks; b++) {
            final int block = b;
            tasks[b] = () -> {
                SplittableRandom rng = new SplittableRandom(blockSeed(seed, block));
                long[] acc = new long[nodes];
                int from = block * BLOCK;
                int to = Math.min(sims, from + BLOCK);
                for (int s = from; s < to; s++) {
                    System.arraycopy(base, 0, acc, 0, nodes);
                    int j = 0;
                    for (int r = 0; r < nRuns; r++) {
                        int end = runEnd[r];
                        long sum = 0;
                        for (; j < end; j++) {
                            // all ones when the draw is below the threshold: a branch-free coin flip
                            long mask = ((rng.nextLong() >>> 11) - thr[j]) >> 63;
                            sum += amt[j] & mask;
                        }
                        acc[runNode[r]] += sum;
                    }
                    if (periods > 0) {
                        int k = rng.nextInt(periods);
                        for (int n = 0; n < nodes; n++) {
                            acc[n] += newByPeriod[n][k];
                        }
                    }
                    for (int n = nodes - 1; n > 0; n--) {
                        acc[parent[n]] += acc[n];
                    }
                    for (int n = 0; n < nodes; n++) {
                        out[n][s] = acc[n];
                    }
                }
                if (progress != null) {
                    progress.accept(done.incrementAndGet() / (double) blocks);
                }
            };
        }
        ParallelTasks.runAll(java.util.Arrays.asList(tasks), threads, "salesops-simulation");
        return out;
    }

    /** SplitMix64 finaliser of seed and block index, so neighbouring blocks get unrelated streams. */
    static long blockSeed(long seed, int block) {
        long z = seed + 0x9E3779B97F4A7C15L * (block + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Nearest-rank percentile of sorted values: the smallest value with at least {@code q} of the values at or below it. */
    static long percentile(long[] sorted, double q) {
        int idx = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }
}
