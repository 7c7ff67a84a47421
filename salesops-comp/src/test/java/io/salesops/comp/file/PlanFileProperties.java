package io.salesops.comp.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.comp.plan.Cap;
import io.salesops.comp.plan.Clawback;
import io.salesops.comp.plan.CompPlan;
import io.salesops.comp.plan.Component;
import io.salesops.comp.plan.Condition;
import io.salesops.comp.plan.CreditTarget;
import io.salesops.comp.plan.Crediting;
import io.salesops.comp.plan.Draw;
import io.salesops.comp.plan.Gate;
import io.salesops.comp.plan.Guarantee;
import io.salesops.comp.plan.Measure;
import io.salesops.comp.plan.Multiplier;
import io.salesops.comp.plan.PayRule;
import io.salesops.comp.plan.Payout;
import io.salesops.comp.plan.QuotaProration;
import io.salesops.comp.plan.RoundingPoint;
import io.salesops.comp.plan.Tier;
import io.salesops.comp.plan.TierTable;
import io.salesops.core.money.Money;
import io.salesops.core.money.Percent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Plans survive the trip to a file and back, in both formats. */
class PlanFileProperties {

    @Property(tries = 150)
    void anyPlan_writtenAndReadBack_isEqual(@ForAll("plans") CompPlan plan) {
        for (PlanFormat f : PlanFormat.values()) {
            String text = PlanFiles.write(plan, f);
            List<PlanFileProblem> problems = new ArrayList<>();
            CompPlan back = PlanFiles.bindOnly(text.getBytes(StandardCharsets.UTF_8), "gen", f, problems);
            assertThat(problems).as(text).isEmpty();
            assertThat(back).as(text).isEqualTo(plan);
        }
    }

    // ---- generators ---------------------------------------------------------------------------------------

    static final List<Currency> CURRENCIES = List.of(Currency.getInstance("USD"), Currency.getInstance("EUR"),
            Currency.getInstance("JPY"));

    static Arbitrary<BigDecimal> decimals() {
        return Combinators.combine(Arbitraries.longs().between(-2_000_000_000L, 2_000_000_000L),
                Arbitraries.integers().between(0, 4)).as(BigDecimal::valueOf);
    }

    static Arbitrary<String> names() {
        return Arbitraries.strings().withChars("abcXYZ019 _-:#'\"é&*!%{}[],").ofMinLength(1).ofMaxLength(10)
                .filter(s -> !s.isBlank() && s.equals(s.strip()));
    }

    static Arbitrary<String> values() {
        return Arbitraries.strings().withChars("abc 01.-:#'\"yesnoTRUEnull~\n").ofMaxLength(8);
    }

    static Arbitrary<Money> money() {
        return Combinators.combine(Arbitraries.longs().between(-10_000_000_000L, 10_000_000_000L),
                Arbitraries.of(CURRENCIES)).as(Money::ofMinor);
    }

    static Arbitrary<LocalDate> dates() {
        return Arbitraries.integers().between(0, 3000).map(d -> LocalDate.of(2024, 1, 1).plusDays(d));
    }

    static Arbitrary<Condition> conditions(int depth) {
        Arbitrary<Condition> always = Arbitraries.just(Condition.always());
        Arbitrary<Condition> eq = Combinators.combine(names(), values()).as(Condition.Equals::new);
        Arbitrary<Condition> in = Combinators.combine(names(), values().list().ofMinSize(1).ofMaxSize(3)).as(Condition.In::new);
        Arbitrary<Condition> numberRange = Combinators.combine(names(), decimals().injectNull(0.3), Arbitraries.of(true, false),
                decimals().injectNull(0.3), Arbitraries.of(true, false))
                .filter((a, lo, li, hi, hii) -> lo != null || hi != null)
                .as((a, lo, li, hi, hii) -> new Condition.Range(a, Condition.RangeKind.NUMBER, lo == null ? null : lo.toString(),
                        lo != null && li, hi == null ? null : hi.toString(), hi != null && hii));
        Arbitrary<Condition> dateRange = Combinators.combine(names(), dates(), dates().injectNull(0.5), Arbitraries.of(true, false))
                .as((a, lo, hi, inc) -> new Condition.Range(a, Condition.RangeKind.DATE, lo.toString(), inc,
                        hi == null ? null : hi.toString(), hi != null && inc));
        Arbitrary<Condition> leaf = Arbitraries.oneOf(always, eq, in, numberRange, dateRange);
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Condition> sub = conditions(depth - 1);
        return Arbitraries.oneOf(leaf, leaf,
                sub.list().ofMaxSize(3).map(Condition.And::new),
                sub.list().ofMaxSize(3).map(Condition.Or::new),
                sub.map(Condition.Not::new));
    }

    static Arbitrary<TierTable> tables() {
        Arbitrary<Tier> tier = Combinators.combine(decimals(), decimals().injectNull(0.3), Arbitraries.of(true, false), decimals())
                .as((from, upTo, inc, rate) -> new Tier(from, upTo, upTo != null && inc, Percent.of(rate)));
        return Combinators.combine(Arbitraries.of(TierTable.Mode.class), Arbitraries.of(TierTable.Basis.class),
                tier.list().ofMaxSize(4)).as(TierTable::new);
    }

