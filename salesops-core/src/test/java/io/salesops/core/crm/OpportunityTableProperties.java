package io.salesops.core.crm;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.core.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class OpportunityTableProperties {

    static final String[] STAGES = {"Prospecting", "Proposal", "Negotiation", "Closed Won", "Closed Lost", "closed won"};

    /** Deals of every status, some with history that changes stage, amount and close date, some with attributes. */
    static List<Opportunity> deals(long seed, int n) {
        return deals(seed, n, false);
    }

    /**
     * As {@link #deals(long, int)}; with {@code settle}, half the deals also get a last change that brings them to
     * where they stand now, as a CRM export's history does: at the current stage (or its name in another case),
     * with the current amount and close date or none.
     */
    static List<Opportunity> deals(long seed, int n, boolean settle) {
        Random r = new Random(seed);
        List<Opportunity> out = new ArrayList<>();
        LocalDate base = LocalDate.of(2025, 1, 1);
        String[] currencies = {"USD", "EUR", "JPY"};
        for (int i = 0; i < n; i++) {
            LocalDate created = base.plusDays(r.nextInt(300));
            String cur = currencies[r.nextInt(3)];
            Opportunity.Builder b = Opportunity.builder("O-" + i + (r.nextInt(9) == 0 ? "é€" : ""))
                    .owner("rep" + r.nextInt(5)).stage(STAGES[r.nextInt(3)])
                    .amount(Money.ofMinor(r.nextInt(1_000_000), cur)).created(created);
            if (r.nextBoolean()) {
                b.name("Deal " + r.nextInt(50) + (r.nextInt(5) == 0 ? " ünïcode" : ""));
            }
            if (r.nextBoolean()) {
                b.account("A" + r.nextInt(10)).product("p" + r.nextInt(3)).type("t" + r.nextInt(2));
            }
            if (r.nextInt(3) == 0) {
                b.attribute("region", "R" + r.nextInt(3));
            }
            if (r.nextInt(4) == 0) {
                b.attribute("segment", "S" + r.nextInt(2));
            }
            if (r.nextInt(4) == 0) {
                b.forecastCategory(ForecastCategory.values()[r.nextInt(ForecastCategory.values().length)]);
            }
            LocalDate d = created.plusDays(r.nextInt(3));
            int changes = r.nextInt(4);
            for (int k = 0; k < changes; k++) {
                b.change(new StageChange(d, STAGES[r.nextInt(STAGES.length)],
                        r.nextBoolean() ? Money.ofMinor(r.nextInt(1_000_000), cur) : null,
                        r.nextBoolean() ? d.plusDays(r.nextInt(90) - 10) : null));
                d = d.plusDays(r.nextInt(40));
            }
            LocalDate close = created.plusDays(r.nextInt(200));
            int outcome = r.nextInt(3);
            switch (outcome) {
                case 0 -> b.closeDate(r.nextInt(5) == 0 ? null : close);
                case 1 -> b.stage("Closed Won").won(close);
                default -> b.stage("Closed Lost").lost(close);
            }
            if (settle && r.nextBoolean()) {
                Opportunity now = b.build();
                String stage = r.nextInt(4) == 0 ? now.stage().toUpperCase(java.util.Locale.ROOT) : now.stage();
                b.change(new StageChange(d, outcome == 0 ? stage : now.stage(), r.nextBoolean() ? now.amount() : null,
                        r.nextBoolean() || outcome != 0 ? null : now.closeDate()));
            }
            out.add(b.build());
        }
        return out;
    }

    @Property(tries = 200)
    void everyRow_viewedAsAnOpportunity_equalsTheOneItWasBuiltFrom(@ForAll long seed, @ForAll @IntRange(max = 60) int n) {
        List<Opportunity> deals = deals(seed, n);
        OpportunityTable t = OpportunityTable.of(deals);
        assertThat(t.size()).isEqualTo(n);
        assertThat(t.asList()).isEqualTo(deals);
    }

    @Property(tries = 400)
    void snapshot_agreesWithOpportunityAsOf(@ForAll long seed, @ForAll @IntRange(max = 60) int n,
                                            @ForAll @IntRange(min = -20, max = 520) int dayOffset,
                                            @ForAll boolean settled) {
        List<Opportunity> deals = deals(seed, n, settled);
        OpportunityTable t = OpportunityTable.of(deals);
        LocalDate date = LocalDate.of(2025, 1, 1).plusDays(dayOffset);
        Snapshot s = new Snapshot();
        for (int i = 0; i < n; i++) {
            Optional<Opportunity> expected = deals.get(i).asOf(date);
            boolean found = t.snapshot(i, (int) date.toEpochDay(), s);
            assertThat(found).isEqualTo(expected.isPresent());
            if (!found) {
                continue;
            }
            Opportunity e = expected.get();
            assertThat(s.status()).isEqualTo(e.status());
            String stage = s.stageCode() == Snapshot.UNKNOWN_STAGE ? Opportunity.UNKNOWN_STAGE : t.stages().get(s.stageCode());
            assertThat(stage).isEqualTo(e.stage());
            assertThat(s.amountMinor()).isEqualTo(e.amount().minorUnits());
            assertThat(OpportunityTable.date(s.closeDay())).isEqualTo(e.closeDate());
            assertThat(s.forecastCategory()).isEqualTo(e.forecastCategory());
            assertThat(s.historyEnd() - t.historyStart(i)).isEqualTo(e.history().size());
            if (!s.replayed()) {
                assertThat(e.stage()).isEqualTo(deals.get(i).stage());
                assertThat(e.history()).isEqualTo(deals.get(i).history());
            }
        }
    }

    @Property(tries = 100)
    void append_keepsExactlyTheMarkedRowsInOrder(@ForAll long seed, @ForAll @IntRange(max = 60) int n) {
        List<Opportunity> deals = deals(seed, n).stream().map(o -> o.toBuilder().build()).toList();
        Random r = new Random(seed);
        boolean[] keep = new boolean[n];
        List<Opportunity> kept = new ArrayList<>();
        OpportunityTableBuilder b = OpportunityTable.builder();
        for (int i = 0; i < n; i++) {
            Opportunity o = deals.get(i);
            Opportunity noHistory = new Opportunity(o.id(), o.name(), o.accountId(), o.ownerId(), o.stage(), o.amount(),
                    o.createdDate(), o.closeDate(), o.status(), o.forecastCategory(), o.product(), o.type(),
                    o.attributes(), List.of());
            b.add(noHistory);
            keep[i] = r.nextBoolean();
            if (keep[i]) {
                kept.add(noHistory);
            }
        }
        OpportunityTableBuilder joined = OpportunityTable.builder();
        // a first row of its own, so the dictionaries' codes differ from the appended builder's
        joined.add(Opportunity.builder("X").owner("zz").stage("Other").amount(Money.ofMinor(1, "GBP"))
                .created(LocalDate.of(2020, 1, 1)).attribute("segment", "S9").build());
        assertThat(joined.append(b, keep).build().asList().subList(1, kept.size() + 1)).isEqualTo(kept);
    }
}
