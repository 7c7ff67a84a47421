package io.salesops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The one error model, from the outside: a value a user can type into any option of any command is either
 * accepted, a usage error (2) or bad input (1), never an internal failure (3) with a class name. Each command
 * runs from a valid command line on small files; then every option that takes a value is given, in turn, each of
 * a set of hostile values. An input error that escapes as a plain {@code IllegalArgumentException} (or any
 * exception that is not a {@code SalesopsInputException}) ends in exit 3 and fails this test.
 */
class InputErrorSweepTest {

    /** Values a user may type by mistake: not a number, negative, zero, a fraction, too large, a bad date. */
    private static final List<String> HOSTILE = List.of("x", "-1", "0", "0.95", "1e999", "2026-02-30", "",
            "99999999999999999999999", "a=b,c");

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    static Path dir;

    static Path opps;
    static Path history;
    static Path org;
    static Path quotas;
    static Path series;
    static Path deals;
    static Path yearQuotas;

    @BeforeAll
    static void files() throws IOException {
        StringBuilder o = new StringBuilder("id,owner,stage,amount,currency,created_date,close_date,status\n");
        StringBuilder h = new StringBuilder("opportunity_id,date,stage,amount,close_date\n");
        String[] owners = {"ann", "bob"};
        for (int i = 1; i <= 40; i++) {
            String id = "O-" + i;
            String owner = owners[i % 2];
            int month = 1 + i % 12;
            String created = "2025-" + String.format("%02d", month) + "-05";
            String close = (i % 3 == 0 ? "2026-" : "2025-") + String.format("%02d", Math.min(12, month + 2)) + "-20";
            String stage = i % 4 == 0 ? "Closed Won" : i % 4 == 1 ? "Closed Lost" : i % 4 == 2 ? "Proposal" : "Qualification";
            String status = i % 4 == 0 ? "won" : i % 4 == 1 ? "lost" : "open";
            if (status.equals("open")) {
                close = "2026-05-" + (10 + i % 15);
            }
            o.append(id).append(',').append(owner).append(',').append(stage).append(',').append(1000 * i).append(".00,USD,")
                    .append(created).append(',').append(close).append(',').append(status).append('\n');
            h.append(id).append(',').append(created).append(",Prospecting,").append(1000 * i).append(".00,").append(close).append('\n');
        }
        opps = Files.writeString(dir.resolve("opps.csv"), o);
        history = Files.writeString(dir.resolve("history.csv"), h);
        org = Files.writeString(dir.resolve("org.csv"), "rep,name,manager,team,territory,start_date,end_date\n"
                + "mgr,Mia,,t,X,2020-01-01,\nann,Ann,mgr,t,X,2020-01-01,\nbob,Bob,mgr,t,X,2020-01-01,\n");
        quotas = Files.writeString(dir.resolve("quotas.csv"), "rep,period,amount,currency\n"
                + "ann,2026-Q2,50000.00,USD\nbob,2026-Q2,50000.00,USD\n");
        StringBuilder s = new StringBuilder("series,period,value\n");
        for (int m = 0; m < 30; m++) {
            s.append("Total,").append(2024 + m / 12).append('-').append(String.format("%02d", 1 + m % 12)).append(',')
                    .append(1000 + 37 * m + (m % 12) * 50).append('\n');
        }
        series = Files.writeString(dir.resolve("series.csv"), s);
        StringBuilder d = new StringBuilder("y,x,w\n");
        for (int i = 1; i <= 20; i++) {
            d.append(3 + 2 * i + (i % 3)).append(',').append(i).append(',').append(1 + i % 2).append('\n');
        }
        deals = Files.writeString(dir.resolve("deals.csv"), d);
        StringBuilder q = new StringBuilder("rep,period,amount,currency\n");
        for (String rep : List.of("ae-1", "ae-2")) {
            for (int k = 1; k <= 4; k++) {
                q.append(rep).append(",2026-Q").append(k).append(",150000.00,USD\n");
            }
        }
        yearQuotas = Files.writeString(dir.resolve("year-quotas.csv"), q);
    }

    private static String ex(String path) {
        return ROOT.resolve(path).toString();
    }

