package com.fintechlogin.bench;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One line of a Prometheus text exposition: a metric name, its labels (sorted by name, values unescaped), its value.
 *
 * @param name   as a query names it: {@code fintech_login_duration_seconds_bucket}, {@code ..._total}
 * @param labels label names and values
 * @param value  {@code +Inf}, {@code -Inf} and {@code NaN} read as the doubles they name
 */
public record MetricSample(String name, Map<String, String> labels, double value) {

    public MetricSample {
        Objects.requireNonNull(name, "name");
        labels = java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
    }

    String label(String label) {
        return labels.getOrDefault(label, "");
    }

    /** Whether every label of {@code selector} has its value here, as a PromQL selector of exact matches asks. */
    public boolean has(Map<String, String> selector) {
        return selector.entrySet().stream().allMatch(label -> label.getValue().equals(labels.get(label.getKey())));
    }
}
