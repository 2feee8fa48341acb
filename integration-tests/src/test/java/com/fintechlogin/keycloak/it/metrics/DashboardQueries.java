package com.fintechlogin.keycloak.it.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The PromQL queries of a Grafana dashboard's JSON — every panel target's {@code expr}, wherever the panel sits, and
 * every query variable's {@code query} — and the metric names they read.
 */
record DashboardQueries(List<String> queries) {

    private static final Pattern LABEL_VALUES = Pattern.compile("^\\s*label_values\\((.*),\\s*[a-zA-Z_][a-zA-Z0-9_]*\\s*\\)\\s*$", Pattern.DOTALL);
    /** {@code label_values(label)}: the label's values across all metrics, none named. */
    private static final Pattern LABEL_VALUES_ONLY = Pattern.compile("^\\s*label_values\\(\\s*[a-zA-Z_][a-zA-Z0-9_]*\\s*\\)\\s*$");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern LABEL_LIST = Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{[^}]*}|\\$[a-zA-Z_][a-zA-Z0-9_]*");
    /** An identifier that is not the tail of a number ({@code 1e3}, {@code 5m}). */
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![0-9.a-zA-Z_:])[a-zA-Z_:][a-zA-Z0-9_:]*(\\s*\\()?");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right", "bool", "and",
            "or", "unless", "offset", "inf", "nan", "atan2");

    static DashboardQueries read(Path file) {
        try {
            JsonNode dashboard = new ObjectMapper().readTree(file.toFile());
            List<String> queries = new ArrayList<>();
            collectExpressions(dashboard, queries);
            for (JsonNode variable : dashboard.path("templating").path("list")) {
                if ("query".equals(variable.path("type").asText())) {
                    JsonNode query = variable.path("query");
                    queries.add(query.isObject() ? query.path("query").asText() : query.asText());
                }
            }
            return new DashboardQueries(List.copyOf(queries));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collectExpressions(JsonNode node, List<String> into) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if (field.getKey().equals("expr") && field.getValue().isTextual()) {
                    into.add(field.getValue().asText());
                } else {
                    collectExpressions(field.getValue(), into);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> collectExpressions(element, into));
        }
    }

    /** Every metric name the dashboard's queries read. */
    Set<String> metricNames() {
        Set<String> names = new TreeSet<>();
        queries.forEach(query -> names.addAll(metricNames(query)));
        return names;
    }

    /**
     * The metric names {@code promql} reads: what is left once strings, label matchers, ranges, label lists and
     * Grafana variables are gone, minus functions (a name followed by a parenthesis) and keywords.
     */
    static Set<String> metricNames(String promql) {
        if (LABEL_VALUES_ONLY.matcher(promql).matches()) {
            return Set.of();
        }
        Matcher labelValues = LABEL_VALUES.matcher(promql);
        String query = labelValues.matches() ? labelValues.group(1) : promql;
        query = STRING.matcher(query).replaceAll(" ");
        query = VARIABLE.matcher(query).replaceAll(" ");
        query = query.replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ");
        query = LABEL_LIST.matcher(query).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(query);
        while (identifier.find()) {
            String name = identifier.group().replaceAll("\\s*\\($", "");
            if (identifier.group(1) == null && !KEYWORDS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                names.add(name);
            }
        }
        return names;
    }
}
