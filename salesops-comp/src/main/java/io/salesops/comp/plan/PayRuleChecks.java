package io.salesops.comp.plan;

import io.salesops.comp.input.Credit;
import io.salesops.core.money.Percent;
import java.math.BigDecimal;
import java.util.List;

/**
 * The checks of one component's pay rule, tier tables and multipliers, and of the options that only some pay
 * rules honour: an option the engine would ignore for this component is a problem, never silently dropped.
 * Stateless.
 */
final class PayRuleChecks {

    private PayRuleChecks() {
    }

    /** Adds the problems of component {@code c}, at path {@code p} ({@code components[i]}), to {@code out}. */
    static void check(CompPlan plan, Component c, String p, List<PlanProblem> out) {
        pay(plan, c, p + ".pay", out);
        multipliers(c, p, out);
        options(plan, c, p, out);
    }

    /** Options the component's pay rule or crediting would not honour. */
    private static void options(CompPlan plan, Component c, String p, List<PlanProblem> out) {
        Crediting cr = c.crediting();
        if (cr.levels() != 0 && cr.target() != CreditTarget.MANAGERS) {
            out.add(new PlanProblem(p + ".crediting.levels", "levels " + cr.levels() + " counts managers up the chain,"
                    + " but the component credits to " + cr.target().name().toLowerCase(java.util.Locale.ROOT)
                    + "; write to: managers, or leave levels out"));
        }
        for (int k = 0; k < cr.overlays().size(); k++) {
            String col = cr.overlays().get(k);
            String op = p + ".crediting.overlay";
            if (cr.target() != CreditTarget.OWNER) {
                out.add(new PlanProblem(op, "overlay credits the person named in column \"" + col + "\" besides the"
                        + " owner, but the component credits to " + cr.target().name().toLowerCase(java.util.Locale.ROOT)
                        + "; credit the overlay in a component with to: owner"));
            } else if (Credit.BUILT_IN_ATTRIBUTES.contains(col)) {
                out.add(new PlanProblem(op, "overlay column \"" + col + "\" is a built-in attribute; name the credits"
                        + " column holding the overlay person's id (declared under attributes)"));
            } else if (!plan.attributes().contains(col)) {
                out.add(new PlanProblem(op, "overlay column \"" + col + "\" is not among the plan's attributes "
                        + plan.attributes() + "; declare the credits column naming the person credited too"));
            }
        }
        PayRule rule = c.pay();
        if (rule instanceof PayRule.Spiff && !c.multipliers().isEmpty()) {
            out.add(new PlanProblem(p + ".multipliers", "a SPIFF pays a fixed amount per deal, which multipliers do not"
                    + " change; remove the multipliers or pay with a rate"));
        }
        if (rule instanceof PayRule.Bonus || rule instanceof PayRule.Mbo) {
            for (int k = 0; k < c.caps().size(); k++) {
                if (c.caps().get(k).scope() == Cap.Scope.PER_DEAL) {
                    out.add(new PlanProblem(p + ".caps[" + k + "].scope", "a cap per deal limits what each deal pays,"
                            + " but a " + ruleName(rule) + " pays on the period's measure, not per deal, so the cap would"
                            + " never apply; cap it per period or per year"));
                }
            }
        }
        if (c.measure().kind() == Measure.Kind.COUNT) {
            boolean countsDeals = rule instanceof PayRule.Spiff
                    || rule instanceof PayRule.Bonus b && b.table().basis() == TierTable.Basis.AMOUNT;
            if (!countsDeals && !(rule instanceof PayRule.Tiered)) { // a tier table on a count has its own problem
                out.add(new PlanProblem(p + ".measure", "measure count counts deals, which a "
                        + ruleName(rule) + " does not pay on; count deals with a bonus of basis amount (its tiers"
                        + " then count deals) or a SPIFF, or measure sum or attainment"));
            }
        }
    }

    /** @return what a pay rule pays, for messages: "a flat rate", "a tier table", ... */
    static String describe(PayRule rule) {
        if (rule instanceof PayRule.FlatRate) {
            return "a flat rate";
        } else if (rule instanceof PayRule.Tiered) {
            return "a tier table";
        } else if (rule instanceof PayRule.Spiff) {
            return "a SPIFF";
        }
        return rule instanceof PayRule.Bonus ? "a bonus" : "an MBO";
    }

