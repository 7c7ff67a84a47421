package io.salesops.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.OpportunityStatus;
import io.salesops.core.crm.StageModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cases where a CSV import used to drop or misread a row without a word. */
class CsvTrustTest {

    private static final String HEADER = "id,owner,stage,amount,created_date,name\n";

    @TempDir
    Path dir;

    private Path file(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    @Test
    void loneCarriageReturnInTheQuotedLastFieldOfTheLastRecord_keepsTheRecord() throws IOException {
        Path p = file("credits.csv", (HEADER + "O-1,ann,Proposal,100.00,2026-01-01,first\n"
                + "O-2,ann,Proposal,900.00,2026-01-01,\"\r\"\n").getBytes(StandardCharsets.UTF_8));

        ImportResult<Opportunity> r = OpportunityCsvReader.builder().build().read(p);

        assertThat(r.rowsRead()).isEqualTo(2);
        assertThat(r.records()).extracting(Opportunity::id).containsExactly("O-1", "O-2");
    }

    @Test
    void carriageReturnInsideAQuotedLastField_doesNotJoinTheNextLine() throws IOException {
        ImportResult<Opportunity> r = OpportunityCsvReader.builder().build().read(new StringReader(HEADER
                + "O-1,ann,Proposal,100.00,2026-01-01,\"two\rlines\"\n"
                + "O-2,ann,Proposal,900.00,2026-01-01,x\n"), "o.csv");

        assertThat(r.records()).extracting(Opportunity::id, Opportunity::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("O-1", "two\rlines"),
                        org.assertj.core.groups.Tuple.tuple("O-2", "x"));
    }

    @Test
    void latin1ByteInAUtf8File_isAnErrorNamingLineColumnAndByteOffset() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes((HEADER + "O-1,J").getBytes(StandardCharsets.UTF_8));
        b.write(0xF6);
        b.writeBytes("rg,Proposal,1,2026-01-01,x\n".getBytes(StandardCharsets.UTF_8));
        Path p = file("latin1.csv", b.toByteArray());
        long offset = HEADER.length() + "O-1,J".length();

        assertThatThrownBy(() -> OpportunityCsvReader.builder().lenient().build().read(p))
                .isInstanceOf(CsvImportException.class)
                .hasMessageStartingWith(p + ":2:2 (owner): byte 0xF6 at byte offset " + offset
                        + " (line 2, column 2) is not valid UTF-8");
    }

    @Test
    void latin1FileReadAsLatin1_givesTheSameOwnerAsTheUtf8File() throws IOException {
        String text = HEADER + "O-1,Jörg,Proposal,1,2026-01-01,x\n";
        Path latin1 = file("l.csv", text.getBytes(StandardCharsets.ISO_8859_1));
        Path utf8 = file("u.csv", text.getBytes(StandardCharsets.UTF_8));

        Opportunity a = OpportunityCsvReader.builder().charset(StandardCharsets.ISO_8859_1).build().read(latin1).orThrow().get(0);
        Opportunity c = OpportunityCsvReader.builder().build().read(utf8).orThrow().get(0);

        assertThat(a.ownerId()).isEqualTo("Jörg").isEqualTo(c.ownerId());
    }

    @Test
    void truncatedUtf8SequenceAtTheEnd_isAnError() throws IOException {
        byte[] text = (HEADER + "O-1,ann,Proposal,1,2026-01-01,J\u00f6").getBytes(StandardCharsets.UTF_8);
        Path p = file("cut.csv", java.util.Arrays.copyOf(text, text.length - 1));

        assertThatThrownBy(() -> OpportunityCsvReader.builder().build().read(p))
                .hasMessageContaining("is not valid UTF-8").hasMessageContaining("byte offset " + (text.length - 2));
    }

    @Test
    void byteOrderMarks_selectTheirEncodingAndAreStripped() throws IOException {
        String text = HEADER + "O-1,Jörg,Proposal,1,2026-01-01,x\n";
        ByteArrayOutputStream le = new ByteArrayOutputStream();
        le.write(0xFF);
        le.write(0xFE);
        le.writeBytes(text.getBytes(StandardCharsets.UTF_16LE));
        ByteArrayOutputStream u8 = new ByteArrayOutputStream();
        u8.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        u8.writeBytes(text.getBytes(StandardCharsets.UTF_8));

        for (byte[] bytes : List.of(le.toByteArray(), u8.toByteArray())) {
            List<Opportunity> r = OpportunityCsvReader.builder().charset(Charset.forName("windows-1252")).build()
                    .read(file("bom.csv", bytes)).orThrow();
            assertThat(r).extracting(Opportunity::ownerId).containsExactly("Jörg");
        }
    }

    @Test
    void unterminatedQuote_namesTheLineWhereItOpened() {
        StringBuilder csv = new StringBuilder(HEADER).append("O-1,ann,Proposal,1,2026-01-01,\"Acme, Inc\n");
        for (int i = 0; i < 48; i++) {
            csv.append("O-").append(i + 2).append(",ann,Proposal,1,2026-01-01,x\n");
        }

        assertThatThrownBy(() -> OpportunityCsvReader.builder().lenient().build().read(new StringReader(csv.toString()), "q.csv"))
                .isInstanceOf(CsvImportException.class)
                .hasMessage("q.csv:2:6 (name): a quote opened on line 2 is never closed: the field would run to the end"
                        + " of the file, over 49 lines; a closing quote is missing (a quote inside a quoted field is written \"\")");
    }

