package io.salesops.forecast.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.core.crm.Opportunity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuietOwnersTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 7, 1);

    private static Opportunity deal(String id, String owner, LocalDate created) {
        return Opportunity.builder(id).owner(owner).stage("Engaging").amount("1000.00", "USD").created(created).build();
    }

    @Test
    void anOwnerWhoStoppedCreatingDeals_isQuietFromThirtyDaysAfterTheLast_andAGapInsideTheirHistoryIsASpellToo() {
        List<Opportunity> opps = new ArrayList<>();
        // ann: every 5 days in January, nothing in February and March, every 5 days from 1 April to 11 May
        for (LocalDate d = LocalDate.of(2026, 1, 1); d.isBefore(LocalDate.of(2026, 2, 1)); d = d.plusDays(5)) {
            opps.add(deal("a" + d, "ann", d));
        }
        for (LocalDate d = LocalDate.of(2026, 4, 1); !d.isAfter(LocalDate.of(2026, 5, 11)); d = d.plusDays(5)) {
            opps.add(deal("a" + d, "ann", d));
        }
        opps.add(deal("later", "ann", AS_OF.plusDays(1))); // created after the as-of day: unknown then
        QuietOwners q = QuietOwners.of(opps, AS_OF);
        // 16 creation days from 1 January to 11 May: mean gap 8.7 days, so 30 days (the floor) make ann quiet
        assertThat(q.quietNow("ann")).containsExactly((int) LocalDate.of(2026, 5, 11).toEpochDay(), 30);
        assertThat(q.quietOn("ann", (int) LocalDate.of(2026, 6, 9).toEpochDay())).isFalse();
        assertThat(q.quietOn("ann", (int) LocalDate.of(2026, 6, 10).toEpochDay())).isTrue();
        // the spell between 31 January and 1 April: from 2 March to 31 March
        assertThat(q.quietOn("ann", (int) LocalDate.of(2026, 3, 1).toEpochDay())).isFalse();
        assertThat(q.quietOn("ann", (int) LocalDate.of(2026, 3, 2).toEpochDay())).isTrue();
        assertThat(q.quietOn("ann", (int) LocalDate.of(2026, 3, 31).toEpochDay())).isTrue();
        assertThat(q.quietOn("ann", (int) LocalDate.of(2026, 4, 1).toEpochDay())).isFalse();
        // a deal created on 1 March and 120 days old (to 29 June) was at risk on 30 days of the first spell and 20 of the second
        double[] cum = new double[200];
        for (int t = 1; t < cum.length; t++) {
            cum[t] = cum[t - 1] + 1;
        }
        int created = (int) LocalDate.of(2026, 3, 1).toEpochDay();
        assertThat(q.exposure("ann", created, 0, 120, cum)).isEqualTo(30 + 20);
    }

    @Test
    void anOwnerWithFewDeals_orOneSlowButSteady_isNeverQuiet() {
        List<Opportunity> opps = new ArrayList<>();
        opps.add(deal("b1", "bob", LocalDate.of(2026, 1, 5)));
        opps.add(deal("b2", "bob", LocalDate.of(2026, 1, 6)));
        // cyd creates one deal every 40 days: gaps of 40 are her pace, not silence (3 x 40 = 120 days)
        for (LocalDate d = LocalDate.of(2025, 6, 1); d.isBefore(AS_OF); d = d.plusDays(40)) {
            opps.add(deal("c" + d, "cyd", d));
        }
        QuietOwners q = QuietOwners.of(opps, AS_OF);
        assertThat(q.quietNow("bob")).isNull();
        assertThat(q.quietNow("cyd")).isNull();
        assertThat(q.quietOn("cyd", (int) LocalDate.of(2026, 1, 1).toEpochDay())).isFalse();
    }
}
