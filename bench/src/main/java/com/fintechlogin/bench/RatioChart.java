package com.fintechlogin.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.internal.chartpart.Annotation;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;

/**
 * Draws the one picture a reader needs: each API's throughput as a ratio to Keycloak's own grant in the same run,
 * bars colored by the grant they are compared with, and each group's target as a dashed line of the same color.
 */
final class RatioChart {

    static {
        // Before any AWT class initializes: the benchmark runs on servers and build machines without a display.
        System.setProperty("java.awt.headless", "true");
    }

    static final int WIDTH = 900;
    static final int HEIGHT = 500;

    private static final Color PASSWORD_COLOR = new Color(0x1f, 0x77, 0xb4);
    private static final Color LIGHT_COLOR = new Color(0xff, 0x7f, 0x0e);
    /** Labels longer than this, or more bars than {@link #MANY_BARS}, are drawn slanted so that they do not overlap. */
    private static final int LONG_LABEL = 14;
    private static final int MANY_BARS = 4;

    private RatioChart() {
    }

    /** The chart as PNG bytes. */
    static byte[] png(String title, List<Verdict> verdicts) throws IOException {
        List<Verdict> apis = verdicts.stream().filter(verdict -> !verdict.isBaseline()).toList();
        CategoryChart chart = new CategoryChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(title)
                .xAxisTitle("")
                .yAxisTitle("ratio to Keycloak's own grant (same run)")
                .build();
        CategoryStyler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setOverlapped(true); // each category has a bar in one series only
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setYAxisMin(0.0);
        styler.setYAxisMax(yMax(apis));
        styler.setYAxisDecimalPattern("0.00");
        styler.setPlotGridVerticalLinesVisible(false);
        styler.setLabelsVisible(true);
        styler.setLabelsPosition(0.9);
        styler.setLabelsFontColorAutomaticEnabled(false);
        styler.setLabelsFontColor(Color.WHITE);
        styler.setDecimalPattern("0.00");

        List<String> labels = new ArrayList<>(apis.stream().map(verdict -> verdict.measurement().label()).toList());
        if (labels.isEmpty()) {
            labels.add("(no API measured)");
        }
        if (labels.size() > MANY_BARS || labels.stream().anyMatch(label -> label.length() > LONG_LABEL)) {
            styler.setXAxisLabelRotation(30);
        }

        bars(chart, "password-based APIs ÷ password grant (target ≥ 0.95)", labels, apis, Group.PASSWORD_BASED,
                PASSWORD_COLOR);
        bars(chart, "light APIs ÷ client-credentials grant (target ≥ 0.50)", labels, apis, Group.LIGHT, LIGHT_COLOR);
        chart.addAnnotation(new TargetLine(Group.PASSWORD_BASED, "target password-based", PASSWORD_COLOR));
        chart.addAnnotation(new TargetLine(Group.LIGHT, "target light", LIGHT_COLOR));
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }

    /** One bar series per group; the other group's categories hold no value, so draw nothing. */
    private static void bars(CategoryChart chart, String name, List<String> labels, List<Verdict> apis, Group group,
            Color color) {
        List<Double> values = new ArrayList<>(Collections.nCopies(labels.size(), (Double) null));
        for (int i = 0; i < apis.size(); i++) {
            Verdict verdict = apis.get(i);
            if (verdict.measurement().group() == group && Double.isFinite(verdict.ratio())) {
                values.set(i, verdict.ratio());
            }
        }
        CategorySeries series = chart.addSeries(name, labels, values);
        series.setFillColor(color);
        series.setLineColor(color);
        series.setMarkerColor(color);
    }

    /** Room above the highest bar and the targets, so that every bar and line stays inside the plot. */
    private static double yMax(List<Verdict> apis) {
        double highest = apis.stream().mapToDouble(Verdict::ratio).filter(Double::isFinite).max().orElse(0);
        return Math.max(1.2, Math.ceil(highest * 1.1 * 10) / 10);
    }

    /**
     * A group's target as a dashed line across the whole plot, in the group's color, named at its right end. XChart's
     * own {@code AnnotationLine} takes one color for all lines, and a line series would end at the outer bars' centers.
     */
    private static final class TargetLine extends Annotation {

        private static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                10f, new float[] {8f, 6f}, 0f);

        private final double value;
        private final String text;
        private final Color color;

        TargetLine(Group group, String name, Color color) {
            super(false);
            this.value = group.target().orElseThrow();
            this.text = name + " " + Format.ratio(value);
            this.color = color.darker();
        }

        @Override
        public void paint(Graphics2D g) {
            int left = getXAxisScreenValueForMin();
            int right = getXAxisScreenValueForMax();
            int y = getYAxisScreenValue(value);
            bounds = new Rectangle(left, y, right - left, 1);
            g.setStroke(DASHED);
            g.setColor(color);
            g.drawLine(left, y, right, y);

            g.setFont(g.getFont().deriveFont(Font.BOLD, 11f));
            FontMetrics metrics = g.getFontMetrics();
            int textX = right - metrics.stringWidth(text) - 6;
            int textY = y - 4;
            g.setColor(new Color(255, 255, 255, 210));
            g.fillRect(textX - 3, textY - metrics.getAscent(), metrics.stringWidth(text) + 6, metrics.getAscent() + 2);
            g.setColor(color);
            g.drawString(text, textX, textY);
        }
    }
}
