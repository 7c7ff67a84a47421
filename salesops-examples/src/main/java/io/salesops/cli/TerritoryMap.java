package io.salesops.cli;

import io.salesops.planning.territory.Account;
import io.salesops.planning.territory.AccountBook;
import io.salesops.planning.territory.Assignment;
import io.salesops.planning.territory.TerritoryPlan;
import io.salesops.planning.territory.TerritoryRep;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws {@code territory plan --map}: two XChart scatter plots side by side, accounts coloured by rep
 * (before: current rep, grey if none; after: planned rep) over longitude and latitude, rep homes as black
 * diamonds. Stateless.
 */
final class TerritoryMap {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 700;

    private TerritoryMap() {
    }

    static void write(Path file, AccountBook book, TerritoryPlan plan) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Map<String, Color> colours = new HashMap<>();
        List<TerritoryRep> reps = book.reps();
        for (int j = 0; j < reps.size(); j++) {
            // golden-ratio hues keep neighbouring rep indexes apart in colour
            float hue = (float) ((j * 0.618033988749895) % 1.0);
            colours.put(reps.get(j).id(), Color.getHSBColor(hue, 0.75f, 0.85f));
        }
        Map<String, String> after = new HashMap<>();
        for (Assignment a : plan.assignments()) {
            if (a.rep() != null) {
                after.put(a.account(), a.rep());
            }
        }
        BufferedImage left = BitmapEncoder.getBufferedImage(chart("Before (current assignment)", book, colours,
                a -> book.current().get(a.id())));
        BufferedImage right = BitmapEncoder.getBufferedImage(chart("After (plan)", book, colours, a -> after.get(a.id())));
        BufferedImage both = new BufferedImage(WIDTH * 2, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = both.createGraphics();
        g.drawImage(left, 0, 0, null);
        g.drawImage(right, WIDTH, 0, null);
        g.dispose();
        ImageIO.write(both, "png", file.toFile());
    }

    private static XYChart chart(String title, AccountBook book, Map<String, Color> colours,
                                 Function<Account, String> repOf) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("longitude").yAxisTitle("latitude").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setMarkerSize(4);
        Map<String, List<double[]>> byRep = new LinkedHashMap<>();
        for (Account a : book.accounts()) {
            String rep = repOf.apply(a);
            String key = rep == null || !colours.containsKey(rep) ? "" : rep;
            byRep.computeIfAbsent(key, k -> new ArrayList<>()).add(new double[] {a.lon(), a.lat()});
        }
        for (Map.Entry<String, List<double[]>> e : byRep.entrySet()) {
            List<double[]> pts = e.getValue();
            double[] x = new double[pts.size()];
            double[] y = new double[pts.size()];
            for (int i = 0; i < pts.size(); i++) {
                x[i] = pts.get(i)[0];
                y[i] = pts.get(i)[1];
            }
            XYSeries s = chart.addSeries(e.getKey().isEmpty() ? "(no rep)" : e.getKey(), x, y);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(e.getKey().isEmpty() ? Color.LIGHT_GRAY : colours.get(e.getKey()));
        }
        double[] hx = book.reps().stream().mapToDouble(TerritoryRep::lon).toArray();
        double[] hy = book.reps().stream().mapToDouble(TerritoryRep::lat).toArray();
        XYSeries homes = chart.addSeries("rep homes", hx, hy);
        homes.setMarker(SeriesMarkers.DIAMOND);
        homes.setMarkerColor(Color.BLACK);
        return chart;
    }
}
