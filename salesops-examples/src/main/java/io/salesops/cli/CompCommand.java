package io.salesops.cli;

import io.salesops.comp.engine.CalculationResult;
import io.salesops.comp.engine.CommissionEngine;
import io.salesops.comp.engine.WhatIf;
import io.salesops.comp.file.PlanFileException;
import io.salesops.comp.file.PlanFileProblem;
import io.salesops.comp.file.PlanFiles;
import io.salesops.comp.input.Credit;
import io.salesops.comp.plan.PlanProblem;
import io.salesops.comp.plan.PlanValidationException;
import io.salesops.comp.plan.PlanValidator;
import io.salesops.comp.statement.Statement;
import io.salesops.core.money.Money;
import io.salesops.io.CsvImportException;
import io.salesops.core.problem.Problem;
import io.salesops.core.problem.SalesopsInputException;
import io.salesops.io.ImportProblem;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code salesops comp} group: check plan files, calculate statements from a CRM export, explain one
 * statement, and price one more deal. Run alone, it fails with a usage error listing its subcommands.
 * Not thread-safe (a picocli command object).
 */
@Command(name = "comp",
        description = "Commissions: validate plan files, calculate statements, explain them, and price one more deal.",
        subcommands = {CompCommand.Validate.class, CompCommand.Calculate.class, CompCommand.Explain.class,
            CompCommand.WhatIfCommand.class, CompCostCommand.class})
