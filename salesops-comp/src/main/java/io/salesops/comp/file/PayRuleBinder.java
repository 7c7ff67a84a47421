package io.salesops.comp.file;

import io.salesops.comp.plan.PayRule;
import io.salesops.comp.plan.Tier;
import io.salesops.comp.plan.TierTable;
import io.salesops.core.money.Money;
import io.salesops.core.money.Percent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds a component's {@code pay} section (flat rate, tiered, bonus, MBO, SPIFF) and its tier table to a
 * {@link PayRule}. One instance per file; not thread-safe.
 */
final class PayRuleBinder {

    static final String PAY_FORMS = "a pay rule with a type: flat_rate, tiered, bonus, mbo or spiff";

    private enum PayType { FLAT_RATE, TIERED, BONUS, MBO, SPIFF }

    private final ValueReader r;

    PayRuleBinder(ValueReader reader) {
        this.r = reader;
    }

    /** @return the pay rule, or null with the problems recorded */
    PayRule pay(Node n, String path) {
        Mapping o = r.mapping(n, path, PAY_FORMS);
        if (o == null) {
            return null;
        }
        r.at(path, path, n);
        PayType type = r.enumOr(o.req("type", "flat_rate, tiered, bonus, mbo or spiff"), path + ".type", PayType.class, null);
        if (type == null) {
            o.skipRest();
            return null;
        }
        PayRule out = switch (type) {
            case FLAT_RATE -> {
                Percent rate = r.percent(o.req("rate", "the rate in percent, e.g. 8 for 8%"), path + ".rate");
                yield rate == null ? null : new PayRule.FlatRate(rate);
            }
            case TIERED -> {
                TierTable t = table(n, o, path, TierTable.Mode.MARGINAL);
                yield t == null ? null : new PayRule.Tiered(t);
            }
            case BONUS -> {
                Money target = r.money(o.req("target", "the bonus at 100% of the table's rate"), path + ".target");
                TierTable t = table(n, o, path, TierTable.Mode.RETROACTIVE);
                yield target == null || t == null ? null : new PayRule.Bonus(target, t);
            }
            case MBO -> {
                Money target = r.money(o.req("target", "the payout at 100% attainment"), path + ".target");
                Node mx = o.opt("maxPercent");
                BigDecimal max = mx == null ? null : r.decimal(mx, path + ".maxPercent", "a percentage");
                yield target == null || (mx != null && max == null) ? null : new PayRule.Mbo(target, max);
            }
            case SPIFF -> spiff(n, o, path);
        };
        o.done();
        return out;
    }

    /**
     * {@code perDeal: 250}, or {@code perUnit: 50} with {@code quantity: seats} (the column holding each deal's
     * units); exactly one of the two amounts.
     */
    private PayRule spiff(Node n, Mapping o, String path) {
        Node perDeal = o.opt("perDeal");
        Node perUnit = o.opt("perUnit");
        Node quantity = o.opt("quantity");
        PayRule.Spiff.SplitDeals split = r.enumOr(o.opt("splitDeals"), path + ".splitDeals",
                PayRule.Spiff.SplitDeals.class, PayRule.Spiff.SplitDeals.BY_SHARE);
        if (perDeal != null && perUnit != null) {
            r.hard(perUnit, path + ".perUnit", "a SPIFF pays perDeal (per qualifying deal) or perUnit (per unit of"
                    + " its quantity column), not both");
            return null;
        }
        if (perDeal == null && perUnit == null) {
            r.hard(n, path + ".perDeal", "is missing; expected the amount paid per qualifying deal (perDeal: 250),"
                    + " or perUnit with quantity for an amount per unit (perUnit: 50, quantity: seats)");
            return null;
        }
        if (perDeal != null && quantity != null) {
            r.hard(quantity, path + ".quantity", "quantity counts units, which a SPIFF perDeal does not pay by;"
                    + " write perUnit instead of perDeal, or remove quantity");
            return null;
        }
        String column = null;
        if (perUnit != null) {
            if (quantity == null) {
                r.hard(perUnit, path + ".quantity", "is missing; a SPIFF perUnit needs the credits column holding each"
                        + " deal's units, e.g. quantity: seats (declared under attributes)");
                return null;
            }
            column = r.name(quantity, path + ".quantity");
            r.at(path + ".quantity", path + ".quantity", quantity);
            r.at(path + ".perDeal", path + ".perUnit", perUnit);
        }
        Money amount = perDeal != null ? r.money(perDeal, path + ".perDeal") : r.money(perUnit, path + ".perUnit");
        if (amount == null || split == null || perUnit != null && column == null) {
            return null;
        }
        return new PayRule.Spiff(amount, split, column);
    }

