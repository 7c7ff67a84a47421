package io.salesops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Faults a user can cause: each ends in one line and the right exit code, never a trace. */
class CliFaultsTest {

    @TempDir
    Path dir;

    @Command(name = "exhaust")
    static final class Exhaust implements Callable<Integer> {
        private final Error error;

        Exhaust(Error error) {
            this.error = error;
        }

        @Override
        public Integer call() {
            throw error;
        }
    }

    private static SalesopsCliTest.Run execute(Error error, boolean wrapped) {
        CommandLine cl = SalesopsCli.newCommandLine();
        cl.addSubcommand(wrapped ? new SalesopsCliTest.Boom(new IllegalStateException("worker failed", error)) : new Exhaust(error));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = SalesopsCli.execute(cl, wrapped ? "boom" : "exhaust");
        return new SalesopsCliTest.Run(code, out.toString(), err.toString());
    }

    @Test
    void outOfMemory_thrownOrWrapped_isOneLineAndExitThree() {
        for (boolean wrapped : new boolean[] {false, true}) {
            SalesopsCliTest.Run r = execute(new OutOfMemoryError("Java heap space"), wrapped);
            assertThat(r.code()).isEqualTo(ExitCodes.INTERNAL);
            assertThat(r.err().lines()).singleElement().asString()
                    .startsWith("salesops: internal error: out of memory (").contains("-Xmx");
        }
    }

    @Test
    void stackOverflow_isOneLineAndExitThree() {
        SalesopsCliTest.Run r = execute(new StackOverflowError(), false);
        assertThat(r.code()).isEqualTo(ExitCodes.INTERNAL);
        assertThat(r.err().lines()).containsExactly("salesops: internal error: stack overflow; the input may be nested too deeply");
    }

    @Test
    void simulationsPastTheServersCap_areRefused() throws IOException {
        Path opps = java.nio.file.Files.writeString(dir.resolve("o.csv"), "id,owner,stage,amount,created_date\nO-1,ann,Proposal,1,2026-01-01\n");
        SalesopsCliTest.Run r = SalesopsCliTest.run("forecast", "pipeline", "--opportunities", opps.toString(),
                "--as-of", "2026-01-15", "--period", "2026-Q1", "--simulations", "2000000000");
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("--simulations 2000000000 must be from 0 to 100,000");
    }

    @Test
    void directoryGivenForAFile_isNamed() {
        SalesopsCliTest.Run r = SalesopsCliTest.run("import", "check", dir.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.out()).contains(dir + ": is a directory, not a CSV file");

        SalesopsCliTest.Run plan = SalesopsCliTest.run("comp", "validate", dir.toString());
        assertThat(plan.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(plan.err()).contains(dir.toString()).doesNotContain("Exception");
    }
}
