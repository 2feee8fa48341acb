package com.fintechlogin.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * What the dashboard's PromQL computes, over the soak's scrapes instead of Prometheus' storage: {@code rate} and
 * {@code increase} between consecutive scrapes, {@code sum by (...)}, a division matched on the same labels and
 * {@code histogram_quantile}. Each result has one value per interval between two scrapes, at the later scrape's time,
 * as a query evaluated then over the last interval would give it; {@code NaN} where the query gives nothing.
 */
final class DashboardMath {

    private DashboardMath() {
    }

    /**
     * Series grouped by their labels, each with one value per interval.
     *
     * @param atSeconds when each value stands: the later scrape of its interval
     * @param series    by the grouping labels' values (sorted by label name)
     */
    record Grouped(double[] atSeconds, Map<Map<String, String>, double[]> series) {

        Grouped {
            atSeconds = atSeconds.clone();
            // Ordered by the labels' values in label order, so that legends come out the same in every run, and
            // looked up by content whatever kind of map a caller holds.
            Map<Map<String, String>, double[]> sorted = new TreeMap<>(Comparator.comparing(key -> new TreeMap<>(key).toString()));
            series.forEach((key, values) -> sorted.put(Collections.unmodifiableMap(new TreeMap<>(key)), values.clone()));
            series = Collections.unmodifiableMap(sorted);
        }
    }

    /** {@code sum by (by) (rate(metric{matcher}[interval]))}: per second, between consecutive scrapes. */
    static Grouped rate(List<MetricsScrape> scrapes, String metric, Predicate<Map<String, String>> matcher, List<String> by) {
        return sumOfDeltas(scrapes, metric, matcher, by, true);
    }

    /** {@code sum by (by) (increase(metric{matcher}[interval]))}: what each interval added. */
    static Grouped increase(List<MetricsScrape> scrapes, String metric, Predicate<Map<String, String>> matcher, List<String> by) {
        return sumOfDeltas(scrapes, metric, matcher, by, false);
    }

    /**
     * {@code a / b}, matched on identical labels as PromQL's one-to-one matching does: a group missing on either side,
     * or a zero divisor, gives nothing ({@code NaN}, where Prometheus would give no sample or {@code NaN}/{@code Inf}).
     */
    static Grouped divide(Grouped a, Grouped b) {
        Map<Map<String, String>, double[]> quotients = new HashMap<>();
        a.series().forEach((key, dividends) -> {
            double[] divisors = b.series().get(key);
            if (divisors != null) {
                double[] q = new double[dividends.length];
                for (int i = 0; i < q.length; i++) {
                    q[i] = divisors[i] > 0 ? dividends[i] / divisors[i] : Double.NaN;
                }
                quotients.put(key, q);
            }
        });
        return new Grouped(a.atSeconds(), quotients);
    }

    /**
     * {@code histogram_quantile(q, buckets)} where {@code buckets} was grouped by {@code le} among other labels: one
     * result per group of the other labels.
     */
    static Grouped histogramQuantile(double q, Grouped buckets) {
        Map<Map<String, String>, List<Map.Entry<Double, double[]>>> byRest = new HashMap<>();
        buckets.series().forEach((key, values) -> {
            Map<String, String> rest = new TreeMap<>(key);
            String le = rest.remove("le");
            if (le != null) {
                byRest.computeIfAbsent(rest, k -> new ArrayList<>()).add(Map.entry(upperBound(le), values));
            }
        });
        Map<Map<String, String>, double[]> quantiles = new HashMap<>();
        int intervals = buckets.atSeconds().length;
        byRest.forEach((key, bucketSeries) -> {
            double[] result = new double[intervals];
            for (int i = 0; i < intervals; i++) {
                List<double[]> atI = new ArrayList<>();
                for (Map.Entry<Double, double[]> bucket : bucketSeries) {
                    if (!Double.isNaN(bucket.getValue()[i])) {
                        atI.add(new double[] {bucket.getKey(), bucket.getValue()[i]});
                    }
                }
                result[i] = bucketQuantile(q, atI);
            }
            quantiles.put(key, result);
        });
        return new Grouped(buckets.atSeconds(), quantiles);
    }

