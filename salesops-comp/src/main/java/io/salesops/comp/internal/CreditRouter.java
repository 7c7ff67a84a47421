package io.salesops.comp.internal;

import io.salesops.comp.input.AmountOverflowException;
import io.salesops.comp.input.Credit;
import io.salesops.comp.input.Split;
import io.salesops.comp.plan.Component;
import io.salesops.comp.plan.CreditTarget;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Crediting: runs once over a period's credits and hands each booking to the payees each component credits
 * (owner, split payees, managers, team), and each reversal to the payees that were paid for its deal. The
 * result is per payee and component slot, in (date, id) order. Single-threaded; read-only once routed.
 */
final class CreditRouter {

    private final PeriodSetup setup;
    private final List<String> warnings;
    /** Per payee, per component slot, the credited amounts; null where there are none. */
    private final List<CreditedAmount>[][] credited;
    /** Per payee, the reversals of deals the payee was paid for; null where there are none. */
    private final List<Credit>[] reversals;
    /** The period's credits, read once. */
    private final PeriodCredits read;
    private final Map<String, List<Integer>> teams = new HashMap<>();
    private final int[][] chains;
    private final Map<String, int[]> managerChains = new HashMap<>();
    private static final int[] NO_CHAIN = {};

    @SuppressWarnings("unchecked")
    CreditRouter(PeriodSetup setup, List<String> warnings, PeriodCredits read) {
        this.setup = setup;
        this.warnings = warnings;
        this.read = read;
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

    /** @return the period's deal ids: every booked or reversed deal has one; read-only once routed */
    StringIds deals() {
        return read.deals;
    }

    /**
     * Routes the period's credits.
     *
     * @throws io.salesops.comp.input.AmountOverflowException naming the credit and component if converting or
     *         splitting its amount leaves the range of a {@code long} of minor units
     */
    void route() {
        VersionSlice only = setup.slices.size() == 1 ? setup.slices.get(0) : null;
        long onlyFrom = only == null ? 0 : only.from().toEpochDay();
        long onlyTo = only == null ? -1 : only.to().toEpochDay();
        for (Booking b : read.bookings) {
            Credit c = b.credit;
            VersionSlice slice = b.day >= onlyFrom && b.day <= onlyTo ? only : setup.sliceOf(c.date());
            if (slice == null) {
                continue;
            }
            List<Credit> reversing = read.reversalsOf(b.deal);
            for (CompiledComponent k : slice.components()) {
                if (!k.when().test(c)) {
                    continue;
                }
                boolean converted = b.amount != Booking.UNCONVERTED;
                try {
                    if (!converted) {
                        b.amount = setup.ctx.rates().convert(c.amount(), setup.currency, c.date(), setup.rounding).minorUnits();
                    }
                    creditTo(b, k, reversing);
                } catch (ArithmeticException e) {
                    throw AmountOverflowException.inCredit(c.id(), k.label(), !converted
                            ? "converting its amount " + c.amount() + " to " + setup.currency
                            : "splitting its amount " + setup.money(b.amount) + " between its payees", e);
                }
            }
        }
        for (int d : read.reversedDeals) {
            for (String payee : setup.prior.payeesPaidFor(read.deals.key(d))) {
                int p = setup.index.get(payee);
                if (p >= 0) {
                    noteReversals(p, read.reversalsOf(d));
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

    private void creditTo(Booking b, CompiledComponent k, List<Credit> reversed) {
        Component comp = k.component();
        long amount = b.amount;
        if (!comp.crediting().overlays().isEmpty()) {
            overlays(b, k, reversed);
        }
        // Who the credit belongs to, before overrides or team credit: the owner or the split payees.
        if (!b.split || !comp.crediting().splits()) {
            creditPart(b, b.ownerId, b.owner, amount, BigDecimal.ONE, k, reversed);
            return;
        }
        if (b.parts == null) {
            b.parts = splitParts(b.credit, amount);
        }
        Booking.Parts sp = b.parts;
        boolean byPayeeId = comp.crediting().target() != CreditTarget.OWNER;
        for (int j = 0; j < sp.who().length; j++) {
            // Amounts of one credit reaching one manager or team member are ordered by whose share they are.
            int i = byPayeeId ? sp.byPayeeId()[j] : j;
            creditPart(b, sp.who()[i], sp.payee()[i], sp.amounts()[i], sp.shares()[i], k, reversed);
        }
    }

    /** @return the credit's split parts: {@code amount} allocated by the split shares, to the cent */
    private Booking.Parts splitParts(Credit c, long amount) {
        int n = c.splits().size();
        String[] who = new String[n];
        int[] payee = new int[n];
        long[] w = new long[n];
        BigDecimal[] shares = new BigDecimal[n];
        int scale = 0;
        for (int i = 0; i < n; i++) {
            Split s = c.splits().get(i);
            who[i] = s.payeeId();
            payee[i] = setup.index.get(who[i]);
            shares[i] = s.share().value();
            scale = Math.max(scale, shares[i].scale()); // Percent keeps its value stripped of trailing zeros
        }
        for (int i = 0; i < n; i++) {
            w[i] = shares[i].setScale(scale, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
            shares[i] = shares[i].movePointLeft(2);
        }
        long[] parts = Alloc.allocate(amount, w, n);
        // A split has a few payees: an insertion sort, stable as the sort by payee id was, boxes nothing.
        int[] byPayeeId = new int[n];
        for (int i = 0; i < n; i++) {
            int j = i;
            while (j > 0 && who[byPayeeId[j - 1]].compareTo(who[i]) > 0) {
                byPayeeId[j] = byPayeeId[j - 1];
                j--;
            }
            byPayeeId[j] = i;
        }
        return new Booking.Parts(who, payee, shares, parts, byPayeeId);
    }

    /**
     * Also credits the whole credit to each person its overlay columns name (double credit), unless that person
     * is credited with it already (the owner or a split payee) or named twice; one who is not a payee is noted.
     */
    private void overlays(Booking b, CompiledComponent k, List<Credit> reversed) {
        Credit c = b.credit;
        List<String> cols = k.component().crediting().overlays();
        java.util.Set<String> credited = new java.util.HashSet<>();
        if (!b.split || !k.component().crediting().splits()) {
            credited.add(c.payeeId());
        } else {
            c.splits().forEach(s -> credited.add(s.payeeId()));
        }
        for (String col : cols) {
            String cell = c.attribute(col);
            String who = cell == null ? "" : cell.strip();
            if (who.isEmpty() || !credited.add(who)) {
                continue;
            }
            int p = setup.index.get(who);
            if (p < 0) {
                warnings.add("credit " + c.id() + ": overlay " + col + " " + who
                        + (setup.ctx.org().contains(who) ? " is not a payee of the plan" : " is not in the org")
                        + "; not credited to " + k.component().name());
                continue;
            }
            add(p, k.slot(), new CreditedAmount(c, b.id, b.date, b.deal, b.amount, BigDecimal.ONE, b.amount), reversed);
        }
    }

    /** Credits one payee's part of a credit: to that payee, its managers or its team, as the component says. */
    private void creditPart(Booking b, String owner, int p, long part, BigDecimal share, CompiledComponent k,
                            List<Credit> reversed) {
        Credit c = b.credit;
        Component comp = k.component();
        CreditTarget target = comp.crediting().target();
        // An override plan is usually assigned to the managers alone: the reps whose bookings it credits upward
        // are in the org but not payees of this plan, and their managers are still owed the override.
        if (p < 0 && !(target != CreditTarget.OWNER && setup.ctx.org().contains(owner))) {
            warnings.add("credit " + c.id() + ": payee " + owner
                    + (setup.ctx.org().contains(owner) ? " is not a payee of the plan" : " is not in the org")
                    + "; not credited to " + comp.name());
            return;
        }
        if (target == CreditTarget.OWNER) {
            add(p, k.slot(), new CreditedAmount(c, b.id, b.date, b.deal, part, share, b.amount), reversed);
        } else if (target == CreditTarget.MANAGERS) {
            int[] chain = p < 0 ? chainOf(setup.ctx.org().rep(owner).managerId()) : chains[p];
            if (chain == null) {
                chain = chainOf(setup.reps[p].managerId());
                chains[p] = chain;
            }
            int levels = comp.crediting().levels() == 0 ? chain.length : Math.min(chain.length, comp.crediting().levels());
            for (int l = 0; l < levels; l++) {
                if (chain[l] >= 0) {
                    add(chain[l], k.slot(), new CreditedAmount(c, b.id, b.date, b.deal, part, share, b.amount), reversed);
                }
            }
        } else {
            String team = p < 0 ? setup.ctx.org().rep(owner).team() : setup.reps[p].team();
            if (team == null) {
                warnings.add("credit " + c.id() + ": payee " + owner + " has no team; no team credit in " + comp.name());
                return;
            }
            for (int member : teams.getOrDefault(team, List.of())) {
                add(member, k.slot(), new CreditedAmount(c, b.id, b.date, b.deal, part, share, b.amount), reversed);
            }
        }
    }

    /**
     * The payee indices of {@code managerId} and the managers above it, nearest first; a manager outside the
     * payee population earns no override (-1) but keeps its level. Each manager's chain is built once.
     */
    private int[] chainOf(String managerId) {
        if (managerId == null) {
            return NO_CHAIN;
        }
        int[] chain = managerChains.get(managerId);
        if (chain == null) {
            int[] above = chainOf(setup.ctx.org().rep(managerId).managerId());
            chain = new int[above.length + 1];
            chain[0] = setup.index.get(managerId);
            System.arraycopy(above, 0, chain, 1, above.length);
            managerChains.put(managerId, chain);
        }
        return chain;
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