    private TierTable table(Node n, Mapping o, String path, TierTable.Mode defaultMode) {
        r.locateAt(path + ".table", new ValueReader.Loc(path, n.line, n.column));
        TierTable.Mode mode = r.enumOr(o.opt("mode"), path + ".mode", TierTable.Mode.class, defaultMode);
        TierTable.Basis basis = r.enumOr(o.req("basis", "amount or attainment"), path + ".basis", TierTable.Basis.class, null);
        Node tn = o.req("tiers", "a list of tiers, e.g. [{upTo: 100, rate: 10}, {rate: 15}]");
        if (tn == null) {
            return null;
        }
        if (tn.kind != Node.Kind.ARRAY) {
            r.hard(tn, path + ".tiers", "expected a list of tiers, found " + tn.describe());
            return null;
        }
        r.locateAt(path + ".table.tiers", new ValueReader.Loc(path + ".tiers", tn.line, tn.column));
        List<Tier> tiers = new ArrayList<>();
        BigDecimal previous = BigDecimal.ZERO;
        boolean ok = true;
        for (int k = 0; k < tn.items.size(); k++) {
            Node t = tn.items.get(k);
            String tp = path + ".tiers[" + k + "]";
            String mp = path + ".table.tiers[" + k + "]";
            Tier tier = tier(t, tp, mp, previous, ok);
            if (tier == null) {
                ok = false;
                previous = null;
            } else {
                tiers.add(tier);
                previous = tier.upTo();
            }
        }
        if (!ok || mode == null || basis == null) {
            return null;
        }
        return new TierTable(mode, basis, tiers);
    }

    private Tier tier(Node n, String path, String modelPath, BigDecimal previous, boolean previousOk) {
        Mapping o = r.mapping(n, path, "a tier: {upTo: 100, rate: 10}, {below: 100, rate: 10} or {rate: 15} for the open top tier");
        if (o == null) {
            return null;
        }
        r.at(modelPath, path, n);
        Node fromN = o.opt("from");
        Node upToN = o.opt("upTo");
        Node belowN = o.opt("below");
        BigDecimal from;
        if (fromN != null) {
            from = r.decimal(fromN, path + ".from", "a number");
            r.at(modelPath + ".from", path + ".from", fromN);
        } else {
            // The default lower bound is the previous tier's upper bound; after an open or broken tier it is unknown.
            from = previous;
            if (from == null && previousOk) {
                r.hard(n, path + ".from", "the previous tier has no upper bound, so this tier needs an explicit from");
            }
        }
        if (upToN != null && belowN != null) {
            r.hard(n, path, "a tier ends either at upTo (inclusive) or below (exclusive), not both");
            o.done();
            return null;
        }
        BigDecimal upTo = null;
        if (upToN != null) {
            upTo = r.decimal(upToN, path + ".upTo", "a number");
            r.at(modelPath + ".upTo", path + ".upTo", upToN);
        } else if (belowN != null) {
            upTo = r.decimal(belowN, path + ".below", "a number");
            r.at(modelPath + ".upTo", path + ".below", belowN);
        }
        Node rn = o.req("rate", "the rate in percent");
        Percent rate = r.percent(rn, path + ".rate");
        if (rn != null) {
            r.at(modelPath + ".rate", path + ".rate", rn);
        }
        o.done();
        if (from == null || rate == null || (upToN != null || belowN != null) && upTo == null) {
            return null;
        }
        return new Tier(from, upTo, upToN != null, rate);
    }
}
