package io.salesops.comp.internal;

import io.salesops.comp.plan.Cap;
import io.salesops.comp.plan.Component;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A component's per-period cap and floor in a period shared by plan versions: one limit on the period's total of
 * the component (its pay under every version, matched by name), the day-weighted blend of the versions' limits,
 * as a period's guarantee or total cap is. A 12,000 cap to 14 June and 15,000 from 15 June allow
 * 12,000 x 14/30 + 15,000 x 16/30 = 13,600 for June, however the month's pay falls between the versions. It
 * applies when every version sharing the period has such a cap (or floor) on the component; otherwise each
 * version's own limit applies to its share of the days. Confined to the thread calculating the payee.
 */
final class SharedPeriodLimits {

    /** The period's pay of one component so far, across the slices that paid it. */
    private static final class Shared {
        String label;
        long total;
        final List<CreditedAmount> credited = new ArrayList<>();
        YearToDate ytd;
        BigDecimal floorWeighted = BigDecimal.ZERO;
    }

    private final PeriodSetup setup;
    private final FormulaText text;
    private final Map<String, Shared> byName;
    private final Map<String, Long> capWeighted;
    private final Map<String, Boolean> floorShared;

    SharedPeriodLimits(PeriodSetup setup, FormulaText text) {
        this.setup = setup;
        this.text = text;
        // A period under one version (the usual case) shares nothing, and every payee makes one of these.
        boolean shared = setup.slices.size() > 1;
        byName = shared ? new LinkedHashMap<>() : Map.of();
        capWeighted = shared ? new HashMap<>() : Map.of();
        floorShared = shared ? new HashMap<>() : Map.of();
    }

    /** @return true if the component's per-period caps are left to {@link #settle} (one blended cap on the total) */
    boolean capShared(String name) {
        // A period under one version (the usual case) shares nothing: no lookups, no boxing, per payee.
        return setup.slices.size() > 1 && capLimit(name) != null;
    }

    /** @return true if the component's floor is left to {@link #settle} (one blended floor on the total) */
    boolean floorShared(String name) {
        return setup.slices.size() > 1 && floorShared.computeIfAbsent(name, n -> {
            for (VersionSlice s : setup.slices) {
                Component c = component(s, n);
                if (c == null || c.floor() == null) {
                    return false;
                }
            }
            return true;
        });
    }

    /**
     * Notes what a slice paid on a component whose cap or floor is shared (its gates open).
     *
     * @param total the slice's pay of the component after its per-deal and per-year caps
     */
    void add(VersionSlice s, Component c, String label, List<CreditedAmount> credited, long total, YearToDate ytd) {
        Shared sh = byName.computeIfAbsent(c.name(), n -> new Shared());
        sh.label = label;
        sh.total = Math.addExact(sh.total, total);
        sh.credited.addAll(credited);
        sh.ytd = ytd;
        if (floorShared(c.name())) {
            sh.floorWeighted = sh.floorWeighted.add(s.dayWeighted(c.floor().minorUnits()));
        }
    }

    /** Applies the blended caps and floors to the period's totals; returns the lines that cut or top them up. */
    List<UnroundedLine> settle(Caps caps) {
        if (byName.isEmpty()) {
            return List.of();
        }
        List<UnroundedLine> out = new ArrayList<>();
        for (Map.Entry<String, Shared> e : byName.entrySet()) {
            Shared sh = e.getValue();
            Long cap = capLimit(e.getKey());
            long total = sh.total;
            if (cap != null && total > cap) {
                long over = total - cap;
                Attribution.reduce(over, sh.credited);
                Cap shown = smallestPeriodCap(component(setup.slices.get(setup.slices.size() - 1), e.getKey()));
                out.add(caps.capLine(shown, sh.label, sh.credited, -over, "earned " + text.money(total) + " in "
                        + setup.period + " under " + setup.slices.size() + " plan versions; their per-period caps,"
                        + " blended by days of each version, allow " + text.money(cap)));
                total = cap;
            }
            if (floorShared(e.getKey())) {
                long floor = setup.blend(sh.floorWeighted);
                if (total < floor) {
                    out.add(floorLine(sh.label, text.money(floor).toString(), floor - total, text.money(floor)
                            + " (the versions' floors blended by days) less " + text.money(total) + " earned"));
                    total = floor;
                }
            }
            sh.ytd.earned = Math.addExact(sh.ytd.earned, total - sh.total);
        }
        return out;
    }

    /** A line topping a component up to its floor; floors pay no deal, so it is attributed to none. */
    static UnroundedLine floorLine(String label, String floor, long amount, String formula) {
        UnroundedLine d = new UnroundedLine();
        d.kind = io.salesops.comp.statement.LineKind.FLOOR;
        d.component = label;
        d.rule = "floor " + floor;
        d.amount = amount;
        d.applied = List.of("floor " + floor);
        d.formula = FormulaText.fixed("floor " + formula);
        return d;
    }

    /** @return the blended per-period cap of component {@code name} in minor units, or null if it is not shared */
    private Long capLimit(String name) {
        Long w = capWeighted.computeIfAbsent(name, n -> {
            if (setup.slices.size() < 2) {
                return Long.MIN_VALUE;
            }
            BigDecimal weighted = BigDecimal.ZERO;
            for (VersionSlice s : setup.slices) {
                Cap cap = smallestPeriodCap(component(s, n));
                if (cap == null) {
                    return Long.MIN_VALUE;
                }
                weighted = weighted.add(s.dayWeighted(cap.limit().minorUnits()));
            }
            return setup.blend(weighted);
        });
        return w == Long.MIN_VALUE ? null : w;
    }

    private static Component component(VersionSlice s, String name) {
        for (CompiledComponent k : s.components()) {
            if (k.component().name().equals(name)) {
                return k.component();
            }
        }
        return null;
    }

    /** @return the smallest per-period cap of {@code c}, or null if it has none (or {@code c} is null) */
    private static Cap smallestPeriodCap(Component c) {
        Cap smallest = null;
        if (c != null) {
            for (Cap cap : c.caps()) {
                if (cap.scope() == Cap.Scope.PER_PERIOD && (smallest == null || cap.limit().compareTo(smallest.limit()) < 0)) {
                    smallest = cap;
                }
            }
        }
        return smallest;
    }
}
