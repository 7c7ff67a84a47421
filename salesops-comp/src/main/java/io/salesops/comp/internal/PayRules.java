package io.salesops.comp.internal;

import io.salesops.comp.plan.Component;
import io.salesops.comp.plan.Measure;
import io.salesops.comp.plan.Multiplier;
import io.salesops.comp.plan.PayRule;
import io.salesops.comp.plan.TierTable;
import io.salesops.comp.statement.LineKind;
import io.salesops.core.money.Money;
import io.salesops.core.money.Percent;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * Turns a component's measure into unrounded lines by its pay rule. Flat rates, tier tables and bonuses all
 * go through {@link TierKernel}; they differ only in what a slice's rate multiplies. Bonus and MBO targets
 * are per period, so a slice of a period shared by plan versions pays its share of days. Stateless beyond
 * the period setup; thread-safe.
 */
final class PayRules {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final PeriodSetup setup;
    private final FormulaText text;

    /** Per flat-rate component, its rate as a one-tier marginal table, made once per period. */
    private final java.util.Map<Component, TierTable> flatTables = new java.util.IdentityHashMap<>();
    /**
     * Per bound of every tier table and multiplier of the period's components, its unscaled value and scale
     * ({@link BigDecimal#unscaledValue} allocates), so bounds go onto the measure axis in long arithmetic.
     */
    private final java.util.Map<BigDecimal, long[]> digits = new java.util.IdentityHashMap<>();
    /** Per tier table of the period's components, the rule text of each tier ("tier 2: 50%-100% of quota"). */
    private final java.util.Map<TierTable, String[]> tierRules = new java.util.IdentityHashMap<>();

    PayRules(PeriodSetup setup, FormulaText text) {
        this.setup = setup;
        this.text = text;
        for (VersionSlice s : setup.slices) {
            for (CompiledComponent k : s.components()) {
                Component c = k.component();
                TierTable table = null;
                if (c.pay() instanceof PayRule.FlatRate f) {
                    table = TierTable.marginal(TierTable.Basis.AMOUNT).above(f.rate().value().toPlainString());
                    flatTables.put(c, table);
                } else if (c.pay() instanceof PayRule.Tiered t) {
                    table = t.table();
                } else if (c.pay() instanceof PayRule.Bonus b) {
                    table = b.table();
                }
                if (table != null) {
                    String[] rules = new String[table.tiers().size()];
                    for (int i = 0; i < rules.length; i++) {
                        rules[i] = text.tierRule(table, i, false);
                    }
                    tierRules.put(table, rules);
                    table.tiers().forEach(t -> {
                        noteDigits(t.from());
                        noteDigits(t.upTo());
                    });
                }
                c.multipliers().forEach(m -> {
                    noteDigits(m.from());
                    noteDigits(m.upTo());
                });
            }
        }
    }

    /** @return {@link FormulaText#tierRule} of a tier not marked reached, made once per table and period */
    private String tierRule(TierTable table, int tier) {
        String[] rules = tierRules.get(table);
        return rules != null ? rules[tier] : text.tierRule(table, tier, false);
    }

    private void noteDigits(BigDecimal bound) {
        if (bound != null && bound.precision() <= 18) {
            digits.put(bound, new long[] {bound.unscaledValue().longValueExact(), bound.scale()});
        }
    }

    /** Adds the lines {@code c} pays in {@code slice} to {@code out}. */
    void pay(VersionSlice slice, Component c, String label, List<CreditedAmount> credited, ComponentMeasure m,
             YearToDate ytd, String payee, List<UnroundedLine> out) {
        PayRule rule = c.pay();
        if (rule instanceof PayRule.FlatRate f) {
            TierTable flat = flatTables.get(c);
            if (flat == null) {
                flat = TierTable.marginal(TierTable.Basis.AMOUNT).above(f.rate().value().toPlainString());
            }
            commissionSlices(c, label, flat, true, credited, m, out);
        } else if (rule instanceof PayRule.Tiered t && t.table().mode() == TierTable.Mode.MARGINAL) {
            commissionSlices(c, label, t.table(), false, credited, m, out);
        } else if (rule instanceof PayRule.Tiered t) {
            retroactive(c, label, t.table(), credited, m, ytd, out);
        } else if (rule instanceof PayRule.Bonus b && b.table().mode() == TierTable.Mode.MARGINAL) {
            marginalBonus(slice, c, label, forPayee(b, payee, c), credited, m, out);
        } else if (rule instanceof PayRule.Bonus b) {
            retroactiveBonus(slice, c, label, forPayee(b, payee, c), m, ytd, out);
        } else if (rule instanceof PayRule.Mbo mbo) {
            Money own = setup.ctx.targets().target(payee, c.name());
            mbo(slice, c, label, own == null ? mbo : new PayRule.Mbo(own, mbo.maxPercent()), m, ytd, out);
        } else if (rule instanceof PayRule.Spiff sp) {
            spiff(label, sp, credited, out);
        }
    }