    /**
     * Prometheus' {@code bucketQuantile} (promql/quantile.go): buckets sorted by upper bound, equal bounds merged,
     * counts forced monotonic; the rank {@code q × count} is found in the first bucket whose cumulative count reaches
     * it and interpolated linearly between that bucket's lower and upper bound (0 for the first bucket); a rank in the
     * {@code +Inf} bucket gives the highest finite bound. {@code NaN} without a {@code +Inf} bucket, with fewer than
     * two buckets or with no observations.
     *
     * @param buckets pairs of {upper bound, cumulative count}
     */
    static double bucketQuantile(double q, List<double[]> buckets) {
        if (Double.isNaN(q)) {
            return Double.NaN;
        }
        if (q < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (q > 1) {
            return Double.POSITIVE_INFINITY;
        }
        List<double[]> sorted = new ArrayList<>();
        buckets.stream().sorted(Comparator.comparingDouble(b -> b[0])).forEach(b -> {
            if (!sorted.isEmpty() && sorted.get(sorted.size() - 1)[0] == b[0]) {
                sorted.get(sorted.size() - 1)[1] += b[1];
            } else {
                sorted.add(b.clone());
            }
        });
        if (sorted.size() < 2 || sorted.get(sorted.size() - 1)[0] != Double.POSITIVE_INFINITY) {
            return Double.NaN;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double[] bucket : sorted) {
            max = Math.max(max, bucket[1]);
            bucket[1] = max;
        }
        int last = sorted.size() - 1;
        double observations = sorted.get(last)[1];
        if (observations == 0) {
            return Double.NaN;
        }
        double rank = q * observations;
        int b = 0;
        while (b < last && sorted.get(b)[1] < rank) {
            b++;
        }
        if (b == last) {
            return sorted.get(last - 1)[0];
        }
        if (b == 0 && sorted.get(0)[0] <= 0) {
            return sorted.get(0)[0];
        }
        double start = 0;
        double end = sorted.get(b)[0];
        double count = sorted.get(b)[1];
        if (b > 0) {
            start = sorted.get(b - 1)[0];
            count -= sorted.get(b - 1)[1];
            rank -= sorted.get(b - 1)[1];
        }
        return start + (end - start) * (rank / count);
    }

    private static double upperBound(String le) {
        return le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
    }

    /**
     * Per series, the increase between two consecutive scrapes (a counter that went down was reset, and counts from
     * zero, as Prometheus counts it); summed per group. A series must be in both scrapes to count, so the first count
     * of a series that appears between two scrapes is not seen, as Prometheus does not see it either.
     */
    private static Grouped sumOfDeltas(List<MetricsScrape> scrapes, String metric, Predicate<Map<String, String>> matcher,
            List<String> by, boolean perSecond) {
        int intervals = Math.max(0, scrapes.size() - 1);
        double[] at = new double[intervals];
        Map<Map<String, String>, double[]> groups = new HashMap<>();
        Map<Map<String, String>, Double> previous = values(scrapes.isEmpty() ? null : scrapes.get(0), metric, matcher);
        for (int i = 0; i < intervals; i++) {
            MetricsScrape from = scrapes.get(i);
            MetricsScrape to = scrapes.get(i + 1);
            at[i] = to.atSecond();
            double seconds = to.atSecond() - from.atSecond();
            Map<Map<String, String>, Double> current = values(to, metric, matcher);
            for (Map.Entry<Map<String, String>, Double> series : current.entrySet()) {
                Double before = previous.get(series.getKey());
                if (before == null) {
                    continue;
                }
                double now = series.getValue();
                double delta = now >= before ? now - before : now;
                double[] group = groups.computeIfAbsent(groupKey(series.getKey(), by), k -> nans(intervals));
                group[i] = (Double.isNaN(group[i]) ? 0 : group[i]) + (perSecond ? delta / seconds : delta);
            }
            previous = current;
        }
        return new Grouped(at, groups);
    }

    private static Map<Map<String, String>, Double> values(MetricsScrape scrape, String metric, Predicate<Map<String, String>> matcher) {
        Map<Map<String, String>, Double> values = new HashMap<>();
        if (scrape != null) {
            for (MetricSample sample : scrape.samples()) {
                if (sample.name().equals(metric) && matcher.test(sample.labels())) {
                    values.put(sample.labels(), sample.value());
                }
            }
        }
        return values;
    }

    private static Map<String, String> groupKey(Map<String, String> labels, List<String> by) {
        Map<String, String> key = new TreeMap<>();
        for (String label : by) {
            // PromQL groups a series without the label with those whose value is empty.
            key.put(label, labels.getOrDefault(label, ""));
        }
        return key;
    }

    private static double[] nans(int length) {
        double[] values = new double[length];
        Arrays.fill(values, Double.NaN);
        return values;
    }
}
