package com.fintechlogin.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One panel of {@code docs/grafana-dashboard.json}, with what its queries compute written out over the soak's scrapes
 * ({@link DashboardMath}). The title, the queries and the legend formats are the JSON's own, word for word;
 * {@code DashboardPanelsTest} holds them to the file, so a panel changed there cannot silently differ here.
 *
 * @param title    the panel's title
 * @param queries  its targets' {@code expr}, in order
 * @param legends  its targets' {@code legendFormat}, in the same order
 * @param style    how Grafana draws it
 * @param unit     the axis: Grafana's unit, and the factor that turns the query's value into what the axis shows
 * @param results  what each target's query gives, per group, in the targets' order
 */
record DashboardPanel(String title, List<String> queries, List<String> legends, Style style, Unit unit,
        Function<List<MetricsScrape>, List<DashboardMath.Grouped>> results) {

    /** Lines; lines stacked on each other; bars, one per interval. */
    enum Style {
        LINES, STACKED, BARS
    }

    /** A Grafana unit, as the picture's axis shows it. */
    record Unit(String grafana, String axisTitle, double factor) {
    }

    /**
     * One line (or row of bars) of a panel: the legend as Grafana renders it, a value per interval.
     *
     * @param target the query it came from, 0 for the first
     * @param group  the grouping labels' values, the same for the curves of one API in each query
     */
    record Curve(String legend, int target, String group, double[] atSeconds, double[] values) {
    }

    private static final Pattern LEGEND_LABEL = Pattern.compile("\\{\\{\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*}}");

    DashboardPanel {
        Objects.requireNonNull(title, "title");
        queries = List.copyOf(queries);
        legends = List.copyOf(legends);
        if (queries.size() != legends.size()) {
            throw new IllegalArgumentException(title + ": a legend per query");
        }
    }

    /** Every curve of the panel from {@code scrapes}, legends filled in, values in the axis' unit. */
    List<Curve> curves(List<MetricsScrape> scrapes) {
        List<DashboardMath.Grouped> grouped = results.apply(scrapes);
        List<Curve> curves = new ArrayList<>();
        for (int target = 0; target < grouped.size(); target++) {
            DashboardMath.Grouped result = grouped.get(target);
            for (Map.Entry<Map<String, String>, double[]> series : result.series().entrySet()) {
                double[] values = series.getValue().clone();
                for (int i = 0; i < values.length; i++) {
                    values[i] *= unit.factor();
                }
                curves.add(new Curve(legend(legends.get(target), series.getKey()), target, series.getKey().toString(),
                        result.atSeconds(), values));
            }
        }
        return curves;
    }

    /** Grafana's legend format: each {@code {{label}}} replaced by the series' value of it (empty when it has none). */
    static String legend(String format, Map<String, String> labels) {
        Matcher label = LEGEND_LABEL.matcher(format);
        StringBuilder legend = new StringBuilder();
        while (label.find()) {
            label.appendReplacement(legend, Matcher.quoteReplacement(labels.getOrDefault(label.group(1), "")));
        }
        label.appendTail(legend);
        return legend.toString().strip();
    }
}