public final class CompCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Always fails with a usage error, since the group does nothing by itself. */
    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), GroupCommands.missingSubcommand(spec));
    }

    /** Prints every problem of the known multi-problem failures and returns exit 1; rethrows anything else. */
    static int problems(RuntimeException e, PrintWriter err) {
        if (e instanceof PlanFileException p) {
            for (PlanFileProblem x : p.fileProblems()) {
                err.println(x);
            }
            err.println("salesops: error: " + count(p.fileProblems().size()) + " in plan files");
        } else if (e instanceof CsvImportException c) {
            for (ImportProblem x : c.importProblems()) {
                err.println(x);
            }
            err.println("salesops: error: " + count(c.importProblems().size()) + " in the CSV input; --lenient skips bad rows");
        } else if (e instanceof PlanValidationException v) {
            for (PlanProblem x : v.planProblems()) {
                err.println(x);
            }
            err.println("salesops: error: the plan cannot be calculated on this input (" + count(v.planProblems().size()) + ")");
        } else if (e instanceof SalesopsInputException s) {
            for (Problem x : s.problems()) {
                err.println(x);
            }
            err.println("salesops: error: " + count(s.problems().size()) + " in the input");
        } else {
            throw e;
        }
        err.flush();
        return ExitCodes.BAD_INPUT;
    }

    private static String count(int n) {
        return n + (n == 1 ? " problem" : " problems");
    }

    /** {@code salesops comp validate PLAN...}. */
    @Command(name = "validate", description = "Check plan files; list every problem as file:line:column path: message.")
    static final class Validate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "PLAN", description = "Plan files (.yaml, .yml, .json).")
        List<Path> plans;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            int bad = 0;
            for (Path p : plans) {
                List<PlanFileProblem> ps = PlanFiles.problems(p);
                if (ps.isEmpty()) {
                    out.println(p + ": ok");
                } else {
                    bad++;
                    ps.forEach(err::println);
                }
            }
            out.flush();
            err.flush();
            if (bad > 0) {
                err.println("salesops: error: " + bad + " of " + plans.size() + " plan files have problems");
                err.flush();
                return ExitCodes.BAD_INPUT;
            }
            return ExitCodes.OK;
        }
    }

    /** Output formats of {@code comp calculate}. */
    enum Format { TABLE, JSON, CSV, HTML }

    /** {@code salesops comp calculate ...}. */
    @Command(name = "calculate", description = "Calculate the period's statement for every payee of the org.")
    static final class Calculate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        CompInputOptions in;

        @Option(names = {"--format", "-f"}, defaultValue = "table", paramLabel = "FORMAT",
                description = "table, json, csv or html (html writes one file per payee into --out).")
        Format format;

        @Option(names = "--out", paramLabel = "DIR", description = "Write statements into DIR instead of standard output.")
        Path out;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            if (format == Format.HTML && out == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--format html writes one file per payee; give --out DIR");
            }
            CompInputOptions.Loaded l;
            try {
                l = in.load(err);
            } catch (SalesopsInputException e) {
                return problems(e, err);
            }
            try (l) {
                CalculationResult r;
                try {
                    r = CommissionEngine.calculate(l.versions(), l.context(), l.credits(), l.period(), l.prior());
                } catch (SalesopsInputException e) {
                    return problems(e, err);
                }
                PrintWriter o = spec.commandLine().getOut();
                switch (format) {
                    case TABLE -> write(o, "statements.txt", StatementOutput.table(r.statements()));
                    case JSON -> write(o, "statements.json", StatementOutput.json(r.statements()));
                    case CSV -> write(o, "statements.csv", StatementOutput.csv(r.statements()));
                    case HTML -> {
                        Map<String, String> names = StatementHtml.fileNames(
                                r.statements().stream().map(Statement::payeeId).toList(), l.period().toString());
                        Files.createDirectories(out);
                        for (Statement s : r.statements()) {
                            Files.writeString(out.resolve(names.get(s.payeeId())), StatementHtml.render(s, l.plan()),
                                    StandardCharsets.UTF_8);
                        }
                        o.println("wrote " + r.statements().size() + " HTML statements to " + out);
                    }
                }
                o.flush();
                notes(err, l, r);
                // Committed last: a run that dies before this leaves the period uncommitted, to be run again.
                l.commit(r.state(), err);
                err.flush();
                return ExitCodes.OK;
            }
        }

        private void write(PrintWriter o, String file, String text) throws IOException {
            if (out == null) {
                o.print(text);
            } else {
                Files.createDirectories(out);
                Files.writeString(out.resolve(file), text, StandardCharsets.UTF_8);
                o.println("wrote " + out.resolve(file));
            }
        }
    }

    static void notes(PrintWriter err, CompInputOptions.Loaded l, CalculationResult r) {
        if (l.skippedCredits() > 0) {
            err.println("salesops: note: " + l.skippedCredits() + " credits belong to payees outside the org and were not used");
        }
        for (String w : r.warnings()) {
            err.println("salesops: warning: " + w);
        }
    }

    /** {@code salesops comp explain --payee REP ...}. */
    @Command(name = "explain", description = "Print one payee's statement line by line, with the reasoning.")
    static final class Explain implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        CompInputOptions in;

        @Option(names = "--payee", required = true, paramLabel = "REP", description = "The payee to explain.")
        String payee;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            CompInputOptions.Loaded l = null;
            CalculationResult r;
            try {
                l = in.load(err);
                if (!l.context().org().contains(payee)) {
                    throw new UserInputException("payee " + payee + " is not in the org; the payees are "
                            + l.context().org().reps().stream().map(x -> x.id()).limit(20).toList());
                }
                r = CommissionEngine.calculate(l.versions(), l.context(), l.credits(), l.period(), l.prior());
            } catch (SalesopsInputException e) {
                return problems(e, err);
            } finally {
                if (l != null) {
                    l.close(); // explain reads the ledger and never commits
                }
            }
            PrintWriter o = spec.commandLine().getOut();
            o.print(StatementOutput.explain(r.statement(payee).orElseThrow()));
            o.flush();
            notes(err, l, r);
            err.flush();
            return ExitCodes.OK;
        }
    }

    /** {@code salesops comp whatif --payee REP --deal AMOUNT ...}. */
    @Command(name = "whatif", description = "Show what one more deal would pay, without changing any state.")
    static final class WhatIfCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        CompInputOptions in;

        @Option(names = "--payee", required = true, paramLabel = "REP", description = "The owner of the deal.")
        String payee;

        @Option(names = "--deal", required = true, paramLabel = "AMOUNT",
                description = "The deal amount, in the plan currency (e.g. 25000) or with a currency (e.g. \"EUR 25000\").")
        String deal;

        @Option(names = "--type", defaultValue = "new", paramLabel = "TYPE", description = "The deal type (default: ${DEFAULT-VALUE}).")
        String type;

        @Option(names = "--product", defaultValue = "", paramLabel = "PRODUCT", description = "The deal's product.")
        String product;

        @Option(names = "--date", paramLabel = "DATE", description = "The booking date (default: the last day of the period).")
        LocalDate date;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            WhatIf w;
            try (CompInputOptions.Loaded l = in.load(err)) {
                Money amount = amount(l);
                LocalDate d = date == null ? l.period().end() : date;
                Credit c = UserInputException.fromUser("comp whatif",
                        () -> Credit.booked("WHATIF-1", payee, d, amount, type, "WHATIF-1"));
                if (!product.isBlank()) {
                    c = new Credit(c.id(), c.payeeId(), c.date(), c.amount(), c.type(), product, c.dealId(), c.status(),
                            List.of(), Map.of());
                }
                PlanValidator.check(l.plan(), l.context(), l.period(), l.credits());
                w = CommissionEngine.whatIf(l.plan(), l.context(), l.credits(), l.period(), l.prior(), c);
            } catch (SalesopsInputException e) {
                return problems(e, err);
            }
            PrintWriter o = spec.commandLine().getOut();
            o.println("What if " + payee + " books " + w.deal().amount() + " (" + type + ") on " + w.deal().date() + ":");
            o.println("  earned without the deal  " + w.before().earned());
            o.println("  earned with the deal     " + w.after().earned());
            o.println("  extra pay                " + w.extraPay());
            Money netBefore = w.before().netPay();
            Money netAfter = w.after().netPay();
            if (!netAfter.minus(netBefore).equals(w.extraPay())) {
                o.println("  extra net pay            " + netAfter.minus(netBefore) + " (after draws and recoveries)");
            }
            List<String> others = new ArrayList<>();
            w.effects().forEach((p, m) -> {
                if (!p.equals(payee)) {
                    others.add(p + " " + m);
                }
            });
            if (!others.isEmpty()) {
                o.println("  also changes             " + String.join(", ", others));
            }
            o.println();
            o.println("Lines with the deal:");
            w.after().lines().stream().filter(x -> x.creditIds().contains("WHATIF-1"))
                    .forEach(x -> o.println("  " + x.amount() + " = " + x.formula()));
            o.flush();
            err.flush();
            return ExitCodes.OK;
        }

        private Money amount(CompInputOptions.Loaded l) {
            String s = deal.strip();
            try {
                if (s.chars().anyMatch(Character::isLetter)) {
                    return UserInputException.fromUser("--deal", () -> Money.parse(s));
                }
                BigDecimal d = new BigDecimal(s.replace(",", ""));
                if (d.precision() - d.scale() > 15 || d.scale() > 4) {
                    throw new NumberFormatException();
                }
                return Money.of(d, l.plan().currency());
            } catch (NumberFormatException e) {
                throw new UserInputException("deal amount \"" + deal + "\" is not an amount such as 25000 or \"EUR 25000\"");
            }
        }
    }

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
