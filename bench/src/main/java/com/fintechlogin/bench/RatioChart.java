package com.fintechlogin.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

/**
 * Draws the one picture a reader needs: each API's throughput as a ratio to the scenario it is judged against, in the
 * same run; bars colored by that baseline, each bar's own target as a dashed mark across it, and the value with its
 * target written above whichever of the two is higher, so that no line crosses a number. Drawn with Java2D rather
 * than a charting library because the targets differ per bar and the labels must be placed knowing where the target
 * marks are; {@link #layout} computes every position, so a test can check that labels and marks do not collide.
 */
final class RatioChart {

    static {
        // Before any AWT class initializes: the benchmark runs on servers and build machines without a display.
        System.setProperty("java.awt.headless", "true");
    }

    static final int WIDTH = 960;
    static final int HEIGHT = 540;

    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 56;
    private static final int BOTTOM = 100;
    private static final int LABEL_GAP = 4;
    private static final Color[] BASELINE_COLORS = {new Color(0x1f, 0x77, 0xb4), new Color(0xff, 0x7f, 0x0e),
        new Color(0x2c, 0xa0, 0x2c), new Color(0x94, 0x67, 0xbd), new Color(0x8c, 0x56, 0x4b)};
    private static final Color MISSED = new Color(0xc6, 0x28, 0x28);
    private static final Color TEXT = new Color(0x22, 0x22, 0x22);
    private static final Color GRID = new Color(0xdd, 0xdd, 0xdd);
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Font VALUE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    private static final Font SMALL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Font AXIS_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final BasicStroke DASHED = new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);

    /** Where one API's bar, target mark and labels go. */
    record Bar(String label, double ratio, double target, boolean met, String baselineLabel, Color color,
            Rectangle bar, Rectangle targetMark, Rectangle valueBox, List<String> nameLines, int nameTop) {
    }

    /** Every position of the chart, in pixels of a {@link #WIDTH} × {@link #HEIGHT} image. */
    record Layout(Rectangle plot, double yMax, double yStep, List<Bar> bars, Map<String, Color> legend) {
    }

    private RatioChart() {
    }

    /** The chart as PNG bytes. */
    static byte[] png(String title, List<Verdict> verdicts) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            draw(g, title, layout(g, verdicts));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }

    /** The positions of everything, measured with {@code g}'s fonts; the APIs in the verdicts' order. */
    static Layout layout(Graphics2D g, List<Verdict> verdicts) {
        List<Verdict> apis = verdicts.stream().filter(v -> !v.isBaseline()).toList();
        Rectangle plot = new Rectangle(LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM);
        FontMetrics value = g.getFontMetrics(VALUE_FONT);
        FontMetrics small = g.getFontMetrics(SMALL_FONT);
        int labelHeight = value.getHeight() + small.getHeight();
        // Room above the highest bar or target for its two-line label, so that every label stays inside the plot.
        double highest = apis.stream().mapToDouble(v -> Math.max(finite(v.ratio()), v.target().orElse(0))).max().orElse(1);
        double yMax = Math.max(1.2, Math.ceil(highest * plot.height / (plot.height - labelHeight - 2.0 * LABEL_GAP) * 10) / 10);
        double yStep = yMax > 2.4 ? 0.5 : 0.2;

        Map<String, Color> legend = new LinkedHashMap<>();
        for (Verdict api : apis) {
            legend.computeIfAbsent(baselineLabel(api), b -> BASELINE_COLORS[legend.size() % BASELINE_COLORS.length]);
        }
        List<Bar> bars = new ArrayList<>();
        int slot = apis.isEmpty() ? plot.width : plot.width / apis.size();
        for (int i = 0; i < apis.size(); i++) {
            Verdict api = apis.get(i);
            int slotLeft = plot.x + i * slot;
            int barWidth = (int) (slot * 0.6);
            int barLeft = slotLeft + (slot - barWidth) / 2;
            double ratio = finite(api.ratio());
            int barTop = y(plot, yMax, ratio);
            Rectangle bar = new Rectangle(barLeft, barTop, barWidth, plot.y + plot.height - barTop);
            double target = api.target().orElse(Double.NaN);
            int markWidth = (int) (slot * 0.8);
            int targetY = y(plot, yMax, target);
            Rectangle mark = new Rectangle(slotLeft + (slot - markWidth) / 2, targetY - 2, markWidth, 4);
            int above = (Double.isFinite(target) ? Math.min(barTop, mark.y) : barTop) - LABEL_GAP;
            String[] texts = valueTexts(api);
            int boxWidth = Math.max(value.stringWidth(texts[0]), small.stringWidth(texts[1])) + 6;
            Rectangle box = new Rectangle(slotLeft + (slot - boxWidth) / 2, above - labelHeight, boxWidth, labelHeight);
            List<String> nameLines = wrap(api.measurement().label(), g.getFontMetrics(AXIS_FONT), slot - 8);
            bars.add(new Bar(api.measurement().label(), ratio, target, api.met(), baselineLabel(api),
                    legend.get(baselineLabel(api)), bar, mark, box, nameLines, plot.y + plot.height + 6));
        }
        return new Layout(plot, yMax, yStep, List.copyOf(bars), legend);
    }

    private static void draw(Graphics2D g, String title, Layout layout) {
        Rectangle plot = layout.plot();
        g.setFont(TITLE_FONT);
        g.setColor(TEXT);
        FontMetrics titleMetrics = g.getFontMetrics();
        g.drawString(title, (WIDTH - titleMetrics.stringWidth(title)) / 2, 26);
        g.setFont(SMALL_FONT);
        String subtitle = "throughput ÷ the throughput of the scenario it is judged against, same server, same run";
        g.drawString(subtitle, (WIDTH - g.getFontMetrics().stringWidth(subtitle)) / 2, 44);

        g.setFont(AXIS_FONT);
        FontMetrics axis = g.getFontMetrics();
        for (double tick = 0; tick <= layout.yMax() + 1e-9; tick += layout.yStep()) {
            int y = y(plot, layout.yMax(), tick);
            g.setColor(GRID);
            g.drawLine(plot.x, y, plot.x + plot.width, y);
            g.setColor(TEXT);
            String text = Format.ratio(tick);
            g.drawString(text, plot.x - 8 - axis.stringWidth(text), y + axis.getAscent() / 2 - 1);
        }
        g.setColor(TEXT);
        g.drawLine(plot.x, plot.y, plot.x, plot.y + plot.height);
        g.drawLine(plot.x, plot.y + plot.height, plot.x + plot.width, plot.y + plot.height);

        for (Bar bar : layout.bars()) {
            g.setColor(bar.color());
            g.fill(bar.bar());
            if (Double.isFinite(bar.target())) {
                Rectangle mark = bar.targetMark();
                int y = mark.y + mark.height / 2;
                g.setStroke(DASHED);
                g.setColor(TEXT);
                g.drawLine(mark.x, y, mark.x + mark.width, y);
                g.setStroke(new BasicStroke(1f));
            }
            drawValue(g, bar);
            g.setFont(AXIS_FONT);
            g.setColor(TEXT);
            int lineY = bar.nameTop() + axis.getAscent();
            int center = bar.bar().x + bar.bar().width / 2;
            for (String line : bar.nameLines()) {
                g.drawString(line, center - axis.stringWidth(line) / 2, lineY);
                lineY += axis.getHeight();
            }
        }
        drawLegend(g, layout);
    }

    private static void drawValue(Graphics2D g, Bar bar) {
        Rectangle box = bar.valueBox();
        String[] texts = {Double.isFinite(bar.ratio()) && bar.ratio() > 0 ? Format.ratio(bar.ratio()) : "—",
            Double.isFinite(bar.target()) ? "target ≥ " + Format.ratio(bar.target()) : ""};
        g.setFont(VALUE_FONT);
        FontMetrics value = g.getFontMetrics();
        g.setColor(bar.met() ? TEXT : MISSED);
        int center = box.x + box.width / 2;
        g.drawString(texts[0], center - value.stringWidth(texts[0]) / 2, box.y + value.getAscent());
        g.setFont(SMALL_FONT);
        FontMetrics small = g.getFontMetrics();
        g.setColor(bar.met() ? TEXT : MISSED);
        g.drawString(texts[1], center - small.stringWidth(texts[1]) / 2, box.y + value.getHeight() + small.getAscent());
    }

    private static void drawLegend(Graphics2D g, Layout layout) {
        g.setFont(SMALL_FONT);
        FontMetrics small = g.getFontMetrics();
        int x = layout.plot().x;
        int y = HEIGHT - 16;
        for (Map.Entry<String, Color> entry : layout.legend().entrySet()) {
            g.setColor(entry.getValue());
            g.fillRect(x, y - 10, 12, 12);
            g.setColor(TEXT);
            String text = "÷ " + entry.getKey();
            g.drawString(text, x + 16, y);
            x += 16 + small.stringWidth(text) + 24;
        }
        g.setStroke(DASHED);
        g.drawLine(x, y - 4, x + 24, y - 4);
        g.setStroke(new BasicStroke(1f));
        String target = "the API's target (red figures: missed, or errors)";
        g.drawString(target, x + 30, y);
    }

    /** The value and the target, as written above the bar. */
    private static String[] valueTexts(Verdict api) {
        return new String[] {Double.isFinite(api.ratio()) ? Format.ratio(api.ratio()) : "—",
            api.target().isPresent() ? "target ≥ " + Format.ratio(api.target().getAsDouble()) : ""};
    }

    private static String baselineLabel(Verdict api) {
        return api.baseline() != null ? api.baseline().label() : api.measurement().target().orElseThrow().baselineId();
    }

    /** The words of {@code text} in lines no wider than {@code width}; a single word wider than that stands alone. */
    static List<String> wrap(String text, FontMetrics metrics, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && metrics.stringWidth(candidate) > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static int y(Rectangle plot, double yMax, double value) {
        double clamped = Double.isFinite(value) ? Math.max(0, Math.min(value, yMax)) : 0;
        return plot.y + plot.height - (int) Math.round(clamped / yMax * plot.height);
    }

    private static double finite(double value) {
        return Double.isFinite(value) ? value : 0;
    }
}
