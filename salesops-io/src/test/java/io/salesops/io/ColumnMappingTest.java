package io.salesops.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ColumnMappingTest {

    @Test
    void parse_pairs_mapFieldsToHeadersAndLeaveOthersUnderTheirOwnName() {
        ColumnMapping m = ColumnMapping.parse("amount=close_value, Stage = Deal Stage");

        assertThat(m.header("amount")).isEqualTo("close_value");
        assertThat(m.header("stage")).isEqualTo("Deal Stage");
        assertThat(m.header("owner")).isEqualTo("owner");
        assertThat(m.fields()).containsExactly(Map.entry("amount", "close_value"), Map.entry("stage", "Deal Stage"));
        assertThat(m.dateFormat()).isEmpty();
    }

    @Test
    void parse_dateFormatKey_setsTheDateFormat() {
        assertThat(ColumnMapping.parse("amount=x,date-format=dd.MM.yyyy").dateFormat()).contains("dd.MM.yyyy");
    }

    @Test
    void parse_badEntries_nameTheEntry() {
        assertThatThrownBy(() -> ColumnMapping.parse("amount=x,stage"))
                .hasMessage("entry \"stage\" of column mapping \"amount=x,stage\" is not field=header");
        assertThatThrownBy(() -> ColumnMapping.parse("amount="))
                .hasMessage("entry \"amount=\" of column mapping \"amount=\" has a blank header name");
        assertThatThrownBy(() -> ColumnMapping.parse("amount=a,AMOUNT=b"))
                .hasMessage("field \"amount\" is mapped twice in column mapping \"amount=a,AMOUNT=b\"");
        assertThatThrownBy(() -> ColumnMapping.parse("date-format=qqqq{"))
                .hasMessageStartingWith("date format \"qqqq{\" is not a valid date pattern");
    }

    @Test
    void named_selectsShippedMappingsOrParses() {
        assertThat(ColumnMapping.named("Salesforce")).isSameAs(ColumnMapping.SALESFORCE);
        assertThat(ColumnMapping.named("hubspot")).isSameAs(ColumnMapping.HUBSPOT);
        assertThat(ColumnMapping.named("default")).isSameAs(ColumnMapping.NONE);
        assertThat(ColumnMapping.named("amount=v").header("amount")).isEqualTo("v");
        assertThatThrownBy(() -> ColumnMapping.named("pipedrive"))
                .hasMessage("column mapping \"pipedrive\" is neither salesforce, hubspot nor default, nor a list of field=header pairs");
    }

    @Test
    void shippedMappings_comeFromTheirResourceFiles() {
        assertThat(ColumnMapping.SALESFORCE.header("id")).isEqualTo("Opportunity ID");
        assertThat(ColumnMapping.SALESFORCE.header("currency")).isEqualTo("Amount Currency");
        assertThat(ColumnMapping.SALESFORCE.header("won")).isEqualTo("Won");
        assertThat(ColumnMapping.SALESFORCE.dateFormat()).contains("M/d/yyyy");
        assertThat(ColumnMapping.HUBSPOT.header("owner")).isEqualTo("Deal owner");
        assertThat(ColumnMapping.HUBSPOT.header("created_date")).isEqualTo("Create Date");
        assertThat(ColumnMapping.HUBSPOT.dateFormat()).isEmpty();
    }

    @Test
    void and_overridesFieldsAndDateFormat() {
        ColumnMapping m = ColumnMapping.SALESFORCE.and(ColumnMapping.parse("amount=Total Price,date-format=dd/MM/yyyy"));

        assertThat(m.header("amount")).isEqualTo("Total Price");
        assertThat(m.header("id")).isEqualTo("Opportunity ID");
        assertThat(m.dateFormat()).contains("dd/MM/yyyy");
    }

    @Test
    void importProblem_toString_leavesOutUnknownParts() {
        assertThat(new ImportProblem("a.csv", 14, "amount", 6, "12,5x", "\"12,5x\" is not a decimal amount"))
                .hasToString("a.csv:14:6 (amount): \"12,5x\" is not a decimal amount");
        assertThat(new ImportProblem("a.csv", 3, null, 0, null, "row has 2 fields but the header has 3"))
                .hasToString("a.csv:3: row has 2 fields but the header has 3");
        assertThat(new ImportProblem("a.csv", 0, null, 0, null, "the file is empty"))
                .hasToString("a.csv: the file is empty");
    }
}
