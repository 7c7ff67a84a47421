package io.salesops.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code salesops} command: the root of the command-line tool.
 *
 * <p>Use {@link #newCommandLine()} to run it, in {@link #main} and in tests: it installs the shared error
 * handling ({@link CliErrors}: one-line {@code salesops: error: ...} messages, exit codes from
 * {@link ExitCodes}) for every subcommand. A bare {@code new CommandLine(new SalesopsCli())} parses the same
 * commands but lets exceptions escape as picocli's default does.
 *
 * <p>{@code --help}, {@code --version} and {@code --debug} are inherited by every subcommand. Not thread-safe
 * (a picocli command object); create one per run.
 */
@Command(name = "salesops",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        versionProvider = SalesopsCli.Version.class,
        description = "Sales operations on the command line: import CRM exports, forecast bookings, compute commissions.",
        subcommands = {DemoCommand.class, SampleCommand.class, ImportCommand.class, ForecastCommand.class, KpiCommand.class, CompCommand.class, QuotaCommand.class,
                TerritoryCommand.class, RegressCommand.class, ServeCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 bad input, 2 usage error, 3 internal failure.",
                "Set SALESOPS_DEBUG=1 or pass --debug to see stack traces."})
public final class SalesopsCli implements Callable<Integer> {

    /** The version shown when the jar manifest carries none (running from classes, not the jar). */
    public static final String FALLBACK_VERSION = "0.1.0-SNAPSHOT";

    @Spec
    CommandSpec spec;

    // Read by CliErrors from the raw arguments, so that it works even when parsing failed half-way.
    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Print stack traces of errors (also: environment SALESOPS_DEBUG=1).")
    boolean debug;

    /**
     * Runs {@code salesops} with the given arguments and exits the JVM with the exit code.
     *
     * @param args the command-line arguments, not null
     */
    public static void main(String[] args) {
        // A worker thread that runs out of memory says so in one line too, not with a trace.
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            VirtualMachineError vm = CliErrors.vmError(e);
            PrintWriter err = new PrintWriter(System.err, true);
            if (vm != null) {
                CliErrors.fatal(err, vm, java.util.List.of(args).contains("--debug"));
            } else {
                err.println("salesops: internal error in " + thread.getName() + ": " + CliErrors.messageOf(e));
            }
        });
        System.exit(execute(newCommandLine(), args));
    }

    /** Runs the command line; out of memory or stack ends in one line and exit code 3, like any internal error. */
    static int execute(CommandLine cl, String... args) {
        try {
            return cl.execute(args);
        } catch (VirtualMachineError e) {
            return CliErrors.fatal(cl.getErr(), e, java.util.List.of(args).contains("--debug"));
        }
    }

    /**
     * A command line for {@code salesops} with every subcommand and the shared error handling and exit codes
     * installed. Set its out and err writers to capture output.
     *
     * @return a new, configured command line
     */
    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new SalesopsCli());
        return configure(cl);
    }

    static java.time.LocalDate date(String text) {
        try {
            return java.time.LocalDate.parse(text.strip());
        } catch (java.time.DateTimeException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a date such as 2026-05-15");
        }
    }

    static java.math.BigDecimal decimal(String text) {
        try {
            return io.salesops.core.money.Decimals.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    static java.nio.charset.Charset charset(String text) {
        try {
            return java.nio.charset.Charset.forName(text.strip());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a character set such as UTF-8 or"
                    + " windows-1252");
        }
    }

    /**
     * Installs the shared error handling on {@code commandLine} and all its subcommands: the execution
     * exception handler and exit-code mapper of {@link CliErrors}, case-insensitive enum values (so
     * {@code --format JSON} and {@code --format json} both work) and abbreviated options off.
     *
     * @param commandLine the command line, not null; subcommands must be added before this call
     * @return {@code commandLine}
     */
    public static CommandLine configure(CommandLine commandLine) {
        CliErrors errors = new CliErrors();
        commandLine.setExecutionExceptionHandler(errors);
        commandLine.setExitCodeExceptionMapper(errors);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        // picocli's own conversions would name the Java exception in the usage message.
        commandLine.registerConverter(java.time.LocalDate.class, SalesopsCli::date);
        commandLine.registerConverter(java.nio.charset.Charset.class, SalesopsCli::charset);
        commandLine.registerConverter(java.math.BigDecimal.class, SalesopsCli::decimal);
        addExitCodeFooter(commandLine);
        return commandLine;
    }

    /** Every command's help ends with the exit codes, also those that set a footer of their own. */
    private static void addExitCodeFooter(CommandLine cl) {
        var usage = cl.getCommandSpec().usageMessage();
        java.util.List<String> footer = new java.util.ArrayList<>(java.util.List.of(usage.footer()));
        if (!String.join("\n", footer).contains(EXIT_CODES)) {
            footer.add("");
            footer.add(EXIT_CODES);
            footer.add(DEBUG_HINT);
            usage.footer(footer.toArray(new String[0]));
        }
        cl.getSubcommands().values().forEach(SalesopsCli::addExitCodeFooter);
    }

    private static final String EXIT_CODES = "Exit codes: 0 ok, 1 bad input, 2 usage error, 3 internal failure.";
    private static final String DEBUG_HINT = "Set SALESOPS_DEBUG=1 or pass --debug to see stack traces.";

    /**
     * Runs {@code salesops} with the given writers, for tests and embedding.
     *
     * @param out  standard output, not null
     * @param err  standard error, not null
     * @param args the arguments, not null
     * @return the exit code, one of {@link ExitCodes}
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = newCommandLine();
        cl.setOut(out);
        cl.setErr(err);
        int code = execute(cl, args);
        out.flush();
        err.flush();
        return code;
    }

    /** Run without a subcommand: prints the usage to standard output and succeeds. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    /** The version from the jar manifest, else {@link #FALLBACK_VERSION}. Stateless. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = SalesopsCli.class.getPackage().getImplementationVersion();
            return new String[] {"salesops " + (v == null ? FALLBACK_VERSION : v),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
