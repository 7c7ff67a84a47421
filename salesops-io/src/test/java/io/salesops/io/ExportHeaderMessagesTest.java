package io.salesops.io;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

/**
 * What a user is told when a CRM report's header cannot be read as an opportunity file: the shapes here are those of
 * real report exports (a report saved with ';' between columns, as spreadsheets in many locales do; a report
 * without an id or amount column whose other columns carry their CRM names).
 */
class ExportHeaderMessagesTest {

    private static void read(String csv) throws Exception {
        OpportunityCsvReader.builder().lenient().build().read(new StringReader(csv), "report.csv");
    }

    @Test
    void semicolonSeparatedReport_namesTheSeparatorInsteadOfListingEveryColumnAsMissing() {
        String csv = "\"Opportunity ID\";\"Opportunity Owner\";\"Stage\";\"Amount\";\"Close Date\";\"Created Date\"\n"
                + "\"O-1\";\"Ann\";\"Closed Won\";\"1.500,00\";\"02.07.2025\";\"19.06.2025\"\n";
        assertThatThrownBy(() -> read(csv))
                .isInstanceOf(CsvImportException.class)
                .hasMessageStartingWith("report.csv:1: header is one column, [Opportunity ID;")
                .hasMessageContaining("separated by ';'")
                .hasMessageContaining("save or export the file with ',' between columns")
                .hasMessageNotContaining("lacks required");
    }

    @Test
    void tabSeparatedReport_namesTheTab() {
        String csv = "Opportunity ID\tOpportunity Owner\tStage\tAmount\tCreated Date\nO-1\tAnn\tWon\t10\t2025-06-19\n";
        assertThatThrownBy(() -> read(csv))
                .isInstanceOf(CsvImportException.class)
                .hasMessageContaining("separated by '\\t'");
    }

    @Test
    void reportWithoutIdAndAmount_listsOnlyThoseAsMissingAndSaysWhichWereFoundUnderTheirCrmNames() {
        String csv = "Owner Role,Opportunity Owner,Account Name,Stage,Close Date,Created Date\n"
                + "Central,Ann,BMW,Closed Won,02.07.2025,19.06.2025\n";
        assertThatThrownBy(() -> read(csv))
                .isInstanceOf(CsvImportException.class)
                .hasMessage("report.csv:1: header lacks required columns \"id\", \"amount\"; required columns are "
                        + "[id, owner, stage, amount, created_date], found [Owner Role, Opportunity Owner, Account Name, "
                        + "Stage, Close Date, Created Date]; the header has the others under their usual names, so a column "
                        + "mapping naming these with the missing ones reads it: owner=Opportunity Owner,created_date=Created Date");
    }

    @Test
    void oneColumnWithoutSeparators_isStillAMissingColumnsError() {
        assertThatThrownBy(() -> read("deal\nD-1\n"))
                .isInstanceOf(CsvImportException.class)
                .hasMessageStartingWith("report.csv:1: header lacks required columns \"id\", \"owner\"");
    }
}
