package io.salesops.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.OpportunityTable;
import io.salesops.core.crm.StageModel;
import io.salesops.core.org.Org;
import io.salesops.core.org.Rep;
import io.salesops.server.ProblemException.FieldError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The pipeline endpoint writes a request's opportunities straight into a table: on any mix of good and bad records
 * it names the same problems at the same JSON pointers, in the same order, as the object path, and when there are
 * none the table holds the same opportunities as the objects would.
 */
class CrmTableProperties {

    private static final StageModel MODEL = StageModel.defaultModel();
    private static final Org ORG = Org.of(List.of(Rep.of("ann", null), Rep.of("bob", "ann")));

    @Property(tries = 300)
    void table_namesTheSameProblems_andHoldsTheSameOpportunities(@ForAll("records") List<Requests.Opportunity> records,
                                                                  @ForAll boolean withOrg) {
        List<FieldError> objectErrors = new ArrayList<>();
        List<Opportunity> objects = Crm.opportunities(objectErrors, records, MODEL, true, withOrg ? ORG : null);
        List<FieldError> tableErrors = new ArrayList<>();
        OpportunityTable table = Crm.table(tableErrors, records, MODEL, true, withOrg ? ORG : null);
        assertThat(tableErrors).isEqualTo(objectErrors);
        if (objectErrors.isEmpty()) {
            assertThat(table.asList()).isEqualTo(OpportunityTable.of(objects).asList());
        }
    }

    @Property(tries = 200)
    void goodRecords_giveTheSameTableAsTheObjects(@ForAll("goodRecords") List<Requests.Opportunity> records) {
        List<FieldError> errors = new ArrayList<>();
        List<Opportunity> objects = Crm.opportunities(errors, records, MODEL, true, ORG);
        OpportunityTable table = Crm.table(errors, records, MODEL, true, ORG);
        assertThat(errors).isEmpty();
        assertThat(table.size()).isEqualTo(records.size());
        assertThat(table.asList()).isEqualTo(OpportunityTable.of(objects).asList());
    }

    @Property(tries = 2000)
    void isoDate_isLocalDateParseOrLeavesTheTextToIt(@ForAll("dateTexts") String text) {
        LocalDate fast = Crm.isoDate(text);
        if (fast != null) {
            assertThat(fast).isEqualTo(LocalDate.parse(text));
            return;
        }
        if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            assertThatThrownBy(() -> LocalDate.parse(text)).isInstanceOf(DateTimeParseException.class);
        }
    }

    @Provide
    Arbitrary<String> dateTexts() {
        Arbitrary<String> shaped = Combinators.combine(Arbitraries.integers().between(0, 9999),
                Arbitraries.integers().between(0, 14), Arbitraries.integers().between(0, 33))
                .as((y, m, d) -> String.format("%04d-%02d-%02d", y, m, d));
        return Arbitraries.oneOf(shaped, Arbitraries.of("2024-02-29", "2026-02-29", "2026-1-05", "+2026-01-01",
                "2026-01-01 ", "2026/01/01", "20260101", "２０２６-01-01", "2026-0a-01", ""));
    }

    @Provide
    Arbitrary<List<Requests.Opportunity>> records() {
        Arbitrary<String> id = Arbitraries.of("O-1", "O-2", " O-3 ", "", null);
        Arbitrary<String> owner = Arbitraries.of("ann", "bob", "ann", "zed", " bob", "", null);
        Arbitrary<String> stage = Arbitraries.of("Proposal", "Qualification", "Closed Won", "Closed Lost", " Negotiation",
                "Bogus", "", null);
        Arbitrary<Object> amount = Arbitraries.of("100.00", "0", "12.345", "-5", "abc", "1e999", new BigDecimal("250.5"),
                7, null);
        Arbitrary<String> currency = Arbitraries.of("USD", "USD", "EUR", "XXX", "ZZZ", null);
        Arbitrary<String> date = Arbitraries.of("2026-01-01", "2026-03-15", "2026-07-02", "2025-12-31", "2026-02-30",
                "2026-1-5", "0000-01-01", "+2026-01-01", " 2026-02-01", "", null);
        Arbitrary<String> status = Arbitraries.of("open", "won", "lost", "closed won", "bogus", "", null, null);
        Arbitrary<String> category = Arbitraries.of("commit", "best case", "pipeline", "x", null, null);
        Arbitrary<Map<String, String>> attributes = Arbitraries.of(Map.of("region", "EU"), Map.of("region", "US",
                "segment", "SMB"), Map.of());
        Arbitrary<Requests.HistoryEntry> change = Combinators.combine(date, stage, Arbitraries.of("50.00", "-1", null,
                null), date.injectNull(0.6)).as(Requests.HistoryEntry::new);
        Arbitrary<List<Requests.HistoryEntry>> history = change.list().ofMaxSize(3).injectNull(0.3);
        Arbitrary<Requests.Opportunity> record = Combinators.combine(Combinators.combine(id, owner, stage, amount,
                currency, date, date.injectNull(0.3), status).as(Part::new), category, Arbitraries.of("Core", null),
                attributes.injectNull(0.5), history).as((p, cat, product, attrs, hist) -> new Requests.Opportunity(p.id,
                "Deal", "A1", p.owner, p.stage, p.amount, p.currency, p.created, p.close, p.status, cat, product, null,
                attrs, hist));
        return record.injectNull(0.03).list().ofMaxSize(8);
    }

    /** Records that break no rule: ids unique, dates in order, closed deals with a close date. */
    @Provide
    Arbitrary<List<Requests.Opportunity>> goodRecords() {
        Arbitrary<Requests.HistoryEntry> change = Combinators.combine(Arbitraries.integers().between(0, 20),
                Arbitraries.of("Qualification", " Proposal", "Negotiation"), Arbitraries.of("50.00", null),
                Arbitraries.of("2026-09-30", null)).as((d, st, a, c) -> new Requests.HistoryEntry(
                        LocalDate.of(2026, 3, 1).plusDays(d).toString(), st, a, c));
        Arbitrary<Requests.Opportunity> record = Combinators.combine(Arbitraries.of("ann", "bob", " bob "),
                Arbitraries.of("Proposal", "Closed Won", "Closed Lost", "Qualification"), Arbitraries.of("100.00", "0",
                        new BigDecimal("99.99"), 12), Arbitraries.of("USD", null), Arbitraries.of("commit", null),
                Arbitraries.of(Map.of("region", "EU"), Map.<String, String>of()).injectNull(0.5),
                change.list().ofMaxSize(3).map(l -> l.stream().sorted(java.util.Comparator.comparing(
                        Requests.HistoryEntry::date)).toList()).injectNull(0.3))
                .as((o, st, a, cur, cat, attrs, hist) -> new Requests.Opportunity("X", null, null, o, st, a, cur,
                        "2026-03-01", "2026-08-15", null, cat, null, "new", attrs, hist));
        return record.list().ofMaxSize(12).map(l -> {
            List<Requests.Opportunity> out = new ArrayList<>();
            for (int i = 0; i < l.size(); i++) {
                Requests.Opportunity r = l.get(i);
                out.add(new Requests.Opportunity("O-" + i, r.name(), r.account(), r.owner(), r.stage(), r.amount(),
                        r.currency(), r.createdDate(), r.closeDate(), r.status(), r.forecastCategory(), r.product(),
                        r.type(), r.attributes(), r.history()));
            }
            return out;
        });
    }

    private record Part(String id, String owner, String stage, Object amount, String currency, String created,
                        String close, String status) {
    }
}
