package io.salesops.cli;

import io.salesops.examples.sample.SampleCompany;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code salesops demo}: a tour of the bundled sample company, printed as numbered sections (see
 * {@link #sections()}). The output is the same on every run. Not thread-safe (a picocli command object).
 */
@Command(name = "demo",
        description = {"Print a summary of the bundled sample company: org, bookings, win rates, quota attainment.",
            "Runs on generated data (the same as `salesops sample export` writes), as of "
                + "2026-05-15, so the output is the same on every run."})
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"--section", "-s"}, paramLabel = "ID", split = ",",
            description = "Print only these sections (repeatable or comma-separated); see --list.")
    List<String> only = new ArrayList<>();

    @Option(names = "--list", description = "List the section ids and exit.")
    boolean list;

    @Option(names = "--chart", paramLabel = "FILE", defaultValue = "target/salesops-demo-bookings.png",
            description = "Where the bookings-trend section draws its forecast chart (.png or .svg; default: ${DEFAULT-VALUE}).")
    java.nio.file.Path chart;

    @Option(names = "--no-chart", description = "Draw no chart.")
    boolean noChart;

    /**
     * The sections of the demo, in order. To add a section, append it here.
     *
     * @return the sections, never empty
     */
    public static List<DemoSection> sections() {
        return List.of(
                new DemoSections.Company(),
                new DemoSections.Bookings(),
                new DemoSections.WinRates(),
                new DemoSections.Attainment(),
                new DemoSections.CurrentQuarter(),
                new PipelineDemoSection(),
                new TrendDemoSection(),
                new CompDemoSection(),
                new TerritoryDemoSection(),
                new QuotaDemoSection());
    }

    /**
     * Prints the demo.
     *
     * @return {@link ExitCodes#OK}
     * @throws UserInputException if {@code --section} names an unknown section
     */
    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<DemoSection> all = sections();
        if (list) {
            int width = all.stream().mapToInt(s -> s.id().length()).max().orElse(0);
            for (DemoSection s : all) {
                out.println(s.id() + " ".repeat(width - s.id().length() + 2) + s.title());
            }
            out.flush();
            return ExitCodes.OK;
        }
        List<DemoSection> chosen = choose(all);
        String name = chart.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!noChart && !name.endsWith(".png") && !name.endsWith(".svg")) {
            throw new UserInputException("--chart " + chart + " must end in .png or .svg");
        }
        DemoContext context = DemoContext.standard().withChart(noChart ? null : chart);
        SampleCompany c = context.company();
        out.println("salesops demo: Northwind Cloud, a generated B2B software company");
        out.println("Sample data as of " + context.asOf() + " (seed " + c.seed() + "); amounts in "
                + SampleCompany.CURRENCY.getCurrencyCode() + ", fiscal year = calendar year.");
        int n = 0;
        for (DemoSection s : all) {
            n++;
            if (!chosen.contains(s)) {
                continue;
            }
            String heading = n + ". " + s.title();
            out.println();
            out.println(heading);
            out.println("=".repeat(heading.length()));
            s.print(context, out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private List<DemoSection> choose(List<DemoSection> all) {
        if (only.isEmpty()) {
            return all;
        }
        Set<String> ids = new LinkedHashSet<>();
        all.forEach(s -> ids.add(s.id()));
        List<DemoSection> chosen = new ArrayList<>();
        for (String id : only) {
            String want = id.strip();
            DemoSection match = all.stream().filter(s -> s.id().equals(want)).findFirst()
                    .orElseThrow(() -> new UserInputException("demo section \"" + want + "\" does not exist; expected one of "
                            + String.join(", ", ids)));
            chosen.add(match);
        }
        return chosen;
    }
}
