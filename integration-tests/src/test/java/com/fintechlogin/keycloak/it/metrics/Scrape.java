package com.fintechlogin.keycloak.it.metrics;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fintechlogin.bench.MetricSample;
import com.fintechlogin.bench.PrometheusText;

/**
 * One read of {@code /metrics} in Prometheus' text format: its samples, parsed as Prometheus parses them (label
 * values unescaped) by the reader the soak's dashboard uses, so that a test asks what a PromQL query would see.
 *
 * @param text the answer as it came
 */
record Scrape(String text, List<MetricSample> samples) {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

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
        return new Scrape(text, PrometheusText.parse(text));
    }

    /** Every metric name the scrape holds, as a query names it ({@code _bucket}, {@code _count} and {@code _total} included). */
    Set<String> names() {
        return samples.stream().map(MetricSample::name).collect(Collectors.toCollection(TreeSet::new));
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
}
