package io.salesops.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesops.planning.territory.AccountBook;
import io.salesops.planning.territory.AlignmentMethod;
import io.salesops.planning.territory.AlignmentSettings;
import io.salesops.planning.territory.Assignment;
import io.salesops.planning.territory.TerritoryGrouping;
import io.salesops.planning.territory.TerritoryInputException;
import io.salesops.planning.territory.TerritoryPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code salesops territory plan}: assigns every account to one rep, balancing potential and workload within
 * a tolerance of each rep's target, moving at most a share of accounts from the current assignment, keeping
 * pinned accounts and territories compact. Writes the plan even when a constraint cannot be met, then says
 * which binds and exits with {@link TerritoryOptions#CONSTRAINTS_NOT_MET}. Not thread-safe (a picocli command).
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Assign accounts to reps: balanced potential and workload, few moves, compact territories.",
        footer = {"", "Exit code 4: the plan was written but a tolerance, the move cap or coverage is not met;",
            "the summary (standard error with --format csv) names the constraint that binds."})
public final class TerritoryPlanCommand implements Callable<Integer> {

    private static final Pattern DURATION = Pattern.compile("([0-9]{1,6})\\s*(ms|s|m|min)?");

    @Spec
    CommandSpec spec;

    @Mixin
    TerritoryOptions options;

    @Mixin
    OutputFormatOption format;

    @Option(names = "--current", paramLabel = "FILE",
            description = "CSV: account,rep[,pinned]: the current assignment; pinned accounts keep their rep.")
    Path current;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Random seed of the solver (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--time-limit", defaultValue = "30s", paramLabel = "TIME",
            description = "Wall-clock safety limit, e.g. 30s, 2m, 500ms (default: ${DEFAULT-VALUE}). The solver normally "
                    + "stops earlier on a step count, which makes runs with the same seed identical.")
    String timeLimit;

    @Option(names = "--method", defaultValue = "solver", paramLabel = "METHOD",
            description = "solver (greedy repair, then Timefold local search) or greedy (the baseline alone) (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--map", paramLabel = "FILE.png",
            description = "Draw accounts coloured by rep over their coordinates, before and after, side by side.")
    Path map;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            AlignmentSettings settings = options.settings().withSeed(seed).withTimeLimit(duration(timeLimit))
                    .withMethod(method(method));
            if (map != null && !map.toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
                throw new UserInputException("--map " + map + " must end in .png");
            }
            AccountBook book = options.book(current);
            TerritoryGrouping grouping = options.grouping(book);
            TerritoryPlan plan = TerritoryPlan.of(book, grouping, settings);
            TerritoryOutput.report(format.format(), out, err, plan.report(), List.copyOf(settings.measures()),
                    o -> TerritoryOutput.assignmentsCsv(o, plan.assignments()), root -> json(root, plan, grouping), o -> {
                        grouping.unassigned().forEach(u -> o.println("unassigned " + u));
                        grouping.overlaps().forEach(u -> o.println("overlap   " + u));
                    });
            String coverage = options.coverage(book);
            if (coverage != null) {
                (format.format() == OutputFormat.TABLE ? out : err).println(coverage);
            }
            if (plan.stoppedByTimeLimit()) {
                err.println("salesops: note: the time limit stopped the solver before its step limit; "
                        + "another run may give another plan");
            }
            out.flush();
            if (map != null) {
                TerritoryMap.write(map, book, plan);
                err.println("map written to " + map);
            }
            return TerritoryOutput.exitCode(plan.report(), out, err);
        } catch (TerritoryInputException e) {
            return TerritoryOptions.problems(e, err);
        }
    }

    /** The plan's own JSON fields: seed, whether time stopped the solver, what the rules left out, the assignments. */
    private void json(ObjectNode root, TerritoryPlan plan, TerritoryGrouping grouping) {
        root.put("seed", seed);
        root.put("stoppedByTimeLimit", plan.stoppedByTimeLimit());
        ArrayNode unassigned = root.putArray("unassignedByRules");
        grouping.unassigned().forEach(unassigned::add);
        ArrayNode overlaps = root.putArray("overlapsByRules");
        grouping.overlaps().forEach(overlaps::add);
        ArrayNode rows = root.putArray("assignments");
        for (Assignment a : plan.assignments()) {
            ObjectNode o = rows.addObject();
            o.put("account", a.account());
            o.put("rep", a.rep());
            o.put("previousRep", a.previousRep());
        }
    }

    static AlignmentMethod method(String text) {
        try {
            return AlignmentMethod.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--method \"" + text + "\" is not one of solver, greedy");
        }
    }

    static Duration duration(String text) {
        Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new UserInputException("--time-limit \"" + text + "\" is not a duration such as 30s, 2m or 500ms");
        }
        long v = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        Duration d = switch (unit) {
            case "ms" -> Duration.ofMillis(v);
            case "m", "min" -> Duration.ofMinutes(v);
            default -> Duration.ofSeconds(v);
        };
        if (d.isZero()) {
            throw new UserInputException("--time-limit " + text + " is not positive");
        }
        return d;
    }
}
