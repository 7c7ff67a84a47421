package io.salesops.forecast.pipeline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Every figure and word of a forecast report as text, and its SHA-256: two reports with the same fingerprint
 * agree to the cent on every node and every deal, in every explanation and assumption, and in order.
 */
public final class ForecastFingerprint {

    private ForecastFingerprint() {
    }

    /** @return the report as text, one node or deal per line, in report order */
    public static String text(ForecastReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.period()).append(' ').append(r.asOf()).append(' ').append(r.currency()).append(' ')
                .append(r.simulations()).append(' ').append(r.seed()).append('\n');
        for (ForecastNode n : r.nodes()) {
            sb.append("node ").append(n.group()).append('|').append(n.label()).append('|').append(n.kind())
                    .append('|').append(n.closed()).append('|').append(n.openPipeline()).append('|').append(n.openExpected())
                    .append('|').append(n.notYetCreated()).append('|').append(n.expected()).append('|').append(n.commit())
                    .append('|').append(n.bestCase()).append('|').append(n.pipeline()).append('|').append(n.omitted())
                    .append('|').append(n.openDeals()).append('|').append(n.p10()).append('|').append(n.p50())
                    .append('|').append(n.p90()).append('|').append(n.simulatedMean()).append('|').append(n.quota())
                    .append('|').append(n.adjustedExpected()).append('|').append(n.children().size()).append('\n');
        }
        for (DealForecast d : r.deals()) {
            sb.append("deal ").append(d.id()).append('|').append(d.group()).append('|').append(d.owner()).append('|')
                    .append(d.stage()).append('|').append(d.category()).append('|').append(d.amount()).append('|')
                    .append(d.closeDate()).append('|').append(d.ageDays()).append('|').append(d.pWin()).append('|')
                    .append(d.winSource()).append('|').append(d.winExplanation()).append('|').append(d.pInPeriod())
                    .append('|').append(d.timingSource()).append('|').append(d.timingExplanation()).append('|')
                    .append(d.probability()).append('|').append(d.expected()).append('\n');
        }
        for (String a : r.assumptions()) {
            sb.append("assume ").append(a).append('\n');
        }
        return sb.toString();
    }

    /** @return the SHA-256 of {@link #text}, in hex */
    public static String of(ForecastReport r) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text(r).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
