package io.salesops.comp.internal;

import io.salesops.comp.input.AmountOverflowException;
import io.salesops.comp.input.Credit;
import io.salesops.comp.input.Split;
import io.salesops.comp.plan.Component;
import io.salesops.comp.plan.CreditTarget;
import io.salesops.core.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Crediting: runs once over a period's credits and hands each booking to the payees each component credits
 * (owner, split payees, managers, team), and each reversal to the payees that were paid for its deal. The
 * result is per payee and component slot, in (date, id) order. Single-threaded; read-only once routed.
 */
final class CreditRouter {

    /** Bookings in date order, then by id (ids are unique within a period). */
    private static final Comparator<Booking> BOOKING_ORDER = (x, y) -> {
        int c = Long.compare(x.day, y.day);
        if (c == 0) {
            c = Long.compare(x.idPrefix, y.idPrefix);
        }
        return c != 0 ? c : x.credit.id().compareTo(y.credit.id());
    };
    /** An amount not yet converted to the plan currency. */
    private static final long UNCONVERTED = Long.MIN_VALUE;

    /** A booked credit with what routing needs from its strings: its day, its deal and owner as ints, its amount. */
    private static final class Booking {
        final Credit credit;
        final long day;
        final int deal;
        /** The owner's payee index, or -1 if the owner is not a payee. */
        final int owner;
        /** In minor units of the plan currency, or {@link #UNCONVERTED}. */
        long amount;
        final boolean split;
        /**
         * The id's first characters packed so that comparing two prefixes orders ids as {@link String#compareTo}
         * does wherever they differ; equal prefixes fall back to the ids. 0 for every booking when some id does
         * not start with plain ASCII, which then all compare by id.
         */
        long idPrefix;

        Booking(Credit credit, long day, int deal, int owner, long amount) {
            this.credit = credit;
            this.day = day;
            this.deal = deal;
            this.owner = owner;
            this.amount = amount;
            this.split = !credit.splits().isEmpty();
        }
    }

    /** Up to 9 leading characters, 7 bits each, zero-padded; -1 if one of them is not ASCII. */
    private static long asciiPrefix(String id) {
        long key = 0;
        int n = Math.min(9, id.length());
        for (int i = 0; i < 9; i++) {
            int ch = i < n ? id.charAt(i) : 0;
            if (ch > 127) {
                return -1;
            }
            key = key << 7 | ch;
        }
        return key;
    }

    private final PeriodSetup setup;
    private final List<String> warnings;
    /** Per payee, per component slot, the credited amounts; null where there are none. */
    private final List<CreditedAmount>[][] credited;
    /** Per payee, the reversals of deals the payee was paid for; null where there are none. */
    private final List<Credit>[] reversals;
    /**
     * The period's deal ids as ints: the deals reversed in the period first (ids below {@link #reversedDeals}),
     * then every booked deal, so "is this booking's deal reversed?" is an int comparison, not a lookup.
     */
    private final StringIds deals;
    private int reversedDeals;
    /** Per reversed deal id, its reversals in input order. */
    private List<Credit>[] reversalsOfDeal;
    private final Map<String, List<Integer>> teams = new HashMap<>();
    private final int[][] chains;
    private final Map<String, int[]> managerChains = new HashMap<>();
    private static final int[] NO_CHAIN = {};

    @SuppressWarnings("unchecked")
    CreditRouter(PeriodSetup setup, List<String> warnings, int expectedCredits) {
        this.setup = setup;
        this.warnings = warnings;
        int n = setup.reps.length;
        this.credited = new List[n][];
        this.reversals = new List[n];
        this.chains = new int[n][];
        this.deals = new StringIds(expectedCredits);
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
        return deals;
    }

