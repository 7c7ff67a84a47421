package io.salesops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new user's first run on the file their CRM wrote, with no --columns: read it, and say how. */
class ExportShapeTest {

    @TempDir
    Path dir;

    private static final String SALESFORCE = """
            "Opportunity ID","Opportunity Owner","Account Name","Stage","Amount","Close Date","Created Date","Won","Closed"
            "0061","Ann Lee","Acme","Prospecting","12000","12/15/2026","9/1/2026","0","0"
            "0062","Ann Lee","Beta","Closed Won","8000","7/15/2026","5/1/2026","1","1"
            "0063","Bob Ray","Gamma","Negotiation","5000","11/30/2026","8/1/2026","0","0"
            "0064","Bob Ray","Delta","Closed Lost","3000","8/15/2026","6/1/2026","0","1"
            """;

    private Path file(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        return f;
    }

    private static JsonNode total(ForecastPipelineCommandTest.Run r) throws IOException {
        return new ObjectMapper().readTree(r.out()).get(0);
    }

    @Test
    void salesforceReport_readsWithNoOptions_andSaysSo() throws IOException {
        Path f = file("sf.csv", SALESFORCE);
        var r = ForecastPipelineCommandTest.run("forecast", "pipeline", "--opportunities", f.toString(),
                "--as-of", "2026-10-01", "--period", "2026-Q4", "--by", "owner", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        // two deals open on 2026-10-01 (the won and the lost one closed before): USD 12,000 + 5,000
        assertThat(total(r).get("openPipeline").asText()).isEqualTo("17000.00");
        assertThat(total(r).get("openDeals").asInt()).isEqualTo(2);
        assertThat(r.err()).contains("salesops: note: read sf.csv as a Salesforce export (--columns salesforce)"
                + " with dates M/d/yyyy");
    }

    @Test
    void usualHeaderNames_inOtherSpellings_areMappedAndListed() throws IOException {
        Path f = file("deals.csv", """
                Deal ID,Deal Owner,Deal Stage,Deal Amount,CreatedDate,Expected Close Date
                D1,ann,Proposal,1000.00,2026-06-01,2026-11-10
                D2,bob,Closed Won,400.00,2026-05-01,2026-07-02
                """);
        var r = ForecastPipelineCommandTest.run("forecast", "pipeline", "--opportunities", f.toString(),
                "--as-of", "2026-10-01", "--period", "2026-Q4", "--by", "owner", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(total(r).get("openPipeline").asText()).isEqualTo("1000.00");
        assertThat(r.err()).contains("id=Deal ID", "owner=Deal Owner", "stage=Deal Stage", "amount=Deal Amount",
                "created_date=CreatedDate", "close_date=Expected Close Date").doesNotContain("with dates");
    }

    @Test
    void dayFirstDates_areDetectedFromADayAbove12() throws IOException {
        Path f = file("eu.csv", """
                id,owner,stage,amount,created_date,close_date
                A,ann,Proposal,1000.00,01/06/2026,10/11/2026
                B,ann,Closed Won,500.00,25/04/2026,03/07/2026
                """);
        var r = ForecastPipelineCommandTest.run("import", "check", f.toString());
        assertThat(r.err()).contains("with dates d/M/yyyy");
        assertThat(r.out()).contains("created: 2026-04-25 .. 2026-06-01");
        assertThat(r.code()).isZero();
    }

    @Test
    void datesThatReadBothWays_areAnErrorNamingBothReadings_neverAGuess() throws IOException {
        Path f = file("amb.csv", """
                id,owner,stage,amount,created_date,close_date
                A,ann,Proposal,1000.00,01/06/2026,10/11/2026
                B,ann,Closed Won,500.00,03/04/2026,05/07/2026
                """);
        var r = ForecastPipelineCommandTest.run("forecast", "pipeline", "--opportunities", f.toString(),
                "--as-of", "2026-10-01", "--period", "2026-Q4");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("read both as month/day (M/d/yyyy) and as day/month (d/M/yyyy)",
                "--columns date-format=M/d/yyyy").doesNotContain("\tat ");
    }

    @Test
    void ourOwnColumns_withIsoDates_readSilently_andExplicitColumnsWin() throws IOException {
        Path f = file("own.csv", """
                id,owner,stage,amount,created_date,close_date
                A,ann,Proposal,1000.00,2026-06-01,2026-11-10
                """);
        var r = ForecastPipelineCommandTest.run("import", "check", f.toString());
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        Path sf = file("sf.csv", SALESFORCE);
        var explicit = ForecastPipelineCommandTest.run("import", "check", sf.toString(), "--columns", "amount=Amount");
        assertThat(explicit.code()).isEqualTo(1); // the user's mapping is taken as given: no id column then
        assertThat(explicit.err()).doesNotContain("note");
        assertThat(explicit.out()).contains("header lacks required columns");
    }
}
