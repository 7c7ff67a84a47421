package io.salesops.comp.internal;

import io.salesops.comp.input.Credit;
import io.salesops.comp.input.Split;
import io.salesops.comp.plan.Component;
import io.salesops.comp.plan.CreditTarget;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Crediting: runs once over a period's credits and hands each booking to the payees each component credits
 * (owner, split payees, managers, team), and each reversal to the payees that were paid for its deal. The
 * result is per payee and component slot, in (date, id) order. Single-threaded; read-only once routed.
 */
final class CreditRouter {

    /** Bookings in date order, then by id (ids are unique within a period). */
    private static final Comparator<Credit> CREDIT_ORDER = (x, y) -> {
        int c = x.date().compareTo(y.date());
        return c != 0 ? c : x.id().compareTo(y.id());
    };

    private final PeriodSetup setup;
    private final List<String> warnings;
    /** Per payee, per component slot, the credited amounts; null where there are none. */
    private final List<CreditedAmount>[][] credited;
    /** Per payee, the reversals of deals the payee was paid for; null where there are none. */
    private final List<Credit>[] reversals;
    private final Map<String, List<Credit>> reversalsByDeal = new HashMap<>();
    private final Map<String, List<Integer>> teams = new HashMap<>();
    private final int[][] chains;

    @SuppressWarnings("unchecked")
    CreditRouter(PeriodSetup setup, List<String> warnings) {
        this.setup = setup;
        this.warnings = warnings;
        int n = setup.reps.length;
        this.credited = new List[n][];
        this.reversals = new List[n];
        this.chains = new int[n][];
        for (int i = 0; i < n; i++) {
            if (setup.reps[i].team() != null) {
                teams.computeIfAbsent(setup.reps[i].team(), k -> new ArrayList<>()).add(i);
            }
        }
    }

    /** @return the amounts credited to payee {@code p} for component {@code slot}, never null */
    List<CreditedAmount> credited(int p, int slot) {
        List<CreditedAmount>[] mine = credited[p];
        return mine == null || mine[slot] == null ? List.of() : mine[slot];
    }

    /** @return the reversals that concern payee {@code p}, or null */
    List<Credit> reversals(int p) {
        return reversals[p];
    }

    /**
     * Routes the period's credits.
     *
     * @throws IllegalArgumentException naming the credit if an id repeats
     */
    void route(List<Credit> credits) {
        Set<String> ids = new HashSet<>(credits.size() * 2);
        List<Credit> bookings = new ArrayList<>(credits.size());
        for (Credit c : credits) {
            if (!ids.add(c.id())) {
                throw new IllegalArgumentException("credit id " + c.id() + " appears more than once in " + setup.period
                        + "; credit ids must be unique so that crediting does not depend on row order");
            }
            if (c.status().isReversal()) {
                reversalsByDeal.computeIfAbsent(c.dealId(), k -> new ArrayList<>()).add(c);
            } else {
                bookings.add(c);
            }
        }
        // One sort of all bookings puts every payee's amounts in (date, id) order as they are appended, so
        // no payee list needs sorting and the result does not depend on the order of the input rows.
        bookings.sort(CREDIT_ORDER);
        for (Credit c : bookings) {
            VersionSlice slice = setup.sliceOf(c.date());
            if (slice == null) {
                continue;
            }
            List<Credit> reversed = reversalsByDeal.isEmpty() ? null : reversalsByDeal.get(c.dealId());
            long amount = Long.MIN_VALUE;
            for (CompiledComponent k : slice.components()) {
                if (!k.when().test(c)) {
                    continue;
                }
                if (amount == Long.MIN_VALUE) {
                    amount = setup.ctx.rates().convert(c.amount(), setup.currency, c.date(), setup.rounding).minorUnits();
                }
                creditTo(c, amount, k, reversed);
            }
        }
        for (Map.Entry<String, List<Credit>> e : reversalsByDeal.entrySet()) {
            for (String payee : setup.prior.payeesPaidFor(e.getKey())) {
                Integer p = setup.index.get(payee);
                if (p != null) {
                    noteReversals(p, e.getValue());
                }
            }
        }
    }

