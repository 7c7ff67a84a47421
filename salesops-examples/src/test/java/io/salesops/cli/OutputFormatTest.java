package io.salesops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OutputFormatTest {

    @Test
    void parse_ignoresCaseAndSpace() {
        assertThat(OutputFormat.parse(" Json ")).isEqualTo(OutputFormat.JSON);
        assertThat(OutputFormat.parse("csv")).isEqualTo(OutputFormat.CSV);
        assertThat(OutputFormat.TABLE).hasToString("table");
    }

    @Test
    void parse_unknown_throwsUserInputNamingTheChoices() {
        assertThatThrownBy(() -> OutputFormat.parse("xml"))
                .isInstanceOf(UserInputException.class)
                .hasMessage("output format \"xml\" is not one of table, json, csv");
    }
}
