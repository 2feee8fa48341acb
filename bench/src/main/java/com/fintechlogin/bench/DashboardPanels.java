package com.fintechlogin.bench;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.fintechlogin.bench.DashboardPanel.Style;
import com.fintechlogin.bench.DashboardPanel.Unit;

/**
 * The panels of {@code docs/grafana-dashboard.json}, in its order, each computed the way its queries are. The
 * dashboard's {@code $realm} variable is the soak's realm: the scrapes keep that realm's series only
 * ({@link MetricsScraper}), so the realm matcher of every query is already applied.
 */
final class DashboardPanels {

    static final String ATTEMPTS = "fintech_login_attempts_total";
    static final String DURATION_BUCKET = "fintech_login_duration_seconds_bucket";
    static final String LOCKS = "fintech_credential_locks_total";
    static final String REPLAYS = "fintech_replays_refused_total";
    static final String KEYCLOAK_EVENTS = "keycloak_user_events_total";

    /** The metrics the panels read: all a scrape needs to keep. */
    static final Set<String> METRICS = Set.of(ATTEMPTS, DURATION_BUCKET, LOCKS, REPLAYS, KEYCLOAK_EVENTS);

    private static final Unit REQUESTS_PER_SECOND = new Unit("reqps", "requests per second", 1);
    private static final Unit SHARE = new Unit("percentunit", "% of attempts", 100);
    private static final Unit SECONDS = new Unit("s", "milliseconds", 1000);
    private static final Unit COUNT = new Unit("short", "per scrape interval", 1);

    private static final Predicate<Map<String, String>> ANY = labels -> true;
    private static final Predicate<Map<String, String>> FAILED = labels -> !"success".equals(labels.get("outcome"));

    private DashboardPanels() {
    }

    static List<DashboardPanel> all() {
        return List.of(
                new DashboardPanel("Login attempts per API",
                        List.of("sum by (api) (rate(fintech_login_attempts_total{realm=~\"$realm\"}[$__rate_interval]))"),
                        List.of("{{api}}"), Style.LINES, REQUESTS_PER_SECOND,
                        scrapes -> List.of(DashboardMath.rate(scrapes, ATTEMPTS, ANY, List.of("api")))),
                new DashboardPanel("Failure ratio per API",
                        List.of("sum by (api) (rate(fintech_login_attempts_total{realm=~\"$realm\", outcome!=\"success\"}[$__rate_interval]))\n/\n"
                                + "sum by (api) (rate(fintech_login_attempts_total{realm=~\"$realm\"}[$__rate_interval]))"),
                        List.of("{{api}}"), Style.LINES, SHARE,
                        scrapes -> List.of(DashboardMath.divide(DashboardMath.rate(scrapes, ATTEMPTS, FAILED, List.of("api")),
                                DashboardMath.rate(scrapes, ATTEMPTS, ANY, List.of("api"))))),
                new DashboardPanel("Failures by reason",
                        List.of("sum by (api, outcome) (rate(fintech_login_attempts_total{realm=~\"$realm\", outcome!=\"success\"}[$__rate_interval]))"),
                        List.of("{{api}}: {{outcome}}"), Style.STACKED, REQUESTS_PER_SECOND,
                        scrapes -> List.of(DashboardMath.rate(scrapes, ATTEMPTS, FAILED, List.of("api", "outcome")))),
                new DashboardPanel("Login latency per API (p50, p95, p99)",
                        List.of(quantileQuery("0.5"), quantileQuery("0.95"), quantileQuery("0.99")),
                        List.of("{{api}} p50", "{{api}} p95", "{{api}} p99"), Style.LINES, SECONDS,
                        scrapes -> {
                            DashboardMath.Grouped buckets = DashboardMath.rate(scrapes, DURATION_BUCKET, ANY, List.of("api", "le"));
                            return List.of(DashboardMath.histogramQuantile(0.5, buckets), DashboardMath.histogramQuantile(0.95, buckets),
                                    DashboardMath.histogramQuantile(0.99, buckets));
                        }),
                new DashboardPanel("Attempts per client",
                        List.of("sum by (client, outcome) (rate(fintech_login_attempts_total{realm=~\"$realm\"}[$__rate_interval]))"),
                        List.of("{{client}}: {{outcome}}"), Style.STACKED, REQUESTS_PER_SECOND,
                        scrapes -> List.of(DashboardMath.rate(scrapes, ATTEMPTS, ANY, List.of("client", "outcome")))),
                new DashboardPanel("Credentials locked by the attempt limiter",
                        List.of("sum by (kind) (increase(fintech_credential_locks_total{realm=~\"$realm\"}[$__rate_interval]))"),
                        List.of("{{kind}}"), Style.BARS, COUNT,
                        scrapes -> List.of(DashboardMath.increase(scrapes, LOCKS, ANY, List.of("kind")))),
                new DashboardPanel("Replays refused",
                        List.of("sum by (api) (increase(fintech_replays_refused_total{realm=~\"$realm\"}[$__rate_interval]))"),
                        List.of("{{api}}"), Style.BARS, COUNT,
                        scrapes -> List.of(DashboardMath.increase(scrapes, REPLAYS, ANY, List.of("api")))),
                new DashboardPanel("Keycloak user events",
                        List.of("sum by (event, error) (rate(keycloak_user_events_total{realm=~\"$realm\"}[$__rate_interval]))"),
                        List.of("{{event}} {{error}}"), Style.LINES, REQUESTS_PER_SECOND,
                        scrapes -> List.of(DashboardMath.rate(scrapes, KEYCLOAK_EVENTS, ANY, List.of("event", "error")))));
    }

    private static String quantileQuery(String q) {
        return "histogram_quantile(" + q + ", sum by (api, le) (rate(fintech_login_duration_seconds_bucket{realm=~\"$realm\"}[$__rate_interval])))";
    }
}
