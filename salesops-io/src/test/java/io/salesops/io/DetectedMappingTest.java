package io.salesops.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How an export reads when no mapping is given: found from its header and first rows, and said. */
class DetectedMappingTest {

    private static List<List<String>> rows(String... lines) {
        return java.util.Arrays.stream(lines).map(l -> List.of(l.split(",", -1))).toList();
    }

    private static final List<String> SALESFORCE = List.of("Opportunity ID", "Opportunity Owner", "Account Name",
            "Stage", "Amount", "Close Date", "Created Date", "Won", "Closed");

    @Test
    void salesforceReport_isTheShippedMapping_monthFirstEvenWhenNoDayIsAbove12() {
        DetectedMapping d = ColumnMapping.detect(SALESFORCE, rows("1,ann,Acme,Prospecting,10,12/10/2026,9/1/2026,0,0"))
                .orElseThrow();
        assertThat(d.mapping()).isEqualTo(ColumnMapping.SALESFORCE);
        assertThat(d.shipped()).contains("salesforce");
        assertThat(d.renamed()).isEmpty();
        assertThat(d.describe("--columns")).isEqualTo("a Salesforce export (--columns salesforce) with dates M/d/yyyy");
        // the caller names the date format: the header alone decides, no date phrase
        assertThat(ColumnMapping.detectColumns(SALESFORCE).orElseThrow().describe("columns"))
                .isEqualTo("a Salesforce export (columns salesforce)");
    }

    @Test
    void salesforceHeaders_withIsoDates_readTheirDatesAsIso() {
        DetectedMapping d = ColumnMapping.detect(SALESFORCE, rows("1,ann,Acme,Prospecting,10,2026-01-02,2026-01-01,0,0"))
                .orElseThrow();
        assertThat(d.mapping().dateFormat()).contains("yyyy-MM-dd");
        assertThat(d.dateFormat()).isEmpty();
    }

    @Test
    void usualNames_inOtherSpellings_areRenamed_inFieldOrder() {
        List<String> header = List.of("\uFEFFDeal ID", "Deal Owner", "Deal Stage", "Deal Amount", "CreatedDate",
                "Expected Close Date");
        DetectedMapping d = ColumnMapping.detect(header, rows("D1,ann,Proposal,1000.00,2026-06-01,2026-11-10"))
                .orElseThrow();
        assertThat(d.renamed().keySet()).containsExactly("id", "owner", "stage", "amount", "created_date",
                "close_date");
        assertThat(d.renamed()).containsEntry("id", "Deal ID").containsEntry("close_date", "Expected Close Date");
        assertThat(d.describe("--columns")).isEqualTo("columns id=Deal ID,owner=Deal Owner,stage=Deal Stage,"
                + "amount=Deal Amount,created_date=CreatedDate,close_date=Expected Close Date");
    }

    @Test
    void ourColumns_plusUsualNames_areSaidAsOurs() {
        List<String> header = List.of("id", "owner", "stage", "amount", "created_date", "Close Date", "Product Name");
        assertThat(ColumnMapping.detect(header, rows("A,ann,Proposal,1,2026-06-01,2026-11-10,X")).orElseThrow()
                .describe("--columns")).isEqualTo("salesops columns and close_date=Close Date,product=Product Name");
    }

    @Test
    void dates_theOneFormatThatReadsThemAll_orAnErrorNamingBothReadings() {
        List<String> header = List.of("id", "owner", "stage", "amount", "created_date", "close_date");
        assertThat(ColumnMapping.detect(header, rows("A,ann,P,1,01/06/2026,10/11/2026", "B,ann,P,1,25/04/2026,"))
                .orElseThrow().describe("--columns")).isEqualTo("salesops columns with dates d/M/yyyy");
        assertThat(ColumnMapping.detect(header, rows("A,ann,P,1,1.6.2026,10.11.2026")).orElseThrow().dateFormat())
                .contains("d.M.yyyy");
        // a time of day is no part of the date
        assertThat(ColumnMapping.detect(header, rows("A,ann,P,1,3/15/2026 2:02 PM,3/20/2026T14:00")).orElseThrow()
                .dateFormat()).contains("M/d/yyyy");
        assertThatThrownBy(() -> ColumnMapping.detect(header, rows("A,ann,P,1,01/06/2026,10/11/2026")))
                .isInstanceOf(DetectedMapping.AmbiguousDatesException.class)
                .hasMessage("dates such as \"01/06/2026\" read both as month/day (M/d/yyyy) and as day/month"
                        + " (d/M/yyyy), and no sampled date has a day above 12");
        // no format reads them all: ISO stays, and each bad date is a problem of its row
        assertThat(ColumnMapping.detect(header, rows("A,ann,P,1,2026-06-01,10/11/2026"))).isEmpty();
    }

    @Test
    void nothingToSay_orNotOursToChoose_isEmpty() {
        assertThat(ColumnMapping.detect(List.of("id", "owner", "stage", "amount", "created_date"),
                rows("A,ann,P,1,2026-06-01"))).isEmpty();
        // the owner nowhere: the reader lists the missing columns
        assertThat(ColumnMapping.detect(List.of("Deal ID", "Deal Stage", "Deal Amount", "CreatedDate"), List.of()))
                .isEmpty();
        // two headers squash alike: neither is taken
        assertThat(ColumnMapping.detectColumns(List.of("Deal ID", "Deal Owner", "Deal_Owner", "Deal Stage",
                "Deal Amount", "CreatedDate"))).isEmpty();
        assertThat(ColumnMapping.detectColumns(List.of())).isEqualTo(Optional.empty());
    }
}
