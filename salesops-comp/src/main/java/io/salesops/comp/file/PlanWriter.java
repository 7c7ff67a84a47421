package io.salesops.comp.file;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesops.comp.plan.Cap;
import io.salesops.comp.plan.Clawback;
import io.salesops.comp.plan.CompPlan;
import io.salesops.comp.plan.Component;
import io.salesops.comp.plan.Condition;
import io.salesops.comp.plan.Gate;
import io.salesops.comp.plan.Multiplier;
import io.salesops.comp.plan.PayRule;
import io.salesops.comp.plan.Payout;
import io.salesops.comp.plan.QuotaProration;
import io.salesops.comp.plan.Tier;
import io.salesops.comp.plan.TierTable;
import io.salesops.core.money.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/** Turns a plan into the file tree {@link PlanBinder} reads back to an equal plan. Stateless. */
final class PlanWriter {

    private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);

    private PlanWriter() {
    }

    static ObjectNode tree(CompPlan plan) {
        ObjectNode o = F.objectNode();
        o.put("name", plan.name());
        o.put("currency", plan.currency().getCurrencyCode());
        o.put("rounding", lower(plan.rounding()));
        o.put("roundingPoint", lower(plan.roundingPoint()));
        if (!plan.attributes().isEmpty()) {
            ArrayNode a = o.putArray("attributes");
            plan.attributes().forEach(a::add);
        }
        if (plan.effectiveFrom() != null) {
            o.put("effectiveFrom", plan.effectiveFrom().toString());
        }
        if (plan.effectiveTo() != null) {
            o.put("effectiveTo", plan.effectiveTo().toString());
        }
        ArrayNode cs = o.putArray("components");
        for (Component c : plan.components()) {
            cs.add(component(c, plan.currency()));
        }
        if (!plan.totalCaps().isEmpty()) {
            ArrayNode a = o.putArray("totalCaps");
            plan.totalCaps().forEach(c -> a.add(cap(c, plan.currency())));
        }
        if (plan.clawback() != null) {
            ObjectNode c = o.putObject("clawback");
            c.put("windowDays", plan.clawback().windowDays());
            c.put("attainment", lower(plan.clawback().attainment()));
            if (plan.clawback().deduct() != Clawback.Deduction.NOW) {
                c.put("deduct", lower(plan.clawback().deduct()));
            }
        }
        if (plan.draw() != null) {
            ObjectNode d = o.putObject("draw");
            d.put("kind", lower(plan.draw().kind()));
            d.set("amount", money(plan.draw().amount(), plan.currency()));
            d.put("from", plan.draw().from().toString());
            if (plan.draw().to() != null) {
                d.put("to", plan.draw().to().toString());
            }
            d.put("timing", lower(plan.draw().timing()));
        }
        if (plan.guarantee() != null) {
            ObjectNode g = o.putObject("guarantee");
            g.set("amount", money(plan.guarantee().amount(), plan.currency()));
            g.put("from", plan.guarantee().from().toString());
            if (plan.guarantee().to() != null) {
                g.put("to", plan.guarantee().to().toString());
            }
        }
        QuotaProration pr = plan.proration();
        if (pr.method() != QuotaProration.Method.NONE || !pr.weights().isEmpty()) {
            ObjectNode p = o.putObject("proration");
            p.put("method", lower(pr.method()));
            if (!pr.weights().isEmpty()) {
                ArrayNode w = p.putArray("weights");
                pr.weights().forEach(x -> w.add(number(x)));
            }
        }
        return o;
    }

    private static ObjectNode component(Component c, Currency currency) {
        ObjectNode o = F.objectNode();
        o.put("name", c.name());
        ObjectNode cr = o.putObject("crediting");
        cr.set("when", condition(c.crediting().when()));
        cr.put("to", lower(c.crediting().target()));
        cr.put("levels", c.crediting().levels());
        cr.put("splits", c.crediting().splits());
        if (!c.crediting().overlays().isEmpty()) {
            ArrayNode ov = cr.putArray("overlay");
            c.crediting().overlays().forEach(ov::add);
        }
        ObjectNode m = o.putObject("measure");
        m.put("kind", lower(c.measure().kind()));
        m.put("yearToDate", c.measure().cumulative());
        o.set("pay", pay(c.pay(), currency));
        if (!c.multipliers().isEmpty()) {
            ArrayNode a = o.putArray("multipliers");
            for (Multiplier x : c.multipliers()) {
                ObjectNode mo = a.addObject();
                mo.set(x.fromInclusive() ? "from" : "above", number(x.from()));
                if (x.upTo() != null) {
                    mo.set(x.upToInclusive() ? "upTo" : "below", number(x.upTo()));
                }
                mo.set("factor", number(x.factor()));
            }
        }
        if (!c.gates().isEmpty()) {
            ArrayNode a = o.putArray("gates");
            for (Gate g : c.gates()) {
                ObjectNode go = a.addObject();
                if (g.component() != null) {
                    go.put("component", g.component());
                }
                go.put("basis", lower(g.basis()));
                go.set(g.inclusive() ? "atLeast" : "above", number(g.threshold()));
            }
        }
        if (!c.caps().isEmpty()) {
            ArrayNode a = o.putArray("caps");
            c.caps().forEach(x -> a.add(cap(x, currency)));
        }
        if (c.floor() != null) {
            o.set("floor", money(c.floor(), currency));
        }
        if (c.payout() != null) {
            ObjectNode po = o.putObject("payout");
            if (c.payout().kind() == Payout.Kind.INSTALMENTS) {
                ArrayNode a = po.putArray("instalments");
                c.payout().instalments().forEach(x -> a.add(number(x.value())));
            } else {
                po.put("on", c.payout().kind() == Payout.Kind.ON_COLLECTION ? "collection" : "collection_in_full");
                if (c.payout().atBooking().value().signum() != 0) {
                    po.set("atBooking", number(c.payout().atBooking().value()));
                }
            }
        }
        return o;
    }

    private static ObjectNode pay(PayRule rule, Currency currency) {
        ObjectNode o = F.objectNode();
        if (rule instanceof PayRule.FlatRate f) {
            o.put("type", "flat_rate");
            o.set("rate", number(f.rate().value()));
        } else if (rule instanceof PayRule.Tiered t) {
            o.put("type", "tiered");
            table(o, t.table());
        } else if (rule instanceof PayRule.Bonus b) {
            o.put("type", "bonus");
            o.set("target", money(b.target(), currency));
            table(o, b.table());
        } else if (rule instanceof PayRule.Mbo m) {
            o.put("type", "mbo");
            o.set("target", money(m.target(), currency));
            if (m.maxPercent() != null) {
                o.set("maxPercent", number(m.maxPercent()));
            }
        } else if (rule instanceof PayRule.Spiff s) {
            o.put("type", "spiff");
            if (s.quantity() == null) {
                o.set("perDeal", money(s.perDeal(), currency));
            } else {
                o.set("perUnit", money(s.perDeal(), currency));
                o.put("quantity", s.quantity());
            }
            o.put("splitDeals", lower(s.splitDeals()));
        }
        return o;
    }

    private static void table(ObjectNode o, TierTable table) {
        o.put("mode", lower(table.mode()));
        o.put("basis", lower(table.basis()));
        ArrayNode a = o.putArray("tiers");
        BigDecimal previous = BigDecimal.ZERO;
        for (Tier t : table.tiers()) {
            ObjectNode to = a.addObject();
            // "from" is written only where it is not the previous bound, which keeps files short and readable.
            if (previous == null || !previous.equals(t.from())) {
                to.set("from", number(t.from()));
            }
            if (t.upTo() != null) {
                to.set(t.upToInclusive() ? "upTo" : "below", number(t.upTo()));
            }
            to.set("rate", number(t.rate().value()));
            previous = t.upTo();
        }
    }

    private static ObjectNode cap(Cap cap, Currency currency) {
        ObjectNode o = F.objectNode();
        o.put("per", switch (cap.scope()) {
            case PER_DEAL -> "deal";
            case PER_PERIOD -> "period";
            case PER_YEAR -> "year";
        });
        o.set("limit", money(cap.limit(), currency));
        return o;
    }

    private static ObjectNode condition(Condition c) {
        ObjectNode o = F.objectNode();
        if (c instanceof Condition.Always) {
            o.put("always", true);
        } else if (c instanceof Condition.Equals e) {
            o.put("attribute", e.attribute());
            o.put("eq", e.value());
        } else if (c instanceof Condition.In i) {
            o.put("attribute", i.attribute());
            ArrayNode a = o.putArray("in");
            i.values().forEach(a::add);
        } else if (c instanceof Condition.Range r) {
            o.put("attribute", r.attribute());
            o.put("kind", lower(r.kind()));
            if (r.min() != null) {
                o.put(r.minInclusive() ? "gte" : "gt", r.min());
            }
            if (r.max() != null) {
                o.put(r.maxInclusive() ? "lte" : "lt", r.max());
            }
        } else if (c instanceof Condition.And a) {
            ArrayNode l = o.putArray("all");
            a.all().forEach(x -> l.add(condition(x)));
        } else if (c instanceof Condition.Or or) {
            ArrayNode l = o.putArray("any");
            or.any().forEach(x -> l.add(condition(x)));
        } else if (c instanceof Condition.Not n) {
            o.set("not", condition(n.condition()));
        }
        return o;
    }

    private static com.fasterxml.jackson.databind.JsonNode money(Money m, Currency plan) {
        if (m.currency().equals(plan)) {
            return number(m.amount());
        }
        return F.textNode(m.currency().getCurrencyCode() + " " + m.amount().toPlainString());
    }

    private static com.fasterxml.jackson.databind.JsonNode number(BigDecimal d) {
        return F.numberNode(d);
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
