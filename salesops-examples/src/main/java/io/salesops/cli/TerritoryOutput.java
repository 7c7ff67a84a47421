package io.salesops.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesops.planning.territory.Assignment;
import io.salesops.planning.territory.BalanceReport;
import io.salesops.planning.territory.Measure;
import io.salesops.planning.territory.MeasureBalance;
import io.salesops.planning.territory.RepLoad;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** Prints a territory plan or check as a table, JSON or CSV. Stateless. */
final class TerritoryOutput {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TerritoryOutput() {
    }

    /**
     * Writes a plan's or a check's balance report in the chosen format, the one output both commands share: CSV rows
     * on standard output with the summary on standard error; JSON, to which {@code jsonMore} adds fields; or the
     * per-rep table and summary, followed by what {@code tableMore} prints.
     */
    static void report(OutputFormat format, PrintWriter out, PrintWriter err, BalanceReport r, List<Measure> balanced,
                       Consumer<PrintWriter> csvRows, Consumer<ObjectNode> jsonMore, Consumer<PrintWriter> tableMore) {
        switch (format) {
            case CSV -> {
                csvRows.accept(out);
                out.flush();
                summary(err, r, balanced);
            }
            case JSON -> {
                ObjectNode root = json(r, balanced);
                jsonMore.accept(root);
                print(out, root);
            }
            default -> {
                table(out, r, balanced);
                tableMore.accept(out);
            }
        }
    }

    /**
     * Flushes both streams once everything is written.
     *
     * @return {@link ExitCodes#OK} if the report meets its tolerances, move cap and coverage, else
     *         {@link TerritoryOptions#CONSTRAINTS_NOT_MET}
     */
    static int exitCode(BalanceReport r, PrintWriter out, PrintWriter err) {
        out.flush();
        err.flush();
        return r.meetsConstraints() ? ExitCodes.OK : TerritoryOptions.CONSTRAINTS_NOT_MET;
    }

    /** {@code account,rep,previous_rep}, one row per account in book order. */
    static void assignmentsCsv(PrintWriter out, List<Assignment> assignments) {
        out.println("account,rep,previous_rep");
        for (Assignment a : assignments) {
            out.println(CommandSupport.csv(a.account()) + "," + CommandSupport.csv(a.rep()) + ","
                    + CommandSupport.csv(a.previousRep()));
        }
    }

    static TablePrinter repTable(BalanceReport r) {
        TablePrinter t = TablePrinter.withHeaders("rep", "group", "accounts", "potential", "potential_vs_target_pct",
                "workload", "workload_vs_target_pct", "mean_km", "moved_in", "moved_out");
        for (RepLoad x : r.reps()) {
            t.row(x.rep(), x.group(), x.accounts(), x.potential().toPlainString(),
                    x.deviationPercent(Measure.POTENTIAL).toPlainString(), x.workload().toPlainString(),
                    x.deviationPercent(Measure.WORKLOAD).toPlainString(), round1(x.meanDistanceKm()), x.movedIn(), x.movedOut());
        }
        return t;
    }

    /** The per-rep table and the summary under it. */
    static void table(PrintWriter out, BalanceReport r, List<Measure> balanced) {
        repTable(r).print(out);
        out.println();
        summary(out, r, balanced);
    }

    static void summary(PrintWriter out, BalanceReport r, List<Measure> balanced) {
        for (Measure m : Measure.values()) {
            MeasureBalance b = r.balance(m);
            out.printf(Locale.ROOT, "%-9s max/min %s, CV %.4f, worst %s%% from target, %d reps outside%s%n", m,
                    Double.isInfinite(b.maxOverMin()) ? "inf" : String.format(Locale.ROOT, "%.3f", b.maxOverMin()),
                    b.coefficientOfVariation(), b.maxDeviationPercent().toPlainString(), b.repsOutside(),
                    balanced.contains(m) ? "" : " (not balanced)");
        }
        out.printf(Locale.ROOT, "moves     %d of %d accounts (cap %d)%n", r.moves(), r.accounts(), r.moveCap());
        out.printf(Locale.ROOT, "distance  mean %.1f km from account to rep%n", r.meanDistanceKm());
        for (String b : r.bindingConstraints()) {
            out.println("binding   " + b);
        }
        out.println(r.meetsConstraints() ? "result    every constraint met"
                : "result    constraints not met (exit code " + TerritoryOptions.CONSTRAINTS_NOT_MET + ")");
    }

    static ObjectNode json(BalanceReport r, List<Measure> balanced) {
        ObjectNode root = JSON.createObjectNode();
        root.put("meetsConstraints", r.meetsConstraints());
        root.put("accounts", r.accounts());
        root.put("moves", r.moves());
        root.put("moveCap", r.moveCap());
        root.put("meanDistanceKm", round1(r.meanDistanceKm()));
        ObjectNode balance = root.putObject("balance");
        for (Measure m : Measure.values()) {
            MeasureBalance b = r.balance(m);
            ObjectNode o = balance.putObject(m.toString());
            o.put("balanced", balanced.contains(m));
            if (Double.isInfinite(b.maxOverMin())) {
                o.putNull("maxOverMin");
            } else {
                o.put("maxOverMin", b.maxOverMin());
            }
            o.put("coefficientOfVariation", b.coefficientOfVariation());
            o.put("maxDeviationPercent", b.maxDeviationPercent());
            o.put("repsOutside", b.repsOutside());
        }
        ArrayNode binding = root.putArray("bindingConstraints");
        r.bindingConstraints().forEach(binding::add);
        ArrayNode reps = root.putArray("reps");
        for (RepLoad x : r.reps()) {
            ObjectNode o = reps.addObject();
            o.put("rep", x.rep());
            o.put("group", x.group());
            o.put("accounts", x.accounts());
            o.put("potential", x.potential());
            o.put("targetPotential", x.targetPotential());
            o.put("workload", x.workload());
            o.put("targetWorkload", x.targetWorkload());
            o.put("meanDistanceKm", round1(x.meanDistanceKm()));
            o.put("movedIn", x.movedIn());
            o.put("movedOut", x.movedOut());
        }
        return root;
    }

    static void print(PrintWriter out, ObjectNode node) {
        try {
            out.println(JSON.writeValueAsString(node));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    static BigDecimal round1(double v) {
        return BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_EVEN);
    }
}
