package com.fintechlogin.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DashboardMathTest {

    private static final String ATTEMPTS = DashboardPanels.ATTEMPTS;

    /**
     * Four scrapes, 15 s apart. user-login successes 0, 30, 60, 75; its wrong passwords appear at the second scrape
     * with 3, then 6, 6; get-token successes 100, 115, then 10 (the server restarted: a reset), 40.
     */
    private static List<MetricsScrape> scrapes() {
        List<MetricsScrape> scrapes = new ArrayList<>();
        double[][] values = {{0, Double.NaN, 100}, {30, 3, 115}, {60, 6, 10}, {75, 6, 40}};
        for (int i = 0; i < values.length; i++) {
            List<MetricSample> samples = new ArrayList<>();
            samples.add(attempt("user-login", "success", values[i][0]));
            if (!Double.isNaN(values[i][1])) {
                samples.add(attempt("user-login", "invalid_credentials", values[i][1]));
            }
            samples.add(attempt("get-token", "success", values[i][2]));
            scrapes.add(new MetricsScrape(15.0 * i, samples));
        }
        return scrapes;
    }

    private static MetricSample attempt(String api, String outcome, double value) {
        return new MetricSample(ATTEMPTS, Map.of("realm", "demo", "api", api, "client", "c", "outcome", outcome), value);
    }

    private static double[] series(DashboardMath.Grouped grouped, Map<String, String> key) {
        assertThat(grouped.series()).containsKey(key);
        return grouped.series().get(key);
    }

    @Test
    void aRateIsTheIncreaseBetweenConsecutiveScrapesPerSecondSummedByTheGroupingLabels() {
        DashboardMath.Grouped rate = DashboardMath.rate(scrapes(), ATTEMPTS, labels -> true, List.of("api"));

        assertThat(rate.atSeconds()).containsExactly(15, 30, 45);
        assertThat(rate.series()).hasSize(2);
        // (30 - 0) / 15 = 2; (60 - 30 + 6 - 3) / 15 = 2.2; (75 - 60 + 6 - 6) / 15 = 1: the wrong passwords' first 3
        // are not seen, as Prometheus does not see a series' first count either.
        assertThat(series(rate, Map.of("api", "user-login"))).containsExactly(new double[] {2, 2.2, 1}, within(1e-9));
        // 15 / 15 = 1; after the reset the counter counts from 0: 10 / 15; then 30 / 15 = 2.
        assertThat(series(rate, Map.of("api", "get-token"))).containsExactly(new double[] {1, 10.0 / 15, 2}, within(1e-9));
    }

    @Test
    void aMatcherKeepsOnlyItsSeriesAndAnIntervalWithoutAnyGivesNothing() {
        DashboardMath.Grouped failures = DashboardMath.rate(scrapes(), ATTEMPTS, labels -> !"success".equals(labels.get("outcome")),
                List.of("api", "outcome"));

        assertThat(failures.series()).containsOnlyKeys(Map.of("api", "user-login", "outcome", "invalid_credentials"));
        double[] wrongPasswords = series(failures, Map.of("api", "user-login", "outcome", "invalid_credentials"));
        assertThat(wrongPasswords[0]).isNaN();
        assertThat(wrongPasswords[1]).isCloseTo(0.2, within(1e-9));
        assertThat(wrongPasswords[2]).isZero();
    }

    @Test
    void groupsAreFoundByTheirLabelsWhateverMapHoldsThemAndComeInTheOrderOfTheirValues() {
        DashboardMath.Grouped rate = DashboardMath.rate(scrapes(), ATTEMPTS, labels -> true, List.of("outcome", "api"));

        assertThat(rate.series()).containsKey(new java.util.HashMap<>(Map.of("outcome", "success", "api", "get-token")))
                .containsKey(new java.util.TreeMap<>(Map.of("api", "user-login", "outcome", "success")));
        assertThat(rate.series().keySet()).extracting(Object::toString).containsExactly("{api=get-token, outcome=success}",
                "{api=user-login, outcome=invalid_credentials}", "{api=user-login, outcome=success}");
    }

    @Test
    void anIncreaseIsWhatEachIntervalAdded() {
        DashboardMath.Grouped increase = DashboardMath.increase(scrapes(), ATTEMPTS, labels -> "success".equals(labels.get("outcome")),
                List.of("api"));

        assertThat(series(increase, Map.of("api", "user-login"))).containsExactly(30, 30, 15);
        assertThat(series(increase, Map.of("api", "get-token"))).containsExactly(15, 10, 30);
    }

    @Test
    void aRatioIsMatchedOnTheSameLabelsAndAGroupMissingOnOneSideGivesNothing() {
        List<MetricsScrape> scrapes = scrapes();
        DashboardMath.Grouped ratio = DashboardMath.divide(
                DashboardMath.rate(scrapes, ATTEMPTS, labels -> !"success".equals(labels.get("outcome")), List.of("api")),
                DashboardMath.rate(scrapes, ATTEMPTS, labels -> true, List.of("api")));

        assertThat(ratio.series()).containsOnlyKeys(Map.of("api", "user-login"));
        double[] userLogin = series(ratio, Map.of("api", "user-login"));
        assertThat(userLogin[0]).isNaN();
        assertThat(userLogin[1]).isCloseTo(0.2 / 2.2, within(1e-9));
        assertThat(userLogin[2]).isZero();
    }

    private static List<double[]> buckets(double... boundsAndCounts) {
        List<double[]> buckets = new ArrayList<>();
        for (int i = 0; i < boundsAndCounts.length; i += 2) {
            buckets.add(new double[] {boundsAndCounts[i], boundsAndCounts[i + 1]});
        }
        return buckets;
    }

    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void aQuantileIsInterpolatedLinearlyInTheBucketWhereItsRankFalls() {
        // 10 observations: 2 up to 10 ms, 6 more up to 25 ms, 2 more up to 50 ms.
        List<double[]> buckets = buckets(0.005, 0, 0.01, 2, 0.025, 8, 0.05, 10, INF, 10);

        // p50: rank 5, in (0.01, 0.025] holding 6, 3 of them below: 0.01 + 0.015 × 3/6
        assertThat(DashboardMath.bucketQuantile(0.5, buckets)).isCloseTo(0.0175, within(1e-12));
        // p95: rank 9.5, in (0.025, 0.05] holding 2, 1.5 below: 0.025 + 0.025 × 0.75
        assertThat(DashboardMath.bucketQuantile(0.95, buckets)).isCloseTo(0.04375, within(1e-12));
        // p99: 0.025 + 0.025 × 1.9/2
        assertThat(DashboardMath.bucketQuantile(0.99, buckets)).isCloseTo(0.04875, within(1e-12));
        // p10: rank 1, in (0.005, 0.01] holding 2: 0.005 + 0.005 × 1/2
        assertThat(DashboardMath.bucketQuantile(0.1, buckets)).isCloseTo(0.0075, within(1e-12));
    }

    @Test
    void theFirstBucketStartsAtZero() {
        assertThat(DashboardMath.bucketQuantile(0.5, buckets(0.1, 4, INF, 4))).isCloseTo(0.05, within(1e-12));
    }

    @Test
    void aRankInTheInfiniteBucketGivesTheHighestFiniteBound() {
        assertThat(DashboardMath.bucketQuantile(0.5, buckets(0.1, 1, 1.0, 2, INF, 10))).isEqualTo(1.0);
    }

    @Test
    void bucketsComeInAnyOrderAndCountsThatGoDownAreRaisedToThoseBelow() {
        // Sorted: 0.1 → 5, 0.2 → 3 (raised to 5), +Inf → 6; p50: rank 3 in the first bucket, 0.1 × 3/5
        assertThat(DashboardMath.bucketQuantile(0.5, buckets(INF, 6, 0.2, 3, 0.1, 5))).isCloseTo(0.06, within(1e-12));
    }

    @Test
    void noObservationsNoInfiniteBucketOrOneBucketGiveNothing() {
        assertThat(DashboardMath.bucketQuantile(0.5, buckets(0.1, 0, INF, 0))).isNaN();
        assertThat(DashboardMath.bucketQuantile(0.5, buckets(0.1, 3, 1.0, 4))).isNaN();
        assertThat(DashboardMath.bucketQuantile(0.5, buckets(INF, 4))).isNaN();
        assertThat(DashboardMath.bucketQuantile(0.5, buckets())).isNaN();
    }

    @Test
    void aHistogramQuantileIsTakenPerGroupOfTheLabelsBesideLe() {
        Map<Map<String, String>, double[]> rates = new LinkedHashMap<>();
        double[][] boundsAndRates = {{0.005, 0}, {0.01, 2}, {0.025, 8}, {0.05, 10}, {INF, 10}};
        for (double[] bucket : boundsAndRates) {
            String le = bucket[0] == INF ? "+Inf" : Double.toString(bucket[0]);
            rates.put(Map.of("api", "user-login", "le", le), new double[] {bucket[1], 0});
            rates.put(Map.of("api", "get-token", "le", le), new double[] {bucket[1] / 2, bucket[1]});
        }
        DashboardMath.Grouped p50 = DashboardMath.histogramQuantile(0.5, new DashboardMath.Grouped(new double[] {15, 30}, rates));

        assertThat(p50.series()).containsOnlyKeys(Map.of("api", "user-login"), Map.of("api", "get-token"));
        double[] userLogin = series(p50, Map.of("api", "user-login"));
        assertThat(userLogin[0]).isCloseTo(0.0175, within(1e-12));
        assertThat(userLogin[1]).as("no login in that interval").isNaN();
        assertThat(series(p50, Map.of("api", "get-token"))).containsExactly(new double[] {0.0175, 0.0175}, within(1e-12));
    }
}
