package io.salesops.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.siegmar.fastcsv.writer.CsvWriter;
import io.salesops.comp.statement.ComponentResult;
import io.salesops.comp.statement.PayoutLine;
import io.salesops.comp.statement.Statement;
import io.salesops.core.money.Money;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/** Statements as JSON, CSV and text. Stateless and thread-safe. */
final class StatementOutput {

    private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StatementOutput() {
    }

    /** A JSON list of statements: payee, period, currency, total (net pay), earned, components and lines. */
    static String json(List<Statement> statements) {
        ArrayNode a = F.arrayNode();
        for (Statement s : statements) {
            a.add(json(s));
        }
        try {
            return JSON.writeValueAsString(a) + System.lineSeparator();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode json(Statement s) {
        ObjectNode o = F.objectNode();
        o.put("payee", s.payeeId());
        o.put("plan", s.planName());
        o.put("period", s.period().toString());
        o.put("currency", s.currency().getCurrencyCode());
        o.put("total", s.netPay().amount());
        o.put("earned", s.earned().amount());
        o.put("drawBalance", s.drawBalance().amount());
        if (s.held().isPositive()) {
            o.put("held", s.held().amount()); // only for plans paying later: other plans' output is unchanged
        }
        o.put("ytdEarned", s.ytdEarned().amount());
        o.put("ytdPaid", s.ytdPaid().amount());
        ArrayNode cs = o.putArray("components");
        for (ComponentResult c : s.components()) {
            ObjectNode x = cs.addObject();
            x.put("component", c.component());
            x.put("measure", c.measure().amount());
            x.put("count", c.count());
            if (c.quota() != null) {
                x.put("quota", c.quota().amount());
            }
            if (c.attainment().isPresent()) {
                x.put("attainment", c.attainment().get().value().setScale(4, RoundingMode.HALF_EVEN));
            }
            x.put("gateOpen", c.gateOpen());
            x.put("pay", c.pay().amount());
        }
        ArrayNode ls = o.putArray("lines");
        for (PayoutLine l : s.lines()) {
            ObjectNode x = ls.addObject();
            x.put("kind", l.kind().name().toLowerCase(Locale.ROOT));
            if (l.component() == null) {
                x.putNull("component");
            } else {
                x.put("component", l.component());
            }
            x.put("rule", l.rule());
            x.put("amount", l.amount().amount());
            x.put("formula", l.formula());
            if (l.base() != null) {
                x.put("base", l.base().amount());
            }
            if (l.rate() != null) {
                x.put("rate", l.rate().value());
            }
            if (l.multiplier() != null) {
                x.put("multiplier", l.multiplier());
            }
            ArrayNode cr = x.putArray("credits");
            l.creditIds().forEach(cr::add);
            if (!l.applied().isEmpty()) {
                ArrayNode ap = x.putArray("applied");
                l.applied().forEach(ap::add);
            }
        }
        return o;
    }

    /**
     * One CSV row per statement line, with the statement's payee, period, currency and total on each; text that
     * starts like a spreadsheet formula is neutralised ({@link CsvCells}).
     */
    static String csv(List<Statement> statements) {
        StringWriter w = new StringWriter();
        CsvWriter csv = CsvWriter.builder().build(w);
        csv.writeRecord("payee", "period", "currency", "component", "kind", "amount", "formula", "credits", "statement_total");
        for (Statement s : statements) {
            for (PayoutLine l : s.lines()) {
                csv.writeRecord(CsvCells.text(s.payeeId()), s.period().toString(), s.currency().getCurrencyCode(),
                        CsvCells.text(l.component()), l.kind().name().toLowerCase(Locale.ROOT),
                        CsvCells.text(l.amount().amount()), CsvCells.text(l.formula()),
                        CsvCells.text(String.join(";", l.creditIds())), CsvCells.text(s.netPay().amount()));
            }
        }
        return w.toString();
    }

    /** A summary table: one row per payee, then the totals. */
    static String table(List<Statement> statements) {
        String cur = statements.isEmpty() ? "" : " (" + statements.get(0).currency().getCurrencyCode() + ")";
        TablePrinter t = TablePrinter.withHeaders("Payee", "Period", "Earned" + cur, "Draw etc." + cur, "Net pay" + cur,
                "Draw balance", "Lines");
        long earned = 0;
        long net = 0;
        for (Statement s : statements) {
            t.row(s.payeeId(), s.period().toString(), s.earned(), s.netPay().minus(s.earned()), s.netPay(), s.drawBalance(),
                    s.lines().size());
            earned = Math.addExact(earned, s.earned().minorUnits());
            net = Math.addExact(net, s.netPay().minorUnits());
        }
        if (!statements.isEmpty()) {
            var c = statements.get(0).currency();
            t.separator();
            t.row("Total", "", Money.ofMinor(earned, c), Money.ofMinor(net - earned, c), Money.ofMinor(net, c), "", "");
        }
        return t.render();
    }

    /** One statement line by line, with the measures and the reasoning, ending with the reconciliation. */
    static String explain(Statement s) {
        StringBuilder sb = new StringBuilder();
        sb.append("Statement for ").append(s.payeeId()).append(", ").append(s.period()).append(", plan \"")
                .append(s.planName()).append("\", paid in ").append(s.currency().getCurrencyCode()).append('\n');
        sb.append('\n').append("What was measured").append('\n');
        for (ComponentResult c : s.components()) {
            sb.append("  ").append(c.component()).append(": ").append(c.count()).append(c.count() == 1 ? " credit, " : " credits, ")
                    .append(c.measure());
            if (c.quota() != null) {
                sb.append(" against a quota of ").append(c.quota());
            }
            if (c.attainment().isPresent()) {
                sb.append(" = ").append(c.attainment().get().value().setScale(2, RoundingMode.HALF_EVEN).toPlainString()).append("% attainment");
            }
            if (!c.gateOpen()) {
                sb.append(" (gate closed: pays nothing)");
            }
            sb.append("; pays ").append(c.pay()).append('\n');
        }
        sb.append('\n').append("How it was paid").append('\n');
        int n = 1;
        for (PayoutLine l : s.lines()) {
            sb.append(String.format(Locale.ROOT, "  %2d. %-13s %s%n", n++, l.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    l.component() == null ? "(plan)" : l.component()));
            sb.append("      ").append(l.amount()).append(" = ").append(l.formula()).append('\n');
            sb.append("      rule: ").append(l.rule()).append('\n');
            if (!l.creditIds().isEmpty()) {
                List<String> ids = l.creditIds();
                sb.append("      credits: ").append(String.join(", ", ids.size() > 12 ? ids.subList(0, 12) : ids))
                        .append(ids.size() > 12 ? " and " + (ids.size() - 12) + " more" : "").append('\n');
            }
            if (!l.applied().isEmpty()) {
                sb.append("      applied: ").append(String.join("; ", l.applied())).append('\n');
            }
        }
        if (s.lines().isEmpty()) {
            sb.append("  (no lines: nothing was credited to ").append(s.payeeId()).append(" in ").append(s.period()).append(")\n");
        }
        long sum = 0;
        for (PayoutLine l : s.lines()) {
            sum = Math.addExact(sum, l.amount().minorUnits());
        }
        sb.append('\n').append("Totals").append('\n');
        sb.append("  earned ").append(s.earned()).append("; net pay ").append(s.netPay())
                .append(" (the sum of the ").append(s.lines().size()).append(" lines above: ")
                .append(Money.ofMinor(sum, s.currency())).append(")\n");
        sb.append("  year to date: earned ").append(s.ytdEarned()).append(", paid ").append(s.ytdPaid());
        if (s.drawBalance().isPositive()) {
            sb.append("; draw balance to recover ").append(s.drawBalance());
        }
        if (s.held().isPositive()) {
            sb.append("; held until due ").append(s.held());
        }
        sb.append('\n');
        return sb.toString();
    }

}
