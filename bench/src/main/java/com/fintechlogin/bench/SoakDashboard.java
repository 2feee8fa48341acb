package com.fintechlogin.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * What the Grafana dashboard shows, drawn from a soak's scrapes: one chart per panel of
 * {@code docs/grafana-dashboard.json}, with its title, laid out two across as the dashboard lays them out, against the
 * minutes of the soak.
 */
final class SoakDashboard {

    static {
        // Before any AWT class initializes: the soak runs on servers and build machines without a display.
        System.setProperty("java.awt.headless", "true");
    }

    static final String FILE = "soak-dashboard.png";

    private static final int PANEL_WIDTH = 900;
    private static final int PANEL_HEIGHT = 460;
    private static final int HEADING_HEIGHT = 64;
    private static final int COLUMNS = 2;
    private static final int LONGEST_LEGEND = 34;
    /** Distinct on white; one per group (an API, a client), whatever the query. */
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
            new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22),
            new Color(0x17becf), new Color(0x393b79), new Color(0xad494a), new Color(0x637939), new Color(0x843c39)};
    /** p50 solid, p95 dashed, p99 dotted: one stroke per query of a panel. */
    private static final BasicStroke[] STROKES = {new BasicStroke(1.8f),
            new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {7f, 4f}, 0f),
            new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 3f}, 0f)};
    private static final BasicStroke THIN = new BasicStroke(1f);

    private SoakDashboard() {
    }

    /** The picture: a heading, then every panel in the dashboard's order. */
    static byte[] png(List<DashboardPanel> panels, List<MetricsScrape> scrapes, String heading) throws IOException {
        int rows = (panels.size() + COLUMNS - 1) / COLUMNS;
        BufferedImage image = new BufferedImage(PANEL_WIDTH * COLUMNS, HEADING_HEIGHT + PANEL_HEIGHT * rows, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(Color.DARK_GRAY);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
            g.drawString(heading, 20, 40);
            for (int i = 0; i < panels.size(); i++) {
                Graphics2D cell = (Graphics2D) g.create((i % COLUMNS) * PANEL_WIDTH, HEADING_HEIGHT + (i / COLUMNS) * PANEL_HEIGHT,
                        PANEL_WIDTH, PANEL_HEIGHT);
                try {
                    chart(panels.get(i), scrapes).paint(cell, PANEL_WIDTH, PANEL_HEIGHT);
                } finally {
                    cell.dispose();
                }
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }

    /** One panel's chart; a panel with nothing to show says so in its legend rather than vanishing. */
    static XYChart chart(DashboardPanel panel, List<MetricsScrape> scrapes) {
        XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT).title(panel.title())
                .xAxisTitle("minute of the soak").yAxisTitle(panel.unit().axisTitle()).build();
        org.knowm.xchart.style.XYStyler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        styler.setLegendPadding(4);
        styler.setLegendSeriesLineLength(18);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisDecimalPattern("0.##");

        List<DashboardPanel.Curve> curves = panel.curves(scrapes).stream().filter(c -> Arrays.stream(c.values()).anyMatch(Double::isFinite)).toList();
        if (curves.isEmpty()) {
            double[] minutes = scrapes.stream().mapToDouble(s -> s.atSecond() / 60).toArray();
            XYSeries none = chart.addSeries("no data in this run", minutes.length == 0 ? new double[] {0} : minutes,
                    new double[Math.max(1, minutes.length)]);
            none.setMarker(SeriesMarkers.NONE);
            none.setLineColor(Color.LIGHT_GRAY);
            return chart;
        }
        Map<String, Color> colors = colors(curves);
        switch (panel.style()) {
            case LINES -> curves.forEach(c -> line(chart, c, colors.get(c.group())));
            case STACKED -> stacked(chart, curves, colors);
            case BARS -> bars(chart, curves, colors);
        }
        return chart;
    }

    private static void line(XYChart chart, DashboardPanel.Curve curve, Color color) {
        XYSeries series = chart.addSeries(legend(chart, curve.legend()), minutes(curve.atSeconds()), curve.values());
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(color);
        series.setLineStyle(STROKES[Math.min(curve.target(), STROKES.length - 1)]);
    }

    /** Each curve drawn on the sum of those before it, as Grafana's normal stacking does; missing values count 0. */
    private static void stacked(XYChart chart, List<DashboardPanel.Curve> curves, Map<String, Color> colors) {
        int length = curves.get(0).values().length;
        double[] below = new double[length];
        List<double[]> tops = new ArrayList<>();
        for (DashboardPanel.Curve curve : curves) {
            double[] top = new double[length];
            for (int i = 0; i < length; i++) {
                double value = curve.values()[i];
                top[i] = below[i] + (Double.isFinite(value) ? value : 0);
            }
            tops.add(top);
            below = top;
        }
        // The highest first, so that each lower area is painted over it and the bands show.
        for (int k = curves.size() - 1; k >= 0; k--) {
            DashboardPanel.Curve curve = curves.get(k);
            XYSeries series = chart.addSeries(legend(chart, curve.legend()), minutes(curve.atSeconds()), tops.get(k));
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
            series.setMarker(SeriesMarkers.NONE);
            Color color = colors.get(curve.group());
            series.setLineColor(color);
            series.setLineStyle(THIN);
            // Opaque: a translucent band would mix with the bands it covers into colours the legend does not show.
            series.setFillColor(lighter(color));
        }
    }

    /**
     * A bar per interval and curve, ending at the interval's end, the curves' bars side by side: each curve is one
     * area series of rectangles, so that a panel keeps one legend entry per curve.
     */
    private static void bars(XYChart chart, List<DashboardPanel.Curve> curves, Map<String, Color> colors) {
        double intervalMinutes = MetricsScraper.INTERVAL.toSeconds() / 60.0;
        double width = intervalMinutes * 0.8 / curves.size();
        for (int k = 0; k < curves.size(); k++) {
            DashboardPanel.Curve curve = curves.get(k);
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int i = 0; i < curve.values().length; i++) {
                double value = curve.values()[i];
                double left = curve.atSeconds()[i] / 60 - intervalMinutes * 0.9 + k * width;
                x.add(left);
                y.add(0.0);
                if (Double.isFinite(value) && value > 0) {
                    x.add(left);
                    y.add(value);
                    x.add(left + width);
                    y.add(value);
                }
                x.add(left + width);
                y.add(0.0);
            }
            XYSeries series = chart.addSeries(legend(chart, curve.legend()), x, y);
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
            series.setMarker(SeriesMarkers.NONE);
            Color color = colors.get(curve.group());
            series.setLineColor(color);
            series.setLineStyle(THIN);
            series.setFillColor(color);
        }
    }

    private static Map<String, Color> colors(List<DashboardPanel.Curve> curves) {
        Map<String, Color> colors = new LinkedHashMap<>();
        for (DashboardPanel.Curve curve : curves) {
            colors.computeIfAbsent(curve.group(), g -> PALETTE[colors.size() % PALETTE.length]);
        }
        return colors;
    }

    private static Color lighter(Color color) {
        return new Color((color.getRed() + 255) / 2, (color.getGreen() + 255) / 2, (color.getBlue() + 255) / 2);
    }

    /** A client id may be 64 characters long; the legend keeps the start, which tells it from the others. */
    static String legend(String legend) {
        String text = legend.isBlank() ? "(none)" : legend;
        return text.length() <= LONGEST_LEGEND ? text : text.substring(0, LONGEST_LEGEND - 1) + "…";
    }

    /**
     * The legend shortened, and numbered when shortening made it the same as one the chart already has (XChart
     * refuses two series of one name): Keycloak's event errors share long prefixes.
     */
    static String legend(XYChart chart, String legend) {
        String shown = legend(legend);
        for (int n = 2; chart.getSeriesMap().containsKey(shown); n++) {
            String number = " (" + n + ")";
            String base = legend(legend);
            shown = (base.length() + number.length() <= LONGEST_LEGEND ? base
                    : base.substring(0, LONGEST_LEGEND - number.length() - 1) + "…") + number;
        }
        return shown;
    }

    private static double[] minutes(double[] seconds) {
        return Arrays.stream(seconds).map(s -> s / 60).toArray();
    }
}