    static Arbitrary<PayRule> payRules() {
        return Arbitraries.oneOf(
                decimals().map(d -> new PayRule.FlatRate(Percent.of(d))),
                tables().map(PayRule.Tiered::new),
                Combinators.combine(money(), tables()).as(PayRule.Bonus::new),
                Combinators.combine(money(), decimals().injectNull(0.5)).as(PayRule.Mbo::new),
                money().map(PayRule.Spiff::new),
                Combinators.combine(money(), Arbitraries.of(PayRule.Spiff.SplitDeals.class), names())
                        .as(PayRule.Spiff::new));
    }

    static Arbitrary<Cap> caps() {
        return Combinators.combine(Arbitraries.of(Cap.Scope.class), money()).as(Cap::new);
    }

    static Arbitrary<Component> components() {
        Arbitrary<Crediting> crediting = Combinators.combine(conditions(2), Arbitraries.of(CreditTarget.class),
                Arbitraries.integers().between(0, 5), Arbitraries.of(true, false), names().set().ofMaxSize(2).map(List::copyOf))
                .as(Crediting::new);
        Arbitrary<Measure> measure = Combinators.combine(Arbitraries.of(Measure.Kind.class), Arbitraries.of(true, false))
                .as(Measure::new);
        Arbitrary<Multiplier> multiplier = Combinators.combine(decimals(), Arbitraries.of(true, false),
                decimals().injectNull(0.4), Arbitraries.of(true, false), decimals())
                .as((f, fi, u, ui, x) -> new Multiplier(f, fi, u, u != null && ui, x));
        Arbitrary<Gate> gate = Combinators.combine(names().injectNull(0.5), Arbitraries.of(Gate.Basis.class), decimals(),
                Arbitraries.of(true, false)).as(Gate::new);
        Arbitrary<Component> base = Combinators.combine(names(), crediting, measure, payRules(), multiplier.list().ofMaxSize(2),
                gate.list().ofMaxSize(2), caps().list().ofMaxSize(2), money().injectNull(0.6)).as(Component::new);
        return Combinators.combine(base, payouts().injectNull(0.6)).as((c, p) -> new Component(c.name(), c.crediting(),
                c.measure(), c.pay(), c.multipliers(), c.gates(), c.caps(), c.floor(), p));
    }

    /** On collection with a share at booking below 100%, or 1 to 6 instalments summing to exactly 100%. */
    static Arbitrary<Payout> payouts() {
        Arbitrary<Payout> collection = Arbitraries.integers().between(0, 999_999)
                .map(x -> new Payout(x % 2 == 0 ? Payout.Kind.ON_COLLECTION : Payout.Kind.ON_COLLECTION_IN_FULL,
                        Percent.of(BigDecimal.valueOf(x, 4)), List.of()));
        Arbitrary<Payout> instalments = Arbitraries.integers().between(0, 200_000).list().ofMinSize(0).ofMaxSize(5)
                .map(parts -> new Payout(Payout.Kind.INSTALMENTS, Percent.ZERO, io.salesops.comp.Fixtures.sharesTo100(parts)));
        return Arbitraries.oneOf(collection, instalments);
    }

    @Provide
    Arbitrary<CompPlan> plans() {
        Arbitrary<Clawback> clawback = Combinators.combine(Arbitraries.integers().between(0, 3660),
                Arbitraries.of(Clawback.Attainment.class), Arbitraries.of(Clawback.Deduction.class)).as(Clawback::new);
        Arbitrary<Draw> draw = Combinators.combine(Arbitraries.of(Draw.Kind.class), money(), dates(), dates().injectNull(0.5))
                .as(Draw::new);
        Arbitrary<Guarantee> guarantee = Combinators.combine(money(), dates(), dates().injectNull(0.5)).as(Guarantee::new);
        Arbitrary<QuotaProration> proration = Combinators.combine(Arbitraries.of(QuotaProration.Method.class),
                decimals().list().ofMaxSize(3)).as(QuotaProration::new);
        Arbitrary<CompPlan> head = Combinators.combine(names(), Arbitraries.of(CURRENCIES),
                Arbitraries.of(RoundingMode.class), Arbitraries.of(RoundingPoint.class), names().set().ofMaxSize(3),
                components().list().ofMaxSize(3), caps().list().ofMaxSize(2), clawback.injectNull(0.5))
                .as((n, cur, r, rp, attrs, cs, tc, cb) -> new CompPlan(n, cur, r, rp, attrs, cs, tc, cb, null, null, null,
                        null, null));
        // The record, not the builder: the builder validates, and invalid plans must round-trip too.
        return Combinators.combine(head, draw.injectNull(0.5), guarantee.injectNull(0.5), proration,
                        dates().injectNull(0.5), dates().injectNull(0.5))
                .as((p, d, g, pr, from, to) -> new CompPlan(p.name(), p.currency(), p.rounding(), p.roundingPoint(),
                        p.attributes(), p.components(), p.totalCaps(), p.clawback(), d, g, pr, from, to));
    }
}