    /**
     * @return whether {@code c} pays a year-to-date true-up: the rate (or bonus, or MBO payout) reached on the
     *         year-to-date measure less what earlier periods of the year paid
     */
    static boolean paysTrueUp(Component c) {
        if (!c.measure().cumulative()) {
            return false;
        }
        PayRule rule = c.pay();
        return rule instanceof PayRule.Tiered t && t.table().mode() == TierTable.Mode.RETROACTIVE
                || rule instanceof PayRule.Bonus b && b.table().mode() == TierTable.Mode.RETROACTIVE
                || rule instanceof PayRule.Mbo;
    }

    /** @return the bonus with the payee's own target, if the context sets one for the component */
    private PayRule.Bonus forPayee(PayRule.Bonus b, String payee, Component c) {
        Money own = setup.ctx.targets().target(payee, c.name());
        return own == null ? b : new PayRule.Bonus(own, b.table());
    }

    /** Marginal commission: each slice of credit at its tier's rate and multiplier, attributed to its credits. */
    private void commissionSlices(Component c, String label, TierTable table, boolean flat, List<CreditedAmount> credited,
                                  ComponentMeasure m, List<UnroundedLine> out) {
        for (TierKernel.Slice s : slices(c, table, credited, m)) {
            Percent rate = table.tiers().get(s.tier()).rate();
            BigDecimal exact = BigDecimal.valueOf(s.base()).multiply(rate.fraction());
            if (s.multiplier() != null) {
                exact = exact.multiply(s.multiplier().factor());
            }
            UnroundedLine d = line(LineKind.COMMISSION, label, flat ? "flat rate" : tierRule(table, s.tier()),
                    text.money(s.base()), rate, s.multiplier());
            // Captures values only: the text outlives the slice (credit rules are kept in the deal history).
            Money base = d.base;
            String rule = d.rule;
            Multiplier mult = s.multiplier();
            d.formula = () -> FormulaText.slice(rate, mult, base, rule);
            d.exact = exact;
            d.credited = s.credited();
            d.weights = s.weights();
            out.add(d);
        }
    }

    /**
     * Marginal bonus: each slice of attainment earns its tier's percentage of target per 100% of attainment,
     * i.e. {@code target x slice / quota x rate x factor}.
     */
    private void marginalBonus(VersionSlice slice, Component c, String label, PayRule.Bonus b,
                               List<CreditedAmount> credited, ComponentMeasure m, List<UnroundedLine> out) {
        boolean prorate = !c.measure().cumulative();
        if (m.quota() == null || m.quota() == 0) {
            UnroundedLine d = line(LineKind.BONUS, label, "marginal bonus at a zero quota", b.target(), null, null);
            d.formula = FormulaText.fixed("the quota is zero, so attainment is undefined and a marginal bonus on attainment pays nothing");
            d.exact = BigDecimal.ZERO;
            out.add(d);
            return;
        }
        Money quota = text.money(m.quota());
        for (TierKernel.Slice s : slices(c, b.table(), credited, m)) {
            Percent rate = b.table().tiers().get(s.tier()).rate();
            BigDecimal exact = BigDecimal.valueOf(b.target().minorUnits()).multiply(BigDecimal.valueOf(s.base()))
                    .multiply(rate.fraction());
            if (s.multiplier() != null) {
                exact = exact.multiply(s.multiplier().factor());
            }
            exact = exact.divide(BigDecimal.valueOf(m.quota()), MathContext.DECIMAL128);
            UnroundedLine d = line(LineKind.BONUS, label, tierRule(b.table(), s.tier()), text.money(s.base()),
                    rate, s.multiplier());
            d.formula = FormulaText.fixed(rate + " x " + FormulaText.factor(s.multiplier()) + "target " + b.target() + " x " + d.base
                    + " / quota " + quota + (prorate ? slice.shareText() : "") + " (" + d.rule
                    + (s.multiplier() == null ? "" : "; " + FormulaText.multiplier(s.multiplier())) + ")");
            d.exact = prorate ? slice.share(exact) : exact;
            out.add(d);
        }
    }

