package io.salesops.planning.territory;

import java.util.Arrays;

/**
 * The hand-written baseline, also the solver's construction: from the current assignment (nearest rep
 * where there is none), repeatedly take the rep furthest outside its band and apply the single transfer
 * (one account to or from it) or, failing that, the swap (one of its accounts for one of another rep's)
 * that most reduces the total excess, never exceeding the move cap; ties go to the shorter distance.
 * Stops when every rep is inside its band or no transfer or swap helps any rep. Deterministic.
 * Not thread-safe: one instance per search.
 */
final class GreedySearch {

    private final GroupProblem p;
    private final int[] assign;
    private final long[][] load;
    private int moves;
    /** Accounts of each rep, as a list of indexes with a position table for O(1) removal. */
    private final int[][] members;
    private final int[] size;
    private final int[] position;
    /** Account pairs a swap search may still look at: swaps are the expensive step, so they are rationed. */
    private long swapBudget;

    private GreedySearch(GroupProblem p, int[] start) {
        this.p = p;
        this.assign = start.clone();
        this.load = new long[2][p.m];
        this.members = new int[p.m][];
        this.size = new int[p.m];
        this.position = new int[p.n];
        this.swapBudget = 200L * p.n * Math.max(1, p.m);
        int[] count = new int[p.m];
        for (int i = 0; i < p.n; i++) {
            count[assign[i]]++;
        }
        for (int j = 0; j < p.m; j++) {
            members[j] = new int[Math.max(4, count[j])];
        }
        for (int i = 0; i < p.n; i++) {
            add(i, assign[i]);
            moves += p.moved(i, assign[i]) ? 1 : 0;
        }
    }

    /** @return the start of every search: previous rep where it is in the group, else the nearest rep */
    static int[] start(GroupProblem p) {
        int[] s = new int[p.n];
        for (int i = 0; i < p.n; i++) {
            s[i] = p.start(i);
        }
        return s;
    }

    /** @return the rep index per account after the greedy repair of {@code start} */
    static int[] repair(GroupProblem p, int[] start) {
        GreedySearch g = new GreedySearch(p, start);
        g.run();
        return g.assign;
    }

    private void run() {
        boolean[] stuck = new boolean[p.m];
        // Each applied step strictly lowers the total excess, an integer, so the loop ends; the cap on
        // iterations only bounds pathological inputs.
        long iterations = 0;
        long limit = 20L * p.n + 1000;
        while (iterations++ < limit) {
            int worst = -1;
            long worstExcess = 0;
            for (int j = 0; j < p.m; j++) {
                long e = excess(j, load[0][j], load[1][j]);
                if (!stuck[j] && e > worstExcess) {
                    worst = j;
                    worstExcess = e;
                }
            }
            if (worst < 0) {
                return;
            }
            if (transfer(worst) || swap(worst)) {
                Arrays.fill(stuck, false);
            } else {
                stuck[worst] = true;
            }
        }
    }

    private long excess(int j, long potential, long workload) {
        return p.excessPpm(0, j, potential) + p.excessPpm(1, j, workload);
    }

    /** Excess change when rep j's loads change by (dp, dw). */
    private long delta(int j, long dp, long dw) {
        return excess(j, load[0][j] + dp, load[1][j] + dw) - excess(j, load[0][j], load[1][j]);
    }

    private int moveDelta(int i, int from, int to) {
        return (p.moved(i, to) ? 1 : 0) - (p.moved(i, from) ? 1 : 0);
    }

    /**
     * A good single transfer into or out of rep r; applies it and returns true if it lowers the excess. Of the
     * transfers that lower the excess by at least half as much as the best one, it takes the one that adds the
     * least distance, so that balance does not cost compactness more than it must.
     */
    private boolean transfer(int r) {
        long best = bestTransfer(r, Long.MIN_VALUE);
        return best < 0 && bestTransfer(r, best / 2) < 0;
    }

    /**
     * With {@code threshold == Long.MIN_VALUE}, returns the largest excess reduction (as a negative delta, or
     * 0 if none); otherwise applies the nearest transfer whose delta is at most {@code threshold}.
     */
    private long bestTransfer(int r, long threshold) {
        boolean apply = threshold != Long.MIN_VALUE;
        long best = 0;
        long bestExtra = Long.MAX_VALUE;
        int bestAccount = -1;
        int bestTarget = -1;
        for (int i = 0; i < p.n; i++) {
            if (p.pinned[i]) {
                continue;
            }
            int from = assign[i];
            long vp = p.value[0][i];
            long vw = p.value[1][i];
            if (from == r) {
                long out = delta(r, -vp, -vw);
                long here = p.distance(i, r);
                for (int t = 0; t < p.m; t++) {
                    if (t != r && moves + moveDelta(i, r, t) <= p.moveCap) {
                        long d = out + delta(t, vp, vw);
                        if (!apply && d < best) {
                            best = d;
                        } else if (apply && d <= threshold) {
                            long extra = p.distance(i, t) - here;
                            if (extra < bestExtra) {
                                bestExtra = extra;
                                bestAccount = i;
                                bestTarget = t;
                            }
                        }
                    }
                }
            } else if (moves + moveDelta(i, from, r) <= p.moveCap) {
                long d = delta(from, -vp, -vw) + delta(r, vp, vw);
                if (!apply && d < best) {
                    best = d;
                } else if (apply && d <= threshold) {
                    long extra = p.distance(i, r) - p.distance(i, from);
                    if (extra < bestExtra) {
                        bestExtra = extra;
                        bestAccount = i;
                        bestTarget = r;
                    }
                }
            }
        }
        if (!apply) {
            return best;
        }
        move(bestAccount, bestTarget);
        return threshold;
    }

    /** Best swap of one of rep r's accounts with another rep's; applies it and returns true if it helps. */
    private boolean swap(int r) {
        long best = 0;
        int bestMine = -1;
        int bestTheirs = -1;
        if (swapBudget <= 0) {
            return false;
        }
        swapBudget -= (long) size[r] * p.n;
        for (int a = 0; a < size[r]; a++) {
            int i = members[r][a];
            if (p.pinned[i]) {
                continue;
            }
            for (int k = 0; k < p.n; k++) {
                int t = assign[k];
                if (t == r || p.pinned[k]) {
                    continue;
                }
                long dp = p.value[0][k] - p.value[0][i];
                long dw = p.value[1][k] - p.value[1][i];
                int dm = moveDelta(i, r, t) + moveDelta(k, t, r);
                if (moves + dm > p.moveCap) {
                    continue;
                }
                long d = delta(r, dp, dw) + delta(t, -dp, -dw);
                if (d < best) {
                    best = d;
                    bestMine = i;
                    bestTheirs = k;
                }
            }
        }
        if (bestMine < 0) {
            return false;
        }
        int t = assign[bestTheirs];
        move(bestMine, t);
        move(bestTheirs, r);
        return true;
    }

    private void move(int i, int to) {
        int from = assign[i];
        moves += moveDelta(i, from, to);
        remove(i, from);
        add(i, to);
        assign[i] = to;
    }

    private void add(int i, int j) {
        if (size[j] == members[j].length) {
            members[j] = Arrays.copyOf(members[j], members[j].length * 2);
        }
        position[i] = size[j];
        members[j][size[j]++] = i;
        load[0][j] += p.value[0][i];
        load[1][j] += p.value[1][i];
    }

    private void remove(int i, int j) {
        int pos = position[i];
        int last = members[j][--size[j]];
        members[j][pos] = last;
        position[last] = pos;
        load[0][j] -= p.value[0][i];
        load[1][j] -= p.value[1][i];
    }
}