    private static String ruleName(PayRule rule) {
        if (rule instanceof PayRule.FlatRate) {
            return "flat rate";
        } else if (rule instanceof PayRule.Bonus) {
            return "bonus on attainment";
        }
        return "MBO";
    }

    private static void pay(CompPlan plan, Component c, String path, List<PlanProblem> out) {
        PayRule rule = c.pay();
        if (rule instanceof PayRule.FlatRate f) {
            if (f.rate().value().signum() < 0) {
                out.add(new PlanProblem(path + ".rate", "rate " + f.rate() + " is negative"));
            }
        } else if (rule instanceof PayRule.Tiered t) {
            tiers(t.table(), path + ".table", out);
            commissionRates(t.table(), path + ".table", out);
            if (c.measure().kind() == Measure.Kind.COUNT) {
                out.add(new PlanProblem(path, "a tier table pays on amounts, but the measure counts deals; measure sum() or attainment()"));
            }
        } else if (rule instanceof PayRule.Bonus b) {
            PlanValidator.money(plan, b.target(), path + ".target", "bonus target", out);
            tiers(b.table(), path + ".table", out);
            if (b.table().mode() == TierTable.Mode.MARGINAL && b.table().basis() != TierTable.Basis.ATTAINMENT) {
                out.add(new PlanProblem(path + ".table.mode", "a marginal bonus pays a percentage of target per 100% of"
                        + " attainment, so it needs basis attainment; use mode retroactive for a bonus on amounts"));
            }
        } else if (rule instanceof PayRule.Mbo m) {
            PlanValidator.money(plan, m.target(), path + ".target", "MBO target", out);
            if (m.maxPercent() != null && m.maxPercent().signum() < 0) {
                out.add(new PlanProblem(path + ".maxPercent", "MBO maximum " + m.maxPercent().toPlainString() + "% is negative"));
            }
        } else if (rule instanceof PayRule.Spiff s) {
            PlanValidator.money(plan, s.perDeal(), path + ".perDeal", "SPIFF", out);
            if (s.quantity() != null && Credit.BUILT_IN_ATTRIBUTES.contains(s.quantity())) {
                out.add(new PlanProblem(path + ".quantity", "SPIFF quantity \"" + s.quantity() + "\" is a built-in"
                        + " attribute, not a count of units; name the credits column holding each deal's units"));
            } else if (s.quantity() != null && !plan.attributes().contains(s.quantity())) {
                out.add(new PlanProblem(path + ".quantity", "SPIFF quantity column \"" + s.quantity() + "\" is not"
                        + " among the plan's attributes " + plan.attributes() + "; declare the credits column holding"
                        + " each deal's units under attributes"));
            }
        }
    }

    /**
     * A commission tier's rate is a share of the credited amount, so 100% or more pays the whole deal or more:
     * in practice a bound and a rate written the wrong way round ({@code upTo("10", "100")} for 10% up to 100%).
     * Bonus tables are not checked here: their rates are percentages of a target and pass 100 by design.
     */
    private static void commissionRates(TierTable table, String path, List<PlanProblem> out) {
        List<Tier> tiers = table.tiers();
        for (int k = 0; k < tiers.size(); k++) {
            Tier t = tiers.get(k);
            if (t.rate().compareTo(Percent.HUNDRED) >= 0) {
                out.add(new PlanProblem(path + ".tiers[" + k + "].rate", "commission rate " + t.rate() + " on tier "
                        + t.describe(table.basis()) + " pays the whole credited amount or more; a tier is its bound"
                        + " first, then its rate (10% up to 100% is upTo(\"100\", \"10\"), in a plan file"
                        + " {upTo: 100, rate: 10}); were they swapped?"));
            }
        }
    }

