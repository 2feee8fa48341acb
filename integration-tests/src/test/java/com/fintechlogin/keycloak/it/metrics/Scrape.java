package com.fintechlogin.keycloak.it.metrics;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One read of {@code /metrics} in Prometheus' text format: its samples, parsed as Prometheus parses them (label
 * values unescaped), so that a test asks what a PromQL query would see.
 *
 * @param text the answer as it came
 */
record Scrape(String text, List<Sample> samples) {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One line: a metric name, its labels, its value. */
    record Sample(String name, Map<String, String> labels, double value) {

        boolean has(Map<String, String> selector) {
            return selector.entrySet().stream().allMatch(label -> label.getValue().equals(labels.get(label.getKey())));
        }
    }

    static Scrape of(String url) {
        try {
            HttpResponse<String> answer = CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new AssertionError("GET " + url + ": HTTP " + answer.statusCode() + "\n" + answer.body());
            }
            return parse(answer.body());
        } catch (java.io.IOException e) {
            throw new AssertionError("GET " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Scrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                samples.add(sample(line.strip()));
            }
        }
        return new Scrape(text, List.copyOf(samples));
    }

    /** Every metric name the scrape holds, as a query names it ({@code _bucket}, {@code _count} and {@code _total} included). */
    Set<String> names() {
        return samples.stream().map(Sample::name).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The samples of {@code name} whose labels include {@code selector}, keyed by the labels {@code key} picks. */
    <K extends Comparable<K>> Map<K, Double> values(String name, Map<String, String> selector, Function<Map<String, String>, K> key) {
        Map<K, Double> values = new TreeMap<>();
        samples.stream().filter(sample -> sample.name().equals(name) && sample.has(selector))
                .forEach(sample -> values.merge(key.apply(sample.labels()), sample.value(), Double::sum));
        return values;
    }

    /** Every label value of every sample whose name starts with {@code prefix}. */
    Set<String> labelValues(String prefix, String label) {
        return samples.stream().filter(sample -> sample.name().startsWith(prefix) && sample.labels().containsKey(label))
                .map(sample -> sample.labels().get(label)).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Every label value of the scrape, of whatever metric. */
    Set<String> allLabelValues() {
        return samples.stream().flatMap(sample -> sample.labels().values().stream()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** A sample value: Prometheus writes infinities as {@code +Inf} / {@code -Inf}. */
    private static double number(String value) {
        return switch (value) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(value);
        };
    }

    private static Sample sample(String line) {
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        if (brace < 0 || (space >= 0 && space < brace)) {
            String[] parts = line.split(" ");
            return new Sample(parts[0], Map.of(), number(parts[1]));
        }
        Map<String, String> labels = new TreeMap<>();
        int i = brace + 1;
        while (line.charAt(i) != '}') {
            int equals = line.indexOf('=', i);
            String label = line.substring(i, equals).strip();
            StringBuilder value = new StringBuilder();
            int j = equals + 2; // past ="
            for (; line.charAt(j) != '"'; j++) {
                char c = line.charAt(j);
                if (c == '\\') {
                    char escaped = line.charAt(++j);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(c);
                }
            }
            labels.put(label, value.toString());
            i = j + 1;
            if (line.charAt(i) == ',') {
                i++;
            }
        }
        String[] rest = line.substring(i + 1).strip().split(" ");
        return new Sample(line.substring(0, brace), labels, number(rest[0]));
    }
}