    private List<TierKernel.Slice> slices(Component c, TierTable table, List<CreditedAmount> credited, ComponentMeasure m) {
        int nt = table.tiers().size();
        long[] tFrom = new long[nt];
        long[] tTo = new long[nt];
        for (int i = 0; i < nt; i++) {
            tFrom[i] = axis(table.tiers().get(i).from(), table.basis(), m.quota());
            tTo[i] = table.tiers().get(i).upTo() == null ? Long.MAX_VALUE : axis(table.tiers().get(i).upTo(), table.basis(), m.quota());
        }
        List<Multiplier> mults = c.multipliers();
        long[] mFrom = new long[mults.size()];
        long[] mTo = new long[mults.size()];
        for (int i = 0; i < mults.size(); i++) {
            mFrom[i] = axis(mults.get(i).from(), TierTable.Basis.ATTAINMENT, m.quota());
            mTo[i] = mults.get(i).upTo() == null ? Long.MAX_VALUE : axis(mults.get(i).upTo(), TierTable.Basis.ATTAINMENT, m.quota());
        }
        return TierKernel.marginal(tFrom, tTo, mults, mFrom, mTo, m.start(), credited);
    }

    /** Retroactive commission: the whole measure at the rate reached; year to date, a true-up. */
    private void retroactive(Component c, String label, TierTable table, List<CreditedAmount> credited,
                             ComponentMeasure m, YearToDate ytd, List<UnroundedLine> out) {
        int tier = reached(table, m);
        Percent rate = table.tiers().get(tier).rate();
        Multiplier mult = TierKernel.multiplierAt(c.multipliers(), m.attainment());
        BigDecimal exact = BigDecimal.valueOf(m.value()).multiply(rate.fraction());
        if (mult != null) {
            exact = exact.multiply(mult.factor());
        }
        boolean cum = c.measure().cumulative();
        UnroundedLine d = line(LineKind.COMMISSION, label, text.tierRule(table, tier, true) + text.at(m.attainment(), m.value()),
                text.money(m.value()), rate, mult);
        d.formula = FormulaText.fixed(rate + " x " + FormulaText.factor(mult) + d.base + (cum ? " year to date" : "") + " (" + d.rule
                + (mult == null ? "" : "; " + FormulaText.multiplier(mult)) + ")"
                + (cum ? " less " + text.money(ytd.gross) + " earned earlier this year" : ""));
        d.exact = cum ? trueUp(exact, ytd) : exact;
        d.credited = credited;
        d.weights = amounts(credited);
        out.add(d);
    }

    /** Retroactive bonus: the target at the percentage of the tier reached. */
    private void retroactiveBonus(VersionSlice slice, Component c, String label, PayRule.Bonus b, ComponentMeasure m,
                                  YearToDate ytd, List<UnroundedLine> out) {
        boolean countsDeals = c.measure().kind() == Measure.Kind.COUNT;
        int tier = countsDeals
                ? TierKernel.reached(b.table(), null, BigDecimal.valueOf(m.count()), m.count() > 0) // tiers count deals
                : reached(b.table(), m);
        Percent rate = b.table().tiers().get(tier).rate();
        Multiplier mult = TierKernel.multiplierAt(c.multipliers(), m.attainment());
        BigDecimal exact = BigDecimal.valueOf(b.target().minorUnits()).multiply(rate.fraction());
        if (mult != null) {
            exact = exact.multiply(mult.factor());
        }
        boolean cum = c.measure().cumulative();
        String rule = countsDeals ? FormulaText.countTierRule(b.table(), tier) + FormulaText.atCount(m.count())
                : text.tierRule(b.table(), tier, true) + text.at(m.attainment(), m.value());
        UnroundedLine d = line(LineKind.BONUS, label, rule, b.target(), rate, mult);
        d.applied = List.of();
        d.formula = FormulaText.fixed(rate + " x target " + b.target() + (mult == null ? "" : " x " + FormulaText.plain(mult.factor()))
                + (cum ? "" : slice.shareText()) + " (" + d.rule + ")"
                + (cum ? " less " + text.money(ytd.gross) + " earned earlier this year" : ""));
        d.exact = cum ? trueUp(exact, ytd) : slice.share(exact);
        out.add(d);
    }

    private void mbo(VersionSlice slice, Component c, String label, PayRule.Mbo mbo, ComponentMeasure m, YearToDate ytd,
                     List<UnroundedLine> out) {
        BigDecimal att = m.attainment() == null ? BigDecimal.ZERO : m.attainment();
        BigDecimal paid = mbo.maxPercent() != null && att.compareTo(mbo.maxPercent()) > 0 ? mbo.maxPercent() : att;
        Multiplier mult = TierKernel.multiplierAt(c.multipliers(), m.attainment());
        BigDecimal exact = BigDecimal.valueOf(mbo.target().minorUnits()).multiply(paid).divide(HUNDRED);
        if (mult != null) {
            exact = exact.multiply(mult.factor());
        }
        boolean cum = c.measure().cumulative();
        UnroundedLine d = line(LineKind.BONUS, label, "MBO at " + FormulaText.pct(att)
                + (paid != att ? ", paid at the maximum " + FormulaText.plain(mbo.maxPercent()) + "%" : ""),
                mbo.target(), Percent.of(paid), mult);
        d.applied = List.of();
        d.formula = FormulaText.fixed(FormulaText.pct(paid) + " x target " + mbo.target() + (mult == null ? "" : " x " + FormulaText.plain(mult.factor()))
                + (cum ? "" : slice.shareText()) + " (" + d.rule + ")"
                + (cum ? " less " + text.money(ytd.gross) + " earned earlier this year" : ""));
        d.exact = cum ? trueUp(exact, ytd) : slice.share(exact);
        out.add(d);
    }

