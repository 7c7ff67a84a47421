package io.salesops.cli;

import io.salesops.comp.plan.CompPlan;
import io.salesops.comp.plan.Component;
import io.salesops.comp.plan.PayRule;
import io.salesops.comp.plan.Tier;
import io.salesops.comp.plan.TierTable;
import io.salesops.comp.statement.ComponentResult;
import io.salesops.comp.statement.PayoutLine;
import io.salesops.comp.statement.Statement;
import io.salesops.core.money.Percent;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A printable, self-contained HTML statement: header, what was measured, every line with its formula and
 * credits, the totals, and a chart of the payee's attainment against the plan's tier table (XChart, embedded
 * as a PNG data URI). All text is HTML-escaped. Stateless and thread-safe.
 */
final class StatementHtml {

    private StatementHtml() {
    }

    static String render(Statement s, CompPlan plan) {
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
                .append(esc("Commission statement " + s.payeeId() + " " + s.period())).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:60em}")
                .append("h1{font-size:1.4em;margin-bottom:0}p.sub{color:#555;margin-top:.2em}")
                .append("table{border-collapse:collapse;width:100%;margin:1em 0}th,td{border-bottom:1px solid #ddd;padding:.35em .5em;text-align:left;vertical-align:top}")
                .append("td.n,th.n{text-align:right;white-space:nowrap}tr.total td{font-weight:bold;border-top:2px solid #222}")
                .append("small{color:#666}img{max-width:100%}@media print{body{margin:0}}\n</style></head><body>\n");
        h.append("<h1>Commission statement: ").append(esc(s.payeeId())).append("</h1>\n<p class=\"sub\">")
                .append(esc(s.period().toString())).append(" &middot; plan ").append(esc(s.planName()))
                .append(" &middot; paid in ").append(esc(s.currency().getCurrencyCode())).append("</p>\n");
        h.append("<h2>What was measured</h2>\n<table><tr><th>Component</th><th class=\"n\">Credits</th><th class=\"n\">Measured</th>")
                .append("<th class=\"n\">Quota</th><th class=\"n\">Attainment</th><th class=\"n\">Pay</th></tr>\n");
        for (ComponentResult c : s.components()) {
            h.append("<tr><td>").append(esc(c.component())).append(c.gateOpen() ? "" : " <small>(gate closed)</small>")
                    .append("</td><td class=\"n\">").append(c.count()).append("</td><td class=\"n\">").append(esc(c.measure().toString()))
                    .append("</td><td class=\"n\">").append(c.quota() == null ? "" : esc(c.quota().toString()))
                    .append("</td><td class=\"n\">").append(c.attainment().map(a -> pct(a.value())).orElse(""))
                    .append("</td><td class=\"n\">").append(esc(c.pay().toString())).append("</td></tr>\n");
        }
        h.append("</table>\n<h2>Lines</h2>\n<table><tr><th>#</th><th>Kind</th><th>Component</th><th>How</th><th class=\"n\">Amount</th></tr>\n");
        int n = 1;
        for (PayoutLine l : s.lines()) {
            h.append("<tr><td>").append(n++).append("</td><td>").append(esc(l.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')))
                    .append("</td><td>").append(esc(l.component() == null ? "(plan)" : l.component())).append("</td><td>")
                    .append(esc(l.formula()));
            if (!l.creditIds().isEmpty()) {
                List<String> ids = l.creditIds();
                h.append("<br><small>credits: ").append(esc(String.join(", ", ids.size() > 30 ? ids.subList(0, 30) : ids)))
                        .append(ids.size() > 30 ? esc(" and " + (ids.size() - 30) + " more") : "").append("</small>");
            }
            if (!l.applied().isEmpty()) {
                h.append("<br><small>applied: ").append(esc(String.join("; ", l.applied()))).append("</small>");
            }
            h.append("</td><td class=\"n\">").append(esc(l.amount().toString())).append("</td></tr>\n");
        }
        h.append("<tr class=\"total\"><td></td><td colspan=\"3\">Earned</td><td class=\"n\">").append(esc(s.earned().toString()))
                .append("</td></tr>\n<tr class=\"total\"><td></td><td colspan=\"3\">Net pay this period</td><td class=\"n\">")
                .append(esc(s.netPay().toString())).append("</td></tr>\n</table>\n");
        h.append("<p><small>Year to date: earned ").append(esc(s.ytdEarned().toString())).append(", paid ")
                .append(esc(s.ytdPaid().toString()));
        if (s.drawBalance().isPositive()) {
            h.append("; draw balance to recover ").append(esc(s.drawBalance().toString()));
        }
        if (s.held().isPositive()) {
            h.append("; held until due ").append(esc(s.held().toString()));
        }
        h.append(". Net pay is the sum of the lines above, to the cent.</small></p>\n");
        String chart = chart(s, plan);
        if (chart != null) {
            h.append("<h2>Attainment against the tier table</h2>\n<img alt=\"")
                    .append(esc("tier rates by attainment, with " + s.payeeId() + "'s attainment marked"))
                    .append("\" src=\"data:image/png;base64,").append(chart).append("\">\n");
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    /** The first tiered or bonus component's rates as a step line, the payee's attainment as a vertical line. */
    private static String chart(Statement s, CompPlan plan) {
        for (Component c : plan.components()) {
            TierTable table = c.pay() instanceof PayRule.Tiered t ? t.table() : c.pay() instanceof PayRule.Bonus b ? b.table() : null;
            if (table == null || table.tiers().isEmpty()) {
                continue;
            }
            ComponentResult r = s.component(c.name()).orElse(null);
            BigDecimal at = r == null ? null : table.basis() == TierTable.Basis.ATTAINMENT ? r.attainment().map(Percent::value).orElse(null) : r.measure().amount();
            return png(c.name(), table, at);
        }
        return null;
    }

    private static String png(String component, TierTable table, BigDecimal at) {
        System.setProperty("java.awt.headless", "true");
        boolean attainment = table.basis() == TierTable.Basis.ATTAINMENT;
        List<Tier> tiers = table.tiers();
        double lastBound = tiers.get(tiers.size() - 1).upTo() != null ? tiers.get(tiers.size() - 1).upTo().doubleValue()
                : tiers.get(tiers.size() - 1).from().doubleValue();
        double top = Math.max(lastBound * 1.5, at == null ? 0 : at.doubleValue() * 1.15);
        if (top <= 0) {
            top = attainment ? 150 : 100_000;
        }
        double[] xs = new double[tiers.size() + 1];
        double[] ys = new double[tiers.size() + 1];
        double maxRate = 0;
        for (int i = 0; i < tiers.size(); i++) {
            xs[i] = tiers.get(i).from().doubleValue();
            ys[i] = tiers.get(i).rate().value().doubleValue();
            maxRate = Math.max(maxRate, ys[i]);
        }
        Tier last = tiers.get(tiers.size() - 1);
        xs[tiers.size()] = last.upTo() == null ? top : last.upTo().doubleValue();
        ys[tiers.size()] = ys[tiers.size() - 1];
        XYChart chart = new XYChartBuilder().width(720).height(300).title(component + " (" + table.mode().name().toLowerCase(Locale.ROOT) + ")")
                .xAxisTitle(attainment ? "Attainment (% of quota)" : "Amount").yAxisTitle("Rate (%)").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setAntiAlias(true);
        XYSeries rate = chart.addSeries("Tier rate", xs, ys);
        rate.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        rate.setMarker(SeriesMarkers.NONE);
        if (at != null) {
            double a = Math.min(at.doubleValue(), top);
            XYSeries you = chart.addSeries("This period: " + (attainment ? pct(at) : at.setScale(0, RoundingMode.HALF_EVEN).toPlainString()),
                    new double[] {a, a}, new double[] {0, Math.max(maxRate, 1) * 1.1});
            you.setMarker(SeriesMarkers.NONE);
        }
        try {
            return Base64.getEncoder().encodeToString(BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        } catch (IOException e) {
            return null;
        }
    }

    private static String pct(BigDecimal p) {
        return p.setScale(1, RoundingMode.HALF_EVEN).toPlainString() + "%";
    }

    /**
     * The file name of a payee's statement, {@code statement-PAYEE-PERIOD.html}, with the payee id escaped so
     * that distinct ids never share a name: ASCII letters, digits and '-' stay, and every other character,
     * '_' included (so that no id can spell another's escape), becomes {@code _XXXX}, its UTF-16 code in hex.
     */
    static String fileName(String payeeId, String period) {
        StringBuilder sb = new StringBuilder("statement-");
        for (int i = 0; i < payeeId.length(); i++) {
            char c = payeeId.charAt(i);
            if (c < 128 && Character.isLetterOrDigit(c) || c == '-') {
                sb.append(c);
            } else {
                sb.append(String.format("_%04X", (int) c));
            }
        }
        return sb.append('-').append(period).append(".html").toString();
    }

    /**
     * The file names of {@code payees}' statements, by payee.
     *
     * @throws UserInputException if two names differ only in letter case, which macOS and Windows file systems
     *                            treat as one file (one statement would overwrite the other)
     */
    static Map<String, String> fileNames(List<String> payees, String period) {
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, String> folded = new HashMap<>();
        for (String p : payees) {
            String name = fileName(p, period);
            String other = folded.putIfAbsent(name.toLowerCase(Locale.ROOT), p);
            if (other != null) {
                throw new UserInputException("payees \"" + other + "\" and \"" + p + "\" differ only in letter case, so"
                        + " their statement files would be one file on a case-insensitive file system; rename one in"
                        + " the org and credits, or use --format json or csv");
            }
            out.put(p, name);
        }
        return out;
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
