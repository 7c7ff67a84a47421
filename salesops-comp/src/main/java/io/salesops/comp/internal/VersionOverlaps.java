package io.salesops.comp.internal;

import io.salesops.comp.plan.CompPlan;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds effective-dated versions of a plan that share a day. One finder serves the Java API
 * ({@link io.salesops.comp.plan.PlanValidator#validateVersions}) and the plan files, which locate the same
 * overlaps at lines. Stateless and thread-safe.
 */
public final class VersionOverlaps {

    /**
     * Two versions sharing days.
     *
     * @param earlier index (in the list given) of the version that starts first
     * @param later   index of the version that starts later (or, starting the same day, comes later in the list)
     * @param from    first shared day, or null when both are effective from always
     * @param to      last shared day, or null when both are open-ended
     */
    public record Overlap(int earlier, int later, LocalDate from, LocalDate to) {

        /** @return the shared days, e.g. {@code 2026-06-01..(open)} */
        public String shared() {
            return (from == null ? "(always)" : from.toString()) + ".." + (to == null ? "(open)" : to.toString());
        }
    }

    private VersionOverlaps() {
    }

    /** @return every pair of versions sharing a day, later version by later version */
    public static List<Overlap> find(List<CompPlan> versions) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> versions.get(i).effectiveFrom() == null ? LocalDate.MIN
                : versions.get(i).effectiveFrom()));
        List<Overlap> out = new ArrayList<>();
        for (int j = 1; j < order.size(); j++) {
            CompPlan later = versions.get(order.get(j));
            for (int i = 0; i < j; i++) {
                CompPlan earlier = versions.get(order.get(i));
                LocalDate from = max(earlier.effectiveFrom(), later.effectiveFrom());
                LocalDate to = min(earlier.effectiveTo(), later.effectiveTo());
                if (from == null || to == null || !from.isAfter(to)) {
                    out.add(new Overlap(order.get(i), order.get(j), from, to));
                }
            }
        }
        return out;
    }

    /** @return e.g. {@code 2026-01-01..2026-05-31} or {@code (always)..(open)} */
    public static String span(CompPlan p) {
        return (p.effectiveFrom() == null ? "(always)" : p.effectiveFrom().toString()) + ".."
                + (p.effectiveTo() == null ? "(open)" : p.effectiveTo().toString());
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }
}
