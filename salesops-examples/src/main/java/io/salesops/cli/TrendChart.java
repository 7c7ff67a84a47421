package io.salesops.cli;

import io.salesops.forecast.timeseries.ForecastResult;
import io.salesops.forecast.timeseries.PredictionInterval;
import io.salesops.forecast.timeseries.TimeSeries;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Draws history, point forecast and interval fans with XChart. */
final class TrendChart {

    private TrendChart() {
    }

    /**
     * Writes one chart per result: to {@code target} for a single series, else to
     * {@code target} with {@code -<series>} inserted before the extension.
     *
     * @return the files written
     */
    static List<Path> write(Path target, List<ForecastResult> results) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<Path> written = new ArrayList<>();
        String name = target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = name.substring(0, dot);
        String ext = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (ForecastResult r : results) {
            Path file = results.size() == 1 ? target
                    : target.resolveSibling(stem + "-" + r.series().name().replaceAll("[^A-Za-z0-9._-]", "_") + "." + ext);
            XYChart chart = chart(r);
            if (ext.equals("svg")) {
                VectorGraphicsEncoder.saveVectorGraphic(chart, file.toString(),
                        VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            } else {
                BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
            }
            written.add(file);
        }
        return written;
    }

    private static double time(TimeSeries s, int index) {
        long abs = (long) s.startYear() * s.frequency() + s.startPeriod() - 1 + index;
        return (double) abs / s.frequency();
    }

    static XYChart chart(ForecastResult r) {
        TimeSeries s = r.series();
        XYChart chart = new XYChartBuilder().width(900).height(500)
                .title(s.name() + " (" + r.method().name().toLowerCase(Locale.ROOT) + ")").xAxisTitle("year").yAxisTitle("value").build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        chart.getStyler().setMarkerSize(0);
        chart.getStyler().setXAxisDecimalPattern("0.##");
        chart.getStyler().setYAxisDecimalPattern("#,##0");
        int n = s.size();
        int h = r.horizon();
        List<PredictionInterval> fans = new ArrayList<>(r.intervals());
        // Widest fan first so narrower ones are painted on top of it.
        fans.sort((a, b) -> Double.compare(b.level(), a.level()));
        int shade = 0;
        for (PredictionInterval p : fans) {
            double[] x = new double[2 * h];
            double[] y = new double[2 * h];
            for (int i = 0; i < h; i++) {
                x[i] = time(s, n + i);
                y[i] = p.upper(i + 1);
                x[2 * h - 1 - i] = time(s, n + i);
                y[2 * h - 1 - i] = p.lower(i + 1);
            }
            XYSeries band = chart.addSeries(String.format(Locale.ROOT, "%s%% interval",
                    p.level() == Math.rint(p.level()) ? Long.toString((long) p.level()) : Double.toString(p.level())), x, y);
            band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            band.setMarker(SeriesMarkers.NONE);
            int alpha = Math.min(200, 70 + 50 * shade++);
            band.setFillColor(new Color(70, 130, 220, alpha));
            band.setLineColor(new Color(70, 130, 220, alpha));
        }
        double[] hx = new double[n];
        double[] hy = s.values();
        for (int i = 0; i < n; i++) {
            hx[i] = time(s, i);
        }
        XYSeries history = chart.addSeries("history", hx, hy);
        history.setMarker(SeriesMarkers.NONE);
        history.setLineColor(Color.DARK_GRAY);
        double[] fx = new double[h + 1];
        double[] fy = new double[h + 1];
        fx[0] = hx[n - 1];
        fy[0] = hy[n - 1];
        for (int i = 0; i < h; i++) {
            fx[i + 1] = time(s, n + i);
            fy[i + 1] = r.point(i + 1);
        }
        XYSeries forecast = chart.addSeries("forecast", fx, fy);
        forecast.setMarker(SeriesMarkers.NONE);
        forecast.setLineColor(new Color(20, 60, 160));
        return chart;
    }
}
