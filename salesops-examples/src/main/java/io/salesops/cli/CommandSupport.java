package io.salesops.cli;

import io.salesops.core.money.Money;
import io.salesops.core.problem.Problem;
import io.salesops.core.problem.SalesopsInputException;
import io.salesops.io.CsvImportException;
import io.salesops.io.ImportProblem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Error handling and small formatting helpers of the forecast and KPI commands: bad input is one line on
 * standard error and exit code 1, never a stack trace; anything else is exit code 3.
 */
final class CommandSupport {

    static final int OK = 0;
    static final int BAD_INPUT = 1;
    static final int INTERNAL = 3;

    private CommandSupport() {
    }

    /** Runs {@code body}, turning exceptions into a message on standard error and an exit code. */
    static int run(CommandSpec spec, Callable<Integer> body) {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return body.call();
        } catch (CsvImportException e) {
            List<ImportProblem> ps = e.importProblems();
            for (int i = 0; i < Math.min(ps.size(), 20); i++) {
                err.println("salesops: error: " + ps.get(i));
            }
            if (ps.size() > 20) {
                err.println("salesops: error: ... and " + (ps.size() - 20) + " more problems");
            }
            return BAD_INPUT;
        } catch (SalesopsInputException e) {
            // The one error model: every located problem on its own line.
            List<Problem> ps = e.problems();
            for (int i = 0; i < Math.min(ps.size(), 20); i++) {
                err.println("salesops: error: " + ps.get(i));
            }
            if (ps.size() > 20) {
                err.println("salesops: error: ... and " + (ps.size() - 20) + " more problems");
            }
            return BAD_INPUT;
        } catch (NoSuchFileException e) {
            err.println("salesops: error: file not found: " + e.getFile());
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("salesops: error: cannot read input: " + e.getMessage());
            return BAD_INPUT;
        } catch (java.io.UncheckedIOException e) {
            err.println("salesops: error: cannot read input: " + CliErrors.messageOf(e));
            return BAD_INPUT;
        } catch (picocli.CommandLine.ParameterException e) {
            throw e;   // a usage error: picocli prints it and exits with 2
        } catch (Exception e) {
            // A plain IllegalArgumentException here is a value no check turned into an input problem: a bug.
            err.println("salesops: internal error: " + e);
            return INTERNAL;
        } finally {
            err.flush();
        }
    }

    /** @return the amount as a plain decimal string, or null */
    static String decimal(Money m) {
        return m == null ? null : m.amount().toPlainString();
    }

    /**
     * @return a CSV field, quoted when it holds a comma, quote or line break, with text that starts like a
     * formula neutralised ({@link CsvCells}); empty for null
     */
    static String csv(Object v) {
        return CsvCells.field(v);
    }

    /** Output formats. */
    enum Format {
        TABLE, JSON, CSV
    }
}
