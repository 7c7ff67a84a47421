package io.salesops.comp.file;

import io.salesops.comp.plan.CompPlan;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Checks that effective-dated versions of a plan, one per file, share no day. Each overlap is a problem at the
 * later version's {@code effectiveFrom} (or the top of its file when it has none), naming both files and the
 * shared days. Stateless and thread-safe.
 */
final class PlanVersions {

    /** One version read from {@code file}, with where its dates were written (null if absent). */
    record Version(String file, CompPlan plan, ValueReader.Loc from, ValueReader.Loc to) {
    }

    private PlanVersions() {
    }

    static List<PlanFileProblem> overlaps(List<Version> versions) {
        List<Version> sorted = new ArrayList<>(versions);
        sorted.sort(Comparator.comparing(v -> v.plan().effectiveFrom() == null ? LocalDate.MIN : v.plan().effectiveFrom()));
        List<PlanFileProblem> out = new ArrayList<>();
        for (int j = 1; j < sorted.size(); j++) {
            Version later = sorted.get(j);
            for (int i = 0; i < j; i++) {
                Version earlier = sorted.get(i);
                LocalDate from = max(earlier.plan().effectiveFrom(), later.plan().effectiveFrom());
                LocalDate to = min(earlier.plan().effectiveTo(), later.plan().effectiveTo());
                if (from != null && to != null && from.isAfter(to)) {
                    continue;
                }
                ValueReader.Loc at = later.from() != null ? later.from() : later.to();
                String shared = (from == null ? "(always)" : from.toString()) + ".." + (to == null ? "(open)" : to.toString());
                String fix = later.plan().effectiveFrom() == null
                        ? "give " + later.file() + " an effectiveFrom after " + earlier.file() + " ends"
                        : "end " + earlier.file() + " with effectiveTo: " + later.plan().effectiveFrom().minusDays(1);
                out.add(new PlanFileProblem(later.file(), at == null ? 1 : at.line(), at == null ? 1 : at.column(),
                        at == null ? "" : at.path(), "version " + span(later.plan()) + " overlaps version "
                        + span(earlier.plan()) + " in " + earlier.file() + " on " + shared
                        + "; versions of a plan must not share a day (" + fix + ")"));
            }
        }
        return out;
    }

    private static String span(CompPlan p) {
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
