package io.salesops.comp.file;

import io.salesops.comp.internal.VersionOverlaps;
import io.salesops.comp.plan.CompPlan;
import java.util.ArrayList;
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
        List<PlanFileProblem> out = new ArrayList<>();
        for (VersionOverlaps.Overlap o : VersionOverlaps.find(versions.stream().map(Version::plan).toList())) {
            Version earlier = versions.get(o.earlier());
            Version later = versions.get(o.later());
            ValueReader.Loc at = later.from() != null ? later.from() : later.to();
            String fix = later.plan().effectiveFrom() == null
                    ? "give " + later.file() + " an effectiveFrom after " + earlier.file() + " ends"
                    : "end " + earlier.file() + " with effectiveTo: " + later.plan().effectiveFrom().minusDays(1);
            out.add(new PlanFileProblem(later.file(), at == null ? 1 : at.line(), at == null ? 1 : at.column(),
                    at == null ? "" : at.path(), "version " + VersionOverlaps.span(later.plan()) + " overlaps version "
                    + VersionOverlaps.span(earlier.plan()) + " in " + earlier.file() + " on " + o.shared()
                    + "; versions of a plan must not share a day (" + fix + ")" + (undated(earlier) && undated(later)
                    ? "; several plan files are versions of one plan: to pay two plans side by side, calculate each"
                    + " in its own run with its own state" : "")));
        }
        return out;
    }

    /** A file with neither date is more likely a second plan than a version of the first. */
    private static boolean undated(Version v) {
        return v.plan().effectiveFrom() == null && v.plan().effectiveTo() == null;
    }
}
