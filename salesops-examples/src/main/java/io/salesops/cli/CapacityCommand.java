package io.salesops.cli;

import io.salesops.core.money.Money;
import io.salesops.core.money.Percent;
import io.salesops.core.org.Org;
import io.salesops.core.org.Rep;
import io.salesops.core.period.Period;
import io.salesops.io.OrgCsvReader;
import io.salesops.planning.quota.CapacityModel;
import io.salesops.planning.quota.CapacityPlan;
import io.salesops.planning.quota.PlanningCsv;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code salesops quota capacity}: how many reps to hire, and when, to reach a target. Not thread-safe. */
@Command(name = "capacity", description = "How many reps to hire, and when, to reach a bookings target, given ramp, productivity and attrition.")
final class CapacityCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PlanYearOptions planYear;

    @Option(names = "--productivity", required = true, paramLabel = "AMOUNT", description = "Bookings of a fully ramped rep in a year.")
    String productivity;

    @Option(names = "--ramp", paramLabel = "CSV", description = "Ramp schedule: month,percent (tenure month 1 = the month of the start date).")
    Path ramp;

    @Option(names = "--attrition", defaultValue = "0%", paramLabel = "PCT", description = "Annual attrition (default: ${DEFAULT-VALUE}).")
    String attrition;

    @Option(names = "--reps", paramLabel = "CSV", description = "Current org: its leaf reps, with start and end dates, count toward the target.")
    Path reps;

    @Option(names = "--current", defaultValue = "0", paramLabel = "N", description = "Or: this many current reps, fully ramped (default: ${DEFAULT-VALUE}).")
    int current;

    @Option(names = "--hire-by", defaultValue = "1", paramLabel = "MONTH",
            description = "Spread hires over fiscal months 1..MONTH (default: ${DEFAULT-VALUE}, all on the first day).")
    int hireBy;

    @Option(names = "--simulations", defaultValue = "2000", paramLabel = "N", description = "Simulated years (default: ${DEFAULT-VALUE}).")
    int simulations;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    OutputFormatOption format;

    @Override
    public Integer call() {
        if (reps != null && current > 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --reps FILE or --current N, not both");
        }
        return CommandSupport.run(spec, this::capacity);
    }

    private Integer capacity() throws IOException {
        Money t = planYear.target();
        Period fy = planYear.year();
        Money perRep = PlanYearOptions.amount(productivity, t.currency().getCurrencyCode(), "productivity");
        Percent leaving = PlanYearOptions.percents(attrition, "attrition").get(0);
        CapacityModel.Builder b = UserInputException.fromUser("quota capacity", () -> CapacityModel.builder(t, fy)
                .productivity(perRep).attrition(leaving).hireBy(hireBy).simulations(simulations, seed).currentReps(current));
        if (ramp != null) {
            b.ramp(PlanningCsv.readRamp(ramp));
        }
        if (reps != null) {
            Org org = OrgCsvReader.builder().build().readOrg(reps);
            List<Rep> leaves = new ArrayList<>();
            for (Rep r : org.reps()) {
                if (org.isLeaf(r.id()) && (r.endDate() == null || !r.endDate().isBefore(fy.start()))) {
                    leaves.add(r);
                }
            }
            b.current(leaves);
        }
        CapacityPlan plan = UserInputException.fromUser("quota capacity", b::build).run();
        PrintWriter out = spec.commandLine().getOut();
        String cur = t.currency().getCurrencyCode();
        TablePrinter table = TablePrinter.withHeaders("Month", "Hired", "Headcount", "Ramped FTE", "Bookings " + cur);
        for (CapacityPlan.Month m : plan.months()) {
            table.row(m.month().toString(), m.hired(), m.headcount(), m.ramped(), m.bookings());
        }
        if (format.format() == OutputFormat.TABLE) {
            out.println("Hires needed for " + plan.target() + " in " + fy + ": " + plan.hires() + " (range "
                    + plan.hiresLow() + ".." + plan.hiresHigh() + ": P10..P90 over simulated attrition)");
            out.println("Bookings with " + plan.hires() + " hires: P10 " + plan.bookingsP10() + ", P50 " + plan.bookingsP50()
                    + ", P90 " + plan.bookingsP90());
            out.println();
            table.print(out);
            out.println();
            plan.notes().forEach(n -> out.println("note: " + n));
        } else {
            table.print(out, format.format());
            PrintWriter err = spec.commandLine().getErr();
            err.println("salesops: hires needed " + plan.hires() + " (P10 " + plan.hiresLow() + ", P90 " + plan.hiresHigh() + ")");
            err.flush();
        }
        out.flush();
        return ExitCodes.OK;
    }
}