    /**
     * A SPIFF per qualifying credit, or per unit of its quantity column; on a split deal, times the payee's share
     * unless the plan pays it in full.
     */
    private void spiff(String label, PayRule.Spiff sp, List<CreditedAmount> credited, List<UnroundedLine> out) {
        if (credited.isEmpty()) {
            return;
        }
        boolean byShare = sp.splitDeals() == PayRule.Spiff.SplitDeals.BY_SHARE;
        BigDecimal units = BigDecimal.ZERO;
        long[] w = new long[credited.size()];
        boolean split = false;
        for (int i = 0; i < w.length; i++) {
            BigDecimal share = byShare ? credited.get(i).share : BigDecimal.ONE;
            split |= share.compareTo(BigDecimal.ONE) != 0;
            BigDecimal u = sp.quantity() == null ? share : share.multiply(SpiffUnits.of(credited.get(i).credit, sp.quantity()));
            units = units.add(u);
            // Weights keep 8 digits of a split share, 4 of a share of units (at most 1,000,000 units a credit).
            w[i] = u.movePointRight(sp.quantity() == null ? 8 : 4).longValue();
        }
        int n = credited.size();
        String deals = n + " qualifying deal" + (n == 1 ? "" : "s");
        UnroundedLine d;
        if (sp.quantity() == null) {
            d = line(LineKind.SPIFF, label, "SPIFF " + sp.perDeal() + " per qualifying deal", sp.perDeal(), null, null);
            d.formula = FormulaText.fixed(split
                    ? sp.perDeal() + " x " + FormulaText.plain(units) + " (split shares of " + deals + ")"
                    : sp.perDeal() + " x " + deals);
        } else {
            d = line(LineKind.SPIFF, label, "SPIFF " + sp.perDeal() + " per unit of " + sp.quantity(), sp.perDeal(), null, null);
            d.formula = FormulaText.fixed(sp.perDeal() + " x " + FormulaText.plain(units) + " " + sp.quantity()
                    + (split ? " (split shares of " : " (") + deals + ")");
        }
        d.applied = List.of();
        d.exact = BigDecimal.valueOf(sp.perDeal().minorUnits()).multiply(units);
        d.credited = credited;
        d.weights = w;
        out.add(d);
    }

    private UnroundedLine line(LineKind kind, String label, String rule, Money base, Percent rate, Multiplier mult) {
        UnroundedLine d = new UnroundedLine();
        d.kind = kind;
        d.component = label;
        d.rule = rule;
        d.base = base;
        d.rate = rate;
        d.multiplier = mult == null ? null : mult.factor();
        d.applied = mult == null ? List.of() : List.of(FormulaText.multiplier(mult));
        return d;
    }

    /** Rounds the earned-to-date once, then subtracts what earlier periods earned: a year-to-date true-up. */
    private BigDecimal trueUp(BigDecimal exactToDate, YearToDate ytd) {
        return BigDecimal.valueOf(exactToDate.setScale(0, setup.rounding).longValueExact() - ytd.gross);
    }

    private int reached(TierTable table, ComponentMeasure m) {
        return TierKernel.reached(table, m.attainment(),
                BigDecimal.valueOf(m.value(), setup.currency.getDefaultFractionDigits()), m.value() > 0);
    }

    /** A bound in percent of quota or in major units, as minor units on the measure axis. */
    private long axis(BigDecimal bound, TierTable.Basis basis, Long quota) {
        boolean amount = basis == TierTable.Basis.AMOUNT;
        long[] d = digits.get(bound);
        if (d != null) {
            long exact = Rounding.scaled(amount ? 1 : quota, d[0], (int) d[1],
                    amount ? setup.currency.getDefaultFractionDigits() : -2, setup.rounding);
            if (exact != Rounding.NOT_IN_LONGS) {
                return exact;
            }
        }
        BigDecimal minor = amount
                ? bound.movePointRight(setup.currency.getDefaultFractionDigits())
                : BigDecimal.valueOf(quota).multiply(bound).movePointLeft(2);
        return minor.setScale(0, setup.rounding).longValueExact();
    }

    private static long[] amounts(List<CreditedAmount> credited) {
        long[] w = new long[credited.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = credited.get(i).amount;
        }
        return w;
    }
}