    private void noteReversals(int p, List<Credit> reversed) {
        if (reversals[p] == null) {
            reversals[p] = new ArrayList<>(2);
        }
        for (Credit r : reversed) {
            if (!reversals[p].contains(r)) {
                reversals[p].add(r);
            }
        }
    }

    private void creditTo(Credit c, long amount, CompiledComponent k, List<Credit> reversed) {
        Component comp = k.component();
        // Who the credit belongs to, before overrides or team credit: the owner or the split payees.
        String[] who;
        long[] parts;
        BigDecimal[] shares;
        if (comp.crediting().splits() && !c.splits().isEmpty()) {
            int n = c.splits().size();
            who = new String[n];
            long[] w = new long[n];
            shares = new BigDecimal[n];
            int scale = 0;
            for (int i = 0; i < n; i++) {
                Split s = c.splits().get(i);
                who[i] = s.payeeId();
                shares[i] = s.share().value();
                scale = Math.max(scale, shares[i].scale()); // Percent keeps its value stripped of trailing zeros
            }
            for (int i = 0; i < n; i++) {
                w[i] = shares[i].setScale(scale, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
                shares[i] = shares[i].movePointLeft(2);
            }
            parts = Alloc.allocate(amount, w, n);
            if (comp.crediting().target() != CreditTarget.OWNER) {
                // Amounts of one credit reaching one manager or team member are ordered by whose share they are.
                Integer[] order = new Integer[n];
                for (int i = 0; i < n; i++) {
                    order[i] = i;
                }
                String[] byShare = who;
                Arrays.sort(order, Comparator.comparing(i -> byShare[i]));
                String[] sw = new String[n];
                long[] sp = new long[n];
                BigDecimal[] ss = new BigDecimal[n];
                for (int i = 0; i < n; i++) {
                    sw[i] = who[order[i]];
                    sp[i] = parts[order[i]];
                    ss[i] = shares[order[i]];
                }
                who = sw;
                parts = sp;
                shares = ss;
            }
        } else {
            who = new String[] {c.payeeId()};
            parts = new long[] {amount};
            shares = new BigDecimal[] {BigDecimal.ONE};
        }
        for (int i = 0; i < who.length; i++) {
            Integer p = setup.index.get(who[i]);
            if (p == null) {
                warnings.add("credit " + c.id() + ": payee " + who[i]
                        + (setup.ctx.org().contains(who[i]) ? " is not a payee of the plan" : " is not in the org")
                        + "; not credited to " + comp.name());
                continue;
            }
            CreditTarget target = comp.crediting().target();
            if (target == CreditTarget.OWNER) {
                add(p, k.slot(), new CreditedAmount(c, parts[i], who[i], shares[i], amount), reversed);
            } else if (target == CreditTarget.MANAGERS) {
                int[] chain = chains[p];
                if (chain == null) {
                    // A manager outside the payee population earns no override (-1): the chain keeps its levels.
                    chain = setup.ctx.org().managementChain(who[i]).stream()
                            .mapToInt(r -> setup.index.getOrDefault(r.id(), -1)).toArray();
                    chains[p] = chain;
                }
                int levels = comp.crediting().levels() == 0 ? chain.length : Math.min(chain.length, comp.crediting().levels());
                for (int l = 0; l < levels; l++) {
                    if (chain[l] >= 0) {
                        add(chain[l], k.slot(), new CreditedAmount(c, parts[i], who[i], shares[i], amount), reversed);
                    }
                }
            } else {
                String team = setup.reps[p].team();
                if (team == null) {
                    warnings.add("credit " + c.id() + ": payee " + who[i] + " has no team; no team credit in " + comp.name());
                    continue;
                }
                for (int member : teams.get(team)) {
                    add(member, k.slot(), new CreditedAmount(c, parts[i], who[i], shares[i], amount), reversed);
                }
            }
        }
    }

    private void add(int p, int slot, CreditedAmount amount, List<Credit> reversed) {
        List<CreditedAmount>[] b = credited[p];
        if (b == null) {
            @SuppressWarnings("unchecked")
            List<CreditedAmount>[] nb = new List[setup.componentSlots];
            b = nb;
            credited[p] = b;
        }
        if (b[slot] == null) {
            b[slot] = new ArrayList<>();
        }
        b[slot].add(amount);
        if (reversed != null) {
            noteReversals(p, reversed);
        }
    }
}
