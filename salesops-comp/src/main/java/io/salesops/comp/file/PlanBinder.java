package io.salesops.comp.file;

import io.salesops.comp.plan.Cap;
import io.salesops.comp.plan.Clawback;
import io.salesops.comp.plan.CompPlan;
import io.salesops.comp.plan.Component;
import io.salesops.comp.plan.Draw;
import io.salesops.comp.plan.Guarantee;
import io.salesops.comp.plan.QuotaProration;
import io.salesops.comp.plan.RoundingPoint;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Binds a located {@link Node} tree to a {@link CompPlan}, collecting every problem (wrong type, missing key,
 * unknown key, bad value) instead of stopping at the first. The plan's own keys are bound here; each section
 * has its binder ({@link ComponentBinder}, {@link ConditionBinder}, {@link PayRuleBinder},
 * {@link PayeeTermsBinder}), all sharing one {@link ValueReader}, which remembers where each model path came
 * from so that {@link io.salesops.comp.plan.PlanValidator} problems can be located in the file too.
 * One instance per file; not thread-safe.
 */
final class PlanBinder {

    private final ValueReader r;
    private final ComponentBinder components;
    private final PayeeTermsBinder terms;

    /** The plan of the parts that bound, when the whole could not; null if even that could not be built. */
    CompPlan partial;
    /** For {@link #partial}: the file index of each component kept. */
    List<Integer> partialComponents = List.of();
    /** For {@link #partial}: the file index of each total cap kept. */
    List<Integer> partialCaps = List.of();
    /** For {@link #partial}: whether every component bound, so that problems of the whole plan are the user's. */
    boolean allComponentsBound;

    PlanBinder(String file, List<PlanFileProblem> problems) {
        this.r = new ValueReader(file, problems);
        this.components = new ComponentBinder(r);
        this.terms = new PayeeTermsBinder(r);
    }

    /** @return where {@code modelPath} (or its nearest recorded parent) was read from, or null */
    ValueReader.Loc locate(String modelPath) {
        return r.locate(modelPath);
    }

    /** @return the plan, or null if a problem prevents building it (problems recorded) */
    CompPlan bind(Node root) {
        Mapping o = r.mapping(root, "", "the plan");
        if (o == null) {
            return null;
        }
        r.at("", "", root);
        o.opt("$schema");
        String name = r.name(o.req("name", "the plan's name"), "name");
        Currency currency = r.currency(o.req("currency", "an ISO 4217 code such as USD"), "currency");
        r.planCurrency(currency);
        RoundingMode rounding = r.enumOr(o.opt("rounding"), "rounding", RoundingMode.class, RoundingMode.HALF_EVEN);
        RoundingPoint point = r.enumOr(o.opt("roundingPoint"), "roundingPoint", RoundingPoint.class, RoundingPoint.EACH_LINE);
        Set<String> attributes = new LinkedHashSet<>();
        Node attrs = o.opt("attributes");
        if (attrs != null) {
            List<String> l = r.list(attrs, "attributes", "attribute names", r::name);
            if (l != null) {
                attributes.addAll(l);
            }
        }
        LocalDate from = r.date(o.opt("effectiveFrom"), "effectiveFrom");
        LocalDate to = r.date(o.opt("effectiveTo"), "effectiveTo");
        Node planPayout = o.opt("payout");
        if (planPayout != null) {
            components.planPayout(planPayout);
        }
        List<Integer> keptComponents = new ArrayList<>();
        List<Component> comps = kept(o.req("components", "a list of components"), "components", "components",
                components::component, keptComponents);
        List<Integer> keptCaps = new ArrayList<>();
        List<Cap> totalCaps = kept(o.opt("totalCaps"), "totalCaps", "caps", components::cap, keptCaps);
        Clawback clawback = terms.clawback(o.opt("clawback"), "clawback");
        Draw draw = terms.draw(o.opt("draw"), "draw");
        Guarantee guarantee = terms.guarantee(o.opt("guarantee"), "guarantee");
        QuotaProration proration = terms.proration(o.opt("proration"), "proration");
        o.done();
        if (r.hardProblems() > 0) {
            // What did bind can still be validated, so that the engine's problems show with the file's own.
            if (name != null && currency != null && rounding != null && point != null && comps != null
                    && totalCaps != null) {
                try {
                    partial = new CompPlan(name, currency, rounding, point, attributes, comps, totalCaps, clawback,
                            draw, guarantee, proration == null ? QuotaProration.none() : proration, from, to);
                    partialComponents = keptComponents;
                    partialCaps = keptCaps;
                    allComponentsBound = keptComponents.size() == root.fields.getOrDefault("components", root).itemsSize();
                } catch (RuntimeException e) {
                    partial = null;
                }
            }
            return null;
        }
        return r.build(root, "", () -> new CompPlan(name, currency, rounding, point, attributes, comps, totalCaps,
                clawback, draw, guarantee, proration, from, to));
    }

    /** Like {@link ValueReader#list} but keeps the elements that bound, recording their indexes; null if not a list. */
    private <T> List<T> kept(Node n, String path, String what, BiFunction<Node, String, T> element, List<Integer> indexes) {
        if (n == null) {
            return List.of();
        }
        if (n.kind != Node.Kind.ARRAY) {
            r.hard(n, path, "expected a list of " + what + ", found " + n.describe());
            return null;
        }
        r.at(path, path, n);
        List<T> out = new ArrayList<>();
        for (int i = 0; i < n.items.size(); i++) {
            int before = r.hardProblems();
            T t = element.apply(n.items.get(i), path + "[" + i + "]");
            if (t != null && r.hardProblems() == before) {
                out.add(t);
                indexes.add(i);
            }
        }
        return out;
    }
}
