package io.salesops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class SalesopsCliTest {

    /** The result of one run: exit code and captured output. */
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        return run(SalesopsCli.newCommandLine(), args);
    }

    static Run run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        private final Exception failure;

        Boom(Exception failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() throws Exception {
            throw failure;
        }
    }

    static Run runFailing(Exception failure, String... extraArgs) {
        CommandLine cl = SalesopsCli.newCommandLine();
        cl.addSubcommand(new Boom(failure));
        List<String> args = new ArrayList<>(List.of("boom"));
        args.addAll(List.of(extraArgs));
        return run(cl, args.toArray(new String[0]));
    }

    static List<List<String>> commandPaths(CommandLine cl, List<String> prefix) {
        List<List<String>> paths = new ArrayList<>();
        paths.add(prefix);
        for (var e : cl.getSubcommands().entrySet()) {
            List<String> p = new ArrayList<>(prefix);
            p.add(e.getKey());
            paths.addAll(commandPaths(e.getValue(), p));
        }
        return paths;
    }

    @Test
    void help_ofEveryCommand_printsItsUsageAndExitsZero() {
        List<List<String>> paths = commandPaths(SalesopsCli.newCommandLine(), List.of());
        assertThat(paths).contains(List.of("demo"), List.of("sample", "export"), List.of("forecast"));
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            Run r = run(args.toArray(new String[0]));
            assertThat(r.code()).as("exit code of %s", args).isZero();
            assertThat(r.out()).as("usage of %s", args).startsWith("Usage: " + String.join(" ", concat("salesops", path)));
            assertThat(r.out()).contains("Exit codes: 0 ok, 1 bad input, 2 usage error, 3 internal failure.");
            assertThat(r.err()).isEmpty();
        }
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    @Test
    void noArguments_printsUsageAndExitsZero() {
        Run r = run();
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("Usage: salesops").contains("demo", "sample", "forecast");
    }

    @Test
    void version_printsTheVersion() {
        Run r = run("--version");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("salesops ");
    }

    @Test
    void unknownOption_exitsTwoWithUsage() {
        Run r = run("demo", "--frobnicate");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("Unknown option: '--frobnicate'").contains("Usage: salesops demo");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void unknownCommand_exitsTwo() {
        Run r = run("no-such-command");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("no-such-command");
    }

    @Test
    void groupWithoutSubcommand_exitsTwoNamingTheChoices() {
        Run r = run("sample");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("missing subcommand for 'salesops sample'; expected one of: export");
        assertThat(run("forecast").code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void badInput_exitsOneWithOneLineMessageAndNoStackTrace() {
        Run r = run("demo", "--section", "no-such-section");
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).isEqualTo("salesops: error: demo section \"no-such-section\" does not exist; expected one of "
                + "the-company, bookings-by-quarter, win-rate-and-deal-size, quota-attainment, current-quarter, pipeline-forecast, bookings-trend, commissions, territories, quotas-for-next-year"
                + System.lineSeparator());
        assertThat(r.out()).isEmpty();
    }

    @Test
    void missingFile_exitsOneNamingTheFile() {
        Run r = runFailing(new UncheckedIOException(new NoSuchFileException("deals.csv")));
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).isEqualTo("salesops: error: file not found: deals.csv" + System.lineSeparator());
    }

    @Test
    void unparsableDate_turnedIntoTheUsersProblem_exitsOne() {
        Exception e = assertThrows(() -> UserInputException.fromUser("--date", () -> LocalDate.parse("2026-13-01")));
        Run r = runFailing(e);
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).startsWith("salesops: error: --date: Text '2026-13-01' could not be parsed").doesNotContain("\tat ");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void unparsableDate_thatNoCheckTurnedIntoAnInputProblem_isABug_exitThree() {
        // The one error model: only a SalesopsInputException is the user's; a bare DateTimeException escaped a check.
        Run r = runFailing(assertThrows(() -> LocalDate.parse("2026-13-01")));
        assertThat(r.code()).isEqualTo(ExitCodes.INTERNAL);
        assertThat(r.err()).startsWith("salesops: internal error: java.time.format.DateTimeParseException");
    }

    private static Exception assertThrows(Runnable r) {
        try {
            r.run();
        } catch (DateTimeParseException | UserInputException e) {
            return e;
        }
        throw new AssertionError("expected a DateTimeParseException or a UserInputException");
    }

    @Test
    void userInputException_exitsOneWithItsMessage() {
        Run r = runFailing(new UserInputException("quota amount \"12,5\" in quotas.csv line 3, column 3 is not a decimal"));
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).isEqualTo("salesops: error: quota amount \"12,5\" in quotas.csv line 3, column 3 is not a decimal"
                + System.lineSeparator());
    }

    @Test
    void unexpectedException_exitsThreeWithoutStackTrace() {
        Run r = runFailing(new IllegalStateException("boom"));
        assertThat(r.code()).isEqualTo(ExitCodes.INTERNAL);
        assertThat(r.err()).isEqualTo("salesops: internal error: java.lang.IllegalStateException: boom "
                + "(run with --debug for details)" + System.lineSeparator());
    }

    @Test
    void debugOption_addsTheStackTrace() {
        Run r = runFailing(new IllegalStateException("boom"), "--debug");
        assertThat(r.code()).isEqualTo(ExitCodes.INTERNAL);
        assertThat(r.err()).startsWith("salesops: internal error: java.lang.IllegalStateException: boom")
                .contains("\tat ");
    }

    @Test
    void debugEnvironment_addsTheStackTrace() {
        CliErrors errors = new CliErrors(Map.of(CliErrors.DEBUG_ENV, "1"));
        CommandLine cl = SalesopsCli.newCommandLine();
        cl.addSubcommand(new Boom(new UserInputException("bad value")));
        cl.setExecutionExceptionHandler(errors);
        Run r = run(cl, "boom");
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).startsWith("salesops: error: bad value").contains("\tat ");
    }

    @Test
    void exitCodeOf_mapsExceptionKinds() {
        // The user's: the one input exception (and its subclasses), files that cannot be read, malformed CSV.
        assertThat(CliErrors.exitCodeOf(new io.salesops.core.problem.SalesopsInputException(
                java.util.List.of(io.salesops.core.problem.Problem.of("x"))))).isEqualTo(1);
        assertThat(CliErrors.exitCodeOf(new UserInputException("--period x"))).isEqualTo(1);
        assertThat(CliErrors.exitCodeOf(new java.io.IOException("disk"))).isEqualTo(1);
        assertThat(CliErrors.exitCodeOf(new de.siegmar.fastcsv.reader.CsvParseException("bad quote"))).isEqualTo(1);
        // Anything else escaped every check: a bug.
        assertThat(CliErrors.exitCodeOf(new IllegalArgumentException("x"))).isEqualTo(3);
        assertThat(CliErrors.exitCodeOf(new NumberFormatException("x"))).isEqualTo(3);
        assertThat(CliErrors.exitCodeOf(new java.util.NoSuchElementException("unknown rep"))).isEqualTo(3);
        assertThat(CliErrors.exitCodeOf(new ArithmeticException("too many decimals"))).isEqualTo(3);
        assertThat(CliErrors.exitCodeOf(new java.time.DateTimeException("bad date"))).isEqualTo(3);
        assertThat(CliErrors.exitCodeOf(new NullPointerException())).isEqualTo(3);
        assertThat(CliErrors.exitCodeOf(new CommandLine.ParameterException(SalesopsCli.newCommandLine(), "x"))).isEqualTo(2);
    }

    @Test
    void demo_printsEverySectionUnderANumberedHeading() {
        Run r = run("demo");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        int n = 0;
        for (DemoSection s : DemoCommand.sections()) {
            n++;
            String heading = n + ". " + s.title();
            assertThat(r.out()).contains(heading + System.lineSeparator() + "=".repeat(heading.length()));
        }
        assertThat(r.out()).contains("43 people", "2026-Q1", "2026-Q2 QTD", "Attainment", "Open: Commit");
    }

    @Test
    void demo_isTheSameOnEveryRun() {
        Run first = run("demo");
        Run second = run("demo");
        assertThat(second.out()).isEqualTo(first.out());
    }

    @Test
    void demo_fitsA100ColumnTerminal() {
        Run r = run("demo");
        assertThat(r.out().lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(DemoContext.WIDTH));
        assertThat(r.out().lines()).allSatisfy(line -> assertThat(line).doesNotEndWith(" "));
    }

    @Test
    void demo_section_printsOnlyThatSection() {
        Run r = run("demo", "--section", "quota-attainment");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("4. Quota attainment").doesNotContain("1. The company", "2. Bookings by quarter");
    }

    @Test
    void demo_list_printsTheSectionIds() {
        Run r = run("demo", "--list");
        assertThat(r.code()).isZero();
        assertThat(r.out().lines().map(l -> l.split(" ")[0]))
                .containsExactly("the-company", "bookings-by-quarter", "win-rate-and-deal-size", "quota-attainment",
                        "current-quarter", "pipeline-forecast", "bookings-trend", "commissions", "territories", "quotas-for-next-year");
    }

    @Test
    void sampleExport_writesTheBundledFiles(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("sample");
        Run r = run("sample", "export", target.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Wrote 6 files to " + target);
        for (String f : io.salesops.examples.sample.SampleCompany.FILES) {
            try (var in = io.salesops.examples.sample.SampleCompany.bundled(f)) {
                assertThat(Files.readAllBytes(target.resolve(f))).as(f).isEqualTo(in.readAllBytes());
            }
        }
    }

    @Test
    void sampleExport_intoExistingFiles_exitsOneUnlessForced(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("org.csv"), "old");
        Run r = run("sample", "export", dir.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).isEqualTo("salesops: error: directory " + dir + " already has org.csv; pass --force to overwrite"
                + System.lineSeparator());
        assertThat(Files.readString(dir.resolve("org.csv"))).isEqualTo("old");
        assertThat(run("sample", "export", "--force", dir.toString()).code()).isZero();
        assertThat(Files.readString(dir.resolve("org.csv"))).startsWith("rep,name,manager,team,territory,start_date,end_date");
    }

    @Test
    void sampleExport_toAFile_exitsOne(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("file.txt"), "x");
        Run r = run("sample", "export", file.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).isEqualTo("salesops: error: export target " + file + " exists and is not a directory"
                + System.lineSeparator());
    }

    @Test
    void formatOption_acceptsAnyCase() {
        @Command(name = "fmt")
        class Fmt implements Callable<Integer> {
            @CommandLine.Mixin
            OutputFormatOption format = new OutputFormatOption();

            @Override
            public Integer call() {
                return format.format().ordinal();
            }
        }
        CommandLine cl = SalesopsCli.newCommandLine();
        cl.addSubcommand(new Fmt());
        SalesopsCli.configure(cl);
        assertThat(run(cl, "fmt", "--format", "JSON").code()).isEqualTo(OutputFormat.JSON.ordinal());
        assertThat(run(cl, "fmt").code()).isEqualTo(OutputFormat.TABLE.ordinal());
        Run bad = run(cl, "fmt", "--format", "xml");
        assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("xml");
    }
}
