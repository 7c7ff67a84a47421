package io.salesops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void disabled_printsNothingButCounts() {
        StringWriter err = new StringWriter();
        Progress p = Progress.to(new PrintWriter(err), false, "backtest", 4);
        p.step();
        p.advance(2);
        p.done();
        assertThat(err.toString()).isEmpty();
        assertThat(p.completed()).isEqualTo(3);
    }

    @Test
    void enabled_redrawsTheLineAndClearsIt() {
        StringWriter err = new StringWriter();
        Progress p = Progress.to(new PrintWriter(err), true, "fit", 4);
        p.step();
        p.step();
        p.done();
        assertThat(err.toString()).isEqualTo("\rfit: 1/4 (25%)\rfit: 2/4 (50%)\r" + " ".repeat(43) + "\r");
    }

    @Test
    void advance_pastTheTotal_stopsAtTheTotal() {
        Progress p = Progress.to(new PrintWriter(new StringWriter()), false, "x", 2);
        p.advance(5);
        assertThat(p.completed()).isEqualTo(2);
    }

    @Test
    void negativeTotal_throwsNamingIt() {
        assertThatThrownBy(() -> Progress.to(new PrintWriter(new StringWriter()), true, "x", -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("progress total -1 is negative");
    }
}
