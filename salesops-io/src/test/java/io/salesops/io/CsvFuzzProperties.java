package io.salesops.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Hostile CSV text against the opportunity reader: whatever the bytes, the only exception is
 * {@link CsvImportException}, and a lenient read accounts for every record a plain RFC 4180 parser finds:
 * {@code rowsRead} is that count (blank records aside) and each row is either a record or a problem.
 */
class CsvFuzzProperties {

    private static final String HEADER = "id,owner,stage,amount,created_date,close_date,status,name\n";

    @Property
    void anyText_isReadOrRefusedWithALocatedProblem_andNoRowGoesMissing(@ForAll("csvBody") String body)
            throws IOException {
        String csv = HEADER + body;
        ImportResult<io.salesops.core.crm.Opportunity> r;
        try {
            r = OpportunityCsvReader.builder().lenient().build().read(new StringReader(csv), "fuzz.csv");
        } catch (CsvImportException e) {
            assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.toString()).startsWith("fuzz.csv"));
            return;
        }
        CsvSourceProperties.Reference ref = CsvSourceProperties.Reference.parse(csv);
        long expected = ref.blank.stream().skip(1).filter(b -> !b).count();
        assertThat(r.rowsRead()).as(CsvSourceProperties.escape(csv)).isEqualTo(expected);
        assertThat(r.records().size() + r.rejectedRows()).isEqualTo(r.rowsRead());
    }

    @Property
    void anyCreditsText_isReadOrRefused_andNoRowGoesMissing(@ForAll("csvBody") String body) throws IOException {
        String csv = "id,payee,date,amount,currency,type,splits\n" + body;
        ImportResult<Transaction> r;
        try {
            r = TransactionCsvReader.builder().lenient().build().read(new StringReader(csv), "credits.csv");
        } catch (CsvImportException e) {
            assertThat(e.problems()).isNotEmpty();
            return;
        }
        long expected = CsvSourceProperties.Reference.parse(csv).blank.stream().skip(1).filter(b -> !b).count();
        assertThat(r.rowsRead()).as(CsvSourceProperties.escape(csv)).isEqualTo(expected);
        assertThat(r.records().size() + r.rejectedRows()).isEqualTo(r.rowsRead());
    }

    @Property
    void anyBytes_fromAFile_areReadOrRefused(@ForAll("csvBody") String body, @ForAll boolean latin1) throws IOException {
        Path f = Files.createTempFile("fuzz", ".csv");
        try {
            Files.write(f, (HEADER + body).getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
            ImportResult<io.salesops.core.crm.Opportunity> r = OpportunityCsvReader.builder().lenient().build().read(f);
            assertThat(r.records().size() + r.rejectedRows()).isEqualTo(r.rowsRead());
        } catch (CsvImportException e) {
            assertThat(e.problems()).isNotEmpty();
        } finally {
            Files.delete(f);
        }
    }

    @Provide
    Arbitrary<String> csvBody() {
        Arbitrary<String> valid = Arbitraries.of(
                "O-1,ann,Proposal,100.00,2026-01-01,,open,x\n",
                "O-2,bob,Closed Won,1e999999999,2026-01-01,2026-02-01,won,y\n",
                "O-3,J\u00f6rg,Closed Won,5,2026-01-01,2026-02-01,lost,\"a\r\"\n",
                "O-4,=cmd,Negotiation,\"1,234.56\",2026-01-01,,,@SUM(1+1)\n");
        Arbitrary<String> noise = Arbitraries.of('a', ',', '"', '\r', '\n', '\u00f6', '1', '.', '-', 'e', ' ', '\uFEFF')
                .list().ofMaxSize(40).map(cs -> {
                    StringBuilder sb = new StringBuilder();
                    cs.forEach(sb::append);
                    return sb.toString();
                });
        return Arbitraries.oneOf(valid, noise).list().ofMaxSize(8).map(parts -> String.join("", parts));
    }
}
