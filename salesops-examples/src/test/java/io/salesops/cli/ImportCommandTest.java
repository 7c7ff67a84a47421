package io.salesops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ImportCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = SalesopsCli.newCommandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void check_cleanFile_summarisesAndExitsZero() throws IOException {
        Path f = file("opps.csv", "id,owner,stage,amount,currency,created_date,close_date\n"
                + "O-1,ann,Proposal,100.00,USD,2026-01-05,2026-03-31\n"
                + "O-2,bob,Closed Won,250.50,USD,2026-01-10,2026-02-01\n"
                + "O-3,ann,Proposal,80,EUR,2026-02-01,\n");

        int code = run("import", "check", f.toString());

        assertThat(code).isZero();
        assertThat(out.toString().lines()).containsExactly(
                f + ": 3 rows, 3 opportunities, 0 rows rejected",
                "status:  open 2, won 1",
                "stages:  Proposal 2, Closed Won 1",
                "owners:  2 (ann 2, bob 1)",
                "created: 2026-01-05 .. 2026-02-01",
                "closing: 2026-02-01 .. 2026-03-31",
                "amount:  EUR 80.00 (1 deals), USD 350.50 (2 deals)",
                "no problems");
    }

    @Test
    void check_problems_listsEachWithFileLineAndColumnAndExitsOne() throws IOException {
        Path f = file("opps.csv", "id,owner,stage,amount,created_date\n"
                + "O-1,ann,Proposal,\"12,5x\",2026-01-05\n"
                + "O-2,ann,Proposal,10,2026-01-05\n"
                + "O-2,ann,Proposal,10,2026-13-05\n");

        int code = run("import", "check", f.toString());

        assertThat(code).isEqualTo(1);
        assertThat(out.toString().lines()).startsWith(f + ": 3 rows, 1 opportunities, 2 rows rejected")
                .endsWith("2 problems:",
                        f + ":2:4 (amount): \"12,5x\" is not a decimal amount",
                        f + ":4:5 (created_date): \"2026-13-05\" is not a valid date: Invalid value for MonthOfYear (valid values 1 - 12): 13");
    }

    @Test
    void check_salesforceColumnsAndHistory() throws IOException {
        Path f = file("sf.csv", "Opportunity ID,Opportunity Owner,Stage,Amount,Created Date,Close Date\n"
                + "006A,Jane Smith,Closed Won,\"1,000.00\",1/15/2026,3/1/2026\n");
        Path h = file("h.csv", "opportunity_id,date,stage\n006A,2026-01-15,Prospecting\n006A,2026-02-01,Proposal\n");

        int code = run("import", "check", f.toString(), "--columns", "salesforce", "--history", h.toString(),
                "--date-format", "M/d/yyyy");

        assertThat(code).isEqualTo(1);
        // The history shares the main file's date format, so its ISO dates are problems.
        assertThat(out.toString()).contains("status:  won 1", "amount:  USD 1,000.00 (1 deals)",
                h + ":2:2 (date): \"2026-01-15\" is not a date in the format M/d/yyyy");
    }

    @Test
    void check_missingColumns_reportsTheHeaderAndExitsOne() throws IOException {
        Path f = file("bad.csv", "id,owner\nO-1,ann\n");

        assertThat(run("import", "check", f.toString())).isEqualTo(1);
        assertThat(out.toString()).contains(f + ": cannot be imported",
                f + ":1: header lacks required columns \"stage\", \"amount\", \"created_date\"");
    }

    @Test
    void check_badOptionsOrMissingFile_areMessagesNotStackTraces() {
        assertThat(run("import", "check", dir.resolve("nope.csv").toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith("salesops: error: file not found: ").doesNotContain("\tat ");

        assertThat(run("import", "check", "x.csv", "--columns", "pipedrive")).isEqualTo(1);
        assertThat(err.toString()).contains("salesops: error: --columns: column mapping \"pipedrive\" is neither");

        assertThat(run("import", "check")).isEqualTo(2);
    }

    @Test
    void check_latin1File_isRefusedAsUtf8AndReadWithItsEncoding() throws IOException {
        Path f = dir.resolve("latin1.csv");
        Files.write(f, ("id,owner,stage,amount,created_date\nO-1,J\u00f6rg,Proposal,10,2026-01-05\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        assertThat(run("import", "check", f.toString())).isEqualTo(1);
        assertThat(out.toString()).contains(f + ":2:2 (owner): byte 0xF6 at byte offset 40 (line 2, column 2) is not valid UTF-8");

        out.getBuffer().setLength(0);
        assertThat(run("import", "check", f.toString(), "--encoding", "ISO-8859-1")).isZero();
        assertThat(out.toString()).contains("owners:  1 (J\u00f6rg 1)");
    }

    @Test
    void check_contradictoryStatus_isAProblem_andAStageTheBuiltInModelLacks_isNamedNotRefused() throws IOException {
        Path f = file("opps.csv", "id,owner,stage,amount,created_date,close_date,status\n"
                + "O-1,ann,Signed,100.00,2026-01-05,,\n"
                + "O-2,ann,Closed Won,900.00,2026-01-05,2026-02-01,lost\n");

        int code = run("import", "check", f.toString());

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains(f + ":3:7 (status): status lost contradicts stage \"Closed Won\", which is won",
                "note:    1 stage is not in the built-in stage model: Signed.").doesNotContain(":2:3 (stage)");
    }

    @Test
    void check_anExportWithItsOwnStageNames_isClean_asTheForecastReadsIt() throws IOException {
        // stage names as a public B2B CRM sample has them: the forecast infers its model from such a file, so the
        // check must not reject every row of it
        Path f = file("opps.csv", "id,owner,stage,amount,created_date,close_date\n"
                + "O-1,ann,Engaging,100.00,2026-01-05,\n"
                + "O-2,ann,Won,900.00,2026-01-05,2026-02-01\n"
                + "O-3,bob,Lost,50.00,2026-01-07,2026-02-03\n");

        assertThat(run("import", "check", f.toString())).isZero();
        assertThat(out.toString()).contains(f + ": 3 rows, 3 opportunities, 0 rows rejected", "status:  open 1, won 1, lost 1",
                "note:    3 stages are not in the built-in stage model: Engaging, Lost, Won.");
    }

    @Test
    void check_stagesFile_lackingAStage_makesItAProblemOfItsRow() throws IOException {
        Path stages = file("stages.csv", "stage,probability,forecast_category,outcome\nTalking,30,,\nSigned,100,closed,won\nGone,0,omitted,lost\n");
        Path f = file("opps.csv", "id,owner,stage,amount,created_date,close_date\nO-1,ann,Dead,100.00,2026-01-05,2026-02-01\n");

        assertThat(run("import", "check", f.toString(), "--stages", stages.toString())).isEqualTo(1);
        assertThat(out.toString()).contains(f + ":2:3 (stage): stage \"Dead\" is not in the stage model")
                .doesNotContain("note:    ");
    }

    @Test
    void check_stagesFile_isTheModelChecked() throws IOException {
        Path stages = file("stages.csv", "stage,probability,forecast_category,outcome\nTalking,30,,\nSigned,100,closed,won\nDead,0,omitted,lost\n");
        Path f = file("opps.csv", "id,owner,stage,amount,created_date,close_date\nO-1,ann,Signed,100.00,2026-01-05,2026-02-01\n");

        assertThat(run("import", "check", f.toString(), "--stages", stages.toString())).isZero();
        assertThat(out.toString()).contains("status:  won 1");
    }
}