    /**
     * Routes the period's credits.
     *
     * @param credits   the period's credits, in input order
     * @param reversals those of {@code credits} that are reversals, in input order
     * @throws IllegalArgumentException naming the credit if an id repeats
     * @throws io.salesops.comp.input.AmountOverflowException naming the credit and component if converting or
     *         splitting its amount leaves the range of a {@code long} of minor units
     */
    @SuppressWarnings("unchecked")
    void route(List<Credit> credits, List<Credit> reversals) {
        for (Credit r : reversals) {
            deals.add(r.dealId());
        }
        reversedDeals = deals.size();
        reversalsOfDeal = new List[reversedDeals];
        for (Credit r : reversals) {
            int d = deals.get(r.dealId());
            if (reversalsOfDeal[d] == null) {
                reversalsOfDeal[d] = new ArrayList<>(1);
            }
            reversalsOfDeal[d].add(r);
        }
        // One pass in input order, the order the credits lie in memory, reads what each booking needs from its
        // strings (after the sort they are visited out of that order): the id (unique, and its first characters
        // for the sort) while its characters are at hand, the deal and the owner as ints.
        StringIds ids = new StringIds(credits.size());
        Booking[] bookings = new Booking[credits.size() - reversals.size()];
        int nb = 0;
        boolean ascii = true;
        for (Credit c : credits) {
            int known = ids.size();
            if (ids.add(c.id()) < known) {
                throw new IllegalArgumentException("credit id " + c.id() + " appears more than once in " + setup.period
                        + "; credit ids must be unique so that crediting does not depend on row order");
            }
            if (!c.status().isReversal()) {
                Money m = c.amount();
                Booking b = new Booking(c, c.date().toEpochDay(), deals.add(c.dealId()), setup.index.get(c.payeeId()),
                        m.currency().equals(setup.currency) ? m.minorUnits() : UNCONVERTED);
                b.idPrefix = asciiPrefix(c.id());
                ascii &= b.idPrefix >= 0;
                bookings[nb++] = b;
            }
        }
        if (!ascii) {
            for (int i = 0; i < nb; i++) {
                bookings[i].idPrefix = 0;
            }
        }
        // One sort of all bookings puts every payee's amounts in (date, id) order as they are appended, so
        // no payee list needs sorting and the result does not depend on the order of the input rows.
        bookings = inDateAndIdOrder(bookings, nb);
        VersionSlice only = setup.slices.size() == 1 ? setup.slices.get(0) : null;
        long onlyFrom = only == null ? 0 : only.from().toEpochDay();
        long onlyTo = only == null ? -1 : only.to().toEpochDay();
        for (int i = 0; i < nb; i++) {
            Booking b = bookings[i];
            Credit c = b.credit;
            VersionSlice slice = b.day >= onlyFrom && b.day <= onlyTo ? only : setup.sliceOf(c.date());
            if (slice == null) {
                continue;
            }
            List<Credit> reversing = b.deal < reversedDeals ? reversalsOfDeal[b.deal] : null;
            for (CompiledComponent k : slice.components()) {
                if (!k.when().test(c)) {
                    continue;
                }
                boolean converted = b.amount != UNCONVERTED;
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
        for (int d = 0; d < reversedDeals; d++) {
            for (String payee : setup.prior.payeesPaidFor(deals.key(d))) {
                int p = setup.index.get(payee);
                if (p >= 0) {
                    noteReversals(p, reversalsOfDeal[d]);
                }
            }
        }
    }

    /**
     * @return the bookings in (day, id) order: by day and id prefix on primitive keys, then by id within the
     *         rare runs the prefixes do not tell apart (ids sharing their first 9 characters, non-ASCII ids)
     */
    private static Booking[] inDateAndIdOrder(Booking[] bookings, int nb) {
        long[] day = new long[nb];
        long[] prefix = new long[nb];
        for (int i = 0; i < nb; i++) {
            day[i] = bookings[i].day;
            prefix[i] = bookings[i].idPrefix;
        }
        int[] order = RadixOrder.order(day, prefix, nb);
        Booking[] sorted = new Booking[nb];
        for (int i = 0; i < nb; i++) {
            sorted[i] = bookings[order[i]];
        }
        for (int i = 0; i < nb; ) {
            int end = i + 1;
            while (end < nb && sorted[end].day == sorted[i].day && sorted[end].idPrefix == sorted[i].idPrefix) {
                end++;
            }
            if (end - i > 1) {
                Arrays.sort(sorted, i, end, BOOKING_ORDER);
            }
            i = end;
        }
        return sorted;
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
        Credit c = b.credit;
        int deal = b.deal;
        long amount = b.amount;
        // Who the credit belongs to, before overrides or team credit: the owner or the split payees.
        if (!comp.crediting().overlays().isEmpty()) {
            overlays(b, k, reversed);
        }
        if (!b.split || !comp.crediting().splits()) {
            creditPart(c, deal, c.payeeId(), b.owner, amount, BigDecimal.ONE, amount, k, reversed);
            return;
        }
        int n = c.splits().size();
        String[] who = new String[n];
        long[] w = new long[n];
        BigDecimal[] shares = new BigDecimal[n];
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
        long[] parts = Alloc.allocate(amount, w, n);
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
        for (int i = 0; i < n; i++) {
            creditPart(c, deal, who[i], setup.index.get(who[i]), parts[i], shares[i], amount, k, reversed);
        }
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
            add(p, k.slot(), new CreditedAmount(c, b.deal, b.amount, c.payeeId(), BigDecimal.ONE, b.amount), reversed);
        }
    }

    /** Credits one payee's part of a credit: to that payee, its managers or its team, as the component says. */
    private void creditPart(Credit c, int deal, String owner, int p, long part, BigDecimal share, long amount,
                            CompiledComponent k, List<Credit> reversed) {
        Component comp = k.component();
        CreditTarget target = comp.crediting().target();
        // An override plan is usually assigned to the managers alone: the reps whose bookings it credits upward
        // are in the org but not payees of this plan, and their managers are still owed the override.
        boolean upward = target != CreditTarget.OWNER && setup.ctx.org().contains(owner);
        if (p < 0 && !upward) {
            warnings.add("credit " + c.id() + ": payee " + owner
                    + (setup.ctx.org().contains(owner) ? " is not a payee of the plan" : " is not in the org")
                    + "; not credited to " + comp.name());
            return;
        }
        if (target == CreditTarget.OWNER) {
            add(p, k.slot(), new CreditedAmount(c, deal, part, owner, share, amount), reversed);
        } else if (target == CreditTarget.MANAGERS) {
            int[] chain = p < 0 ? chainOf(setup.ctx.org().rep(owner).managerId()) : chains[p];
            if (chain == null) {
                chain = chainOf(setup.reps[p].managerId());
                chains[p] = chain;
            }
            int levels = comp.crediting().levels() == 0 ? chain.length : Math.min(chain.length, comp.crediting().levels());
            for (int l = 0; l < levels; l++) {
                if (chain[l] >= 0) {
                    add(chain[l], k.slot(), new CreditedAmount(c, deal, part, owner, share, amount), reversed);
                }
            }
        } else {
            String team = p < 0 ? setup.ctx.org().rep(owner).team() : setup.reps[p].team();
            if (team == null) {
                warnings.add("credit " + c.id() + ": payee " + owner + " has no team; no team credit in " + comp.name());
                return;
            }
            for (int member : teams.getOrDefault(team, List.of())) {
                add(member, k.slot(), new CreditedAmount(c, deal, part, owner, share, amount), reversed);
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
