package com.fintechlogin.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads Prometheus' text exposition format (version 0.0.4, what Keycloak's {@code /metrics} answers), as Prometheus
 * reads it: comments and blank lines skipped, label values unescaped ({@code \\}, {@code \"}, {@code \n}), an optional
 * timestamp after the value ignored. The soak's dashboard reads its scrapes with it, and the integration tests' metrics
 * tests theirs.
 */
public final class PrometheusText {

    private PrometheusText() {
    }

    /** Every sample of {@code text}. */
    public static List<MetricSample> parse(String text) {
        return parse(text, sample -> true);
    }

    /** The samples of {@code text} that {@code keep} accepts; a scrape of a busy server holds thousands of others. */
    static List<MetricSample> parse(String text, Predicate<MetricSample> keep) {
        List<MetricSample> samples = new ArrayList<>();
        int lineNumber = 0;
        for (String line : text.split("\n")) {
            lineNumber++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            MetricSample sample;
            try {
                sample = sample(trimmed);
            } catch (RuntimeException malformed) {
                throw new IllegalArgumentException("Not a Prometheus sample (line " + lineNumber + "): " + abbreviate(trimmed), malformed);
            }
            if (keep.test(sample)) {
                samples.add(sample);
            }
        }
        return List.copyOf(samples);
    }

    private static MetricSample sample(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) != '{' && !Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        String name = line.substring(0, i);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("no metric name");
        }
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i = labels(line, i + 1, labels);
        }
        String[] rest = line.substring(i).strip().split("\\s+");
        return new MetricSample(name, labels, number(rest[0]));
    }

    /** Reads {@code name="value", ...}} from {@code i}; returns the index past the closing brace. */
    private static int labels(String line, int i, Map<String, String> into) {
        while (true) {
            i = skipSpaces(line, i);
            if (line.charAt(i) == '}') {
                return i + 1;
            }
            int equals = line.indexOf('=', i);
            String label = line.substring(i, equals).strip();
            i = skipSpaces(line, equals + 1);
            if (line.charAt(i) != '"') {
                throw new IllegalArgumentException("label value not quoted");
            }
            StringBuilder value = new StringBuilder();
            for (i++; line.charAt(i) != '"'; i++) {
                char c = line.charAt(i);
                if (c == '\\') {
                    char escaped = line.charAt(++i);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(c);
                }
            }
            into.put(label, value.toString());
            i = skipSpaces(line, i + 1);
            if (line.charAt(i) == ',') {
                i++;
            }
        }
    }

    private static int skipSpaces(String line, int i) {
        while (Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return i;
    }

    private static double number(String value) {
        return switch (value) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(value);
        };
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