    @Test
    void quoteClosedManyLinesLater_namesWhereTheFieldOpened() throws IOException {
        String csv = HEADER + "O-1,ann,Proposal,1,2026-01-01,\"Acme\n" + "O-2,ann,Proposal,1,2026-01-01,x\n"
                + "O-3,ann,Proposal,1,2026-01-01,y\",z\n" + "O-4,ann,Proposal,1,2026-01-01,w\n";

        ImportResult<Opportunity> r = OpportunityCsvReader.builder().lenient().build().read(new StringReader(csv), "q.csv");

        assertThat(r.problems()).extracting(ImportProblem::toString).containsExactly(
                "q.csv:2: row has 7 fields but the header has 6; the quoted field in column 6 opened on line 2 runs"
                        + " over 3 lines: a closing quote may be missing");
        assertThat(r.records()).extracting(Opportunity::id).containsExactly("O-4");
    }

    @Test
    void closedWonWithStatusLost_isAContradictionNotAGuess() throws IOException {
        String csv = "id,owner,stage,amount,created_date,close_date,status\n"
                + "O-1,ann,Closed Won,900.00,2026-01-01,2026-02-01,lost\n"
                + "O-2,ann,Proposal,900.00,2026-01-01,2026-02-01,lost\n";

        ImportResult<Opportunity> r = OpportunityCsvReader.builder().lenient().build().read(new StringReader(csv), "s.csv");

        assertThat(r.problems()).extracting(ImportProblem::toString)
                .containsExactly("s.csv:2:7 (status): status lost contradicts stage \"Closed Won\", which is won");
        // A deal lost at an open stage keeps that stage in some CRMs (Pipedrive): not a contradiction.
        assertThat(r.records()).extracting(Opportunity::status).containsExactly(OpportunityStatus.LOST);
    }

    @Test
    void knownStagesOnly_makesAStageTheModelLacksAProblem() throws IOException {
        String csv = HEADER + "O-1,ann,Signed,1,2026-01-01,x\nO-2,ann,Proposal,1,2026-01-01,x\n";

        ImportResult<Opportunity> r = OpportunityCsvReader.builder().stageModel(StageModel.defaultModel())
                .knownStagesOnly().lenient().build().read(new StringReader(csv), "s.csv");

        assertThat(r.problems()).extracting(ImportProblem::toString).singleElement().asString()
                .startsWith("s.csv:2:3 (stage): stage \"Signed\" is not in the stage model, which has [Prospecting,");
        assertThat(r.records()).extracting(Opportunity::id).containsExactly("O-2");
    }

    @Test
    void knownStagesOnly_withoutAModel_isRefused() {
        assertThatThrownBy(() -> OpportunityCsvReader.builder().knownStagesOnly())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("stageModel");
    }

    @Test
    void amountsWhoseTotalOverflows_nameTheRowThatTipsIt() throws IOException {
        String csv = HEADER + "O-1,ann,Proposal,90000000000000000.00,2026-01-01,x\n"
                + "O-2,ann,Proposal,1.00,2026-01-01,x\n" + "O-3,ann,Proposal,90000000000000000.00,2026-01-01,x\n";

        ImportResult<Opportunity> r = OpportunityCsvReader.builder().lenient().build().read(new StringReader(csv), "big.csv");

        assertThat(r.records()).extracting(Opportunity::id).containsExactly("O-1", "O-2");
        assertThat(r.rowsRead()).isEqualTo(r.records().size() + r.rejectedRows());
        assertThat(r.problems()).extracting(ImportProblem::toString).singleElement().asString()
                .startsWith("big.csv:4:4 (amount): amount USD 90,000,000,000,000,000.00 takes the file's USD total past");
        assertThatThrownBy(() -> OpportunityCsvReader.builder().build().read(new StringReader(csv), "big.csv"))
                .isInstanceOf(CsvImportException.class).hasMessageStartingWith("big.csv:4:4 (amount)");
    }

    @Test
    void utf8InAFileReadAsLatin1_isAMixOfEncodingsNotASecondOwner() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes((HEADER + "O-1,J").getBytes(StandardCharsets.UTF_8));
        b.write(0xF6);
        b.writeBytes("rg,Proposal,1,2026-01-01,x\nO-2,J\u00f6rg,Proposal,1,2026-01-01,x\n".getBytes(StandardCharsets.UTF_8));
        Path p = file("mixed.csv", b.toByteArray());
        long offset = HEADER.length() + "O-1,Jxrg,Proposal,1,2026-01-01,x\nO-2,J".length();

        for (String cs : List.of("ISO-8859-1", "windows-1252")) {
            assertThatThrownBy(() -> OpportunityCsvReader.builder().charset(Charset.forName(cs)).lenient().build().read(p))
                    .isInstanceOf(CsvImportException.class)
                    .hasMessageStartingWith(p + ":3:2 (owner): characters \"\u00c3\u00b6\" at byte offset " + offset
                            + " (line 3, column 2) are the UTF-8 bytes of \"\u00f6\" read as " + cs);
        }
    }
}