    /** Tier tables must start at zero, tile without gap or overlap, have non-negative rates and end open. */
    private static void tiers(TierTable table, String path, List<PlanProblem> out) {
        List<Tier> tiers = table.tiers();
        String unit = table.basis() == TierTable.Basis.ATTAINMENT ? "%" : "";
        if (tiers.isEmpty()) {
            out.add(new PlanProblem(path + ".tiers", "tier table has no tiers"));
            return;
        }
        if (tiers.get(0).from().signum() != 0) {
            out.add(new PlanProblem(path + ".tiers[0].from", "tier table starts at " + tiers.get(0).from().toPlainString()
                    + unit + ", not 0; add a 0% tier below it"));
        }
        for (int k = 0; k < tiers.size(); k++) {
            Tier t = tiers.get(k);
            String tp = path + ".tiers[" + k + "]";
            if (t.rate().value().signum() < 0) {
                out.add(new PlanProblem(tp + ".rate", "rate " + t.rate() + " is negative"));
            }
            if (t.from().signum() < 0) {
                out.add(new PlanProblem(tp + ".from", "tier lower bound " + t.from().toPlainString() + unit + " is negative"));
            }
            if (t.upTo() != null && t.upTo().compareTo(t.from()) <= 0) {
                out.add(new PlanProblem(tp + ".upTo", "tier upper bound " + t.upTo().toPlainString() + unit
                        + " is not above its lower bound " + t.from().toPlainString() + unit));
            }
            if (k + 1 < tiers.size()) {
                Tier next = tiers.get(k + 1);
                if (t.upTo() == null) {
                    out.add(new PlanProblem(tp + ".upTo", "open tier " + t.describe(table.basis())
                            + " is followed by another tier; only the last tier may be open"));
                } else {
                    int cmp = next.from().compareTo(t.upTo());
                    if (cmp > 0) {
                        out.add(new PlanProblem(path + ".tiers[" + (k + 1) + "].from", "gap between tier " + (k + 1)
                                + " ending at " + t.upTo().toPlainString() + unit + " and tier " + (k + 2)
                                + " starting at " + next.from().toPlainString() + unit));
                    } else if (cmp < 0) {
                        out.add(new PlanProblem(path + ".tiers[" + (k + 1) + "].from", "tier " + (k + 2)
                                + " starting at " + next.from().toPlainString() + unit + " overlaps tier " + (k + 1)
                                + " ending at " + t.upTo().toPlainString() + unit));
                    }
                }
            } else if (t.upTo() != null) {
                out.add(new PlanProblem(tp + ".upTo", "last tier ends at " + t.upTo().toPlainString() + unit
                        + "; measures above it would have no rate, so end the table with an open tier"));
            }
        }
    }

    private static void multipliers(Component c, String p, List<PlanProblem> out) {
        List<Multiplier> ms = c.multipliers();
        for (int k = 0; k < ms.size(); k++) {
            Multiplier m = ms.get(k);
            String mp = p + ".multipliers[" + k + "]";
            if (m.factor().signum() < 0) {
                out.add(new PlanProblem(mp + ".factor", "multiplier factor " + m.factor().toPlainString() + " is negative"));
            }
            if (m.upTo() != null && m.upTo().compareTo(m.from()) <= 0) {
                out.add(new PlanProblem(mp + ".upTo", "multiplier range ends at " + m.upTo().toPlainString()
                        + "%, not above its start " + m.from().toPlainString() + "%"));
            }
            for (int j = 0; j < k; j++) {
                if (overlap(ms.get(j), m)) {
                    out.add(new PlanProblem(mp, "multiplier " + m.describe() + " overlaps multipliers[" + j + "] "
                            + ms.get(j).describe() + "; a slice of attainment may have one multiplier"));
                }
            }
        }
    }

    private static boolean overlap(Multiplier a, Multiplier b) {
        // Two ranges overlap unless one ends at or before the other starts (allowing a shared boundary
        // that only one of them includes).
        return !(endsBefore(a, b) || endsBefore(b, a));
    }

    private static boolean endsBefore(Multiplier a, Multiplier b) {
        if (a.upTo() == null) {
            return false;
        }
        int c = a.upTo().compareTo(b.from());
        return c < 0 || (c == 0 && !(a.upToInclusive() && b.fromInclusive()));
    }
}
