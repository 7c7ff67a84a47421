package io.salesops.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.core.crm.Opportunity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChunkedReadTest {

    private static final String HEADER = "id,name,owner,stage,amount,created_date,close_date\n";

    private static String rows(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            sb.append("O-").append(i).append(",\"Deal\n").append(i).append("\",ann,Proposal,")
                    .append(i % 17 == 0 ? "bad" : "1.50").append(",2026-01-01,\n");
        }
        return sb.toString();
    }

    @Test
    void read_twoChunks_matchesTheSequentialReadIncludingLinesAndDuplicatesAcrossTheSplit(@TempDir Path dir)
            throws IOException {
        // O-3 and O-5 repeat in the second half; O-150 repeats within it.
        Path file = dir.resolve("opps.csv");
        Files.writeString(file, HEADER + rows(0, 100) + "O-3,again,bob,Proposal,1,2026-01-01,\n" + rows(100, 200)
                + "O-5,again,bob,Proposal,1,2026-01-01,\nO-150,again,bob,Proposal,x,2026-01-01,\nO-150,again,bob,Proposal,1,2026-01-01,\n");
        OpportunityCsvReader.Builder b = OpportunityCsvReader.builder().lenient().parallelMinBytes(0);
        CsvSettings settings = b.parallel(true).settings();

        CsvImport.Outcome<Opportunity> chunked = ChunkedRead.read(CsvImport.Input.of(file), settings,
                OpportunityCsvReader.FIELDS, h -> new OpportunityConverter(h, settings, null),
                OpportunityCsvReader.UNIQUE);
        ImportResult<Opportunity> sequential = b.parallel(false).build().read(file);

        assertThat(chunked).as("the split after a line feed in the middle is usable").isNotNull();
        assertThat(chunked.result()).isEqualTo(sequential);
        assertThat(sequential.problems()).extracting(ImportProblem::toString).contains(
                file + ":202:1 (id): duplicate id \"O-3\"; first seen on line 8",
                file + ":403:1 (id): duplicate id \"O-5\"; first seen on line 12",
                file + ":404:5 (amount): \"x\" is not a decimal amount",
                file + ":405:1 (id): duplicate id \"O-150\"; first seen on line 303");
        assertThat(sequential.rowsRead()).isEqualTo(204);
    }

    @Test
    void read_splitInsideAQuotedField_fallsBackToASequentialRead(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("opps.csv");
        String longName = "\"" + "line\n".repeat(200) + "\"";
        Files.writeString(file, HEADER + "O-1," + longName + ",ann,Proposal,1,2026-01-01,\n");
        OpportunityCsvReader.Builder b = OpportunityCsvReader.builder().lenient().parallelMinBytes(0).parallel(true);
        CsvSettings settings = b.settings();

        assertThat(ChunkedRead.read(CsvImport.Input.of(file), settings, OpportunityCsvReader.FIELDS,
                h -> new OpportunityConverter(h, settings, null), OpportunityCsvReader.UNIQUE)).isNull();
        assertThat(b.build().read(file).records()).singleElement().extracting(Opportunity::name)
                .isEqualTo("line\n".repeat(200).strip());
    }

    @Test
    void source_countsLineBreaksAsFastCsvDoesAndKnowsWhetherItEndsInsideQuotes() throws IOException {
        CsvSource b = CsvSource.of(new java.io.StringReader("h1,h2\r\nab,\"x\ny\"\rcd,\"q\"\"\"tail\n"));
        char[] buf = new char[7];
        while (b.read(buf, 0, buf.length) >= 0) {
            // drain in small pieces, so CRLF and quotes straddle reads
        }
        assertThat(b.lineBreaks()).isEqualTo(4);
        assertThat(b.atRecordStart()).isTrue();
        assertThat(b.sawCarriageReturnInQuotes()).isFalse();

        CsvSource open = CsvSource.of(new java.io.StringReader("a,\"b\r\nc\n"));
        assertThatThrownBy(() -> {
            while (open.read(buf, 0, buf.length) >= 0) {
                // drain
            }
        }).isInstanceOf(CsvSource.Malformed.class).hasMessageStartingWith("a quote opened on line 1 is never closed");
        assertThat(open.atRecordStart()).isFalse();
        assertThat(open.sawCarriageReturnInQuotes()).isTrue();
    }
}