    /** A valid command line for each command that reads user input, on small files. */
    private static List<List<String>> baselines() {
        String comp = "docs/examples/comp/";
        String quota = "docs/examples/quota/";
        String terr = "docs/examples/territory/";
        return List.of(
                List.of("import", "check", opps.toString(), "--history", history.toString(), "--date-format", "yyyy-MM-dd"),
                List.of("forecast", "pipeline", "--opportunities", opps.toString(), "--history", history.toString(),
                        "--org", org.toString(), "--quotas", quotas.toString(), "--as-of", "2026-05-01", "--period", "2026-Q2",
                        "--by", "owner", "--simulations", "200", "--seed", "7"),
                List.of("forecast", "backtest", "--opportunities", opps.toString(), "--from", "2025-Q3", "--to", "2025-Q4",
                        "--by", "owner"),
                List.of("forecast", "trend", "--series", series.toString(), "--horizon", "3", "--level", "80,95"),
                List.of("kpi", "--opportunities", opps.toString(), "--from", "2025-Q1", "--to", "2025-Q4", "--by", "owner"),
                List.of("regress", "--data", deals.toString(), "--y", "y", "--x", "x", "--weights", "w", "--level", "95"),
                List.of("comp", "validate", ex(comp + "ae-marginal.yaml")),
                List.of("comp", "calculate", "--plan", ex(comp + "ae-marginal.yaml"), "--org", ex(comp + "org-ae.csv"),
                        "--credits", ex(comp + "credits.csv"), "--quotas", ex(comp + "quotas.csv"), "--fx", ex(comp + "fx.csv"),
                        "--period", "2026-Q1"),
                List.of("comp", "explain", "--payee", "ae-1", "--plan", ex(comp + "ae-marginal.yaml"), "--org",
                        ex(comp + "org-ae.csv"), "--credits", ex(comp + "credits.csv"), "--quotas", ex(comp + "quotas.csv"),
                        "--fx", ex(comp + "fx.csv"), "--period", "2026-Q1"),
                List.of("comp", "whatif", "--payee", "ae-1", "--deal", "20000", "--plan", ex(comp + "ae-marginal.yaml"),
                        "--org", ex(comp + "org-ae.csv"), "--credits", ex(comp + "credits.csv"), "--quotas",
                        ex(comp + "quotas.csv"), "--fx", ex(comp + "fx.csv"), "--period", "2026-Q1"),
                List.of("comp", "cost", "--plan", ex(comp + "ae-marginal.yaml"), "--quotas", yearQuotas.toString(),
                        "--attainment-history", ex(quota + "attainment.csv"), "--simulations", "20", "--seed", "7"),
                List.of("quota", "plan", "--target", "5000000", "--fiscal-year", "FY2027", "--reps", ex(quota + "org.csv"),
                        "--history", ex(quota + "history.csv"), "--method", "historical", "--over-assign", "10%",
                        "--ramp", ex(quota + "ramp.csv")),
                List.of("quota", "capacity", "--target", "60000000", "--fiscal-year", "FY2027", "--productivity", "1800000",
                        "--ramp", ex(quota + "ramp.csv"), "--attrition", "20%", "--reps", ex(quota + "org.csv"),
                        "--hire-by", "6"),
                List.of("territory", "plan", "--accounts", ex(terr + "accounts.csv"), "--reps", ex(terr + "reps.csv"),
                        "--current", ex(terr + "current.csv"), "--rules", ex(terr + "rules.yaml"), "--method", "greedy",
                        "--tolerance", "5", "--max-moves", "20%", "--format", "csv"));
    }

    private static CommandLine commandOf(CommandLine root, List<String> line) {
        CommandLine c = root;
        for (String word : line) {
            CommandLine sub = c.getSubcommands().get(word);
            if (sub == null) {
                break;
            }
            c = sub;
        }
        return c;
    }

    private static List<String> withOption(List<String> line, String name, String value) {
        List<String> out = new ArrayList<>();
        boolean replaced = false;
        for (int i = 0; i < line.size(); i++) {
            if (line.get(i).equals(name) && i + 1 < line.size()) {
                out.add(name);
                out.add(value);
                i++;
                replaced = true;
            } else {
                out.add(line.get(i));
            }
        }
        if (!replaced) {
            out.add(name);
            out.add(value);
        }
        return out;
    }

    @Test
    void everyBaseline_runs() {
        for (List<String> line : baselines()) {
            SalesopsCliTest.Run r = SalesopsCliTest.run(line.toArray(new String[0]));
            assertThat(r.code()).as("%s\n%s", line, r.err()).isIn(ExitCodes.OK, 4);
        }
    }

    @Test
    void everyHostileOptionValue_isBadInputOrUsage_neverInternal() {
        List<String> escaped = new ArrayList<>();
        for (List<String> line : baselines()) {
            CommandLine command = commandOf(SalesopsCli.newCommandLine(), line);
            for (OptionSpec option : command.getCommandSpec().options()) {
                if (option.arity().max() < 1 || option.usageHelp() || option.versionHelp()
                        || option.type() == Path.class   // a file: a bad name is "file not found", checked elsewhere
                        || option.longestName().equals("--out") || option.longestName().startsWith("--write")
                        || option.longestName().equals("--state") || option.longestName().equals("--map")
                        || option.longestName().equals("--chart")) {
                    continue;   // no value, or a file the command writes
                }
                for (String value : HOSTILE) {
                    List<String> args = withOption(line, option.longestName(), value);
                    SalesopsCliTest.Run r = SalesopsCliTest.run(args.toArray(new String[0]));
                    if (r.code() == ExitCodes.INTERNAL || r.err().contains("\tat ")
                            || r.err().contains("Exception")) {
                        escaped.add(String.join(" ", args.subList(0, 2)) + " " + option.longestName() + " '" + value
                                + "' -> exit " + r.code() + ": " + r.err().strip().lines().findFirst().orElse(""));
                    }
                }
            }
        }
        assertThat(escaped).as("input errors that escaped as internal failures").isEmpty();
    }
}
